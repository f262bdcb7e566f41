//! Imports run one way: read from the paths in `src/` (`use` lines and paths
//! written inline), the modules under each module import each other without
//! a circle, and nothing imports the start (`start`, `main`, the binaries are
//! on top). A circle or an import of the start added anywhere fails here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module's path from the crate's root: `src/data/sheet/mod.rs` is `data::sheet`.
type ModulePath = Vec<String>;

/// Every library source file (not the binaries) and its module path.
fn sources(dir: &Path, module: &[String], out: &mut Vec<(ModulePath, String)>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let mut inner = module.to_vec();
        if path.is_dir() {
            if module.is_empty() && name == "bin" {
                continue;
            }
            inner.push(name);
            sources(&path, &inner, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            if !(name == "mod" || module.is_empty() && matches!(name.as_str(), "lib" | "main")) {
                inner.push(name);
            }
            out.push((inner, std::fs::read_to_string(&path).expect("UTF-8 source")));
        }
    }
}

/// The code of a file without its comments and its unit tests (whose
/// `super` is the file itself).
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests").or_else(|| text.find("#[cfg(test)]\n#[allow(")) {
        Some(tests) => &text[..tests],
        None => text,
    };
    // A comment after code starts with " //" (an address in a string has no space before it).
    let without_comment = |line: &str| line.find(" //").map_or(line, |at| &line[..at]).to_string();
    let lines = text.lines().filter(|line| !line.trim_start().starts_with("//"));
    lines.map(without_comment).collect::<Vec<_>>().join("\n")
}

/// Every path starting with `crate::` or `super::` in `code`, with `use`
/// groups (`crate::{a, b::c}`) expanded.
fn paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                rest = &rest[start.len()..];
                continue;
            }
            let end = path_end(rest);
            expand(&rest[..end], &mut found);
            rest = &rest[end..];
        }
    }
    found
}

/// Where a path (with any braces) ends.
fn path_end(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => return i,
            _ => {}
        }
    }
    text.len()
}

fn expand(path: &str, out: &mut Vec<String>) {
    let Some(open) = path.find('{') else {
        out.push(path.to_string());
        return;
    };
    let prefix = &path[..open];
    let inner = &path[open + 1..path.len() - 1];
    let (mut depth, mut from) = (0usize, 0);
    let mut parts = Vec::new();
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty() && *p != "self") {
        expand(&format!("{prefix}{part}"), out);
    }
}

/// The module `path` names, seen from `module`'s file (a path that goes on
/// into an item names its module and the item: what matters is its start).
fn resolve(module: &[String], path: &str) -> ModulePath {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: ModulePath = if segments.first() == Some(&"crate") {
        segments.remove(0);
        Vec::new()
    } else {
        module.to_vec()
    };
    while segments.first() == Some(&"super") {
        segments.remove(0);
        base.pop();
    }
    base.extend(segments.iter().map(|s| s.to_string()));
    base
}

/// Edges between sibling modules: `from` under `parent` uses `to` under it.
fn edges() -> BTreeMap<ModulePath, BTreeSet<(String, String)>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &[], &mut files);
    assert!(files.len() > 30, "read only {} files", files.len());
    let mut edges: BTreeMap<ModulePath, BTreeSet<(String, String)>> = BTreeMap::new();
    for (module, text) in &files {
        for path in paths(&code(text)) {
            let target = resolve(module, &path);
            let common = module.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if let (Some(from), Some(to)) = (module.get(common), target.get(common)) {
                edges.entry(module[..common].to_vec()).or_default().insert((from.clone(), to.clone()));
            }
        }
    }
    edges
}

/// A circle among `edges`, if there is one.
fn circle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeSet<(String, String)>,
        trail: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = trail.iter().position(|n| n == node) {
            let mut found = trail[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        trail.push(node.to_string());
        for (_, to) in edges.iter().filter(|(from, _)| from == node) {
            if let Some(found) = visit(to, edges, trail, done) {
                return Some(found);
            }
        }
        trail.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges.iter().find_map(|(from, _)| visit(from, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_modules_import_each_other_in_a_circle() {
    let edges = edges();
    assert!(edges.get(&Vec::new()).is_some_and(|e| e.len() > 20), "{edges:?}");
    let circles: Vec<String> = edges
        .iter()
        .filter_map(|(parent, edges)| {
            Some(format!("under crate::{}: {}", parent.join("::"), circle(edges)?.join(" → ")))
        })
        .collect();
    assert!(circles.is_empty(), "modules in a circle:\n{}", circles.join("\n"));
}

#[test]
fn nothing_imports_the_start() {
    let edges = edges();
    let back: Vec<&(String, String)> = edges[&Vec::new()].iter().filter(|(_, to)| to == "start").collect();
    assert!(back.is_empty(), "the start is on top, yet imported by {back:?}");
}

#[test]
fn the_reading_finds_circles_and_groups() {
    let mut found = Vec::new();
    expand("crate::{browser, data::{model::Dataset, Loaded}}", &mut found);
    assert_eq!(found, ["crate::browser", "crate::data::model::Dataset", "crate::data::Loaded"]);
    let module: ModulePath = vec!["data".into(), "sheet".into(), "header".into()];
    assert_eq!(resolve(&module, "super::note::Note"), ["data", "sheet", "note", "Note"]);
    let two = |a: &str, b: &str| (a.to_string(), b.to_string());
    let circular: BTreeSet<_> = [two("a", "b"), two("b", "c"), two("c", "a")].into();
    assert_eq!(circle(&circular), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    let one_way: BTreeSet<_> = [two("a", "b"), two("b", "c"), two("a", "c")].into();
    assert_eq!(circle(&one_way), None);
    assert_eq!(
        paths(&code("use crate::{a, b};\n// crate::f\nlet x = crate::c::d(); // crate::e")),
        ["crate::a", "crate::b", "crate::c::d"]
    );
}
