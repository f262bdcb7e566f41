//! The vendored tachys (vendor/README.md) is the one Cargo builds: a Leptos
//! update that needs another tachys would otherwise drop the patch with only
//! a warning, and the first sign would be the size budget failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

/// The `[[package]]` entry of `name` in Cargo.lock.
fn locked(name: &str) -> &'static str {
    let lock = include_str!("../Cargo.lock");
    let mut entries = lock.split("[[package]]").filter(|entry| entry.contains(&format!("\nname = \"{name}\"\n")));
    let entry = entries.next().unwrap_or_else(|| panic!("{name} is not in Cargo.lock"));
    assert!(entries.next().is_none(), "two versions of {name} in Cargo.lock");
    entry
}

#[test]
fn tachys_comes_from_vendor_at_the_version_its_patch_is_for() {
    let tachys = locked("tachys");
    // A path dependency has no `source`: a registry's would say `registry+...`.
    assert!(!tachys.contains("source = "), "tachys is not taken from vendor/:\n{tachys}");
    assert!(tachys.contains("\nversion = \"0.2.19\"\n"), "{tachys}");
    let vendored = include_str!("../vendor/tachys/Cargo.toml");
    assert!(vendored.contains("\nversion = \"0.2.19\"\n"));
    // The patch kept beside it is the one applied (vendor/README.md says how to check it).
    let patch = include_str!("../vendor/tachys-0.2.19-4438.patch");
    let source = include_str!("../vendor/tachys/src/view/any_view.rs");
    let added = patch.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).map(|l| &l[1..]);
    for line in added {
        assert!(source.lines().any(|s| s == line), "a line of the patch is not in vendor/tachys: {line}");
    }
}

#[test]
fn asynchronous_hydration_fails_loudly_rather_than_hydrating_in_silence() {
    let source = include_str!("../vendor/tachys/src/view/any_view.rs");
    let at = source.find("async fn hydrate_async(").expect("AnyView::hydrate_async");
    let body = &source[at..at + source[at..].find("\n    }\n").expect("its end")];
    let with_hydrate = &body[body.find("#[cfg(feature = \"hydrate\")]").expect("the hydrate branch")..];
    let with_hydrate = &with_hydrate[..with_hydrate.find("#[cfg(not(").expect("the other branch")];
    assert!(with_hydrate.contains("panic!("), "{with_hydrate}");
    assert!(!with_hydrate.contains(".hydrate::<"), "hydrates synchronously: {with_hydrate}");
}

#[test]
fn leptos_is_pinned_to_the_release_whose_tachys_is_patched() {
    assert!(locked("leptos").contains("\nversion = \"0.8.23\"\n"));
    let manifest = include_str!("../Cargo.toml");
    let pins = manifest.lines().filter(|l| l.starts_with("leptos = ")).collect::<Vec<_>>();
    assert_eq!(pins.len(), 2, "{pins:?}");
    assert!(pins.iter().all(|l| l.contains("version = \"=0.8.23\"")), "{pins:?}");
}
