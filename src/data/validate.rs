//! Parsing plus validation that reports every problem at once, each naming the
//! entry and the field, and keeps every valid entry usable.
//!
//! Problems come in two weights. Entry problems (one bad partnership, sector or
//! topic) drop that entry and keep the rest. Structural problems (not JSON, the
//! wrong `schema_version`, a missing header field) make the dataset unusable.

use std::collections::HashMap;
use std::fmt;

use super::json::{self, Map, Value};

use super::from_json::FromJson;
use super::model::{Dataset, Launched, Partnership, Sector, Source, Topic, SCHEMA_VERSION};
use crate::geo;

/// One thing wrong with the dataset, located as precisely as possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry or place: `partnerships[3] "east-texas-manufacturing-alliance"`,
    /// `sectors[0]`, `schema_version`, `line 3, column 7`, `dataset`.
    pub location: String,
    /// The field inside that entry, when one field is to blame (`launched`, `topics[1]`).
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    fn new(location: impl Into<String>, field: Option<String>, message: impl Into<String>) -> Self {
        Problem { location: location.into(), field, message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{}, field \"{}\": {}", self.location, field, self.message),
            None => write!(f, "{}: {}", self.location, self.message),
        }
    }
}

/// A usable dataset: only the valid entries, plus the problems of those left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

/// The dataset cannot be shown at all; `problems` says every reason found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the dataset cannot be used ({} problem(s), first: {})", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
pub struct Unusable {
    pub problems: Vec<Problem>,
}

/// Longest names, labels and regions, in characters.
const MAX_NAME: usize = 200;
/// Longest summary or highlight, in characters.
const MAX_TEXT: usize = 1000;
/// Most highlights or topics on one partnership.
const MAX_ITEMS: usize = 50;

/// Parses and validates the bytes of a `partnerships.json` as they arrived:
/// a UTF-8 byte-order mark is accepted, bytes that are not UTF-8 are refused.
pub fn parse_dataset_bytes(bytes: &[u8]) -> Result<Loaded, Unusable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_dataset(text),
        Err(e) => Err(Unusable {
            problems: vec![Problem::new(
                "dataset",
                None,
                format!("the file is not UTF-8 text (invalid bytes at byte {})", e.valid_up_to()),
            )],
        }),
    }
}

/// Parses and validates the text of a `partnerships.json`.
pub fn parse_dataset(text: &str) -> Result<Loaded, Unusable> {
    // A byte-order mark is invisible in editors and harmless: accept it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = json::parse(text).map_err(|e| Unusable { problems: vec![syntax_problem(text, &e)] })?;
    let Value::Object(mut top) = value else {
        return Err(Unusable {
            problems: vec![Problem::new("dataset", None, format!("expected a JSON object at the top, found {}", kind(&value)))],
        });
    };

    let mut fatal = Vec::new();
    check_schema_version(top.get("schema_version"), &mut fatal);
    let title: Option<String> = header_field(&mut top, "title", Shape::Str, &mut fatal);
    let source = header_field(&mut top, "source", SOURCE, &mut fatal);
    let national = header_field(&mut top, "national", NATIONAL, &mut fatal);
    if let Some(Some(url)) = source.as_ref().map(|s: &Source| s.url.as_deref()) {
        if let Err(why) = check_https(url) {
            fatal.push(Problem::new("source", Some("url".into()), why));
        }
    }
    if matches!(&title, Some(t) if t.trim().is_empty()) {
        fatal.push(Problem::new("title", None, "must not be empty"));
    }

    let mut problems = Vec::new();
    let sectors = entries::<Sector>(&mut top, "sectors", &mut fatal, &mut problems, |s, out| {
        check_id(&s.id, out);
        check_text("label", &s.label, MAX_NAME, out);
    });
    let topics = entries::<Topic>(&mut top, "topics", &mut fatal, &mut problems, |t, out| {
        check_id(&t.id, out);
        check_text("label", &t.label, MAX_NAME, out);
    });
    // Short lists: a linear search is as quick as a hash set here, and smaller in wasm.
    let sector_ids: Vec<&str> = sectors.iter().flatten().map(|s| s.id.as_str()).collect();
    let topic_ids: Vec<&str> = topics.iter().flatten().map(|t| t.id.as_str()).collect();
    let partnerships = entries::<Partnership>(&mut top, "partnerships", &mut fatal, &mut problems, |p, out| {
        check_partnership(p, &sector_ids, &topic_ids, out)
    });

    match (title, source, national, sectors, topics, partnerships) {
        (Some(title), Some(source), Some(national), Some(sectors), Some(topics), Some(partnerships)) if fatal.is_empty() => {
            Ok(Loaded {
                dataset: Dataset { schema_version: SCHEMA_VERSION, title, source, national, sectors, topics, partnerships },
                problems,
            })
        }
        _ => {
            fatal.extend(problems);
            Err(Unusable { problems: fatal })
        }
    }
}

