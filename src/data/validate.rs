//! Reading a dataset: serde_json parses it into the model's types, and every
//! problem is reported at once, each naming its entry and field, while every
//! valid entry is kept.
//!
//! The field rules live in the types (`super::model`, `super::text`). The
//! document is parsed once into a tree; each entry of the lists is then read on
//! its own, and the rest of the document as a whole. Where serde refuses a
//! value, eserde names every wrong field with its path (`members.approx`,
//! `topics[1]`). What the types cannot know is checked here, on the JSON of
//! every entry: duplicate ids, references to sectors and topics, and list
//! lengths. Problems come in two weights: an entry problem drops that entry; a
//! problem outside the lists (not JSON, the wrong `schema_version`, a missing
//! header field) makes the dataset unusable.

use std::collections::HashMap;
use std::fmt;

use eserde::path::Segment;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::model::{Dataset, Partnership, Sector, Topic, MAX_ITEMS};
use super::text::{clip, Id};

/// Who else can tell: what a JSON Schema validator also reports, or only the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The text is not JSON (or not UTF-8).
    Syntax,
    /// A rule of the published JSON Schema.
    Schema,
    /// A rule only the app checks: duplicate ids, references to sectors and topics.
    App,
}

/// One thing wrong with the dataset, located as precisely as possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry or place: `partnerships[3] "east-texas-manufacturing-alliance"`,
    /// `sectors[0]`, `schema_version`, `line 3, column 7`, `dataset`.
    pub location: String,
    /// The field inside that entry, when one field is to blame (`launched`, `topics[1]`).
    pub field: Option<String>,
    pub message: String,
    /// The JSON Pointer of the value at fault (`/partnerships/3/launched`);
    /// empty for the whole document.
    pub pointer: String,
    pub kind: Kind,
    /// The spreadsheet row (the header is row 1) when the problem is in a CSV
    /// file; `field` is then its column.
    pub row: Option<usize>,
    /// Where in the file's text, when known.
    pub at: Option<TextAt>,
}

/// A place in a file's text: 1-based line and column (in characters), and how
/// many characters the value at fault takes on that line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextAt {
    pub line: usize,
    pub column: usize,
    pub len: usize,
}

impl TextAt {
    /// The place of the bytes `start..end` of `text`; the length stops at the
    /// end of the line.
    pub fn of(text: &str, start: usize, end: usize) -> TextAt {
        let before = text.get(..start).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        let value = text.get(start..end.max(start)).unwrap_or_default();
        let len = value.split(['\r', '\n']).next().unwrap_or_default().chars().count().max(1);
        TextAt { line, column, len }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.row.is_some() { "column" } else { "field" };
        match &self.field {
            Some(field) => write!(f, "{}, {what} \"{}\": {}", self.location, field, self.message),
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
#[error(
    "the dataset cannot be used ({} problem(s), first: {})",
    problems.len(),
    problems.first().map(ToString::to_string).unwrap_or_default()
)]
pub struct Unusable {
    pub problems: Vec<Problem>,
}

impl Unusable {
    pub(crate) fn one(location: impl Into<String>, message: impl Into<String>, kind: Kind) -> Unusable {
        let problem = Problem {
            location: location.into(),
            field: None,
            message: message.into(),
            pointer: String::new(),
            kind,
            row: None,
            at: None,
        };
        Unusable { problems: vec![problem] }
    }
}

/// The dataset's lists of entries, in the order problems are reported.
const LISTS: [&str; 3] = ["sectors", "topics", "partnerships"];

/// Parses and validates the bytes of a `partnerships.json` as they arrived:
/// a UTF-8 byte-order mark is accepted, bytes that are not UTF-8 are refused.
pub fn parse_dataset_bytes(bytes: &[u8]) -> Result<Loaded, Unusable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_dataset(text),
        Err(e) => Err(Unusable::one(
            "dataset",
            format!("the file is not UTF-8 text (invalid bytes at byte {})", e.valid_up_to()),
            Kind::Syntax,
        )),
    }
}

/// Parses and validates the text of a `partnerships.json`.
pub fn parse_dataset(text: &str) -> Result<Loaded, Unusable> {
    // A byte-order mark is invisible in editors and harmless: accept it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Parsed to a tree first: serde_json limits its nesting (128 levels) and
    // gives the line and column of any syntax error, and each entry is then
    // read from the tree on its own, so that a bad entry costs only itself.
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_problem(text, &e))?;
    validate(value)
}

