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

/// Writes `query` (from `write_query`) into the address bar, dropping any `#card`.
pub fn set_query(query: &str, mode: HistoryMode) {
    let url = format!("{}{}", pathname(), query);
    let current = format!("{}{}", pathname(), location_search());
    let Some(history) = window().and_then(|w| w.history().ok()) else { return };
    let result = if mode == HistoryMode::Push && url != current {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    if let Err(e) = result {
        leptos::logging::warn!("could not update the address bar: {e:?}");
    }
}

/// Replaces the address with `query` (from `write_query`) at one card (`#id`).
pub fn show_card_url(query: &str, id: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{}{query}#{id}", pathname())));
    }
}

/// An address that opens the explorer at one card: the page without filters, plus `#id`.
pub fn card_url(id: &str) -> String {
    let origin = window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}#{id}", pathname())
}

/// Copies `text`; false when the browser refuses (no permission, insecure context).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
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