fn syntax_problem(text: &str, e: &json::SyntaxError) -> Problem {
    if text.trim().is_empty() {
        return Problem::new("dataset", None, "the file is empty");
    }
    let location = format!("line {}, column {}", e.line, e.column);
    if text.trim_start().starts_with('<') {
        return Problem::new(location, None, "this is an HTML page, not JSON (an error page from the server, or a wrong address?)");
    }
    Problem::new(location, None, format!("invalid JSON: {}", e.message))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn check_schema_version(v: Option<&Value>, fatal: &mut Vec<Problem>) {
    let message = match v {
        None => "missing; this explorer reads schema_version 1".to_string(),
        Some(v) if v.as_u64() == Some(SCHEMA_VERSION) => return,
        Some(Value::Number(n)) => format!("version {n} is not supported; this explorer reads schema_version 1"),
        Some(other) => format!("expected the number 1, found {}", kind(other)),
    };
    fatal.push(Problem::new("schema_version", None, message));
}

/// A required top-level field that is not a list of entries.
fn header_field<T: FromJson>(top: &mut Map, key: &str, shape: Shape, fatal: &mut Vec<Problem>) -> Option<T> {
    let Some(value) = top.remove(key) else {
        fatal.push(Problem::new(key, None, "missing"));
        return None;
    };
    deserialize(value, shape)
        .map_err(|problems| fatal.extend(problems.into_iter().map(|(field, message)| Problem::new(key, field, message))))
        .ok()
}

/// The JSON shape a value must have. It is checked before deserializing so that
/// every wrong field is named with its path (serde stops at the first problem and
/// does not say where).
#[derive(Clone, Copy)]
enum Shape {
    Str,
    /// A string, null, or absent.
    OptStr,
    /// A whole number that fits in a `u32`.
    Count,
    StrList,
    Obj(&'static [(&'static str, Shape)]),
    /// An object, null, or absent.
    OptObj(&'static [(&'static str, Shape)]),
}

impl Shape {
    fn describe(self) -> &'static str {
        match self {
            Shape::Str => "a string",
            Shape::OptStr => "a string or null",
            Shape::Count => "a whole number from 0 to 4294967295",
            Shape::StrList => "an array of strings",
            Shape::Obj(_) => "an object",
            Shape::OptObj(_) => "an object or null",
        }
    }
}

const SOURCE: Shape = Shape::Obj(&[("name", Shape::Str), ("url", Shape::OptStr)]);
const NATIONAL: Shape =
    Shape::Obj(&[("partnerships", Shape::Count), ("partnerships_qualifier", Shape::OptStr), ("states", Shape::Count)]);
const LABELLED: Shape = Shape::Obj(&[("id", Shape::Str), ("label", Shape::Str)]);
const MEMBERS: Shape = Shape::OptObj(&[("approx", Shape::Count), ("qualifier", Shape::OptStr), ("what", Shape::Str)]);
const PARTNERSHIP: Shape = Shape::Obj(&[
    ("id", Shape::Str),
    ("name", Shape::Str),
    ("short_name", Shape::OptStr),
    ("sector", Shape::Str),
    ("state", Shape::Str),
    ("region", Shape::Str),
    ("launched", Shape::OptStr),
    ("members", MEMBERS),
    ("summary", Shape::Str),
    ("highlights", Shape::StrList),
    ("topics", Shape::StrList),
    ("website", Shape::OptStr),
]);

