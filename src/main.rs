#[cfg(target_arch = "wasm32")]
fn main() {
    partnership_explorer::browser::install_panic_hook();
    // index.html shows the site's frame and a "Loading…" line in #app until the
    // wasm starts; the app takes #app over here.
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(boot) = document.as_ref().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    match document.and_then(|d| d.get_element_by_id("app")).and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        Some(app) => leptos::mount::mount_to(app, partnership_explorer::App).forget(),
        None => leptos::mount::mount_to_body(partnership_explorer::App),
    }
}

// The app only runs in the browser; natively this crate is its library and tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Partnership Explorer runs in the browser: use `./run serve`.");
}
