//! The prerendered default view (`prerender::default_view_html`): the whole page
//! as the browser first draws it, from the same components as the app.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::data::parse_dataset;
use partnership_explorer::geo::state_name;
use partnership_explorer::prerender::{bundled_reads_alike, default_view_html};

const DATA: &str = include_str!("../public/data/partnerships.json");

#[test]
fn holds_every_card_once_with_the_figures_and_states() {
    let html = default_view_html(DATA).expect("the bundled data renders");
    let dataset = parse_dataset(DATA).unwrap().dataset;
    assert_eq!(html.matches("<article").count(), dataset.partnerships.len());
    for p in &dataset.partnerships {
        assert_eq!(html.matches(&format!("id=\"{}\"", p.id)).count(), 1, "{}", p.id);
        assert!(html.contains(&p.name.replace('&', "&amp;")), "{}", p.name);
        assert!(html.contains(state_name(&p.state)), "{}", p.state);
    }
    // The title as the heading's text (a marker may follow it: <!---->).
    assert!(html.contains(&format!("<h1 id=\"page-title\">{}<", dataset.title)));
    assert!(html.contains("over 75"), "national figure");
    assert!(html.contains(r#"aria-label="States""#), "the state list");
    assert!(html.contains("Showing 11 of 11 partnerships"));
    // The default view: "All sectors" chosen, no filter, no script.
    assert!(
        html.contains(r#"<input type="radio" name="sector" value="" checked>"#),
        "{}",
        &html[..2000.min(html.len())]
    );
    assert!(!html.contains("<script"));
    assert!(!html.contains("<!>"), "no bogus comments: markers are written <!---->");
    assert!(html.starts_with(r##"<a href="#main" class="skip-link">"##));
}

#[test]
fn text_from_the_data_is_escaped() {
    let hostile = DATA.replacen("\"summary\": \"", "\"summary\": \"<img src=x onerror=alert(1)> ", 1);
    let html = default_view_html(&hostile).expect("renders");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<img"));
}

#[test]
fn an_unusable_dataset_fails_the_build() {
    let problems = default_view_html("{").expect_err("not JSON").problems;
    assert!(problems[0].message().contains("EOF while parsing an object"), "{problems:?}");
}

// The explorer's wasm reads the bundled dataset with serde alone
// (`data::parse_trusted`): the build refuses one that would read otherwise.
#[test]
fn the_bundled_dataset_reads_the_same_without_the_validation() {
    assert_eq!(bundled_reads_alike(DATA), Ok(()));
    let dataset = parse_dataset(DATA).unwrap().dataset;
    assert_eq!(partnership_explorer::data::parse_trusted(DATA), Some(dataset));
}

#[test]
fn a_bundled_dataset_with_a_skipped_entry_or_unreadable_fails_the_build() {
    // A second entry with the first's id: the validation skips it (a problem).
    let mut value: serde_json::Value = serde_json::from_str(DATA).unwrap();
    let first = value["partnerships"][0].clone();
    value["partnerships"].as_array_mut().unwrap().push(first);
    let duplicated = value.to_string();
    assert!(!parse_dataset(&duplicated).unwrap().problems.is_empty());
    let why = bundled_reads_alike(&duplicated).expect_err("a problem");
    assert!(why.contains("1 problem"), "{why}");
    // Nor one that cannot be read at all.
    assert!(bundled_reads_alike("{").is_err());
}

#[test]
fn first_answers_are_each_sectors_cards_in_the_prerendered_order_with_its_status() {
    use partnership_explorer::prerender::first_answers;
    let answers: serde_json::Value = serde_json::from_str(&first_answers(DATA).unwrap()).unwrap();
    let dataset = parse_dataset(DATA).unwrap().dataset;
    // The prerendered list: the default view, by name.
    let mut listed: Vec<_> = dataset.partnerships.iter().collect();
    listed.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
    let html = default_view_html(DATA).unwrap();
    let in_page: Vec<usize> = listed.iter().map(|p| html.find(&format!("<article id=\"{}\"", p.id)).unwrap()).collect();
    assert!(in_page.is_sorted(), "the page lists the cards in the default order");
    for sector in &dataset.sectors {
        let expected: Vec<usize> = (0..listed.len()).filter(|&at| listed[at].sector == sector.id).collect();
        let answer = &answers["sector"][sector.id.as_str()];
        assert_eq!(answer["cards"], serde_json::json!(expected), "{}", sector.id);
        let status = format!("Showing {} of {} partnerships", expected.len(), listed.len());
        assert_eq!(answer["status"], status.as_str(), "{}", sector.id);
    }
    assert_eq!(answers["sector"].as_object().unwrap().len(), dataset.sectors.len(), "All sectors is the page itself");
    // A state's answer: every state with partnerships, none without.
    let mut codes: Vec<&str> = dataset.partnerships.iter().map(|p| p.state.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(answers["state"].as_object().unwrap().keys().map(String::as_str).collect::<Vec<_>>(), codes);
    for code in codes {
        let expected: Vec<usize> = (0..listed.len()).filter(|&at| listed[at].state.as_str() == code).collect();
        assert_eq!(answers["state"][code]["cards"], serde_json::json!(expected), "{code}");
        let status = format!("Showing {} of {} partnerships", expected.len(), listed.len());
        assert_eq!(answers["state"][code]["status"], status.as_str(), "{code}");
        // shell.js finds the state's tile and list button by this attribute.
        let marked = format!("{}=\"{code}\"", partnership_explorer::names::STATE_ATTRIBUTE);
        assert_eq!(html.matches(&marked).count(), 2, "{code}: its tile and its list button");
    }
    // A sector and a state together: every pair with partnerships, and no other.
    let mut pairs: Vec<(&str, &str)> =
        dataset.partnerships.iter().map(|p| (p.sector.as_str(), p.state.as_str())).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let answered: usize =
        answers["pair"].as_object().unwrap().values().map(|states| states.as_object().unwrap().len()).sum();
    assert_eq!(answered, pairs.len());
    for (sector, code) in pairs {
        let expected: Vec<usize> =
            (0..listed.len()).filter(|&at| listed[at].sector == sector && listed[at].state.as_str() == code).collect();
        assert!(!expected.is_empty());
        assert_eq!(answers["pair"][sector][code]["cards"], serde_json::json!(expected), "{sector} in {code}");
        let status = format!("Showing {} of {} partnerships", expected.len(), listed.len());
        assert_eq!(answers["pair"][sector][code]["status"], status.as_str(), "{sector} in {code}");
    }
}

/// shell.js opens the Filters panel before the app is live with the class the
/// app gives it (`class:open`, which cannot take a constant).
#[test]
fn the_open_panels_class_is_the_one_shell_js_is_given() {
    let filters = include_str!("../src/components/filters.rs");
    let open = format!("class:{}=", partnership_explorer::names::PANEL_OPEN);
    assert!(filters.contains(&open), "{open}");
}