/// Every place where `value` differs from `shape`, as (path, message); the path
/// is empty for the value itself.
fn check_shape(value: Option<&Value>, shape: Shape, path: &str, out: &mut Vec<(String, String)>) {
    match (shape, value) {
        (Shape::OptStr | Shape::OptObj(_), None | Some(Value::Null)) | (Shape::Str | Shape::OptStr, Some(Value::String(_))) => {}
        (_, None) => out.push((path.to_string(), "missing".to_string())),
        (Shape::Count, Some(v)) if v.as_u64().is_some_and(|n| u32::try_from(n).is_ok()) => {}
        (Shape::StrList, Some(Value::Array(items))) => {
            for (i, item) in items.iter().enumerate().filter(|(_, item)| !item.is_string()) {
                out.push((format!("{path}[{i}]"), format!("expected a string, found {}", kind(item))));
            }
        }
        (Shape::Obj(fields) | Shape::OptObj(fields), Some(Value::Object(map))) => {
            for (name, shape) in fields {
                let inner = if path.is_empty() { (*name).to_string() } else { format!("{path}.{name}") };
                check_shape(map.get(name), *shape, &inner, out);
            }
        }
        (shape, Some(v)) => out.push((path.to_string(), format!("expected {}, found {}", shape.describe(), kind(v)))),
    }
}

/// Deserializes a value of a known shape; on failure every misshapen field is
/// named (`None` for the value itself).
fn deserialize<T: FromJson>(value: Value, shape: Shape) -> Result<T, Vec<(Option<String>, String)>> {
    let mut wrong = Vec::new();
    check_shape(Some(&value), shape, "", &mut wrong);
    if !wrong.is_empty() {
        return Err(wrong.into_iter().map(|(path, message)| ((!path.is_empty()).then_some(path), message)).collect());
    }
    Ok(T::from_json(value))
}

/// `key[i] "id"`: the id is shown when there is one, shortened if huge.
fn entry_location(key: &str, index: usize, value: &Value) -> String {
    match value.get("id").and_then(Value::as_str) {
        Some(id) if id.chars().count() > 60 => format!("{key}[{index}] \"{}…\"", id.chars().take(60).collect::<String>()),
        Some(id) => format!("{key}[{index}] \"{id}\""),
        None => format!("{key}[{index}]"),
    }
}

/// Problems of one entry: (field, message).
type FieldProblems = Vec<(String, String)>;

