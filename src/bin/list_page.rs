//! The wasm for a partner's own list (`?data=`): the explorer and the
//! validation of an untrusted list (every problem reported, valid entries
//! kept), rendered fresh. Nothing of the spreadsheet reading, the encodings
//! or the check page (`src/bin/check_page.rs`): a list of JSON needs none of
//! it. The boot script loads it instead of the explorer's at `?data=` only
//! (index.html's head script marks the page `view-other-data` and has already
//! asked for the list: `load::fetch_dataset` takes that answer).

#[cfg(target_arch = "wasm32")]
fn main() {
    use partnership_explorer::{browser, start, App};
    browser::install_panic_hook();
    start::mount_fresh(App);
}

// A partner's list only runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
