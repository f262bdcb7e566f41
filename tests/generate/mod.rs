//! Generated datasets for the property tests (`mod generate;` in a test file):
//! valid partnerships with any text a partner might write, in the bundled
//! list's sectors, topics and every state.
#![allow(dead_code)]

use partnership_explorer::data::{parse_dataset, Dataset};
use partnership_explorer::explore::{Filter, Sort};
use partnership_explorer::geo::{self, STATES};
use proptest::prelude::*;
use serde_json::{json, Value};

pub const DATA: &str = include_str!("../../public/data/partnerships.json");

/// The bundled list.
pub fn bundled() -> Dataset {
    parse_dataset(DATA).unwrap().dataset
}

/// Text a partner might write: punctuation, quotes and commas, never blank,
/// on one line without spaces around it (a cell's lines list highlights),
/// sometimes starting as a spreadsheet formula does (`=`, `+`, `-`, `@`, `'`).
pub fn text() -> impl Strategy<Value = String> {
    "[=+@'-]{0,3}[A-Z][A-Za-z0-9 ,\"'.;:()&/-]{0,40}[a-z.]"
}

prop_compose! {
    pub fn partnership(index: usize)(
        name in text(),
        short in proptest::option::of("[A-Z]{2,6}"),
        sector in 0..6usize,
        state in 0..geo::STATES.len(),
        region in text(),
        launched in proptest::option::of((1990..2030u16, proptest::option::of(1..=12u8))),
        members in proptest::option::of((1..5000u32, proptest::option::of(prop_oneof!["nearly", "over"]), text())),
        summary in text(),
        highlights in proptest::collection::vec(text(), 0..4),
        topics in proptest::collection::btree_set(0..15usize, 0..4),
        website in proptest::option::of("[a-z]{1,10}"),
    ) -> Value {
        let ds = bundled();
        json!({
            "id": format!("p-{index}"), "name": name, "short_name": short,
            "sector": ds.sectors[sector].id.as_str(), "state": geo::STATES[state].code, "region": region,
            "launched": launched.map(|(y, m)| m.map_or(y.to_string(), |m| format!("{y}-{m:02}"))),
            "members": members.map(|(approx, qualifier, what)| {
                json!({"approx": approx, "qualifier": qualifier, "what": what})
            }),
            "summary": summary, "highlights": highlights,
            "topics": topics.iter().map(|&t| ds.topics[t].id.as_str()).collect::<Vec<_>>(),
            "website": website.map(|w| format!("https://{w}.example.org/a?b=1")),
        })
    }
}

pub fn dataset() -> impl Strategy<Value = Dataset> {
    (0..12usize).prop_flat_map(|n| (0..n).map(partnership).collect::<Vec<_>>()).prop_map(|partnerships| {
        let mut v: Value = serde_json::from_str(DATA).unwrap();
        v["partnerships"] = Value::Array(partnerships);
        let loaded = parse_dataset(&v.to_string()).unwrap();
        assert_eq!(loaded.problems, [], "the generator makes valid partnerships");
        loaded.dataset
    })
}

/// Any filter over the bundled list's ids (which the generated lists use):
/// real words so that facets are exercised with matches, and arbitrary text.
pub fn filters() -> impl Strategy<Value = Filter> {
    let d = bundled();
    let sectors: Vec<String> = d.sectors.iter().map(|s| s.id.to_string()).collect();
    let topics: Vec<String> = d.topics.iter().map(|t| t.id.to_string()).collect();
    let states: Vec<String> = STATES.iter().map(|s| s.code.to_string()).collect();
    (
        prop::option::of(prop::sample::select(sectors)),
        prop::option::of(prop::sample::select(states)),
        prop::collection::vec(prop::sample::select(topics), 0..3).prop_map(|t| t.into_iter().collect()),
        prop_oneof![
            3 => prop::sample::select(vec!["", "nursing", "care school", "HAWAI’I", "manufact", "k-12"])
                .prop_map(String::from),
            1 => "\\PC{0,40}",
        ],
        prop::sample::select(Sort::ALL.to_vec()),
    )
        .prop_map(|(sector, state, topics, query, sort)| Filter { sector, state, topics, query, sort })
}
