//! Embedding: the `?embed=1` switch and the snippets of "Embed this view".
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::embed::{
    embed_url, full_explorer_query, iframe_snippet, is_embed, loader_snippet, without_embed, Controls,
};
use partnership_explorer::explore::{parse_query, Filter, Known, Sort};
use proptest::prelude::*;

const BASE: &str = "https://example.org/explorer/";

#[test]
fn embed_is_switched_on_by_embed_1_only() {
    assert!(is_embed("?embed=1"));
    assert!(is_embed("?state=LA&embed=true"));
    assert!(is_embed("embed=1&sector=healthcare"));
    assert!(!is_embed(""));
    assert!(!is_embed("?embed=0"));
    assert!(!is_embed("?embedded=1"));
    assert!(!is_embed("?q=embed=1"));
}

/// The head script reads the address with `URLSearchParams`, which decodes
/// `%XX` and `+`: the app reads it the same way (issue 21: `?embed=%31` hid
/// the site's header but ran un-embedded).
#[test]
fn the_switch_and_the_controls_are_read_decoded_as_the_browser_reads_them() {
    assert!(is_embed("?embed=%31"));
    assert!(is_embed("?%65mbed=tru%65"));
    assert!(!is_embed("?embed=%30"));
    assert!(!is_embed("?embed=1+"));
    assert_eq!(Controls::from_search("?embed=%31&controls=%6Eone"), (Controls::None, None));
    assert_eq!(Controls::from_search("?embed=1&%63ontrols=full").0, Controls::Full);
    assert_eq!(without_embed("?%65mbed=1&state=LA&controls=none"), "?state=LA");
}

/// A partner's list (`?data=`) is part of the view: "Embed this view" on it
/// embeds that list, not the bundled one (issue 21).
#[test]
fn the_snippets_of_a_partners_list_show_that_list() {
    let list = Some("data/colorado.json");
    let known = Known { sectors: vec!["healthcare".into()], topics: vec![] };
    let (filter, _) = parse_query("?sector=healthcare", &known);
    let loader = loader_snippet(BASE, &filter, Controls::Compact, list);
    assert!(loader.contains(" data-sector=\"healthcare\" data-list=\"data/colorado.json\""), "{loader}");
    assert_eq!(
        embed_url(BASE, &filter, Controls::Full, list),
        format!("{BASE}?embed=1&controls=full&sector=healthcare&data=data/colorado.json")
    );
    assert!(iframe_snippet(BASE, &filter, Controls::Compact, list).contains("&amp;data=data/colorado.json"));
    assert!(!loader_snippet(BASE, &filter, Controls::Compact, None).contains("data-list"));
}

#[test]
fn the_full_explorer_shows_the_filter_held_and_keeps_other_parameters() {
    let known = Known { sectors: vec!["healthcare".into()], topics: vec![] };
    let (filter, _) = parse_query("?sector=healthcare&state=TX", &known);
    // The address still holds the previous filter: the filter given wins.
    let query = full_explorer_query(&filter, "?embed=1&state=LA&data=data/x.json");
    assert_eq!(query, "?sector=healthcare&state=TX&data=data/x.json");
    assert_eq!(full_explorer_query(&Filter::default(), "?embed=1"), "");
}

#[test]
fn the_full_explorer_keeps_everything_but_the_switch() {
    assert_eq!(without_embed("?embed=1"), "");
    assert_eq!(without_embed("?embed=1&state=LA&topic=a&topic=b"), "?state=LA&topic=a&topic=b");
    assert_eq!(without_embed("?sector=healthcare&embed=1&data=data/x.json"), "?sector=healthcare&data=data/x.json");
    assert_eq!(without_embed("?q=embed"), "?q=embed");
}

#[test]
fn the_default_view_snippet_has_no_filter_attributes() {
    let (loader, iframe) = (
        loader_snippet(BASE, &Filter::default(), Controls::Compact, None),
        iframe_snippet(BASE, &Filter::default(), Controls::Compact, None),
    );
    assert_eq!(
        loader,
        "<div data-partnership-explorer></div>\n<script src=\"https://example.org/explorer/embed.js\" async></script>"
    );
    assert!(
        iframe.starts_with("<iframe src=\"https://example.org/explorer/?embed=1\" title=\"Partnership Explorer\""),
        "{iframe}"
    );
    assert!(iframe.contains("loading=\"lazy\""));
}