/// Deserializes and validates each entry of the array `top[key]` on its own, so one
/// bad entry costs only itself. Duplicate ids: the first one wins.
fn entries<T: FromJson + Entry>(
    top: &mut Map,
    key: &str,
    fatal: &mut Vec<Problem>,
    problems: &mut Vec<Problem>,
    validate: impl Fn(&T, &mut FieldProblems),
) -> Option<Vec<T>> {
    let items = match top.remove(key) {
        Some(Value::Array(items)) => items,
        Some(other) => {
            fatal.push(Problem::new(key, None, format!("expected an array, found {}", kind(&other))));
            return None;
        }
        None => {
            fatal.push(Problem::new(key, None, "missing"));
            return None;
        }
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut valid = Vec::with_capacity(items.len());
    for (index, value) in items.into_iter().enumerate() {
        let location = entry_location(key, index, &value);
        let entry: T = match deserialize(value, T::SHAPE) {
            Ok(entry) => entry,
            Err(wrong) => {
                problems.extend(wrong.into_iter().map(|(field, message)| Problem::new(location.clone(), field, message)));
                continue;
            }
        };
        let mut out = FieldProblems::new();
        validate(&entry, &mut out);
        if out.is_empty() {
            if let Some(first) = seen.get(entry.id()) {
                out.push(("id".into(), format!("duplicate id, already used by {key}[{first}]")));
            }
        }
        if out.is_empty() {
            seen.insert(entry.id().to_string(), index);
            valid.push(entry);
        } else {
            problems.extend(out.into_iter().map(|(field, message)| Problem::new(location.clone(), Some(field), message)));
        }
    }
    Some(valid)
}

/// An entry of one of the dataset's lists.
trait Entry {
    const SHAPE: Shape;
    fn id(&self) -> &str;
}
impl Entry for Sector {
    const SHAPE: Shape = LABELLED;
    fn id(&self) -> &str {
        &self.id
    }
}
impl Entry for Topic {
    const SHAPE: Shape = LABELLED;
    fn id(&self) -> &str {
        &self.id
    }
}
impl Entry for Partnership {
    const SHAPE: Shape = PARTNERSHIP;
    fn id(&self) -> &str {
        &self.id
    }
}

fn check_partnership(p: &Partnership, sectors: &[&str], topics: &[&str], out: &mut FieldProblems) {
    check_id(&p.id, out);
    check_text("name", &p.name, MAX_NAME, out);
    check_text("region", &p.region, MAX_NAME, out);
    check_text("summary", &p.summary, MAX_TEXT, out);
    if let Some(short) = &p.short_name {
        check_text("short_name", short, MAX_NAME, out);
    }
    if !sectors.contains(&p.sector.as_str()) {
        out.push(("sector".into(), format!("unknown sector \"{}\" (not in sectors)", clip(&p.sector))));
    }
    if geo::state(&p.state).is_none() {
        out.push(("state".into(), format!("unknown state code \"{}\" (expected a USPS code of the 50 states or DC, e.g. LA)", clip(&p.state))));
    }
    if let Some(launched) = &p.launched {
        if Launched::parse(launched).is_none() {
            out.push(("launched".into(), format!("\"{}\" is not a year (YYYY) or a year and month (YYYY-MM)", clip(launched))));
        }
    }
    if let Some(members) = &p.members {
        check_text("members.what", &members.what, MAX_NAME, out);
        if members.approx == 0 {
            out.push(("members.approx".into(), "must be at least 1".into()));
        }
    }
    if p.highlights.len() > MAX_ITEMS {
        out.push(("highlights".into(), format!("has {} highlights; at most {MAX_ITEMS}", p.highlights.len())));
    } else {
        for (i, h) in p.highlights.iter().enumerate() {
            check_text(&format!("highlights[{i}]"), h, MAX_TEXT, out);
        }
    }
    if p.topics.len() > MAX_ITEMS {
        out.push(("topics".into(), format!("has {} topics; at most {MAX_ITEMS}", p.topics.len())));
    }
    for (i, t) in p.topics.iter().enumerate().take(MAX_ITEMS) {
        if !topics.contains(&t.as_str()) {
            out.push((format!("topics[{i}]"), format!("unknown topic \"{}\" (not in topics)", clip(t))));
        }
    }
    if let Some(website) = &p.website {
        if let Err(why) = check_https(website) {
            out.push(("website".into(), why));
        }
    }
}

/// Ids are kebab-case slugs: they appear in URLs (`#id`, `?sector=id`).
fn check_id(id: &str, out: &mut FieldProblems) {
    let ok = !id.is_empty()
        && id.len() <= 100
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--");
    if !ok {
        out.push(("id".into(), format!("\"{}\" is not a kebab-case id (lower-case letters, digits and single hyphens)", clip(id))));
    }
}

/// Text must say something, and not so much that it swamps the page.
fn check_text(field: &str, text: &str, max_chars: usize, out: &mut FieldProblems) {
    if text.trim().is_empty() {
        out.push((field.to_string(), "must not be empty".into()));
    } else if text.len() > max_chars {
        let chars = text.chars().count();
        if chars > max_chars {
            out.push((field.to_string(), format!("is {chars} characters long; at most {max_chars}")));
        }
    }
}

/// Only `https://` addresses with a host are followed.
pub fn check_https(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err(format!("\"{}\" is not an https:// address", clip(url)));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"\\`".contains(c)) {
        return Err(format!("\"{}\" is not a valid https:// address", clip(url)));
    }
    Ok(())
}

/// Keeps messages readable when a value is huge.
fn clip(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}
