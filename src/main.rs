#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(partnership_explorer::App);
}

// The app only runs in the browser; natively this crate is its library and tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Partnership Explorer runs in the browser: use `./run serve`.");
}
