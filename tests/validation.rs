//! Each kind of problem is caught, located by entry and field, and the valid
//! entries survive it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::data::{
    parse_dataset, Field, Issue, Kind, Launched, List, Loaded, Path, Place, Problem, Segment, Unusable,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const DATA: &str = include_str!("../public/data/partnerships.json");
const FIELDS: [&str; 11] =
    ["id", "name", "sector", "state", "region", "launched", "summary", "highlights", "topics", "website", "members"];

fn real() -> Value {
    serde_json::from_str(DATA).expect("bundled dataset is JSON")
}

fn loaded(v: &Value) -> Loaded {
    parse_dataset(&v.to_string()).unwrap_or_else(|e| panic!("expected a usable dataset, got {e:#?}"))
}

fn unusable(text: &str) -> Unusable {
    match parse_dataset(text) {
        Ok(l) => panic!("expected an unusable dataset, got {} entries", l.dataset.partnerships.len()),
        Err(e) => e,
    }
}

/// Sets `partnerships[i].field` in the real dataset and returns the single problem.
fn one_problem(i: usize, field: &str, value: Value) -> (Problem, Loaded) {
    let mut v = real();
    v["partnerships"][i][field] = value;
    let l = loaded(&v);
    assert_eq!(l.problems.len(), 1, "{:#?}", l.problems);
    assert_eq!(l.dataset.partnerships.len(), 10, "the 10 other entries survive");
    let id = v["partnerships"][i]["id"].as_str().unwrap_or_default().to_string();
    assert!(l.dataset.partnerships.iter().all(|p| p.id != id || id.is_empty()), "the bad entry is dropped");
    (l.problems[0].clone(), l)
}

