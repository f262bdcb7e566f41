//! A view taken along: its filters in words, its file name, its partnerships
//! as a dataset of their own (the CSV and JSON downloads), and the QR code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::data::report::dataset_json;
use partnership_explorer::data::sheet::{from_csv, to_csv};
use partnership_explorer::data::{parse_dataset, Dataset};
use partnership_explorer::explore::handout::{csv_from_json, file_stem, in_words, view_dataset, QrSvg};
use partnership_explorer::explore::{Filter, Index, Sort};
use proptest::prelude::*;

const DATA: &str = include_str!("../public/data/partnerships.json");

fn dataset() -> Dataset {
    parse_dataset(DATA).unwrap().dataset
}

fn filter(sector: Option<&str>, state: Option<&str>, topics: &[&str], query: &str) -> Filter {
    Filter {
        sector: sector.map(str::to_string),
        state: state.map(str::to_string),
        topics: topics.iter().collect(),
        query: query.to_string(),
        sort: Sort::default(),
    }
}

#[test]
fn the_filters_in_words_use_the_datasets_labels() {
    let d = dataset();
    let f = filter(Some("healthcare"), Some("LA"), &["career-pathways"], " nurse ");
    assert_eq!(in_words(&f, &d), "Healthcare · Louisiana · topic: Career pathways · search: “nurse”");
    assert_eq!(in_words(&Filter::default(), &d), "All partnerships");
    let sorted = Filter { sort: Sort::State, ..Filter::default() };
    assert_eq!(in_words(&sorted, &d), "All partnerships · sorted by state");
}

#[test]
fn file_names_say_what_the_file_holds() {
    assert_eq!(file_stem(&filter(Some("healthcare"), Some("LA"), &[], "")), "partnerships-healthcare-LA");
    assert_eq!(file_stem(&Filter::default()), "partnerships");
    let f = filter(None, None, &["k12-education", "internships"], "Hawai’i  ag/food");
    assert_eq!(file_stem(&f), "partnerships-internships-k12-education-search-hawaii-ag-food");
    let long = filter(None, None, &[], &"word ".repeat(60));
    assert!(file_stem(&long).len() <= 100 && !file_stem(&long).ends_with('-'));
}

#[test]
fn a_qr_code_is_drawn_for_an_address_and_none_for_text_too_long() {
    let QrSvg { size, path } = QrSvg::encode("https://example.org/explorer/?sector=healthcare&state=LA").unwrap();
    // Version 3 or 4 (29 or 33 modules) for this length, plus the quiet zone of 4 on each side.
    assert!((29 + 8..=33 + 8).contains(&size), "{size}");
    assert!(path.starts_with('M') && path.matches('M').count() > 100);
    assert!(QrSvg::encode(&"x".repeat(5000)).is_none());
}

#[test]
fn a_qr_code_crosses_from_the_take_along_code_as_it_was_drawn() {
    let code = QrSvg::encode("https://example.org/explorer/?state=LA").unwrap();
    assert_eq!(QrSvg::from_text(&code.to_text()), Some(code));
    assert_eq!(QrSvg::from_text("M1,1h1"), None);
    assert_eq!(QrSvg::from_text("wide M1,1h1"), None);
}

#[test]
fn the_csv_made_on_demand_from_a_views_json_is_the_views_csv() {
    let d = dataset();
    let view = view_dataset(&d, &[3, 0, 7]);
    assert_eq!(csv_from_json(&dataset_json(&view)).unwrap(), to_csv(&view));
    assert_eq!(csv_from_json(&dataset_json(&d)).unwrap(), to_csv(&d));
    assert!(csv_from_json("{\"partnerships\": 3}").is_err());
}

proptest! {
    /// Both downloads hold exactly the view's partnerships, in the view's order,
    /// and read back (JSON by the app's check, CSV by the partner kit) as that dataset.
    #[test]
    fn a_views_downloads_hold_its_partnerships_in_order_and_read_back(
        sector in proptest::option::of(prop::sample::select(vec!["healthcare", "manufacturing", "agriculture"])),
        sort in prop::sample::select(Sort::ALL.to_vec()),
    ) {
        let d = dataset();
        let f = Filter { sort, ..filter(sector, None, &[], "") };
        let matching = Index::new(&d).run(&f).matching;
        let view = view_dataset(&d, &matching);
        let ids: Vec<&str> = matching.iter().map(|&i| d.partnerships[i].id.as_str()).collect();
        prop_assert_eq!(view.partnerships.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ids);
        let json = parse_dataset(&dataset_json(&view)).unwrap();
        prop_assert_eq!(&json.problems, &vec![]);
        prop_assert_eq!(&json.dataset, &view);
        let csv = from_csv(to_csv(&view).as_bytes(), &d).read.unwrap();
        prop_assert_eq!(&csv.dataset, &view);
    }
}
