//! The corpus of broken datasets in tests/fixtures/ (made by make_fixtures.py):
//! for each file, exactly what the validator reports, entry and field.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::data::{parse_dataset_bytes, Loaded, Unusable};

fn load(name: &str) -> Result<Loaded, Unusable> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_dataset_bytes(&bytes)
}

/// The file cannot be used: its problems, as "location / field / message" lines.
fn unusable(name: &str) -> Vec<String> {
    match load(name) {
        Ok(l) => panic!("{name}: expected unusable, got {} entries", l.dataset.partnerships.len()),
        Err(e) => e.problems.iter().map(ToString::to_string).collect(),
    }
}

/// The file is usable: how many entries survive, and each problem's (location, field).
fn usable(name: &str) -> (usize, Vec<(String, Option<String>)>) {
    match load(name) {
        Ok(l) => {
            (l.dataset.partnerships.len(), l.problems.into_iter().map(|p| (p.location(), p.field_name())).collect())
        }
        Err(e) => panic!("{name}: expected usable, got {:#?}", e.problems),
    }
}

fn at(index: usize, id: &str, field: &str) -> (String, Option<String>) {
    (format!("partnerships[{index}] \"{id}\""), Some(field.to_string()))
}

#[test]
fn fixtures_that_cannot_be_used_say_why() {
    let cases: [(&str, &str); 16] = [
        ("truncated-json.json", "line 208, column 46: invalid JSON: EOF while parsing a string"),
        ("invalid-utf8.json", "dataset: the file is not UTF-8 text (invalid bytes at byte 3290)"),
        ("html-error-page.json", "line 1, column 1: this is an HTML page, not JSON"),
        ("empty-file.json", "dataset: the file is empty"),
        ("null.json", "dataset: expected a JSON object at the top, found null"),
        ("array-at-top.json", "dataset: expected a JSON object at the top, found an array"),
        ("trailing-garbage.json", "line 376, column 1: invalid JSON: trailing characters"),
        ("schema-version-2.json", "schema_version: version 2 is not supported"),
        ("schema-version-missing.json", "schema_version: missing"),
        ("schema-version-string.json", "schema_version: invalid type: string \"1\", expected a whole number"),
        ("title-wrong-type.json", "title: invalid type: integer `5`, expected a string"),
        (
            "national-wrong-types.json",
            "national, field \"partnerships\": invalid type: string \"75\", expected a whole number",
        ),
        ("source-missing.json", "source: missing"),
        ("sectors-not-an-array.json", "sectors: invalid type: object, expected an array"),
        ("partnerships-not-an-array.json", "partnerships: invalid type: string \"none\", expected an array"),
        ("nesting-too-deep.json", "line 3, column 137: invalid JSON: recursion limit exceeded"),
    ];
    for (name, first) in cases {
        let problems = unusable(name);
        assert!(problems.first().is_some_and(|p| p.starts_with(first)), "{name}: {problems:#?}");
    }
    // Every wrong field of the header is named, not just the first.
    assert_eq!(unusable("national-wrong-types.json").len(), 3);
}

#[test]
fn fixtures_with_bad_entries_keep_the_valid_ones() {
    let one = |name: &str, expected: (String, Option<String>)| {
        assert_eq!(usable(name), (10, vec![expected]), "{name}");
    };
    one("member-count-not-a-number.json", at(0, "northeast-louisiana-healthcare-partnership", "members.approx"));
    one("missing-summary.json", at(5, "central-pennsylvania-manufacturing-partnership", "summary"));
    one("unknown-sector.json", at(9, "east-texas-manufacturing-alliance", "sector"));
    one("unknown-topic.json", at(4, "lane-county-tech-collaborative", "topics[1]"));
    one("unknown-state.json", at(0, "northeast-louisiana-healthcare-partnership", "state"));
    one("launched-month-13.json", at(2, "seattle-king-county-healthcare-industry-leadership-table", "launched"));
    one("launched-in-words.json", at(2, "seattle-king-county-healthcare-industry-leadership-table", "launched"));
    one("website-javascript.json", at(1, "kingman-mohave-manufacturers-association", "website"));
    one("website-data-url.json", at(1, "kingman-mohave-manufacturers-association", "website"));
    one("website-http.json", at(1, "kingman-mohave-manufacturers-association", "website"));
    one("empty-name.json", at(3, "calumet-manufacturing-industry-sector-partnership", "name"));
    one("one-megabyte-string.json", at(6, "cumberland-health-care-sector-partnership", "summary"));
    one("ten-thousand-highlights.json", at(7, "hawaii-island-agricultural-partnership", "highlights"));
    assert_eq!(usable("duplicate-ids.json"), (11, vec![at(11, "northeast-louisiana-healthcare-partnership", "id")]));
    assert_eq!(
        usable("some-entries-bad.json"),
        (
            8,
            vec![
                at(0, "northeast-louisiana-healthcare-partnership", "state"),
                at(4, "lane-county-tech-collaborative", "launched"),
                at(8, "inland-empire-transportation-and-logistics-partnership", "website"),
            ]
        )
    );
}

#[test]
fn a_wrong_type_in_every_field_kind_is_named() {
    let (valid, problems) = usable("wrong-type-in-every-field.json");
    assert_eq!(valid, 0);
    let fields: Vec<&str> = problems.iter().filter_map(|(_, f)| f.as_deref()).collect();
    assert_eq!(
        fields,
        [
            "id",
            "name",
            "short_name",
            "sector",
            "state",
            "region",
            "launched",
            "members",
            "summary",
            "highlights",
            "topics[0]",
            "topics[1]"
        ]
    );
    assert_eq!(problems[0].0, "partnerships[0]", "an id that is not a string is not shown as one");
}

#[test]
fn harmless_oddities_are_accepted() {
    assert_eq!(usable("byte-order-mark.json"), (11, vec![]));
    assert_eq!(usable("nested-junk-in-unknown-field.json"), (11, vec![]));
    assert_eq!(usable("zero-partnerships.json"), (0, vec![]));
    // Markup is only text to the validator; the view shows it as text.
    let (valid, problems) = usable("markup-in-text.json");
    assert_eq!((valid, problems.len()), (11, 0));
}

#[test]
fn the_corpus_has_at_least_25_files_and_each_is_covered_here() {
    let source = include_str!("fixtures.rs");
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures folder") {
        let name = entry.expect("entry").file_name().to_string_lossy().to_string();
        if name.ends_with(".json") {
            count += 1;
            assert!(source.contains(&format!("\"{name}\"")), "{name} has no assertion in tests/fixtures.rs");
        }
    }
    assert!(count >= 25, "{count} fixtures");
}
