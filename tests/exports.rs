#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! `vern export` and `vern import`: every format is produced for every example and seed; each is a
//! reviewed snapshot for the clean example; and each is validated by its real consumer: the fideslang
//! and rdflib Python packages, the Klaro! npm package in node, calamine for the workbook. Under CI
//! (`CI` set) a missing consumer fails the test; elsewhere the test says it was skipped and why.

use std::path::{Path, PathBuf};
use std::process::Command;

use vern::db::Database;
use vern::emit::export::{self, Format};
use vern::resolve::resolve_policy;

const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);
const NORDLYS: &str = "examples/nordlys-sko.vern";

/// The example roots (files that declare a `policy`) and the five seeds.
fn policies() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["examples", "examples/seeds"] {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "vern")
                && std::fs::read_to_string(&path)
                    .is_ok_and(|t| t.lines().any(|l| l.starts_with("policy")))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 6, "{out:?}");
    out
}

fn export_of(path: &Path, format: Format) -> Vec<u8> {
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, &[path.to_path_buf()]).unwrap();
    let policy = &resolve_policy(&db, roots[0]).policy;
    export::export(policy, AS_OF, format, "en")
        .unwrap_or_else(|e| panic!("{}: {}: {e}", path.display(), format.name()))
}

fn text_of(path: &Path, format: Format) -> String {
    String::from_utf8(export_of(path, format)).unwrap()
}

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("exports")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes every policy's export in `format` to a fresh folder; returns the files.
fn write_all(format: Format) -> Vec<PathBuf> {
    let dir = out_dir(format.name());
    policies()
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let file = dir.join(format!("{stem}.{}", format.file_name()));
            std::fs::write(&file, export_of(p, format)).unwrap();
            file
        })
        .collect()
}

/// True when `tool` runs; false (after saying so) when it does not and this is not CI; a failure under CI.
fn consumer_available(what: &str, program: &str, args: &[&str], install: &str) -> bool {
    let ok = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing under CI: .ci/run installs it with `{install}`");
    }
    eprintln!(
        "skipped: {what} is not installed here (install it with `{install}`); CI runs this test"
    );
    false
}

fn python() -> String {
    std::env::var("VERN_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

fn run_checker(program: &str, script: &str, files: &[PathBuf]) {
    let out = Command::new(program)
        .arg(script)
        .args(files)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{script} failed:\n{stdout}\n{stderr}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok ")).count(),
        files.len(),
        "{stdout}"
    );
}

#[test]
fn every_format_is_produced_for_every_example_and_seed_and_is_deterministic() {
    for path in policies() {
        for format in Format::ALL {
            let first = export_of(&path, format);
            assert!(!first.is_empty(), "{}: {}", path.display(), format.name());
            if format != Format::RopaXlsx {
                assert_eq!(first, export_of(&path, format), "{}", format.name());
            }
        }
    }
}

#[test]
fn fideslang_exports_are_valid_fides_manifests() {
    let files = write_all(Format::Fideslang);
    if !consumer_available(
        "the fideslang Python package",
        &python(),
        &["-c", "import fideslang"],
        "pip install fideslang",
    ) {
        return;
    }
    run_checker(&python(), "tests/consumers/check_fideslang.py", &files);
}

#[test]
fn fideslang_snapshot() {
    insta::with_settings!({ snapshot_path => "snapshots/exports", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("nordlys-sko.fides.yml", text_of(Path::new(NORDLYS), Format::Fideslang));
    });
}

#[test]
fn fideslang_says_only_what_the_policy_declares() {
    let yaml = text_of(Path::new(NORDLYS), Format::Fideslang);
    // Two bases for customer service: one declaration each, named by the case each covers.
    assert!(
        yaml.contains("name: Customer service (you are a customer)"),
        "{yaml}"
    );
    assert!(yaml.contains("legal_basis_for_processing: Legitimate interests"));
    // The support desk in India is a transfer under the 2021 clauses.
    assert!(yaml.contains("- SCCs"), "{yaml}");
    assert!(yaml.contains("- IN"), "{yaml}");
    // Nordlys declares no `profiling none`: its profiling is declared, so true.
    assert!(yaml.contains("uses_profiling: true"));
}

#[test]
fn ropa_snapshots() {
    let nordlys = Path::new(NORDLYS);
    insta::with_settings!({ snapshot_path => "snapshots/exports", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("nordlys-sko.ropa.md", text_of(nordlys, Format::RopaMd));
        insta::assert_snapshot!("nordlys-sko.ropa.csv", text_of(nordlys, Format::RopaCsv));
    });
}

/// The workbook, read back with calamine, holds exactly the CSV's cells: a header row and one row per
/// purpose; and the same policy gives the same bytes.
#[test]
fn ropa_workbook_reads_back_as_the_csv() {
    use calamine::{Reader, Xlsx};
    for path in policies() {
        let bytes = export_of(&path, Format::RopaXlsx);
        assert_eq!(
            bytes,
            export_of(&path, Format::RopaXlsx),
            "{}",
            path.display()
        );
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheets = book.sheet_names().to_vec();
        assert_eq!(sheets, vec!["Art. 30 record".to_string()]);
        let range = book.worksheet_range(&sheets[0]).unwrap();
        let cells: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let csv = text_of(&path, Format::RopaCsv);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes());
        let expected: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        assert_eq!(cells, expected, "{}", path.display());
    }
}

