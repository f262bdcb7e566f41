//! Browser component tests: the views render from a dataset given in the test.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use partnership_explorer::components::status::LoadErrorView;
use partnership_explorer::components::LoadedView;
use partnership_explorer::data::{parse_dataset, LoadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../public/data/partnerships.json");

/// A fresh container in the document; the mounted view lives until the test ends.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&div).expect("append");
    div.unchecked_into()
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("selector");
    (0..nodes.length()).filter_map(|i| nodes.item(i)).filter_map(|n| n.text_content()).collect()
}

#[wasm_bindgen_test]
fn cards_render_from_a_given_dataset() {
    let loaded = parse_dataset(DATA).expect("valid");
    let names: Vec<String> = loaded.dataset.partnerships.iter().map(|p| p.name.clone()).collect();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <LoadedView loaded=loaded.clone()/> });
    assert_eq!(texts(&root, "article h3"), names);
    assert_eq!(texts(&root, "h1"), ["Next Generation Sector Partnership Examples"]);
    assert!(texts(&root, ".figure-value").contains(&"over 75".to_string()));
    assert!(root.query_selector(".notice").expect("query").is_none(), "no notice for clean data");
    let hilt = root.query_selector("#seattle-king-county-healthcare-industry-leadership-table").expect("q").expect("card");
    let text = hilt.text_content().unwrap_or_default();
    assert!(text.contains("May 2018") && text.contains("Seattle-King County, Washington"), "{text}");
    drop(handle);
}

#[wasm_bindgen_test]
fn partial_data_shows_valid_cards_and_a_notice() {
    let mut v: serde_json::Value = serde_json::from_str(DATA).expect("json");
    v["partnerships"][0]["state"] = "ZZ".into();
    v["partnerships"][1]["website"] = "javascript:alert(1)".into();
    v["partnerships"][2]["website"] = "https://example.org/".into();
    let loaded = parse_dataset(&v.to_string()).expect("usable");
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <LoadedView loaded=loaded.clone()/> });
    assert_eq!(root.query_selector_all("article").expect("q").length(), 9);
    let notice = texts(&root, ".notice li").join("\n");
    assert!(notice.contains(r#"partnerships[0] "northeast-louisiana-healthcare-partnership", field "state""#), "{notice}");
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
