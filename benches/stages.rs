#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Where an editor's one-line edit spends its time: a 10k-line policy in a warm editor database
//! (`Database::for_editor`), one description changed per round, then each stage asked for in pipeline
//! order so that each timing is that stage's own re-execution (`cargo bench --bench stages`).

use std::time::{Duration, Instant};

use salsa::Setter;
use vern::check::{CheckConfig, check_policy};
use vern::db::Database;
use vern::resolve::resolve_policy;

// The allocator `vern` itself uses (src/main.rs), so the stages cost what they cost in the binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EDITS: usize = 40;
const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1e3
}

fn main() {
    let text = vern::generate::benchmark_policy(10_000);
    let mut db = Database::for_editor();
    let file = db.set_file("policy.vern", text.clone());
    let config = CheckConfig::new(&db, AS_OF, Default::default());
    check_policy(&db, file, config);
    let target = text
        .match_indices("description \"Registeret")
        .nth(150)
        .map_or(0, |(i, _)| i);
    let line_end = text[target..].find('\n').map_or(text.len(), |i| target + i);
    let (mut parse, mut resolve, mut check, mut total) = (vec![], vec![], vec![], vec![]);
    for k in 0..EDITS {
        let edited = format!(
            "{}description \"Endret {k}\"{}",
            &text[..target],
            &text[line_end..]
        );
        file.set_text(&mut db).to(edited);
        let t0 = Instant::now();
        std::hint::black_box(vern::syntax::parse(&db, file).decls.len());
        let t1 = Instant::now();
        std::hint::black_box(resolve_policy(&db, file).policy.purposes.len());
        let t2 = Instant::now();
        std::hint::black_box(check_policy(&db, file, config).len());
        let t3 = Instant::now();
        parse.push(t1 - t0);
        resolve.push(t2 - t1);
        check.push(t3 - t2);
        total.push(t3 - t0);
    }
    let lines = text.lines().count();
    println!("one-line edit of a {lines}-line policy, warm editor database, median of {EDITS}");
    println!("| stage | median |");
    println!("|---|---|");
    for (name, v) in [
        ("parse (file)", parse),
        ("resolve", resolve),
        ("check", check),
        ("total", total),
    ] {
        println!("| {name} | {:.2} ms |", median(v));
    }
}
