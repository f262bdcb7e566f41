//! Any address query: never a panic, and the filter it yields survives a
//! write-then-read round trip without notices.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership_explorer::data::parse_dataset;
use partnership_explorer::explore::{data_path, parse_query, write_query, Known};

fuzz_target!(|text: &str| {
    static DATA: &str = include_str!("../../public/data/partnerships.json");
    let known = parse_dataset(DATA).map(|l| Known::from_dataset(&l.dataset)).unwrap_or_default();
    let (filter, _) = parse_query(text, &known);
    let (again, notices) = parse_query(&write_query(&filter), &known);
    assert_eq!(again, filter);
    assert!(notices.is_empty());
    if let Ok(Some(path)) = data_path(text) {
        assert!(path.ends_with(".json") && !path.starts_with('/') && !path.contains(".."));
    }
});
