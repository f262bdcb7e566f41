#[cfg(target_arch = "wasm32")]
fn main() {
    partnership_explorer::browser::install_panic_hook();
    partnership_explorer::start::run_explorer();
}

// The app only runs in the browser; natively this crate is its library and tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Partnership Explorer runs in the browser: use `./run serve`.");
}
