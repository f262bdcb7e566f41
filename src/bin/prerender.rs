//! Prints the prerendered default view for a dataset: the inside of `#app`,
//! with the answers to a first click on a sector (`prerender::first_answers`).
//! Run by `scripts/post-build.mjs` during `trunk build --release`:
//!
//!     cargo run --bin prerender -- dist/data/partnerships.json

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <partnerships.json>");
        return std::process::ExitCode::from(2);
    };
    let json = match std::fs::read_to_string(&path) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("prerender: cannot read {path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let page = partnership_explorer::prerender::default_view_html(&json);
    let answers = partnership_explorer::prerender::first_answers(&json);
    match page.and_then(|html| Ok((html, answers?))) {
        Ok((html, answers)) => {
            // The answers to a first click, as data (never run), inside #app:
            // the app's take-over replaces them with the rest of the page.
            print!("{html}<script type=\"application/json\" id=\"first-answers\">{answers}</script>");
            std::process::ExitCode::SUCCESS
        }
        Err(unusable) => {
            eprintln!("prerender: {path} cannot be shown:");
            for problem in &unusable.problems {
                eprintln!("  {problem}");
            }
            std::process::ExitCode::FAILURE
        }
    }
}

// The prerender runs at build time, natively; there is nothing to do in wasm.
#[cfg(target_arch = "wasm32")]
fn main() {}
