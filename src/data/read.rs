//! Reading one JSON value into a type of the model with serde (through
//! eserde), every problem in it found at once, each named by its path and
//! typed (`Issue`). serde's errors are text: `from_serde` is the one place
//! that reads their words, and the tests hold each form it reads to what
//! serde says now.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::issue::Issue;
use super::model::SchemaVersion;
use super::path::{Path, Segment};
use super::problem::Kind;
use super::text::{HttpsRule, IdRule, LaunchRule, NameRule, ProseRule, Rule, StateRule};
use super::words::clip;

/// A problem found while reading a value: where in it, what, and who else can tell.
pub type Found = (Path, Issue, Kind);

/// An array where the type has an object: what a JSON Schema validator says.
pub fn array_for_object(path: Path) -> Found {
    (path, Issue::ArrayForObject, Kind::Schema)
}

/// Reads an object into the struct `T`, or says every problem in it.
pub fn read<T>(json: &Value) -> Result<T, Vec<Found>>
where
    T: Serialize + DeserializeOwned + for<'de> eserde::EDeserialize<'de>,
{
    // serde also reads a struct from an array of its fields in order; JSON
    // Schema (and a partner reading the file) does not.
    if json.is_array() {
        return Err(vec![array_for_object(Path::default())]);
    }
    let typed = read_or_every_problem::<T>(json).map_err(|found| structs_from_arrays(found, json))?;
    // The same for structs inside: where the typed value has an object, the
    // JSON must have one.
    let mut arrays = Vec::new();
    if let Ok(shape) = serde_json::to_value(&typed) {
        arrays_for_objects(&shape, json, &mut Path::default(), &mut arrays);
    }
    if arrays.is_empty() {
        Ok(typed)
    } else {
        Err(arrays.into_iter().map(array_for_object).collect())
    }
}

/// A field named inside an array shows that serde read a struct from that
/// array: one problem stands for all found inside it, as a JSON Schema
/// validator says it ("expected an object").
fn structs_from_arrays(found: Vec<Found>, json: &Value) -> Vec<Found> {
    let is_array = |path: &Path| path.find_in(json).is_some_and(Value::is_array);
    let arrays: Vec<Path> = found
        .iter()
        .filter_map(|(path, _, _)| {
            let at = path.segments().iter().enumerate().position(|(i, s)| {
                let parent = path.prefix(i);
                matches!(s, Segment::Field(_)) && !parent.is_empty() && is_array(&parent)
            })?;
            Some(path.prefix(at))
        })
        .collect();
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for (path, message, kind) in found {
        match arrays.iter().find(|array| path.starts_with(array)) {
            Some(array) if !out.iter().any(|(p, _, _)| p == array) => out.push(array_for_object(array.clone())),
            Some(_) => {}
            None => out.push((path, message, kind)),
        }
    }
    out
}

