//! Browser component tests: the views render from a dataset given in the test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use leptos::prelude::window;
use leptos::prelude::*;
use partnership_explorer::components::status::LoadErrorView;
use partnership_explorer::components::LoadedView;
use partnership_explorer::data::{parse_dataset, LoadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../public/data/partnerships.json");

/// A fresh container in the document; the mounted view lives until the test ends.
/// The address is reset first: the explorer reads its filter from it.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let path = window().location().pathname().unwrap_or_default();
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("reset url");
    let div = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&div).expect("append");
    div.unchecked_into()
}

/// Lets a view finish its fresh render: it builds one phase per task, so a
/// task per phase (and one for its effects) sees it complete.
async fn settle() {
    for _ in 0..=partnership_explorer::fresh::Phase::ALL.len() {
        partnership_explorer::browser::next_task().await;
    }
    leptos::task::tick().await;
}

/// Lets a change the visitor makes finish: its first new cards are built at
/// once, the others in tasks after the next paint (`later::after_paint`), a
/// few milliseconds' worth a task.
async fn after_paint(root: &web_sys::HtmlElement) {
    let frame = wasm_bindgen_futures::js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    for _ in 0..100 {
        if count(root, ".card-item") == count(root, ".card-item article") {
            break;
        }
        partnership_explorer::browser::next_task().await;
    }
    leptos::task::tick().await;
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("selector");
    (0..nodes.length()).filter_map(|i| nodes.item(i)).filter_map(|n| n.text_content()).collect()
}

#[wasm_bindgen_test]
async fn cards_render_from_a_given_dataset() {
    let loaded = parse_dataset(DATA).expect("valid");
    // The default order is by name.
    let mut names: Vec<String> = loaded.dataset.partnerships.iter().map(|p| p.name.to_string()).collect();
    names.sort();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <LoadedView loaded=loaded.clone()/> });
    settle().await;
    assert_eq!(texts(&root, "article h3"), names);
    assert_eq!(texts(&root, "h1"), ["Next Generation Sector Partnership Examples"]);
    assert!(texts(&root, ".figure-value").contains(&"over 75".to_string()));
    assert!(root.query_selector(".notice").expect("query").is_none(), "no notice for clean data");
    let hilt =
        root.query_selector("#seattle-king-county-healthcare-industry-leadership-table").expect("q").expect("card");
    let text = hilt.text_content().unwrap_or_default();
    assert!(text.contains("May 2018") && text.contains("Seattle-King County, Washington"), "{text}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn partial_data_shows_valid_cards_and_a_notice() {
    let mut v: serde_json::Value = serde_json::from_str(DATA).expect("json");
    v["partnerships"][0]["state"] = "ZZ".into();
    v["partnerships"][1]["website"] = "javascript:alert(1)".into();
    v["partnerships"][2]["website"] = "https://example.org/".into();
    let loaded = parse_dataset(&v.to_string()).expect("usable");
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <LoadedView loaded=loaded.clone()/> });
    settle().await;
    assert_eq!(root.query_selector_all("article").expect("q").length(), 9);
    let notice = texts(&root, ".notice li").join("\n");
    assert!(
        notice.contains(r#"partnerships[0] "northeast-louisiana-healthcare-partnership", field "state""#),
        "{notice}"
    );
    assert!(notice.contains(r#"field "website""#), "{notice}");
    let link = root.query_selector("a.card-website").expect("q").expect("one safe link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://example.org/"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(root.query_selector_all("a.card-website").expect("q").length(), 1);
}

#[wasm_bindgen_test]
async fn error_state_says_what_went_wrong_and_retry_calls_back() {
    let retried = RwSignal::new(0);
    let error = LoadError::Http { url: "data/partnerships.json".into(), status: 404, status_text: "Not Found".into() };
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoadErrorView error=error.clone() on_retry=Callback::new(move |()| retried.update(|n| *n += 1))/> }
    });
    let alert = texts(&root, "[role=alert]").join(" ");
    assert!(alert.contains("404 (Not Found)") && alert.contains("data/partnerships.json"), "{alert}");
    let button: web_sys::HtmlElement = root.query_selector("button").expect("q").expect("Retry").unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Retry"));
    button.click();
    leptos::task::tick().await;
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
fn invalid_data_lists_every_problem() {
    let error = match parse_dataset(r#"{"schema_version": 2}"#) {
        Err(unusable) => LoadError::Invalid(unusable),
        Ok(_) => panic!("schema_version 2 must be refused"),
    };
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoadErrorView error=error.clone() on_retry=Callback::new(|()| ())/> }
    });
    let items = texts(&root, ".problems li");
    assert_eq!(items.len(), 7, "{items:?}");
    assert!(items[0].starts_with("schema_version: version 2 is not supported"), "{items:?}");
}

async fn mount_explorer() -> web_sys::HtmlElement {
    let loaded = parse_dataset(DATA).expect("valid");
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <LoadedView loaded=loaded.clone()/> });
    handle.forget();
    settle().await;
    root
}

fn element<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> T {
    root.query_selector(selector).expect("selector").unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("selector").length()
}

fn status(root: &web_sys::HtmlElement) -> String {
    texts(root, ".status-line").join("")
}

