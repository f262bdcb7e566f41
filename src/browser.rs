//! Where the views touch the browser beyond rendering: the address bar, the
//! clipboard, scrolling, the page's marks as the app starts (`start` decides
//! when), and the crash notice. Kept here so components stay thin. (The only
//! other DOM calls are the data request's timeout in `load`.)

use wasm_bindgen::JsValue;

use crate::names;

/// How a filter change is recorded in the session history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// A committed change (a click): Back returns to the previous view.
    Push,
    /// A change in progress (typing): the current entry is updated in place.
    Replace,
}

/// The browser window; none when the views are rendered natively at build time
/// (the prerender), where every function here falls back to "no address".
fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

thread_local! {
    /// A fresh app's root while it renders out of sight behind the busy page.
    static OUT_OF_SIGHT: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// `#app` while it holds the prerendered page: what the app hydrates.
pub fn prerendered_app() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    element_by_id(names::APP).filter(|app| app.has_attribute(names::PRERENDERED))?.dyn_into().ok()
}

/// Where a fresh app mounts. `#app` itself on a page without the prerender
/// (its "Loading…" line goes); when `#app` holds the prerendered page (busy,
/// for another view: a partner's list, the check page), a fresh element out
/// of the document, until `swap_in_fresh_app` puts it in the page's place.
pub fn app_root() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let document = window()?.document()?;
    let app = document.get_element_by_id(names::APP)?;
    if !app.has_attribute(names::PRERENDERED) {
        app.set_inner_html("");
        return app.dyn_into().ok();
    }
    let live = document.create_element("div").ok()?;
    live.set_class_name("app");
    OUT_OF_SIGHT.with(|root| root.replace(Some(live.clone())));
    live.dyn_into().ok()
}

/// Puts a fresh app (rendered out of sight) in the busy page's place, in one
/// step, once its cards (or its error) are built; when there is nothing to
/// swap (a page without the prerender, a later call) it only settles the app in.
pub fn swap_in_fresh_app() {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    if let Some(live) = OUT_OF_SIGHT.with(|root| root.borrow_mut().take()) {
        if let Some(prerendered) = document.get_element_by_id(names::APP) {
            let _ = prerendered.replace_with_with_node_1(&live);
            live.set_id(names::APP);
        }
    }
    settle_in(document);
}

/// The hydrated page is live (the address applied): `#app` is no longer the
/// prerendered page (the CSS shows its results again), its cards settle in,
/// and shell.js hears it (`names::LIVE_EVENT`) and hands over what the
/// visitor did before.
pub fn went_live() {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    if let Some(app) = document.get_element_by_id(names::APP) {
        let _ = app.remove_attribute(names::PRERENDERED);
    }
    dispatch(names::LIVE_EVENT);
    settle_in(document);
}

/// Tells the page's JavaScript (shell.js) of a step of the start: an event on
/// `window`, which it may cancel (the result is false then).
pub fn dispatch(name: &str) -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict(name, &init);
    match (window(), event) {
        (Some(window), Ok(event)) => window.dispatch_event(&event).unwrap_or(true),
        _ => true,
    }
}

fn settle_in(document: web_sys::Document) {
    // Until now cards out of view skipped layout (`content-visibility`, see the
    // CSS), so the swap laid out a screenful only. From the frame after it,
    // they are laid out a few per frame, then all: a card scrolled into view
    // no longer grows from its placeholder size and pushes down what follows,
    // such as the button under the pointer.
    leptos::prelude::request_animation_frame(move || settle(document, 0));
}

/// The app's classes as it settles in, one a frame (see the CSS): the first
/// four cards laid out, the first eight, then eight more a frame, then every
/// card (`names::SETTLED`). A frame that laid out the other 32 cards of a list
/// of 40 at once took 114 ms on the bench's phone, and a tap waited for it.
const SETTLING: [&str; 7] =
    ["laid-out-4", "laid-out-8", "laid-out-16", "laid-out-24", "laid-out-32", "laid-out-40", names::SETTLED];

fn settle(document: web_sys::Document, step: usize) {
    let Some(class) = SETTLING.get(step) else { return };
    // Set at the start of a frame: its layout is that frame's, not the last one's.
    leptos::prelude::request_animation_frame(move || {
        if let Some(app) = document.get_element_by_id(names::APP) {
            app.set_class_name(&format!("app {class}"));
        }
        settle(document, step + 1);
    });
}

