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

/// The number of edits; `VERN_STAGES_EDITS` raises it, so that a profiler sees mostly edits.
fn edits() -> usize {
    std::env::var("VERN_STAGES_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40)
}
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
    for k in 0..edits() {
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
    println!(
        "one-line edit of a {lines}-line policy, warm editor database, median of {}",
        edits()
    );
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
    rules(&db, file);
}

/// The rules that cost the most on the edited policy, each run alone over the resolved policy (the
/// check stage above also merges, levels and de-duplicates their findings).
fn rules(db: &Database, file: vern::db::SourceFile) {
    let resolved = resolve_policy(db, file);
    let policy = &resolved.policy;
    if let Ok(id) = std::env::var("VERN_PROFILE_RULE") {
        let rule = vern::check::rules::RULES
            .iter()
            .find(|r| r.id == id)
            .expect("a rule id");
        for _ in 0..2000 {
            let cx = vern::check::RuleCx::new(policy, &policy.vocab, AS_OF);
            (rule.check)(&cx, &mut vern::check::Findings::new(rule));
        }
        return;
    }
    let mut costs: Vec<(f64, &str, vern::check::Reach)> = vern::check::rules::RULES
        .iter()
        .map(|rule| {
            let runs: Vec<Duration> = (0..9)
                .map(|_| {
                    let cx = vern::check::RuleCx::new(policy, &policy.vocab, AS_OF);
                    let mut findings = vern::check::Findings::new(rule);
                    let t = Instant::now();
                    (rule.check)(&cx, &mut findings);
                    t.elapsed()
                })
                .collect();
            (median(runs), rule.id, rule.reach)
        })
        .collect();
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let all: f64 = costs.iter().map(|c| c.0).sum();
    let per_declaration: f64 = costs
        .iter()
        .filter(|c| c.2 == vern::check::Reach::Declaration)
        .map(|c| c.0)
        .sum();
    println!(
        "\nthe rules alone, {all:.2} ms in all ({per_declaration:.2} ms in the rules that judge single declarations); the costliest:"
    );
    println!("| rule | median |");
    println!("|---|---|");
    for (ms, id, _) in costs.iter().take(8) {
        println!("| `{id}` | {ms:.2} ms |");
    }
}