#[test]
fn unknown_sector_is_named_with_entry_and_field() {
    let (p, _) = one_problem(9, "sector", json!("mining"));
    assert_eq!(p.location(), r#"partnerships[9] "east-texas-manufacturing-alliance""#);
    assert_eq!(p.field_name().as_deref(), Some("sector"));
    assert!(p.message().contains("mining"), "{p}");
    assert_eq!(
        p.to_string(),
        concat!(
            r#"partnerships[9] "east-texas-manufacturing-alliance", "#,
            r#"field "sector": unknown sector "mining" (not in sectors)"#
        )
    );
}

#[test]
fn unknown_state_code() {
    for code in ["ZZ", "la", "PR", ""] {
        let (p, _) = one_problem(0, "state", json!(code));
        assert_eq!(p.field_name().as_deref(), Some("state"), "{code}");
        assert!(p.message().contains("unknown state code"), "{p}");
    }
}

#[test]
fn unknown_topic_names_its_index() {
    let (p, _) = one_problem(4, "topics", json!(["internships", "rocketry"]));
    assert_eq!(p.field_name().as_deref(), Some("topics[1]"));
    assert!(p.message().contains("rocketry"));
}

/// A problem's place is data: the list, the entry and the path inside it are
/// typed, and turned into words (`topics[1]`, a JSON Pointer) only when shown.
#[test]
fn a_problem_inside_an_entry_is_placed_by_typed_list_index_and_path() {
    let (p, _) = one_problem(3, "topics", json!(["internships", "rocketry"]));
    let id = "calumet-manufacturing-industry-sector-partnership";
    assert_eq!(p.place, Place::Entry { list: List::Partnerships, index: 3, id: Some(id.into()) });
    let path: Path = [Segment::field("topics"), Segment::Index(1)].into_iter().collect();
    assert_eq!(p.field, Some(Field::Value(path)));
    assert_eq!(p.pointer(), "/partnerships/3/topics/1");
    assert_eq!(
        p.to_string(),
        format!(r#"partnerships[3] "{id}", field "topics[1]": unknown topic "rocketry" (not in topics)"#)
    );
}

#[test]
fn a_problem_of_a_header_field_is_placed_by_its_key_and_path() {
    let mut v = real();
    v["national"]["states"] = json!("twelve");
    let e = unusable(&v.to_string());
    assert_eq!(e.problems[0].place, Place::Header("national".into()));
    assert_eq!(e.problems[0].field, Some(Field::Value([Segment::field("states")].into_iter().collect())));
    assert_eq!(e.problems[0].pointer(), "/national/states");
}

/// A rule refuses a value with a typed issue, and the problem has it, though
/// serde passes it on as words: each rule's every way of failing.
#[test]
fn each_rules_failure_is_its_typed_issue() {
    let cases = [
        ("id", json!("Bad Id"), Issue::NotAnId { id: "Bad Id".into() }),
        ("id", json!("a".repeat(101)), Issue::LongId { len: 101, max: 100 }),
        ("state", json!("ZZ"), Issue::UnknownState { code: "ZZ".into() }),
        ("name", json!("  "), Issue::Blank),
        ("summary", json!("x".repeat(1001)), Issue::TooLong { chars: 1001, max: 1000 }),
        ("launched", json!("2018-13"), Issue::LaunchDate { text: "2018-13".into() }),
        ("website", json!("http://x"), Issue::NotHttps { url: "http://x".into() }),
        ("website", json!("https://a b"), Issue::BadHttps { url: "https://a b".into() }),
        // Words that look like serde's position of an error are still the partner's.
        (
            "website",
            json!("http://x at line 5 column 3"),
            Issue::NotHttps { url: "http://x at line 5 column 3".into() },
        ),
    ];
    for (field, value, issue) in cases {
        let (p, _) = one_problem(0, field, value);
        assert_eq!((&p.issue, p.kind), (&issue, Kind::Schema), "{p}");
        assert!(p.to_string().ends_with(&issue.to_string()), "{p}");
    }
    let mut v = real();
    v["schema_version"] = json!(2);
    let e = unusable(&v.to_string());
    assert_eq!(e.problems[0].issue, Issue::UnsupportedVersion { version: 2, supported: 1 });
}

#[test]
fn malformed_launched() {
    for bad in ["2018-13", "May 2018", "18", "2018-5", "2018-00", "2018-05-01", ""] {
        let (p, _) = one_problem(2, "launched", json!(bad));
        assert_eq!(p.field_name().as_deref(), Some("launched"), "{bad}");
        assert!(p.message().contains("YYYY"), "{p}");
    }
}

#[test]
fn launched_parses_and_displays() {
    assert_eq!(Launched::parse("2018-05").map(|l| l.display()).as_deref(), Some("May 2018"));
    assert_eq!(Launched::parse("2015").map(|l| l.display()).as_deref(), Some("2015"));
    assert_eq!(Launched::parse("2018-12").map(|l| l.month), Some(Some(12)));
    assert_eq!(Launched::parse("+018"), None);
}

#[test]
fn website_must_be_https() {
    for bad in
        ["http://example.org", "javascript:alert(1)", "data:text/html,x", "https://", "https://a b", "//example.org"]
    {
        let (p, _) = one_problem(3, "website", json!(bad));
        assert_eq!(p.field_name().as_deref(), Some("website"), "{bad}");
    }
    let mut v = real();
    v["partnerships"][3]["website"] = json!("https://example.org/path?q=1");
    assert!(loaded(&v).problems.is_empty());
}

#[test]
fn empty_name_or_summary() {
    let (p, _) = one_problem(1, "name", json!("  "));
    assert_eq!((p.field_name().as_deref(), p.message().as_str()), (Some("name"), "must not be empty"));
    let (p, _) = one_problem(1, "summary", json!(""));
    assert_eq!(p.field_name().as_deref(), Some("summary"));
}

#[test]
fn missing_field_and_wrong_type_name_the_field() {
    let mut v = real();
    v["partnerships"][5].as_object_mut().map(|o| o.remove("summary"));
    v["partnerships"][6]["highlights"] = json!(["fine", 5]);
    v["partnerships"][7]["members"] = json!({"approx": "forty", "qualifier": null, "what": "farms"});
    let l = loaded(&v);
    assert_eq!(l.dataset.partnerships.len(), 8);
    let names: Vec<Option<String>> = l.problems.iter().map(Problem::field_name).collect();
    let fields: Vec<(String, Option<&str>)> =
        l.problems.iter().zip(&names).map(|(p, f)| (p.location(), f.as_deref())).collect();
    assert_eq!(
        fields,
        [
            (r#"partnerships[5] "central-pennsylvania-manufacturing-partnership""#.to_string(), Some("summary")),
            (r#"partnerships[6] "cumberland-health-care-sector-partnership""#.to_string(), Some("highlights[1]")),
            (r#"partnerships[7] "hawaii-island-agricultural-partnership""#.to_string(), Some("members.approx")),
        ]
    );
    assert_eq!(l.problems[0].message(), "missing");
    assert_eq!(l.problems[1].message(), "invalid type: integer `5`, expected a string");
    assert_eq!(l.problems[2].message(), "invalid type: string \"forty\", expected a whole number from 1 to 4294967295");
}

#[test]
fn duplicate_ids_keep_the_first() {
    let mut v = real();
    let copy = v["partnerships"][0].clone();
    v["partnerships"].as_array_mut().expect("array").push(copy);
    let l = loaded(&v);
    assert_eq!(l.dataset.partnerships.len(), 11);
    assert_eq!(l.problems.len(), 1);
    assert_eq!(l.problems[0].location(), r#"partnerships[11] "northeast-louisiana-healthcare-partnership""#);
    assert_eq!(l.problems[0].field_name().as_deref(), Some("id"));
    assert!(l.problems[0].message().contains("already used by partnerships[0]"));
}

#[test]
fn non_kebab_id() {
    let (p, _) = one_problem(0, "id", json!("Bad Id"));
    assert_eq!(p.location(), r#"partnerships[0] "Bad Id""#);
    assert_eq!(p.field_name().as_deref(), Some("id"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut v = real();
    v["partnerships"][0]["sector"] = json!("x");
    v["partnerships"][0]["state"] = json!("ZZ");
    v["partnerships"][0]["launched"] = json!("2018-13");
    v["partnerships"][1]["website"] = json!("http://x.org");
    v["partnerships"][2] = json!("not an object");
    let l = loaded(&v);
    assert_eq!(l.problems.len(), 5, "{:#?}", l.problems);
    assert_eq!(l.dataset.partnerships.len(), 8);
    assert_eq!(l.problems[4].location(), "partnerships[2]");
}

#[test]
fn bad_sector_or_topic_entries_are_dropped_with_their_users() {
    let mut v = real();
    v["sectors"][5]["label"] = json!("");
    v["topics"][0]["id"] = json!("Career Pathways");
    let l = loaded(&v);
    let locations: Vec<String> = l.problems.iter().map(|p| p.location()).collect();
    assert!(locations.contains(&r#"sectors[5] "construction""#.to_string()), "{locations:?}");
    assert!(locations.contains(&r#"topics[0] "Career Pathways""#.to_string()), "{locations:?}");
    assert_eq!(l.dataset.sectors.len(), 5);
    assert!(l.dataset.partnerships.iter().all(|p| p.sector != "construction"));
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let text = "{\n  \"schema_version\": 1,\n  \"title\": oops\n}";
    let e = unusable(text);
    assert_eq!(e.problems.len(), 1);
    assert_eq!(e.problems[0].location(), "line 3, column 12");
    assert!(e.problems[0].message().starts_with("invalid JSON: expected value"), "{}", e.problems[0]);
    let truncated = &DATA[..DATA.len() / 2];
    assert!(unusable(truncated).problems[0].location().starts_with("line "));
    assert_eq!(unusable("").problems[0].message(), "the file is empty");
}

#[test]
fn unknown_or_missing_schema_version_is_unusable() {
    let mut v = real();
    v["schema_version"] = json!(2);
    let e = unusable(&v.to_string());
    assert_eq!(e.problems[0].location(), "schema_version");
    assert!(e.problems[0].message().contains("version 2 is not supported"));
    v.as_object_mut().map(|o| o.remove("schema_version"));
    assert!(unusable(&v.to_string()).problems[0].message().starts_with("missing"));
}

#[test]
fn wrong_top_level_shapes_are_unusable_with_every_reason() {
    assert_eq!(unusable("[]").problems[0].message(), "expected a JSON object at the top, found an array");
    assert_eq!(unusable("null").problems[0].message(), "expected a JSON object at the top, found null");
    let e = unusable(r#"{"schema_version": 1}"#);
    let locations: Vec<String> = e.problems.iter().map(|p| p.location()).collect();
    assert_eq!(locations, ["title", "source", "national", "sectors", "topics", "partnerships"]);
    let mut v = real();
    v["national"]["states"] = json!("twelve");
    v["partnerships"] = json!({});
    let e = unusable(&v.to_string());
    assert_eq!(e.problems[0].location(), "national");
    assert_eq!(e.problems[0].field_name().as_deref(), Some("states"));
    assert_eq!(e.problems[1].to_string(), "partnerships: invalid type: object, expected an array");
}

#[test]
fn unknown_fields_are_tolerated_and_zero_partnerships_is_usable() {
    let mut v = real();
    v["future_field"] = json!({"deep": [1, 2, 3]});
    v["partnerships"][0]["extra"] = json!(true);
    assert!(loaded(&v).problems.is_empty());
    v["partnerships"] = json!([]);
    assert!(loaded(&v).dataset.partnerships.is_empty());
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = parse_dataset(&text);
    }

    /// Corrupting any one field of any one entry costs exactly that entry, and its
    /// problem names it.
    #[test]
    fn one_bad_entry_loses_only_itself(
        i in 0usize..11,
        field in prop::sample::select(FIELDS.to_vec()),
        junk in prop::sample::select(vec![json!(42), json!([7]), json!({"a": 1}), json!(true)]),
    ) {
        let mut v = real();
        let id = v["partnerships"][i]["id"].as_str().unwrap_or_default().to_string();
        v["partnerships"][i][field] = junk;
        let l = loaded(&v);
        prop_assert_eq!(l.dataset.partnerships.len(), 10);
        prop_assert!(!l.problems.is_empty());
        for p in &l.problems {
            prop_assert!(p.location().starts_with(&format!("partnerships[{i}]")), "{}", p);
            if field != "id" {
                prop_assert!(p.location().contains(&id), "{}", p);
                prop_assert!(p.field_name().as_deref().is_some_and(|f| f.starts_with(field)), "{}", p);
            }
        }
    }
}

proptest! {
    /// Whatever the parser accepts, written out again, is read back the same and
    /// clean: nothing valid is changed or lost on the way through.
    #[test]
    fn accepted_datasets_round_trip(
        i in 0usize..11,
        field in prop::sample::select(vec!["name", "region", "summary", "short_name", "launched", "website"]),
        text in "\\PC{0,80}",
    ) {
        let mut v = real();
        v["partnerships"][i][field] = json!(text);
        let first = parse_dataset(&v.to_string()).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let written = serde_json::to_string(&first.dataset).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let second = parse_dataset(&written).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert!(second.problems.is_empty(), "{:?}", second.problems);
        prop_assert_eq!(second.dataset, first.dataset);
    }
}

#[test]
fn problems_carry_a_json_pointer_and_say_who_else_can_tell() {
    let mut v = real();
    v["partnerships"][0]["members"]["approx"] = json!(0);
    v["partnerships"][4]["sector"] = json!("mining");
    let l = loaded(&v);
    let found: Vec<(String, Kind)> = l.problems.iter().map(|p| (p.pointer(), p.kind)).collect();
    let expected = [("/partnerships/0/members/approx", Kind::Schema), ("/partnerships/4/sector", Kind::App)];
    assert_eq!(found, expected.map(|(pointer, kind)| (pointer.to_string(), kind)));
}

#[test]
fn an_array_or_object_in_place_of_text_does_not_hide_the_fields_after_it() {
    // serde_json stops inside such a value; the reader goes on past it.
    let mut v = real();
    v["partnerships"][0]["name"] = json!(["a", {"b": [1]}]);
    v["partnerships"][0]["region"] = json!({"x": 1});
    v["partnerships"][0]["summary"] = json!(7);
    v["partnerships"][0]["highlights"] = json!({"not": "a list"});
    v["partnerships"][0].as_object_mut().map(|o| o.remove("topics"));
    let l = loaded(&v);
    let fields: Vec<String> = l.problems.iter().filter_map(Problem::field_name).collect();
    assert_eq!(fields, ["name", "region", "summary", "highlights", "topics"], "{:#?}", l.problems);
    assert_eq!(l.problems[4].message(), "missing");
}

#[test]
fn every_problem_of_an_entry_at_once_including_references() {
    let mut v = real();
    v["partnerships"][1]["state"] = json!("ZZ");
    v["partnerships"][1]["sector"] = json!("mining");
    v["partnerships"][1]["topics"] = json!(["internships", "rocketry", 5]);
    let l = loaded(&v);
    let fields: Vec<String> = l.problems.iter().filter_map(Problem::field_name).collect();
    assert_eq!(fields, ["state", "topics[2]", "sector", "topics[1]"], "{:#?}", l.problems);
}

#[test]
fn serde_names_are_said_in_json_words() {
    let mut v = real();
    v["national"]["states"] = json!(4_294_967_296_u64);
    v["partnerships"][2]["members"] = json!("many");
    let e = unusable(&v.to_string());
    assert_eq!(
        e.problems[0].to_string(),
        "national, field \"states\": invalid value: integer `4294967296`, expected a whole number from 0 to 4294967295"
    );
    assert!(e.problems[1].message().ends_with("expected the object Members"), "{}", e.problems[1]);
}

/// serde's errors are text; `data::read::from_serde` reads two of its forms, and
/// these hold them to what serde and eserde say now, so that a dependency
/// that words them otherwise fails here rather than misreading a file.
#[test]
fn the_serde_wording_the_validation_reads_is_what_serde_says() {
    let mut p = real()["partnerships"][0].clone();
    p.as_object_mut().map(|o| o.remove("summary"));
    p["region"] = json!(5);
    let errors = eserde::json::from_str::<partnership_explorer::data::Partnership>(&p.to_string()).unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
    assert!(messages.iter().any(|m| m.starts_with("missing field `summary`")), "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("invalid type: integer `5`, expected ")), "{messages:?}");
    // And what the validation makes of them: typed, in the JSON's own terms.
    let mut v = real();
    v["partnerships"][0] = p;
    let l = loaded(&v);
    let issues: Vec<&Issue> = l.problems.iter().map(|p| &p.issue).collect();
    assert_eq!(
        issues,
        [&Issue::WrongType { found: "integer `5`".into(), expected: "a string".into() }, &Issue::Missing,]
    );
}

#[test]
fn nesting_too_deep_is_the_apps_own_limit_and_one_level_less_is_read() {
    let deep = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    let e = unusable(&format!("{{\"partnerships\": {}}}", deep(127)));
    assert_eq!((&e.problems[0].issue, e.problems[0].kind), (&Issue::TooDeep, Kind::App), "{}", e.problems[0]);
    assert_eq!(e.problems[0].to_string(), "line 1, column 144: invalid JSON: recursion limit exceeded");
    // One level less is JSON (the partnerships list is then of the wrong shape, which is another matter).
    let e = unusable(&format!("{{\"partnerships\": {}}}", deep(126)));
    assert!(e.problems.iter().all(|p| p.issue != Issue::TooDeep), "{:#?}", e.problems);
    let fixture = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/nesting-too-deep.json"));
    let e = unusable(&fixture.unwrap());
    assert_eq!((&e.problems[0].issue, e.problems[0].kind), (&Issue::TooDeep, Kind::App));
}

/// Only our words and serde's are put in JSON's terms: the value a partner
/// wrote is quoted exactly, whatever it holds (issue 28).
#[test]
fn a_partners_own_words_are_never_rewritten() {
    let (p, _) = one_problem(0, "website", json!("http://u32.example/a sequence"));
    assert_eq!(
        p.to_string(),
        concat!(
            r#"partnerships[0] "northeast-louisiana-healthcare-partnership", field "website": "#,
            r#""http://u32.example/a sequence" is not an https:// address"#
        )
    );
    // A quote in the value is escaped, so where it ends is never in doubt, and
    // the words after it are still the partner's.
    let (p, _) = one_problem(0, "website", json!(r#"http://a"u32 struct b\ a sequence"#));
    assert!(p.message().ends_with(r#""http://a\"u32 struct b\\ a sequence" is not an https:// address"#), "{p}");
    // Serde's own words about a value are still said in JSON's.
    let (p, _) = one_problem(0, "highlights", json!("u32"));
    assert!(p.message().contains("expected an array"), "{p}");
    assert!(!p.message().contains("sequence"), "{p}");
}
