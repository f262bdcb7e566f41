//! The wasm of the check page (`?check=1`: "Check and preview your list", the
//! explorer plus the partner kit: reading a spreadsheet in any of its
//! encodings, the check, the downloads). The boot script loads it at that
//! address only, so neither the visitors' first visit (`src/main.rs`) nor a
//! partner's list (`src/bin/list_page.rs`) carries its code.

#[cfg(target_arch = "wasm32")]
fn main() {
    use partnership_explorer::{browser, components::check::CheckApp, start};
    browser::install_panic_hook();
    start::mount_fresh(CheckApp);
}

// The check page only runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
