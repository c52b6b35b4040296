#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Throughput of each stage on generated policies of 1k, 10k and 100k lines (`cargo bench --bench
//! pipeline`), and the incremental case: one line changed in a 10k-line policy, re-checked through
//! the database, against a cold check. Divan reports bytes/s for each size.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use salsa::Setter;
use vern::check::{CheckConfig, check_policy};
use vern::db::Database;
use vern::resolve::resolve_policy;

// The allocator `vern` itself uses (src/main.rs), so the stages cost what they cost in the binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

fn policy(lines: usize) -> String {
    vern::generate::benchmark_policy(lines)
}

fn loaded(text: &str) -> (Database, vern::db::SourceFile) {
    let mut db = Database::new();
    let file = db.set_file("policy.vern", text.to_string());
    (db, file)
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn parse(bencher: Bencher, lines: usize) {
    let text = policy(lines);
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| loaded(&text))
        .bench_values(|(db, file)| {
            black_box(vern::syntax::parse(&db, file).decls.len());
        });
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn resolve(bencher: Bencher, lines: usize) {
    let text = policy(lines);
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| {
            let (db, file) = loaded(&text);
            vern::syntax::parse(&db, file);
            vern::resolve::std_lib(&db, vern::db::Db::file_set(&db));
            (db, file)
        })
        .bench_values(|(db, file)| black_box(resolve_policy(&db, file).policy.purposes.len()));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn check(bencher: Bencher, lines: usize) {
    let text = policy(lines);
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| {
            let (db, file) = loaded(&text);
            resolve_policy(&db, file);
            let config = CheckConfig::new(&db, AS_OF, Default::default());
            (db, file, config)
        })
        .bench_values(|(db, file, config)| black_box(check_policy(&db, file, config).len()));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn build_json(bencher: Bencher, lines: usize) {
    let text = policy(lines);
    let (db, file) = loaded(&text);
    let policy = resolve_policy(&db, file).policy.clone();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| black_box(vern::emit::policy_json(&policy, AS_OF).len()));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn notice(bencher: Bencher, lines: usize) {
    let text = policy(lines);
    let (db, file) = loaded(&text);
    let policy = resolve_policy(&db, file).policy.clone();
    let templates = vern::emit::notice::Templates::shipped();
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        let r = vern::emit::notice::render(
            &policy,
            AS_OF,
            "nb",
            vern::emit::notice::Format::Html,
            &templates,
        );
        black_box(r.map(|r| r.text.len()).unwrap_or(0))
    });
}

/// The whole pipeline from text to every diagnostic, with a fresh database (what a CLI run does).
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn cold_check(bencher: Bencher, lines: usize) {
    let text = policy(lines);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        let (db, file) = loaded(&text);
        let config = CheckConfig::new(&db, AS_OF, Default::default());
        black_box(check_policy(&db, file, config).len())
    });
}

/// One line of a 10k-line policy changed, re-checked through the warm database.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn incremental_one_line_edit_10k(bencher: Bencher) {
    let text = policy(10_000);
    // An editor's database: declarations' parses are cached by their text.
    let mut db = Database::for_editor();
    let file = db.set_file("policy.vern", text.clone());
    let config = CheckConfig::new(&db, AS_OF, Default::default());
    check_policy(&db, file, config);
    let target = text.find("description \"Registeret").unwrap_or(0);
    let mut k = 0u64;
    bencher.bench_local(|| {
        k += 1;
        let edited = format!(
            "{}description \"Endret {k}\"{}",
            &text[..target],
            &text[target..]
                .split_once('\n')
                .map_or("", |(_, r)| r)
                .to_string()
                .insert_str_newline()
        );
        file.set_text(&mut db).to(edited);
        black_box(check_policy(&db, file, config).len())
    });
}

trait NewlineFirst {
    fn insert_str_newline(self) -> String;
}

impl NewlineFirst for String {
    fn insert_str_newline(self) -> String {
        format!("\n{self}")
    }
}
