//! The few places where the app touches the browser beyond rendering: the
//! address bar, the clipboard and scrolling. Kept here so components stay thin.

use wasm_bindgen::JsValue;

/// How a filter change is recorded in the session history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// A committed change (a click): Back returns to the previous view.
    Push,
    /// A change in progress (typing): the current entry is updated in place.
    Replace,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// `location.search`, e.g. `?sector=healthcare` (empty when there is none).
pub fn location_search() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The fragment without `#`, e.g. a partnership id.
pub fn location_hash() -> String {
    let hash = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

fn pathname() -> String {
    window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// The one place that writes the address bar. A refused history update (rare:
/// rate limits) leaves the view right and only the address stale: nothing to show.
fn write_address(url: &str, mode: HistoryMode) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = match mode {
            HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(url)),
            HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(url)),
        };
    }
}

/// Writes the filter into the address bar (keeping parameters that are not the
/// filter's, such as `?data=`), dropping any `#card`.
pub fn set_filter_url(filter: &crate::explore::Filter, mode: HistoryMode) {
    let current = location_search();
    let query = crate::explore::write_query_keeping(filter, &current);
    // Pushing an unchanged query would only add a duplicate Back step.
    let mode = if query == current { HistoryMode::Replace } else { mode };
    write_address(&format!("{}{query}", pathname()), mode);
}

/// Replaces the address with `query` (from `write_query`) at one card (`#id`).
pub fn show_card_url(query: &str, id: &str) {
    write_address(&format!("{}{query}#{id}", pathname()), HistoryMode::Replace);
}

/// The page's address without query or fragment, e.g. `https://example.org/explorer/`.
pub fn page_url() -> String {
    let origin = window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", pathname())
}

/// The folder the explorer is served from (ending in `/`): where `embed.js` is.
pub fn explorer_base() -> String {
    let mut url = page_url();
    url.truncate(url.rfind('/').map_or(url.len(), |at| at + 1));
    url
}

/// An address that opens the explorer at one card: the page without filters, plus `#id`.
pub fn card_url(id: &str) -> String {
    format!("{}#{id}", page_url())
}

/// The full (not embedded) explorer at the current address.
pub fn full_explorer_url() -> String {
    page_url() + &crate::embed::without_embed(&location_search())
}

/// Copies `text` to the clipboard and then sets `done` to whether it worked (the
/// browser may refuse: no permission, insecure context). One function for every
/// Copy button: each separate async block would be its own code in the wasm.
pub fn copy_text(text: String, done: leptos::prelude::RwSignal<Option<bool>>) {
    use leptos::prelude::Set;
    leptos::task::spawn_local(async move {
        let copied = match window() {
            Some(window) => wasm_bindgen_futures::JsFuture::from(window.navigator().clipboard().write_text(&text)).await.is_ok(),
            None => false,
        };
        done.set(Some(copied));
    });
}

/// Scrolls the element with this id into view and moves focus to it.
pub fn scroll_to(id: &str) {
    use wasm_bindgen::JsCast;
    let element = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// What a visitor sees if the app ever panics: a plain notice with a reload
/// link instead of a frozen page. The markup is a constant, never data.
pub fn show_crash_notice() {
    const NOTICE: &str = "<div class=\"crash\" role=\"alert\"><p><strong>Something went wrong.</strong> \
        <a href=\"\">Reload the page</a> to try again.</p></div>";
    let body = window().and_then(|w| w.document()).and_then(|d| d.body());
    if let Some(body) = body {
        if body.query_selector(".crash").ok().flatten().is_none() {
            let _ = body.insert_adjacent_html("afterbegin", NOTICE);
        }
    }
}

/// Logs a panic to the console and shows the crash notice.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        show_crash_notice();
    }));
}
