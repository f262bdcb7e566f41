//! What the build writes into the page, as one JSON object on stdout, for
//! `scripts/post-build.mjs` (run during `trunk build`):
//!
//!     cargo run --bin prerender -- dist/data/partnerships.json
//!     cargo run --bin prerender -- --names
//!
//! - `names`: the names the start's Rust and JavaScript sides share (`names`);
//! - with a dataset, `page`: the prerendered default view, the inside of `#app`;
//!   and `firstAnswers`: the answers to a first click on a sector
//!   (`prerender::first_answers`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use partnership_explorer::{names, prerender};
    let mut out = serde_json::Map::new();
    let names: serde_json::Value = serde_json::from_str(&names::to_json()).unwrap_or_default();
    out.insert("names".to_string(), names);
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <partnerships.json> | --names");
        return std::process::ExitCode::from(2);
    };
    if path != "--names" {
        let json = match std::fs::read_to_string(&path) {
            Ok(json) => json,
            Err(e) => {
                eprintln!("prerender: cannot read {path}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        };
        if let Err(why) = prerender::bundled_reads_alike(&json) {
            eprintln!("prerender: {path} cannot be bundled: {why}");
            return std::process::ExitCode::FAILURE;
        }
        let rendered =
            prerender::default_view_html(&json).and_then(|page| Ok((page, prerender::first_answers(&json)?)));
        match rendered {
            Ok((page, answers)) => {
                out.insert("page".to_string(), page.into());
                out.insert("firstAnswers".to_string(), answers.into());
            }
            Err(unusable) => {
                eprintln!("prerender: {path} cannot be shown:");
                for problem in &unusable.problems {
                    eprintln!("  {problem}");
                }
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    println!("{}", serde_json::Value::Object(out));
    std::process::ExitCode::SUCCESS
}

// The prerender runs at build time, natively; there is nothing to do in wasm.
#[cfg(target_arch = "wasm32")]
fn main() {}
