//! The wasm for other data than the bundled list, rendered fresh: the check
//! page (`?check=1`: "Check and preview your list", the explorer plus the
//! partner kit: CSV reading, the check) and a partner's own list (`?data=`),
//! which is read and validated in the browser. The boot script loads it
//! instead of the explorer's at those addresses only (index.html's head
//! script marks them `view-other-data`), so the visitors' first visit, which
//! hydrates the prerendered page (`src/main.rs`), does not carry its code.

#[cfg(target_arch = "wasm32")]
fn main() {
    use partnership_explorer::{browser, components::check::CheckApp, start, App};
    browser::install_panic_hook();
    if start::Address::read(&browser::location_search()).check {
        start::mount_fresh(CheckApp);
    } else {
        start::mount_fresh(App);
    }
}

// The check page only runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
