//! Checks dataset files exactly as the app reads them: every problem, with its
//! entry and field. For partners preparing a list, and for the test that
//! compares the app's verdicts with a JSON Schema validator's
//! (`scripts/schema-agreement.mjs`).
//!
//!     cargo run --bin check -- public/data/partnerships.json
//!     cargo run --bin check -- --json tests/fixtures/*.json
//!
//! Exits 0 when every file is clean, 1 when any has a problem, 2 on misuse.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use partnership_explorer::data::{parse_dataset_bytes, Kind, Problem};

    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.first().is_some_and(|a| a == "--json");
    if json {
        args.remove(0);
    }
    if args.is_empty() {
        eprintln!("usage: check [--json] <partnerships.json>...");
        return std::process::ExitCode::from(2);
    }
    let as_json = |p: &Problem| {
        let kind = match p.kind {
            Kind::Syntax => "syntax",
            Kind::Schema => "schema",
            Kind::App => "app",
        };
        serde_json::json!({
            "location": p.location, "field": p.field, "message": p.message,
            "pointer": p.pointer, "kind": kind, "text": p.to_string(),
        })
    };
    let mut clean = true;
    let mut reports = Vec::new();
    for path in &args {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("check: cannot read {path}: {e}");
                return std::process::ExitCode::from(2);
            }
        };
        let (usable, entries, problems) = match parse_dataset_bytes(&bytes) {
            Ok(loaded) => (true, loaded.dataset.partnerships.len(), loaded.problems),
            Err(unusable) => (false, 0, unusable.problems),
        };
        clean &= problems.is_empty();
        if json {
            let problems: Vec<_> = problems.iter().map(as_json).collect();
            reports.push(
                serde_json::json!({ "file": path, "usable": usable, "partnerships": entries, "problems": problems }),
            );
        } else {
            match (usable, problems.len()) {
                (true, 0) => println!("{path}: {entries} partnerships, no problems"),
                (true, n) => println!("{path}: {entries} partnerships shown; {n} problem(s) leave entries out:"),
                (false, _) => println!("{path}: cannot be shown:"),
            }
            for problem in &problems {
                println!("  {problem}");
            }
        }
    }
    if json {
        println!("{}", serde_json::Value::Array(reports));
    }
    if clean {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
