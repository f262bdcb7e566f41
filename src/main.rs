#[cfg(target_arch = "wasm32")]
fn main() {
    partnership_explorer::browser::install_panic_hook();
    // Mounting in a task of its own, after the one that compiled and started
    // the wasm: two short tasks rather than one long one on a slow phone.
    leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
}

#[cfg(target_arch = "wasm32")]
fn mount() {
    // index.html shows the site's frame and, in #app, either the prerendered
    // page (release builds) or a "Loading…" line (development).
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    match partnership_explorer::browser::app_root() {
        Some(root) => leptos::mount::mount_to(root, partnership_explorer::App).forget(),
        None => leptos::mount::mount_to_body(partnership_explorer::App),
    }
}

// The app only runs in the browser; natively this crate is its library and tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Partnership Explorer runs in the browser: use `./run serve`.");
}