/// Validates a dataset already parsed as JSON (a partner's spreadsheet becomes
/// one, `super::sheet`): the same rules, whatever the file's form.
pub fn validate(value: Value) -> Result<Loaded, Unusable> {
    let Value::Object(mut top) = value else {
        let message = format!("expected a JSON object at the top, found {}", kind(&value));
        return Err(Unusable::one("dataset", message, Kind::Schema));
    };
    let [sectors, topics, partnerships] = LISTS.map(|key| match top.get_mut(key) {
        Some(Value::Array(items)) => std::mem::take(items),
        _ => Vec::new(),
    });
    // The rest of the document, its lists now empty, is read as a whole.
    let top = Value::Object(top);
    let header = read::<Dataset>(&top).map_err(header_problems);

    let mut problems = Vec::new();
    let sectors = read_entries::<Sector>(0, sectors, &mut problems);
    let topics = read_entries::<Topic>(1, topics, &mut problems);
    let partnerships = read_entries::<Partnership>(2, partnerships, &mut problems);
    let sectors = keep(0, sectors, &mut problems, |_| Vec::new());
    let topics = keep(1, topics, &mut problems, |_| Vec::new());
    let sector_ids: Vec<&str> = sectors.iter().map(|s| s.id.as_str()).collect();
    let topic_ids: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    let partnerships = keep(2, partnerships, &mut problems, |p| check_partnership(p, &sector_ids, &topic_ids));
    // Entries in the order of the file, each entry's problems together.
    problems.sort_by_key(|p| entry_order(&p.pointer));
    match header {
        Ok(header) => Ok(Loaded { dataset: Dataset { sectors, topics, partnerships, ..header }, problems }),
        Err(fatal) => Err(Unusable { problems: [fatal, problems].concat() }),
    }
}

/// The problems outside the lists: `national, field "states": ...`.
fn header_problems(found: Vec<Found>) -> Vec<Problem> {
    found
        .into_iter()
        .map(|(path, message, kind)| {
            let (location, field) = match path.split_first() {
                Some((first, rest)) => (step(first), (!rest.is_empty()).then(|| dotted(rest))),
                None => ("dataset".to_string(), None),
            };
            Problem { location, field, message, pointer: pointer(&path), kind, row: None, at: None }
        })
        .collect()
}

/// An entry as read: its place in the list, its JSON, and the typed entry
/// when serde read it without a problem.
struct Read<T> {
    index: usize,
    json: Value,
    entry: Option<T>,
}

/// Reads each entry of `LISTS[list]`; the problems of those serde refuses.
fn read_entries<T: Serialize + DeserializeOwned + for<'de> eserde::EDeserialize<'de>>(
    list: usize,
    items: Vec<Value>,
    problems: &mut Vec<Problem>,
) -> Vec<Read<T>> {
    let key = LISTS.get(list).copied().unwrap_or_default();
    let mut read_one = |(index, json): (usize, Value)| {
        let entry = read::<T>(&json).map_err(|found| problems.extend(entry_problems(key, index, &json, found))).ok();
        Read { index, json, entry }
    };
    items.into_iter().enumerate().map(&mut read_one).collect()
}

/// A problem found while reading a value: where in it, what, and who else can tell.
type Found = (Vec<Segment>, String, Kind);

/// The problems found in `LISTS[..][index]` (`key`), each at its field.
fn entry_problems<'a>(
    key: &'a str,
    index: usize,
    json: &Value,
    found: Vec<Found>,
) -> impl Iterator<Item = Problem> + 'a {
    let location = entry_location(key, index, json);
    found.into_iter().map(move |(path, message, kind)| Problem {
        location: location.clone(),
        field: (!path.is_empty()).then(|| dotted(&path)),
        message,
        pointer: format!("/{key}/{index}{}", pointer(&path)),
        kind,
        row: None,
        at: None,
    })
}

/// An array where the type has an object: what a JSON Schema validator says.
fn array_for_object(path: Vec<Segment>) -> Found {
    (path, "invalid type: array, expected an object".into(), Kind::Schema)
}

/// The path of a field of an entry, e.g. `topics[1]`.
fn field_path(name: &str, index: Option<usize>) -> Vec<Segment> {
    let mut path = vec![Segment::Map { key: name.to_string() }];
    path.extend(index.map(|index| Segment::Seq { index }));
    path
}

