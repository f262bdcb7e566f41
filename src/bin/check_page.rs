//! The check page (`?check=1`: "Check and preview your list"), a wasm of its
//! own: the explorer plus the partner kit (CSV reading, the check). The boot
//! script loads it instead of the explorer's at that address only, so the
//! visitors' first visit does not carry its code (issue 13).

#[cfg(target_arch = "wasm32")]
fn main() {
    partnership_explorer::browser::install_panic_hook();
    partnership_explorer::start::mount_check();
}

// The check page only runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
