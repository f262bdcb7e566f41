//! The bundled dataset: valid, faithful to the format's rules, and its published
//! JSON Schema up to date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use partnership_explorer::data::{parse_dataset, schema::json_schema, Dataset};

const DATA: &str = include_str!("../public/data/partnerships.json");
const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/partnerships.schema.json");

fn dataset() -> Dataset {
    let loaded = parse_dataset(DATA).unwrap_or_else(|e| panic!("bundled dataset is unusable: {e:#?}"));
    assert!(loaded.problems.is_empty(), "bundled dataset has problems: {:#?}", loaded.problems);
    loaded.dataset
}

#[test]
fn bundled_dataset_is_valid_and_complete() {
    let d = dataset();
    assert_eq!(d.partnerships.len(), 11, "the source page has 11 partnership examples");
    assert_eq!(d.national.partnerships, 75);
    assert_eq!(d.national.partnerships_qualifier.as_deref(), Some("over"));
    assert_eq!(d.national.states, 12);
}

#[test]
fn sector_ids_are_exactly_the_six() {
    let d = dataset();
    let ids: Vec<&str> = d.sectors.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "healthcare",
            "manufacturing",
            "information-technology",
            "agriculture",
            "transportation-logistics",
            "construction"
        ]
    );
}

#[test]
fn every_sector_and_topic_is_used_and_topics_number_10_to_16() {
    let d = dataset();
    assert!((10..=16).contains(&d.topics.len()), "{} topics", d.topics.len());
    let used_topics: HashSet<&str> = d.partnerships.iter().flat_map(|p| p.topics.iter().map(|t| t.as_str())).collect();
    for t in &d.topics {
        assert!(used_topics.contains(t.id.as_str()), "topic {} is used by no partnership", t.id);
    }
    let used_sectors: HashSet<&str> = d.partnerships.iter().map(|p| p.sector.as_str()).collect();
    for s in &d.sectors {
        assert!(used_sectors.contains(s.id.as_str()), "sector {} is used by no partnership", s.id);
    }
}

/// Spot checks that the concrete facts of the source page landed in the right entry.
#[test]
fn facts_from_the_source_page_are_in_their_entries() {
    let d = dataset();
    let text_of = |id: &str| {
        let p = d.partnerships.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no entry {id}"));
        format!("{} {} {}", p.name, p.summary, p.highlights.iter().map(|h| h.as_str()).collect::<Vec<_>>().join(" "))
    };
    let expect = [
        (
            "northeast-louisiana-healthcare-partnership",
            &["CNA", "LPN", "certificate add-ons", "acute care network"][..],
        ),
        ("kingman-mohave-manufacturers-association", &["freight sharing", "mobile training unit", "apprenticeships"]),
        (
            "seattle-king-county-healthcare-industry-leadership-table",
            &["May 2018", "two major hospitals", "workforce housing"],
        ),
        ("calumet-manufacturing-industry-sector-partnership", &["Chicago’s Southland", "high school districts"]),
        (
            "lane-county-tech-collaborative",
            &["2015", "University of Oregon", "16 local school districts", "registered apprenticeship"],
        ),
        ("central-pennsylvania-manufacturing-partnership", &["over 30 manufacturers", "nine-county", "video"]),
        (
            "cumberland-health-care-sector-partnership",
            &["June 2018", "obesity prevention", "middle school", "same-day care"],
        ),
        (
            "hawaii-island-agricultural-partnership",
            &["certified processing facilities", "food innovation center", "Made on Hawai’i Island"],
        ),
        (
            "inland-empire-transportation-and-logistics-partnership",
            &["roadmap", "career advancement fair", "marketing campaign"],
        ),
        ("east-texas-manufacturing-alliance", &["12-county", "Texas Forest Country", "K-12", "post-secondary"]),
        ("laramie-county-wy-construction-sector-partnership", &["dual enrollment", "referral system", "Job Fair"]),
    ];
    for (id, facts) in expect {
        let text = text_of(id);
        for fact in facts {
            assert!(text.contains(fact), "{id} should mention {fact:?}");
        }
    }
    let hilt = d.partnerships.iter().find(|p| p.short_name.as_deref() == Some("HILT")).expect("HILT");
    assert_eq!(hilt.launched.as_deref(), Some("2018-05"));
    let nela = &d.partnerships[0];
    let members = nela.members.as_ref().expect("NELA members");
    assert_eq!((members.approx.get(), members.qualifier.as_deref()), (40, Some("nearly")));
    // Nothing invented: the page names no website addresses.
    assert!(d.partnerships.iter().all(|p| p.website.is_none()));
}

/// Regenerate with `UPDATE_SCHEMA=1 cargo test --test dataset`.
#[test]
fn published_schema_is_up_to_date() {
    let fresh = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &fresh).expect("write schema");
    }
    let published = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        published == fresh,
        "public/data/partnerships.schema.json is stale; run `UPDATE_SCHEMA=1 cargo test --test dataset`"
    );
    let schema: serde_json::Value = serde_json::from_str(&fresh).expect("schema is JSON");
    for field in ["schema_version", "national", "sectors", "topics", "partnerships"] {
        assert!(schema["required"].as_array().is_some_and(|r| r.iter().any(|f| f == field)), "{field} required");
    }
}
