//! The dataset's own JSON reader (`data::json`, small in wasm) agrees with
//! serde_json: same values for valid JSON, and the same message, line and
//! column for broken JSON. One chosen difference: a number beyond a float's
//! range is read as text, not refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::data::json::{self, Value};
use proptest::prelude::*;

const DATA: &str = include_str!("../public/data/partnerships.json");

/// Compares our value with serde_json's (numbers by their written text).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Number(a), serde_json::Value::Number(b)) => {
            a.to_string().parse::<f64>().ok() == b.as_f64() || a.to_string() == b.to_string()
        }
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (Value::Object(_), serde_json::Value::Object(b)) => b.iter().all(|(k, v)| ours.get(k).is_some_and(|o| same(o, v))),
        _ => false,
    }
}

/// serde_json's report as ours: (message, line, column).
fn theirs(text: &str) -> Result<serde_json::Value, (String, usize, usize)> {
    serde_json::from_str::<serde_json::Value>(text).map_err(|e| {
        let full = e.to_string();
        let message = full.split(" at line ").next().unwrap_or(&full).to_string();
        let message = if message == "recursion limit exceeded" { json::TOO_DEEP.to_string() } else { message };
        (message, e.line(), e.column())
    })
}

fn ours(text: &str) -> Result<Value, (String, usize, usize)> {
    json::parse(text).map_err(|e| (e.message.to_string(), e.line, e.column))
}

fn agree(text: &str) {
    match (ours(text), theirs(text)) {
        (Ok(a), Ok(b)) => assert!(same(&a, &b), "different values for {text:?}"),
        (Err(a), Err(b)) => assert_eq!(a, b, "different errors for {text:?}"),
        (a, b) => panic!("disagree on {text:?}: ours {a:?}, serde_json {b:?}"),
    }
}

#[test]
fn reads_the_bundled_dataset_like_serde_json() {
    agree(DATA);
    assert!(ours(DATA).is_ok());
}

#[test]
fn every_cut_of_the_dataset_fails_like_serde_json() {
    // Truncated downloads: EOF in every kind of place.
    for end in (0..DATA.len()).step_by(7).filter(|&i| DATA.is_char_boundary(i)) {
        agree(&DATA[..end]);
    }
}

#[test]
fn broken_json_is_reported_like_serde_json() {
    for text in [
        "", " ", "{", "[", "]", "}", "{]", "[}", "nul", "nulx", "tru", "falsy", "01", "-", "-x", "1.", "1.e3", "1e", "1e+",
        "2.5e-3", "-0", "[1,]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{a:1}", "{,}", "[,1]", "{\"a\":}",
        "\"abc", "\"a\\", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\uD800\"", "\"\\uD800\\u0041\"", "\"\\uD83D\\uDE00\"",
        "\"tab\there\"", "\"new\nline\"", "\"é\\u00e9\"", "[1] x", "{} {}", "\u{feff}{}", "\n\n  [1,\n  2,,]", "{\"a\":{\"b\":[true,false,null]}}",
        "{\"k\":1,\"k\":2}", "123456789012345678901234567890",
    ] {
        agree(text);
    }
}

#[test]
fn nesting_is_limited_like_serde_json() {
    for depth in [126, 127, 128, 129, 200] {
        agree(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        agree(&format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)));
    }
}

#[test]
fn whole_numbers_are_read_for_counts_only() {
    let v = json::parse(r#"{"a": 12, "b": 1.0, "c": -1, "d": 1e2, "e": 18446744073709551616}"#).unwrap();
    assert_eq!(v.get("a").and_then(Value::as_u64), Some(12));
    for key in ["b", "c", "d", "e"] {
        assert_eq!(v.get(key).and_then(Value::as_u64), None, "{key}");
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<u32>().prop_map(|n| serde_json::json!(n)),
        any::<i32>().prop_map(|n| serde_json::json!(n)),
        "\\PC{0,12}".prop_map(serde_json::Value::String),
        "[\\u{0}-\\u{1f}\"\\\\é€😀]{0,6}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z]{0,4}", inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Any JSON serde_json writes (compact or pretty) reads back the same.
    #[test]
    fn reads_what_serde_json_writes(value in arbitrary_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() };
        let read = ours(&text).map_err(|e| TestCaseError::fail(format!("{e:?} on {text}")))?;
        prop_assert!(same(&read, &value), "{}", text);
    }

    /// Corrupting one byte of valid JSON fails (or not) exactly as serde_json does.
    #[test]
    fn corrupted_json_fails_like_serde_json(value in arbitrary_json(), at in any::<prop::sample::Index>(), byte in prop::sample::select(b"{}[],:\"\\ 0-.eatx\n".to_vec())) {
        let mut bytes = value.to_string().into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            match (ours(&text), theirs(&text)) {
                // The one chosen difference: numbers stay text, so one beyond a
                // float's range is no error (a count field still refuses it).
                (Ok(_), Err((message, _, _))) if message == "number out of range" => {}
                (a, b) => prop_assert_eq!(a.map(|_| ()), b.map(|_| ()), "{}", text),
            }
        }
    }
}