#[test]
fn ropa_says_not_stated_where_the_policy_is_silent_and_never_invents() {
    let csv = text_of(Path::new(NORDLYS), Format::RopaCsv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.len(), 13);
    assert!(
        headers
            .iter()
            .any(|h| h.starts_with("Security measures (Art. 30(1)(g))"))
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    // One row per purpose.
    assert_eq!(rows.len(), 20, "{csv}");
    // Nordlys states no security measures: every row says so, none invents any.
    assert!(rows.iter().all(|r| &r[12] == "Not stated"));
    // The transfer to India is listed with its safeguard.
    let support = rows.iter().find(|r| &r[0] == "Customer service").unwrap();
    assert!(
        support[10].contains("to IN: standard contractual clauses"),
        "{support:?}"
    );
    // A policy that says nothing about its DPO gets "Not stated", not "none".
    let dir = out_dir("ropa-silent");
    let file = dir.join("p.vern");
    std::fs::write(
        &file,
        "policy \"P\" { languages en }\ncontroller c { name \"C\" }\npurpose p \"Shop\" {\n  basis contract\n}\n",
    )
    .unwrap();
    let csv = text_of(&file, Format::RopaCsv);
    let row = csv.lines().nth(1).unwrap();
    assert!(row.contains("Not stated"), "{row}");
    assert!(!row.to_lowercase().contains("none"), "{row}");
}

fn purpose_count(path: &Path) -> usize {
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, &[path.to_path_buf()]).unwrap();
    resolve_policy(&db, roots[0]).policy.purposes.len()
}

#[test]
fn dpv_exports_parse_as_rdf_with_the_promised_shape() {
    let files = write_all(Format::Dpv);
    if !consumer_available(
        "the rdflib Python package",
        &python(),
        &["-c", "import rdflib"],
        "pip install rdflib",
    ) {
        return;
    }
    let args: Vec<PathBuf> = files
        .iter()
        .zip(policies())
        .map(|(f, p)| PathBuf::from(format!("{}:{}", f.display(), purpose_count(&p))))
        .collect();
    run_checker(&python(), "tests/consumers/check_dpv.py", &args);
}

#[test]
fn dpv_snapshot() {
    insta::with_settings!({ snapshot_path => "snapshots/exports", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("nordlys-sko.dpv.jsonld", text_of(Path::new(NORDLYS), Format::Dpv));
    });
}

/// Where .ci/run installs the klaro npm package (`npm install --prefix target/consumers klaro`).
fn klaro_modules() -> PathBuf {
    std::env::var_os("VERN_KLARO_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/consumers/node_modules")
        })
}

