//! Builds the model from JSON values whose shape `validate` has already
//! checked, so nothing here can fail: a value of the wrong kind (impossible
//! after the check) becomes the empty default.
//!
//! Hand-written on purpose: serde's derived `Deserialize` visitors for these
//! types were the largest piece of the wasm's parsing code (about 5 KB after
//! brotli), and the shape check already gives the located errors.

use super::json::{Map, Value};

use super::model::{Members, National, Partnership, Sector, Source, Topic};

pub(crate) trait FromJson {
    fn from_json(value: Value) -> Self;
}

fn object(value: Value) -> Map {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn string(map: &mut Map, key: &str) -> String {
    optional(map, key).unwrap_or_default()
}

fn optional(map: &mut Map, key: &str) -> Option<String> {
    match map.remove(key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

fn count(map: &Map, key: &str) -> u32 {
    map.get(key).and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok()).unwrap_or_default()
}

fn strings(map: &mut Map, key: &str) -> Vec<String> {
    match map.remove(key) {
        Some(Value::Array(items)) => items.into_iter().filter_map(|item| if let Value::String(s) = item { Some(s) } else { None }).collect(),
        _ => Vec::new(),
    }
}

impl FromJson for String {
    fn from_json(value: Value) -> Self {
        if let Value::String(s) = value { s } else { String::new() }
    }
}

impl FromJson for Source {
    fn from_json(value: Value) -> Self {
        let mut m = object(value);
        Source { name: string(&mut m, "name"), url: optional(&mut m, "url") }
    }
}

impl FromJson for National {
    fn from_json(value: Value) -> Self {
        let mut m = object(value);
        National {
            partnerships: count(&m, "partnerships"),
            partnerships_qualifier: optional(&mut m, "partnerships_qualifier"),
            states: count(&m, "states"),
        }
    }
}

/// Sectors and topics are both `{ "id", "label" }`.
fn id_and_label(value: Value) -> (String, String) {
    let mut m = object(value);
    (string(&mut m, "id"), string(&mut m, "label"))
}

impl FromJson for Sector {
    fn from_json(value: Value) -> Self {
        let (id, label) = id_and_label(value);
        Sector { id, label }
    }
}

impl FromJson for Topic {
    fn from_json(value: Value) -> Self {
        let (id, label) = id_and_label(value);
        Topic { id, label }
    }
}

impl FromJson for Partnership {
    fn from_json(value: Value) -> Self {
        let mut m = object(value);
        let members = match m.remove("members") {
            Some(Value::Object(mut members)) => Some(Members {
                approx: count(&members, "approx"),
                qualifier: optional(&mut members, "qualifier"),
                what: string(&mut members, "what"),
            }),
            _ => None,
        };
        Partnership {
            id: string(&mut m, "id"),
            name: string(&mut m, "name"),
            short_name: optional(&mut m, "short_name"),
            sector: string(&mut m, "sector"),
            state: string(&mut m, "state"),
            region: string(&mut m, "region"),
            launched: optional(&mut m, "launched"),
            members,
            summary: string(&mut m, "summary"),
            highlights: strings(&mut m, "highlights"),
            topics: strings(&mut m, "topics"),
            website: optional(&mut m, "website"),
        }
    }
}