#[wasm_bindgen_test]
async fn sector_radio_filters_cards_and_counts() {
    let root = mount_explorer().await;
    assert_eq!(status(&root), "Showing 11 of 11 partnerships");
    let labels = texts(&root, "[role=radiogroup] label");
    assert_eq!(labels[0], "All sectors (11)");
    assert!(labels.contains(&"Healthcare (3)".to_string()), "{labels:?}");
    element::<web_sys::HtmlElement>(&root, "input[value=healthcare]").click();
    leptos::task::tick().await;
    assert_eq!(count(&root, "article"), 3);
    assert_eq!(status(&root), "Showing 3 of 11 partnerships");
    assert!(window().location().search().unwrap_or_default().contains("sector=healthcare"));
    // The map counts follow: Louisiana keeps 1, Arizona (manufacturing) drops to 0.
    let la: web_sys::HtmlElement = element(&root, ".state-map button.r6.c5");
    assert_eq!(la.text_content().as_deref(), Some("LALouisiana: 1 partnership"));
    assert_eq!(count(&root, ".state-map button"), 11, "only states with partnerships are buttons");
}

#[wasm_bindgen_test]
async fn state_tile_and_list_select_the_same_state() {
    let root = mount_explorer().await;
    let tile: web_sys::HtmlElement = element(&root, ".state-map button.r2.c1");
    assert_eq!(tile.text_content().as_deref(), Some("WAWashington: 1 partnership"));
    tile.click();
    leptos::task::tick().await;
    assert_eq!(texts(&root, "article h3"), ["Seattle-King County Healthcare Industry Leadership Table"]);
    assert_eq!(tile.get_attribute("aria-pressed").as_deref(), Some("true"));
    let list_button = texts(&root, ".state-list button[aria-pressed=true]");
    assert_eq!(list_button, ["Washington (1)"]);
    tile.click();
    after_paint(&root).await;
    assert_eq!(count(&root, "article"), 11, "clicking the selected state again clears it");
}

#[wasm_bindgen_test]
async fn topics_combine_and_cards_toggle_them() {
    let root = mount_explorer().await;
    let topic = |label: &str| -> web_sys::HtmlElement {
        let buttons = root.query_selector_all("[role=group] button").expect("q");
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .find(|b| b.text_content().is_some_and(|t| t.starts_with(label)))
            .expect("topic button")
            .unchecked_into()
    };
    topic("Apprenticeships").click();
    leptos::task::tick().await;
    assert_eq!(count(&root, "article"), 2);
    topic("Internships").click();
    leptos::task::tick().await;
    assert_eq!(texts(&root, "article h3"), ["Lane County Tech Collaborative"]);
    // The same topic on the card toggles the same filter off: the card lists
    // its topics in its own order, Internships before Apprenticeships, so
    // Internships goes and the two apprenticeship partnerships are back.
    element::<web_sys::HtmlElement>(&root, "article .card-topics button[aria-pressed=true]").click();
    leptos::task::tick().await;
    assert_eq!(count(&root, "article"), 2);
    assert_eq!(
        texts(&root, "article .card-topics button[aria-pressed=true]").len(),
        2,
        "Apprenticeships, on both cards"
    );
}

#[wasm_bindgen_test]
async fn search_marks_matches_and_empty_state_clears() {
    let root = mount_explorer().await;
    let input: web_sys::HtmlInputElement = element(&root, "input[type=search]");
    input.set_value("hawaii");
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    leptos::task::tick().await;
    assert_eq!(count(&root, "article"), 1);
    assert!(texts(&root, "article mark").contains(&"Hawai’i".to_string()), "{:?}", texts(&root, "article mark"));
    input.set_value("hawaii zebra");
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    leptos::task::tick().await;
    assert_eq!(count(&root, "article"), 0);
    let empty = texts(&root, ".empty-state").join("");
    assert!(empty.contains("Active filters: search: “hawaii zebra”."), "{empty}");
    element::<web_sys::HtmlElement>(&root, ".empty-state button").click();
    after_paint(&root).await;
    assert_eq!(count(&root, "article"), 11);
    leptos::task::tick().await;
    assert_eq!(input.value(), "");
}

#[wasm_bindgen_test]
async fn a_cards_similar_partnerships_are_made_when_first_opened() {
    let root = mount_explorer().await;
    // Rendered fresh (no prerendered page to claim): each card has its
    // disclosure, and none has made its list.
    assert_eq!(count(&root, "article details.card-similar"), count(&root, "article"));
    assert_eq!(count(&root, ".similar-list"), 0);
    let card = "#calumet-manufacturing-industry-sector-partnership";
    element::<web_sys::HtmlElement>(&root, &format!("{card} .card-similar summary")).click();
    leptos::task::tick().await;
    assert_eq!(count(&root, &format!("{card} .similar-list li")), 3);
    assert_eq!(count(&root, ".similar-list"), 1, "only the card opened");
    // Closed and opened again, the same list (made once).
    let list = root.query_selector(&format!("{card} .similar-list")).expect("q");
    element::<web_sys::HtmlElement>(&root, &format!("{card} .card-similar summary")).click();
    leptos::task::tick().await;
    element::<web_sys::HtmlElement>(&root, &format!("{card} .card-similar summary")).click();
    leptos::task::tick().await;
    assert_eq!(root.query_selector(&format!("{card} .similar-list")).expect("q"), list);
}

#[wasm_bindgen_test]
fn a_panic_shows_a_reload_notice_once() {
    partnership_explorer::browser::show_crash_notice();
    partnership_explorer::browser::show_crash_notice();
    let body = document().body().expect("body");
    let notices = body.query_selector_all(".crash[role=alert]").expect("q");
    assert_eq!(notices.length(), 1);
    let text = body.query_selector(".crash").expect("q").and_then(|n| n.text_content()).unwrap_or_default();
    assert_eq!(text, "Something went wrong. Reload the page to try again.");
    if let Some(n) = body.query_selector(".crash").expect("q") {
        n.remove();
    }
}