#[test]
fn klaro_configurations_load_in_the_klaro_consent_manager() {
    let files = write_all(Format::Klaro);
    let modules = klaro_modules();
    if !consumer_available("node", "node", &["--version"], "apt-get install nodejs npm") {
        return;
    }
    let cm = modules.join("klaro/dist/cm.js");
    if !cm.is_file() {
        if std::env::var_os("CI").is_some() {
            panic!(
                "the klaro npm package is missing under CI (expected {})",
                cm.display()
            );
        }
        eprintln!(
            "skipped: the klaro npm package is not installed (npm install --prefix target/consumers klaro); CI runs this test"
        );
        return;
    }
    let mut args = vec![modules];
    args.extend(files.iter().cloned());
    run_checker_with("node", "tests/consumers/check_klaro.js", &args, files.len());
}

fn run_checker_with(program: &str, script: &str, args: &[PathBuf], expected: usize) {
    let out = Command::new(program)
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{script} failed:\n{stdout}\n{stderr}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok ")).count(),
        expected,
        "{stdout}"
    );
}

fn klaro_json(path: &Path) -> serde_json::Value {
    let js = text_of(path, Format::Klaro);
    let start = js.find("var klaroConfig = ").unwrap() + "var klaroConfig = ".len();
    let body = js[start..].trim_end().trim_end_matches(';');
    serde_json::from_str(body).unwrap()
}

#[test]
fn klaro_services_needing_consent_start_off() {
    let config = klaro_json(Path::new(NORDLYS));
    let services = config["services"].as_array().unwrap();
    let names: Vec<&str> = services
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["cart", "size-memory", "ga-cookie", "meta-pixel-cookie"]
    );
    for s in services {
        let required = s["name"] == "cart";
        assert_eq!(s["required"], required, "{s}");
        assert_eq!(s["default"], required, "{s}");
    }
    assert_eq!(
        config["translations"]["en"]["purposes"]["measure-site"]["title"],
        "Visitor statistics"
    );
    assert_eq!(
        config["translations"]["zz"]["privacyPolicyUrl"],
        "https://nordlys.example/personvern"
    );
}

#[test]
fn klaro_snapshot() {
    insta::with_settings!({ snapshot_path => "snapshots/exports", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("nordlys-sko.klaro-config.js", text_of(Path::new(NORDLYS), Format::Klaro));
    });
}

/// What an import can carry over, per system: each declaration's name, data use, categories,
/// subjects and bases, as a sorted set; and the custom taxonomy keys.
/// The organisation, each system's name with its declarations, and the custom taxonomy keys.
type Essence = (serde_json::Value, Vec<(String, Vec<String>)>, Vec<String>);