/// The places where `shape` (a typed value written out) has an object and
/// `given` (the JSON read into it) an array.
fn arrays_for_objects(shape: &Value, given: &Value, path: &mut Path, out: &mut Vec<Path>) {
    match (shape, given) {
        (Value::Object(_), Value::Array(_)) => out.push(path.clone()),
        (Value::Object(fields), Value::Object(given)) => {
            for (key, value) in fields {
                if let Some(inside) = given.get(key) {
                    path.push(Segment::Field(key.clone()));
                    arrays_for_objects(value, inside, path, out);
                    path.pop();
                }
            }
        }
        (Value::Array(items), Value::Array(given)) => {
            for (index, (item, inside)) in items.iter().zip(given).enumerate() {
                path.push(Segment::Index(index));
                arrays_for_objects(item, inside, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Reads `json` into `T` with eserde, from its text (one of serde_json's
/// readers, its text reader, serves every read: the wasm is smaller so). eserde
/// tries serde's one pass first; when that fails it reads the value again and
/// goes on past each wrong field, so every problem is named with its path.
///
/// One limit of reading JSON text as a stream is worked around here: where an
/// array or object stands in place of a string or number, serde_json reports
/// it without reading past it, so what follows in the same object cannot be
/// read. Each such value is noted and set to null, and the value read again.
fn read_or_every_problem<T: DeserializeOwned + for<'de> eserde::EDeserialize<'de>>(
    json: &Value,
) -> Result<T, Vec<Found>> {
    // A copy only once a value has to be set to null.
    let mut changed: Option<Value> = None;
    let mut found: Vec<Found> = Vec::new();
    // Each round replaces one array or object: the rounds are bounded by the value's size.
    for _ in 0..MAX_ROUNDS {
        let text = changed.as_ref().unwrap_or(json).to_string();
        let errors = match eserde::json::from_str::<T>(&text) {
            Ok(typed) if found.is_empty() => return Ok(typed),
            // What was set to null was the last problem: the rest reads.
            Ok(_) => break,
            Err(errors) => errors,
        };
        let mut stuck = None;
        let current = changed.as_ref().unwrap_or(json);
        for error in errors.iter() {
            let path: Path = error.path().map(Path::from).unwrap_or_default();
            let (path, issue, kind) = from_serde(error.message(), path, json);
            // The value is an array or object where serde wanted something else:
            // nothing after it in the same object was read.
            let compound = !matches!(issue, Issue::Missing)
                && path.find_in(current).is_some_and(|v| v.is_array() || v.is_object());
            if !found.iter().any(|(p, _, _)| *p == path) {
                found.push((path.clone(), issue, kind));
            }
            if compound {
                stuck = Some(path);
                break;
            }
        }
        let copy = changed.get_or_insert_with(|| json.clone());
        match stuck.and_then(|path| path.find_in_mut(copy)) {
            Some(at) => *at = Value::Null,
            None => break,
        }
    }
    Err(found)
}

/// One of serde's errors (through eserde) as a problem. serde's errors are
/// text only, so this is the one place that reads their words, and
/// `tests/validation.rs` holds each form read here to what serde says now: a
/// dependency that words them otherwise fails those tests. The value at
/// fault is described from the JSON itself, never from the message.
fn from_serde(message: &str, mut path: Path, json: &Value) -> Found {
    // Positions refer to the text read here, not to the file: drop them.
    let message = without_position(message);
    // A missing field is named itself (serde names it in its parent's message).
    if let Some(name) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        path.push(Segment::field(name));
        return (path, Issue::Missing, Kind::Schema);
    }
    let value = path.find_in(json);
    if let (Some(value), Some(expected)) = (value, message.strip_prefix("invalid type: ")) {
        let expected = expected.split_once(", expected ").map_or(expected, |(_, e)| e);
        let issue = Issue::WrongType { found: describe(value), expected: in_json_terms(expected) };
        return (path, issue, if is_whole(value) { Kind::App } else { Kind::Schema });
    }
    if let Some(issue) = value.and_then(|value| broken_rule(value, message)) {
        return (path, issue, Kind::Schema);
    }
    (path, Issue::Serde { message: in_json_terms(message) }, Kind::Schema)
}

/// serde_json ends some messages with where in the text it was (` at line 1
/// column 12`); the rest is the message. A partner's value that holds the
/// same words is kept whole: only a position at the very end is one.
pub fn without_position(message: &str) -> &str {
    let Some((before, at)) = message.rsplit_once(" at line ") else { return message };
    let number = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    match at.split_once(" column ") {
        Some((line, column)) if number(line) && number(column) => before,
        _ => message,
    }
}

/// The issue of the format's rule that refused `value`. serde passes a
/// rule's issue on as its words alone (`Issue`'s `Display`), so each rule
/// checks the value again, and the issue in exactly those words is the one.
fn broken_rule(value: &Value, message: &str) -> Option<Issue> {
    let checked = match value {
        Value::String(text) => vec![
            IdRule::check(text),
            StateRule::check(text),
            NameRule::check(text),
            ProseRule::check(text),
            LaunchRule::check(text),
            HttpsRule::check(text),
        ],
        Value::Number(number) => number.as_u64().map(|v| SchemaVersion::check(v).map(|_| ())).into_iter().collect(),
        _ => Vec::new(),
    };
    checked.into_iter().filter_map(Result::err).find(|issue| issue.to_string() == message)
}

/// A JSON value as a type error names it: `integer `5``, `string "forty"`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{}`", n.as_f64().unwrap_or_default()),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string \"{}\"", clip(s)),
        Value::Array(_) => "array".into(),
        Value::Object(_) => "object".into(),
    }
}

/// JSON Schema counts `5.0` and `5e0` as the integer 5; serde reads them as
/// fractions and refuses them where a whole number is due. The schema cannot
/// say this rule, so it is the app's own.
fn is_whole(value: &Value) -> bool {
    value.as_f64().is_some_and(|n| value.is_f64() && n.fract() == 0.0)
}

/// serde names Rust's types ("expected u32", "a sequence"); a partner
/// writes JSON: say it in JSON's words. Only our words and serde's are
/// translated: a value quoted in the message (`"..."`, its quotes escaped as
/// serde and `words::quoted` escape them, or `` `...` ``) is the partner's own
/// and is kept as it is.
fn in_json_terms(message: &str) -> String {
    const WORDS: [(&str, &str); 6] = [
        ("__ImplEDeserializeFor", ""),
        ("a nonzero u32", "a whole number from 1 to 4294967295"),
        ("u32", "a whole number from 0 to 4294967295"),
        ("u64", "a whole number"),
        ("a sequence", "an array"),
        ("struct ", "the object "),
    ];
    let translate = |words: &str| WORDS.iter().fold(words.to_string(), |m, (serde, json)| m.replace(serde, json));
    let mut out = String::with_capacity(message.len());
    let mut words = String::new();
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        if c != '"' && c != '`' {
            words.push(c);
            continue;
        }
        out.push_str(&translate(&std::mem::take(&mut words)));
        // The quoted value, to its closing quote (a backslash escapes the next character).
        out.push(c);
        while let Some(q) = chars.next() {
            out.push(q);
            if q == '\\' && c == '"' {
                out.extend(chars.next());
            } else if q == c {
                break;
            }
        }
    }
    out.push_str(&translate(&words));
    out
}

/// How many times one value is read again at most (see `read_or_every_problem`).
const MAX_ROUNDS: usize = 200;

#[cfg(test)]
mod tests {
    use super::{in_json_terms, without_position};

    /// serde's words are said in JSON's; a value quoted in the message (a
    /// partner's own, its quotes escaped) is kept as it is, whatever it holds.
    #[test]
    fn only_the_words_outside_a_quoted_value_are_put_in_json_terms() {
        assert_eq!(in_json_terms("invalid type: map, expected a sequence"), "invalid type: map, expected an array");
        assert_eq!(
            in_json_terms(r#"string "u32 \"a sequence\" struct ", expected u32"#),
            r#"string "u32 \"a sequence\" struct ", expected a whole number from 0 to 4294967295"#
        );
        assert_eq!(in_json_terms("integer `u64`, expected u64"), "integer `u64`, expected a whole number");
    }

    #[test]
    fn only_a_position_at_the_end_is_taken_off_a_message() {
        assert_eq!(without_position("expected value at line 3 column 12"), "expected value");
        assert_eq!(without_position(r#""x at line 5 column 3" is not"#), r#""x at line 5 column 3" is not"#);
        assert_eq!(without_position("ends at line five"), "ends at line five");
    }
}
