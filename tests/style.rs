//! The house format: `cargo fmt --check` (in `./run test`) formats the code,
//! but cannot break a long string, comment or `view!` line; this test holds
//! every line of the Rust sources to the width `rustfmt.toml` sets.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_line_is_wider_than_rustfmt_allows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read_to_string(root.join("rustfmt.toml")).expect("rustfmt.toml");
    let width: usize = config
        .lines()
        .find_map(|l| l.strip_prefix("max_width = "))
        .and_then(|w| w.trim().parse().ok())
        .expect("rustfmt.toml sets max_width");
    let mut files = Vec::new();
    for dir in ["src", "tests", "fuzz/fuzz_targets"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} Rust files", files.len());
    let wide: Vec<String> = files
        .iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(file).expect("UTF-8 source");
            let name = file.strip_prefix(root).unwrap_or(file).display().to_string();
            text.lines()
                .enumerate()
                .filter(|(_, line)| line.chars().count() > width)
                .map(|(i, line)| format!("{name}:{}: {} characters", i + 1, line.chars().count()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(wide.is_empty(), "lines wider than {width}:\n{}", wide.join("\n"));
}