fn fides_essence(yaml: &str) -> Essence {
    let doc: serde_json::Value = serde_yaml_ng::from_str(yaml).unwrap();
    let mut systems: Vec<(String, Vec<String>)> = doc["system"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let mut decls: Vec<String> = s["privacy_declarations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    let sorted = |v: &serde_json::Value| {
                        let mut x: Vec<String> = v
                            .as_array()
                            .map(|a| a.iter().map(|i| i.as_str().unwrap().to_string()).collect())
                            .unwrap_or_default();
                        x.sort();
                        x
                    };
                    format!(
                        "{} | {} | {:?} | {:?} | {} | {}",
                        d["name"],
                        d["data_use"],
                        sorted(&d["data_categories"]),
                        sorted(&d["data_subjects"]),
                        d["legal_basis_for_processing"],
                        d["special_category_legal_basis"]
                    )
                })
                .collect();
            decls.sort();
            (s["name"].as_str().unwrap().to_string(), decls)
        })
        .collect();
    systems.sort();
    let mut custom: Vec<String> = ["data_category", "data_use", "data_subject"]
        .iter()
        .flat_map(|k| {
            doc[*k]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|e| format!("{k}:{}", e["fides_key"].as_str().unwrap()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .collect();
    custom.sort();
    (doc["organization"].clone(), systems, custom)
}

/// Import a Fides manifest, export the policy to fideslang again: the same organisation, systems,
/// declarations and taxonomy, modulo order. (What fideslang cannot say and the import leaves as TODO
/// comments, such as retention rules and safeguards, is not compared.)
#[test]
fn import_then_export_round_trips_a_fides_manifest() {
    let dir = out_dir("round-trip");
    let manifest = dir.join("nordlys.fides.yml");
    let first = text_of(Path::new(NORDLYS), Format::Fideslang);
    std::fs::write(&manifest, &first).unwrap();
    let policy = dir.join("imported.vern");
    let out = assert_cmd::Command::cargo_bin("vern")
        .unwrap()
        .args(["import", "fides"])
        .arg(&manifest)
        .arg("-o")
        .arg(&policy)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&policy).unwrap();
    // Formatted by the project's formatter, and honest about what it lacks.
    assert_eq!(vern::fmt::format(&text).unwrap(), text);
    for todo in [
        "withdraw",
        "under STATUTE",
        "retain ...",
        "safeguard NAME",
        "country XX",
    ] {
        assert!(
            text.lines()
                .any(|l| l.contains("// TODO:") && l.contains(todo)),
            "no TODO for {todo}"
        );
    }
    // It compiles (the checker's findings are the TODOs), and exports to the same manifest.
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, std::slice::from_ref(&policy)).unwrap();
    let config = vern::check::CheckConfig::new(&db, AS_OF, Default::default());
    let diags = vern::cli::check_diagnostics(&db, &roots, config);
    let compiler_errors: Vec<_> = diags
        .iter()
        .filter(|d| d.is_error() && vern::diagnostic::codes::lookup(d.code).is_some())
        .collect();
    assert!(compiler_errors.is_empty(), "{compiler_errors:#?}");
    let second = text_of(&policy, Format::Fideslang);
    let (org1, sys1, custom1) = fides_essence(&first);
    let (org2, sys2, custom2) = fides_essence(&second);
    assert_eq!(org1, org2);
    assert_eq!(custom1, custom2);
    assert_eq!(sys1.len(), sys2.len());
    for (a, b) in sys1.iter().zip(&sys2) {
        assert_eq!(a, b);
    }
}