#[test]
fn every_filter_becomes_an_attribute_and_a_parameter() {
    let mut filter = Filter {
        sector: Some("healthcare".into()),
        state: Some("LA".into()),
        query: "nursing".into(),
        sort: Sort::Launched,
        ..Filter::default()
    };
    filter.topics.insert("apprenticeships");
    filter.topics.insert("career-pathways");
    let (loader, iframe) = (
        loader_snippet(BASE, &filter, Controls::Compact, None),
        iframe_snippet(BASE, &filter, Controls::Compact, None),
    );
    assert!(
        loader.starts_with(concat!(
            "<div data-partnership-explorer data-sector=\"healthcare\" data-state=\"LA\" ",
            "data-topic=\"apprenticeships career-pathways\" data-q=\"nursing\" data-sort=\"launched\"></div>"
        )),
        "{loader}"
    );
    assert!(
        iframe.contains(concat!(
            "src=\"https://example.org/explorer/?embed=1&amp;sector=healthcare&amp;state=LA",
            "&amp;topic=apprenticeships&amp;topic=career-pathways&amp;q=nursing&amp;sort=launched\""
        )),
        "{iframe}"
    );
}

#[test]
fn search_text_cannot_break_out_of_the_attribute() {
    let filter = Filter { query: "\"><script>alert(1)</script> & more".into(), ..Filter::default() };
    let (loader, iframe) = (
        loader_snippet(BASE, &filter, Controls::Compact, None),
        iframe_snippet(BASE, &filter, Controls::Compact, None),
    );
    assert!(loader.contains("data-q=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more\""), "{loader}");
    assert!(!loader.contains("<script>alert"));
    assert_eq!(iframe.matches('<').count(), 2, "only <iframe> and </iframe>: {iframe}");
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

proptest! {
    /// The plain iframe's address, read back by the app, gives the same filter
    /// and the embed switch, whatever the search text.
    #[test]
    fn the_iframe_address_reads_back_as_the_same_filter(q in "\\PC{0,40}", launched in any::<bool>()) {
        let filter = Filter { query: q, sort: if launched { Sort::Launched } else { Sort::Name }, ..Filter::default() };
        let iframe = iframe_snippet(BASE, &filter, Controls::Compact, None);
        let src = iframe.split("src=\"").nth(1).and_then(|rest| rest.split('"').next()).map(unescape).unwrap();
        let query = src.strip_prefix(BASE).unwrap();
        prop_assert!(is_embed(query));
        let (back, notices) = parse_query(query, &Known::default());
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, filter);
    }
}

#[test]
fn an_embed_is_compact_unless_its_partner_chose_other_controls() {
    assert_eq!(Controls::from_search("?sector=healthcare"), (Controls::Full, None));
    assert_eq!(Controls::from_search("?controls=none"), (Controls::Full, None), "the full page has every control");
    assert_eq!(Controls::from_search("?embed=1&state=LA"), (Controls::Compact, None));
    for controls in Controls::ALL {
        assert_eq!(Controls::from_search(&format!("?embed=1&controls={}", controls.as_str())), (controls, None));
    }
    let (controls, notice) = Controls::from_search("?embed=1&controls=tiny");
    assert_eq!(controls, Controls::Compact);
    assert_eq!(notice.as_deref(), Some("Ignored the unknown controls “tiny”: showing the compact ones."));
    assert_eq!(without_embed("?embed=1&controls=none&state=LA"), "?state=LA");
}

#[test]
fn the_snippets_name_controls_other_than_the_default() {
    let filter = Filter { state: Some("LA".into()), ..Filter::default() };
    assert!(!loader_snippet(BASE, &filter, Controls::Compact, None).contains("data-controls"));
    assert!(loader_snippet(BASE, &filter, Controls::None, None).contains(" data-controls=\"none\""));
    assert!(iframe_snippet(BASE, &filter, Controls::Full, None).contains("?embed=1&amp;controls=full&amp;state=LA"));
    assert!(!iframe_snippet(BASE, &filter, Controls::Compact, None).contains("controls"));
}