/// Reads an object into the struct `T`, or says every problem in it.
fn read<T>(json: &Value) -> Result<T, Vec<Found>>
where
    T: Serialize + DeserializeOwned + for<'de> eserde::EDeserialize<'de>,
{
    // serde also reads a struct from an array of its fields in order; JSON
    // Schema (and a partner reading the file) does not.
    if json.is_array() {
        return Err(vec![array_for_object(Vec::new())]);
    }
    let typed = read_or_every_problem::<T>(json).map_err(|found| structs_from_arrays(found, json))?;
    // The same for structs inside: where the typed value has an object, the
    // JSON must have one.
    let mut arrays = Vec::new();
    if let Ok(shape) = serde_json::to_value(&typed) {
        arrays_for_objects(&shape, json, &mut Vec::new(), &mut arrays);
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
    let is_array = |path: &[Segment]| json.pointer(&pointer(path)).is_some_and(Value::is_array);
    let arrays: Vec<Vec<Segment>> = found
        .iter()
        .filter_map(|(path, _, _)| {
            let at = path.iter().enumerate().position(|(i, s)| {
                matches!(s, Segment::Map { .. })
                    && path.get(..i).is_some_and(|parent| !parent.is_empty() && is_array(parent))
            })?;
            path.get(..at).map(<[Segment]>::to_vec)
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
fn arrays_for_objects(shape: &Value, given: &Value, path: &mut Vec<Segment>, out: &mut Vec<Vec<Segment>>) {
    match (shape, given) {
        (Value::Object(_), Value::Array(_)) => out.push(path.clone()),
        (Value::Object(fields), Value::Object(given)) => {
            for (key, value) in fields {
                if let Some(inside) = given.get(key) {
                    path.push(Segment::Map { key: key.clone() });
                    arrays_for_objects(value, inside, path, out);
                    path.pop();
                }
            }
        }
        (Value::Array(items), Value::Array(given)) => {
            for (index, (item, inside)) in items.iter().zip(given).enumerate() {
                path.push(Segment::Seq { index });
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
        for error in errors.iter() {
            let mut path: Vec<Segment> = error.path().map(|p| p.iter().cloned().collect()).unwrap_or_default();
            let message = error.message();
            // Positions refer to the text read here, not to the file: drop them.
            let message = message.rsplit_once(" at line ").map_or(message, |(m, _)| m);
            let message = match message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
                // A missing field is named itself (serde names it in its parent's message).
                Some(name) => {
                    path.push(Segment::Map { key: name.to_string() });
                    "missing".to_string()
                }
                None => message.to_string(),
            };
            let compound = message.starts_with("invalid type: sequence") || message.starts_with("invalid type: map");
            if !found.iter().any(|(p, _, _)| *p == path) {
                found.push((path.clone(), in_json_terms(&message), kind_of(&message)));
            }
            if compound {
                stuck = Some(path);
                break;
            }
        }
        let copy = changed.get_or_insert_with(|| json.clone());
        match stuck.and_then(|path| copy.pointer_mut(&pointer(&path))) {
            Some(at) => *at = Value::Null,
            None => break,
        }
    }
    Err(found)
}

/// serde names Rust's types ("expected u32", "a sequence"); a partner
/// writes JSON: say it in JSON's words.
fn in_json_terms(message: &str) -> String {
    const WORDS: [(&str, &str); 8] = [
        ("__ImplEDeserializeFor", ""),
        ("expected a nonzero u32", "expected a whole number from 1 to 4294967295"),
        ("expected u32", "expected a whole number from 0 to 4294967295"),
        ("expected u64", "expected a whole number"),
        ("expected a sequence", "expected an array"),
        ("invalid type: sequence", "invalid type: array"),
        ("invalid type: map", "invalid type: object"),
        ("expected struct ", "expected the object "),
    ];
    WORDS.iter().fold(message.to_string(), |m, (serde, json)| m.replace(serde, json))
}

/// JSON Schema counts `5.0` and `5e0` as the integer 5; serde reads them as
/// fractions and refuses them where a whole number is due. The schema cannot
/// say this rule, so it is the app's own.
fn kind_of(message: &str) -> Kind {
    let number = message.strip_prefix("invalid type: floating point `").and_then(|m| m.split('`').next());
    match number.and_then(|n| n.parse::<f64>().ok()) {
        Some(n) if n.fract() == 0.0 => Kind::App,
        _ => Kind::Schema,
    }
}

/// How many times one value is read again at most (see `read_or_every_problem`).
const MAX_ROUNDS: usize = 200;

/// Keeps the entries that serde read, pass `check` (run on every entry, so that
/// all of an entry's problems are reported at once) and whose id was not used
/// by an entry kept before them.
fn keep<T: Entry>(
    list: usize,
    reads: Vec<Read<T>>,
    problems: &mut Vec<Problem>,
    check: impl Fn(&Value) -> Vec<Found>,
) -> Vec<T> {
    let key = LISTS.get(list).copied().unwrap_or_default();
    let mut kept: Vec<T> = Vec::with_capacity(reads.len());
    // Each kept id and where it was: a dataset may hold thousands of entries.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for Read { index, json, entry } in reads {
        let mut out = check(&json);
        if let (Some(entry), true) = (entry, out.is_empty()) {
            match seen.get(entry.id().as_str()) {
                Some(first) => out.push((
                    field_path("id", None),
                    format!("duplicate id, already used by {key}[{first}]"),
                    Kind::App,
                )),
                None => {
                    seen.insert(entry.id().to_string(), index);
                    kept.push(entry);
                }
            }
        }
        problems.extend(entry_problems(key, index, &json, out));
    }
    kept
}

/// What the types cannot check: that a partnership names known sectors and
/// topics (a sector left out for a problem leaves its partnerships out too),
/// and the schema's `maxItems` (a list's items report their own problems while
/// it is read, so its length is checked here). Read from the JSON, so that an
/// entry with a wrong field still has these reported.
fn check_partnership(p: &Value, sectors: &[&str], topics: &[&str]) -> Vec<Found> {
    let mut out = Vec::new();
    if let Some(sector) = p.get("sector").and_then(Value::as_str) {
        if !sectors.contains(&sector) {
            out.push((
                field_path("sector", None),
                format!("unknown sector \"{}\" (not in sectors)", clip(sector)),
                Kind::App,
            ));
        }
    }
    for field in ["highlights", "topics"] {
        let len = p.get(field).and_then(Value::as_array).map_or(0, Vec::len);
        if len > MAX_ITEMS {
            out.push((field_path(field, None), format!("has {len} {field}; at most {MAX_ITEMS}"), Kind::Schema));
        }
    }
    let listed = p.get("topics").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    for (i, topic) in listed.iter().enumerate().take(MAX_ITEMS) {
        if let Some(topic) = topic.as_str().filter(|t| !topics.contains(t)) {
            out.push((
                field_path("topics", Some(i)),
                format!("unknown topic \"{}\" (not in topics)", clip(topic)),
                Kind::App,
            ));
        }
    }
    out
}

/// An entry of one of the dataset's lists.
trait Entry {
    fn id(&self) -> &Id;
}
impl Entry for Sector {
    fn id(&self) -> &Id {
        &self.id
    }
}
impl Entry for Topic {
    fn id(&self) -> &Id {
        &self.id
    }
}
impl Entry for Partnership {
    fn id(&self) -> &Id {
        &self.id
    }
}

fn step(segment: &Segment) -> String {
    match segment {
        Segment::Seq { index } => index.to_string(),
        Segment::Map { key } | Segment::Enum { variant: key } => key.clone(),
    }
}

/// `/members/approx`: a path as a JSON Pointer.
fn pointer(path: &[Segment]) -> String {
    path.iter().map(|s| format!("/{}", step(s).replace('~', "~0").replace('/', "~1"))).collect()
}

/// `members.approx`, `topics[1]`: a path as people read it.
fn dotted(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
        }
    }
    out
}

/// Orders problems by list and entry, in the order of the file.
fn entry_order(pointer: &str) -> (usize, usize) {
    let mut steps = pointer.split('/').skip(1);
    let list = steps.next().and_then(|key| LISTS.iter().position(|l| *l == key)).unwrap_or(0);
    let index = steps.next().and_then(|i| i.parse().ok()).unwrap_or(0);
    (list, index)
}

fn syntax_problem(text: &str, e: &serde_json::Error) -> Unusable {
    if text.trim().is_empty() {
        return Unusable::one("dataset", "the file is empty", Kind::Syntax);
    }
    let location = format!("line {}, column {}", e.line(), e.column());
    let at = |mut unusable: Unusable| {
        for problem in &mut unusable.problems {
            problem.at = Some(TextAt { line: e.line(), column: e.column().max(1), len: 1 });
        }
        unusable
    };
    if text.trim_start().starts_with('<') {
        let message = "this is an HTML page, not JSON (an error page from the server, or a wrong address?)";
        return at(Unusable::one(location, message, Kind::Syntax));
    }
    let message = e.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
    // JSON itself sets no limit on nesting; the app does (serde_json's 128
    // levels), so that no file can exhaust its stack.
    let kind = if message.starts_with("recursion limit") { Kind::App } else { Kind::Syntax };
    at(Unusable::one(location, format!("invalid JSON: {message}"), kind))
}

/// `key[i] "id"`: the id is shown when there is one, shortened if huge.
fn entry_location(key: &str, index: usize, entry: &Value) -> String {
    match entry.get("id").and_then(Value::as_str) {
        Some(id) => format!("{key}[{index}] \"{}\"", clip(id)),
        None => format!("{key}[{index}]"),
    }
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