/// The bundled dataset as the page carries it (`<script type="application/json"
/// id="dataset">`, written by `scripts/post-build.mjs` in release builds).
pub fn bundled_dataset() -> Option<String> {
    element_by_id(names::DATASET)?.text_content()
}

/// Whether this page is a copy of the explorer whose own list is beside it
/// (`<html data-own-list>`: own-list.html, which `own_copy` makes its index):
/// its list is `data::DATA_URL`, fetched.
pub fn has_own_list() -> bool {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|html| html.has_attribute(names::OWN_LIST))
}

/// Whether a service worker (ours: offline use) answers this page's requests.
pub fn has_service_worker() -> bool {
    window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
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
pub fn full_explorer_url(filter: &crate::explore::Filter) -> String {
    page_url() + &crate::embed::full_explorer_query(filter, &location_search())
}

/// Copies `text` to the clipboard and then sets `done` to whether it worked (the
/// browser may refuse: no permission, insecure context). One function for every
/// Copy button: each separate async block would be its own code in the wasm.
pub fn copy_text(text: String, done: leptos::prelude::RwSignal<Option<bool>>) {
    use leptos::prelude::Set;
    leptos::task::spawn_local(async move {
        let copied = match window() {
            Some(window) => {
                wasm_bindgen_futures::JsFuture::from(window.navigator().clipboard().write_text(&text)).await.is_ok()
            }
            None => false,
        };
        done.set(Some(copied));
    });
}

/// Resolves in a task of its own (after a zero timeout): long work split there
/// lets a slow phone paint and respond in between. At once where there is no window.
pub async fn next_task() {
    let promise = wasm_bindgen_futures::js_sys::Promise::new(&mut |resolve, _| {
        let queued = window().and_then(|w| w.set_timeout_with_callback(&resolve).ok());
        if queued.is_none() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` in a task after the next frame is drawn: what it does waits for
/// that frame, and the frame waits for none of it.
pub fn task_after_next_frame(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::set_timeout(f, std::time::Duration::ZERO));
}

/// Scrolls the element with this id into view and moves focus to it.
pub fn scroll_to(id: &str) {
    if let Some(element) = html_element_by_id(id) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// The `href` of the link a click landed in (the link itself or any element inside it).
pub fn link_clicked(event: &web_sys::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("a[href]").ok().flatten()?.get_attribute("href")
}

/// Moves focus to the element with this id, or to the first control inside it
/// when `first_inside` (a panel just opened).
pub fn focus(id: &str, first_inside: bool) {
    let Some(element) = element_by_id(id) else { return };
    let target = if first_inside {
        // The chosen radio, as the Tab key would reach the group; else the first control.
        let first = |selector: &str| element.query_selector(selector).ok().flatten();
        first("input:checked").or_else(|| first("input, button, select, a[href]"))
    } else {
        Some(element)
    };
    if let Some(target) = target.and_then(html_element) {
        let _ = target.focus();
    }
}

/// The bytes of a file the visitor chose or dropped: read in the page, sent nowhere.
pub async fn file_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| {
        let why = e.as_string().unwrap_or_else(|| "the browser refused".to_string());
        format!("The file could not be read ({why}). Choose it again.")
    })?;
    Ok(wasm_bindgen_futures::js_sys::Uint8Array::new(&buffer).to_vec())
}

/// An address (`blob:`) that downloads `text` as a file of type `mime`; the
/// page's own, so the policy allows it and nothing leaves the browser.
pub fn download_url(text: &str, mime: &str) -> Option<String> {
    blob_url(&JsValue::from_str(text), mime)
}

/// The same for bytes (an archive).
fn bytes_url(bytes: &[u8], mime: &str) -> Option<String> {
    blob_url(&wasm_bindgen_futures::js_sys::Uint8Array::from(bytes).into(), mime)
}

fn blob_url(part: &JsValue, mime: &str) -> Option<String> {
    window()?;
    let parts = wasm_bindgen_futures::js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Frees a `download_url` that is no longer shown.
pub fn forget_download_url(url: &str) {
    if window().is_some() {
        let _ = web_sys::Url::revoke_object_url(url);
    }
}

/// Saves `text` as a file named `name`: a `download_url` followed once by a
/// link of the page's own, then freed. Nothing leaves the browser.
pub fn save_file(text: &str, mime: &str, name: &str) {
    save_url(download_url(text, mime), name);
}

/// Saves `bytes` (an archive) as a file named `name`, as `save_file` does.
pub fn save_bytes(bytes: &[u8], mime: &str, name: &str) {
    save_url(bytes_url(bytes, mime), name);
}

fn save_url(url: Option<String>, name: &str) {
    use wasm_bindgen::JsCast;
    let Some(url) = url else { return };
    let link = window().and_then(|w| w.document()).and_then(|d| d.create_element("a").ok());
    if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // The browser has taken the file once the click is handled.
    leptos::task::spawn_local(async move {
        next_task().await;
        forget_download_url(&url);
    });
}

/// Whether the page's stylesheet applies what it holds inside `@supports
/// SUPPORTS { @media MEDIA { … } }`, now: true natively (the prerender) and
/// wherever the browser cannot say.
pub fn css_applies(supports: &str, media: &str) -> bool {
    let Some(window) = window() else { return true };
    web_sys::css::supports(supports).unwrap_or(true)
        && window.match_media(media).ok().flatten().is_none_or(|list| list.matches())
}

/// Whether the disclosure (`<details>`) an event is about is open once the
/// event is handled: a `toggle` of the disclosure says how it is; a click on
/// its `<summary>` comes before it toggles.
pub fn disclosure_open(event: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    if element.tag_name().eq_ignore_ascii_case("summary") {
        !element.parent_element().is_some_and(|details| details.has_attribute("open"))
    } else {
        element.has_attribute("open")
    }
}

/// Opens the browser's print dialog (Print, or Save as PDF).
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// Opens the system's share sheet with a title and an address (the Web Share
/// API); `false` where the browser has none, so the caller can copy instead.
pub fn share(title: &str, url: &str) -> bool {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::js_sys::{Function, Object, Reflect};
    let Some(navigator) = window().map(|w| w.navigator()) else { return false };
    let Some(share) = Reflect::get(&navigator, &"share".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else {
        return false;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    match share.call1(&navigator, &data) {
        // Closing the sheet without sharing rejects the promise: nothing to say.
        Ok(promise) => {
            if let Ok(promise) = promise.dyn_into::<wasm_bindgen_futures::js_sys::Promise>() {
                leptos::task::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
            }
            true
        }
        Err(_) => false,
    }
}

/// Today's date as people read it: "December 3, 2026".
pub fn today() -> String {
    if window().is_none() {
        return String::new();
    }
    let options = wasm_bindgen_futures::js_sys::Object::new();
    for (key, value) in [("year", "numeric"), ("month", "long"), ("day", "numeric")] {
        let _ = wasm_bindgen_futures::js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let date = wasm_bindgen_futures::js_sys::Date::new_0();
    date.to_locale_date_string("en-US", &options).as_string().unwrap_or_default()
}

/// The document's title (the tab and the history list).
pub fn set_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

fn element_by_id(id: &str) -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id(id)
}

/// The page's HTML element with this id, if it has one.
pub fn html_element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    element_by_id(id).and_then(html_element)
}

fn html_element(element: web_sys::Element) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    element.dyn_into().ok()
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

/// Logs a panic's message to the console and shows the crash notice. (The
/// message without its source location: formatting the location costs the
/// wasm some 300 bytes of the first visit's budget; the message names the
/// problem.)
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload.downcast_ref::<&str>().copied();
        let message = message.or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        let message = message.unwrap_or("a panic without a message");
        web_sys::console::error_2(&JsValue::from_str("Partnership Explorer stopped:"), &JsValue::from_str(message));
        show_crash_notice();
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_settling_step_lays_out_the_cards_its_class_names_and_more_than_the_last() {
        let css = include_str!("../public/styles.css");
        let (steps, last) = SETTLING.split_at(SETTLING.len() - 1);
        assert_eq!(last, [names::SETTLED]);
        let mut before = 0;
        for class in steps {
            let count: usize = class.strip_prefix("laid-out-").and_then(|n| n.parse().ok()).unwrap_or(0);
            assert!(count > before, "{class} lays out no more cards than the step before it");
            let rule = format!(".app.{class} .card-item:nth-child(-n + {count})");
            assert!(css.contains(&rule), "public/styles.css has no `{rule}`");
            before = count;
        }
    }
}