/// `[build] exports` in vern.toml: `vern build` writes each named export beside policy.json, and an
/// unknown format is refused with the list of formats.
#[test]
fn build_writes_the_exports_vern_toml_names() {
    let dir = out_dir("build");
    std::fs::create_dir_all(dir.join("nordlys")).unwrap();
    std::fs::copy(NORDLYS, dir.join("nordlys-sko.vern")).unwrap();
    std::fs::copy(
        "examples/nordlys/recipients.vern",
        dir.join("nordlys/recipients.vern"),
    )
    .unwrap();
    std::fs::write(
        dir.join("vern.toml"),
        "[workspace]\nas-of = \"2026-11-22\"\n\n[build]\nexports = [\"fideslang\", \"dpv\", \"ropa-csv\", \"ropa-md\", \"ropa-xlsx\", \"klaro\"]\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("vern")
        .unwrap()
        .current_dir(&dir)
        .args(["build", "nordlys-sko.vern", "-o", "out"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for format in Format::ALL {
        let written = std::fs::read(dir.join("out").join(format.file_name())).unwrap();
        assert_eq!(
            written,
            export_of(Path::new(NORDLYS), format),
            "{}",
            format.name()
        );
    }
    assert!(dir.join("out/policy.json").is_file());

    std::fs::write(dir.join("vern.toml"), "[build]\nexports = [\"fides\"]\n").unwrap();
    let out = assert_cmd::Command::cargo_bin("vern")
        .unwrap()
        .current_dir(&dir)
        .args(["build", "nordlys-sko.vern", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`fides` is not an export format"), "{err}");
}

/// `vern export` on the command line: to stdout, to a file, and a binary format only to a file.
#[test]
fn export_command_writes_stdout_or_a_file() {
    let out = assert_cmd::Command::cargo_bin("vern")
        .unwrap()
        .args([
            "export",
            NORDLYS,
            "--format",
            "ropa-csv",
            "--as-of",
            "2026-11-22",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, export_of(Path::new(NORDLYS), Format::RopaCsv));
    let out = assert_cmd::Command::cargo_bin("vern")
        .unwrap()
        .args(["export", NORDLYS, "--format", "ropa-xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o PATH"));
    let file = out_dir("cli").join("ropa.xlsx");
    let out = assert_cmd::Command::cargo_bin("vern")
        .unwrap()
        .args([
            "export",
            NORDLYS,
            "--format",
            "ropa-xlsx",
            "--as-of",
            "2026-11-22",
            "-o",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        export_of(Path::new(NORDLYS), Format::RopaXlsx)
    );
}

/// Every fideslang key and legal-basis word in the stdlib is in fideslang's own taxonomy and enums.
#[test]
fn every_stdlib_fideslang_key_is_fideslangs() {
    let mut db = Database::new();
    let file = db.set_file("keys.vern", "use std.no\n".to_string());
    let v = &resolve_policy(&db, file).policy.vocab;
    let mut lines = Vec::new();
    for d in v.data.values().filter(|d| d.entry.module.is_some()) {
        lines.extend(d.fideslang.iter().map(|k| format!("data_category {k}")));
    }
    for s in v.subjects.values().filter(|s| s.entry.module.is_some()) {
        lines.extend(s.fideslang.iter().map(|k| format!("data_subject {k}")));
    }
    for p in v.purpose_kinds.values() {
        lines.extend(p.fideslang.iter().map(|k| format!("data_use {k}")));
    }
    for b in v.bases.values() {
        let kind = if b.article.as_deref().is_some_and(|a| a.starts_with('9')) {
            "special_category_legal_basis"
        } else {
            "legal_basis"
        };
        lines.extend(b.fideslang.iter().map(|k| format!("{kind} {k}")));
    }
    assert!(lines.len() > 50, "{lines:?}");
    let file = out_dir("stdlib-keys").join("keys.txt");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    if !consumer_available(
        "the fideslang Python package",
        &python(),
        &["-c", "import fideslang"],
        "pip install fideslang",
    ) {
        return;
    }
    let out = Command::new(python())
        .args(["tests/consumers/check_fideslang.py", "--keys"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A hand-written Fides manifest (valid for fideslang) imports into a policy that compiles, with
/// TODOs for what fideslang lacks and a warning where a broad key was read as a narrower stdlib term.
#[test]
fn a_hand_written_fides_manifest_imports_into_a_compiling_policy() {
    let manifest = Path::new("tests/fixtures/fides/bakery.yml");
    if consumer_available(
        "the fideslang Python package",
        &python(),
        &["-c", "import fideslang"],
        "pip install fideslang",
    ) {
        run_checker(
            &python(),
            "tests/consumers/check_fideslang.py",
            &[manifest.to_path_buf()],
        );
    }
    let out = assert_cmd::Command::cargo_bin("vern")
        .unwrap()
        .args(["import", "fides"])
        .arg(manifest)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("purpose take-orders is payment \"Take orders\""),
        "{text}"
    );
    assert!(
        text.contains("basis legal-obligation\n  // TODO: `under STATUTE`"),
        "{text}"
    );
    assert!(text.contains("check `credit-info`"), "{text}");
    assert!(
        text.contains("receives email for newsletter-purpose"),
        "{text}"
    );
    let file = out_dir("import-bakery").join("bakery.vern");
    std::fs::write(&file, &text).unwrap();
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, std::slice::from_ref(&file)).unwrap();
    let config = vern::check::CheckConfig::new(&db, AS_OF, Default::default());
    let diags = vern::cli::check_diagnostics(&db, &roots, config);
    assert!(
        !diags
            .iter()
            .any(|d| d.is_error() && vern::diagnostic::codes::lookup(d.code).is_some()),
        "{diags:#?}"
    );
    // The checker reports what the TODOs say is missing.
    for rule in [
        "consent-withdrawal-missing",
        "retention-missing",
        "controller-identity-incomplete",
    ] {
        assert!(diags.iter().any(|d| d.code == rule), "{rule}");
    }
}
