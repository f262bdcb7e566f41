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

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::model::{Dataset, Partnership, SchemaVersion, Sector, Topic, MAX_ITEMS};
use super::path::{List, Path, Segment};
pub use super::problem::{Field, Issue, Kind, Place, Problem, TextAt};
use super::text::{HttpsRule, Id, IdRule, LaunchRule, NameRule, ProseRule, Rule, StateRule};
use super::words::clip;

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
    pub(crate) fn one(place: Place, issue: Issue, kind: Kind) -> Unusable {
        Unusable { problems: vec![Problem::new(place, issue, kind)] }
    }
}

/// Parses and validates the bytes of a `partnerships.json` as they arrived:
/// a UTF-8 byte-order mark is accepted, bytes that are not UTF-8 are refused.
pub fn parse_dataset_bytes(bytes: &[u8]) -> Result<Loaded, Unusable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_dataset(text),
        Err(e) => Err(Unusable::one(Place::Dataset, Issue::NotUtf8 { byte: e.valid_up_to() }, Kind::Syntax)),
    }
}

/// The bundled dataset as this very build checked it: read by serde alone,
/// without the validation's reports, which only a list from elsewhere needs
/// (`parse_dataset`; they cost the explorer's wasm 27 KB of the first visit).
/// Sound because the build refuses a bundled dataset that does not read the
/// same both ways (`prerender::bundled_reads_alike`, in `src/bin/prerender.rs`).
pub fn parse_trusted(text: &str) -> Option<Dataset> {
    serde_json::from_str(without_bom(text)).ok()
}

/// A byte-order mark is invisible in editors and harmless: it is accepted.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses and validates the text of a `partnerships.json`.
pub fn parse_dataset(text: &str) -> Result<Loaded, Unusable> {
    let text = without_bom(text);
    // Parsed to a tree first: serde_json limits its nesting (128 levels) and
    // gives the line and column of any syntax error, and each entry is then
    // read from the tree on its own, so that a bad entry costs only itself.
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_problem(text, &e))?;
    validate(value)
}

/// Validates a dataset already parsed as JSON (a partner's spreadsheet becomes
/// one, `super::sheet`): the same rules, whatever the file's form.
pub fn validate(value: Value) -> Result<Loaded, Unusable> {
    let (mut validator, partnerships) = Validator::new(value)?;
    for json in partnerships {
        validator.partnership(json, false);
    }
    validator.finish()
}

/// A validation in steps: the header, sectors and topics first, then the
/// partnerships in as many batches as the caller likes (the check page reads
/// a large spreadsheet in batches, to stay responsive and show progress).
pub struct Validator {
    header: Result<Dataset, Vec<Problem>>,
    sector_ids: Vec<String>,
    topic_ids: Vec<String>,
    /// The problems of the sectors and topics left out.
    problems: Vec<Problem>,
    partnerships: Entries<Partnership>,
}

impl Validator {
    /// Reads everything but the partnerships, which it hands back as JSON to
    /// give to `partnerships`.
    pub fn new(value: Value) -> Result<(Validator, Vec<Value>), Unusable> {
        let Value::Object(mut top) = value else {
            return Err(Unusable::one(Place::Dataset, Issue::TopNotObject { found: kind(&value) }, Kind::Schema));
        };
        let [sectors, topics, partnerships] = List::ALL.map(|list| match top.get_mut(list.key()) {
            Some(Value::Array(items)) => std::mem::take(items),
            _ => Vec::new(),
        });
        // The rest of the document, its lists now empty, is read as a whole.
        let header = read::<Dataset>(&Value::Object(top)).map_err(header_problems);
        let sectors = Entries::<Sector>::all(List::Sectors, sectors);
        let topics = Entries::<Topic>::all(List::Topics, topics);
        let validator = Validator {
            sector_ids: sectors.kept.iter().map(|s| s.id.to_string()).collect(),
            topic_ids: topics.kept.iter().map(|t| t.id.to_string()).collect(),
            problems: [sectors.problems, topics.problems].concat(),
            header: header.map(|header| Dataset { sectors: sectors.kept, topics: topics.kept, ..header }),
            partnerships: Entries::new(List::Partnerships),
        };
        Ok((validator, partnerships))
    }

    /// Validates the next partnership of the list. One already `refused` by
    /// its reader (a spreadsheet's cell it could not read) has its problems
    /// said and is never kept, nor its id taken.
    pub fn partnership(&mut self, json: Value, refused: bool) {
        let checked = check_partnership(&json, &self.sector_ids, &self.topic_ids);
        self.partnerships.read(json, checked, refused);
    }

    /// The verdict, once every partnership is given (a validator is finished once).
    pub fn finish(&mut self) -> Result<Loaded, Unusable> {
        let mut problems =
            [std::mem::take(&mut self.problems), std::mem::take(&mut self.partnerships.problems)].concat();
        // Entries in the order of the file, each entry's problems together.
        problems.sort_by_key(|p| match p.place {
            Place::Entry { list, index, .. } => Some((list, index)),
            _ => None,
        });
        match std::mem::replace(&mut self.header, Err(Vec::new())) {
            Ok(header) => {
                let partnerships = std::mem::take(&mut self.partnerships.kept);
                Ok(Loaded { dataset: Dataset { partnerships, ..header }, problems })
            }
            Err(fatal) => Err(Unusable { problems: [fatal, problems].concat() }),
        }
    }
}

/// The problems outside the lists: `national, field "states": ...`.
fn header_problems(found: Vec<Found>) -> Vec<Problem> {
    found
        .into_iter()
        .map(|(path, issue, kind)| {
            let (place, field) = match path.split_first() {
                Some((first, rest)) => {
                    (Place::Header(first.to_string()), (!rest.is_empty()).then_some(Field::Value(rest)))
                }
                None => (Place::Dataset, None),
            };
            Problem { field, ..Problem::new(place, issue, kind) }
        })
        .collect()
}

/// A problem found while reading a value: where in it, what, and who else can tell.
type Found = (Path, Issue, Kind);

/// The problems found in the entry `list[index]`, each at its field.
fn entry_problems(list: List, index: usize, json: &Value, found: Vec<Found>) -> impl Iterator<Item = Problem> {
    let id = json.get("id").and_then(Value::as_str).map(str::to_string);
    found.into_iter().map(move |(path, issue, kind)| Problem {
        field: (!path.is_empty()).then_some(Field::Value(path)),
        ..Problem::new(Place::Entry { list, index, id: id.clone() }, issue, kind)
    })
}

/// An array where the type has an object: what a JSON Schema validator says.
fn array_for_object(path: Path) -> Found {
    (path, Issue::ArrayForObject, Kind::Schema)
}

/// The path of a field of an entry, e.g. `topics[1]`.
fn field_path(name: &str, index: Option<usize>) -> Path {
    std::iter::once(Segment::field(name)).chain(index.map(Segment::Index)).collect()
}

/// Reads an object into the struct `T`, or says every problem in it.
fn read<T>(json: &Value) -> Result<T, Vec<Found>>
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
fn without_position(message: &str) -> &str {
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

/// One list's entries as they are read: those kept, and the problems of
/// those left out.
struct Entries<T> {
    list: List,
    kept: Vec<T>,
    /// Each kept entry's id and its index: a list may hold thousands.
    seen: HashMap<String, usize>,
    problems: Vec<Problem>,
    /// The index of the next entry given.
    next: usize,
}

impl<T: Entry> Entries<T> {
    fn new(list: List) -> Entries<T> {
        Entries { list, kept: Vec::new(), seen: HashMap::new(), problems: Vec::new(), next: 0 }
    }

    /// Reads every entry of a list that has nothing to check beyond serde.
    fn all(list: List, items: Vec<Value>) -> Entries<T> {
        let mut entries = Entries::new(list);
        entries.kept.reserve(items.len());
        for json in items {
            entries.read(json, Vec::new(), false);
        }
        entries
    }

    /// Reads the next entry, and keeps it when serde reads it, `checked` (what
    /// `check_partnership` found, checked on every entry so that all of an
    /// entry's problems are reported at once) is empty and its id was not
    /// used by an entry kept before it. An entry `refused` by its reader has
    /// its problems said, is never kept, and leaves its id free.
    fn read(&mut self, json: Value, checked: Vec<Found>, refused: bool) {
        let index = self.next;
        self.next += 1;
        let mut out = checked;
        match read::<T>(&json) {
            Err(mut found) => {
                found.append(&mut out);
                out = found;
            }
            Ok(entry) if out.is_empty() => match self.seen.get(entry.id().as_str()) {
                Some(&first) => {
                    let first = Place::Entry { list: self.list, index: first, id: Some(entry.id().to_string()) };
                    out.push((field_path("id", None), Issue::DuplicateId { first }, Kind::App));
                }
                None if refused => {}
                None => {
                    self.seen.insert(entry.id().to_string(), index);
                    self.kept.push(entry);
                }
            },
            Ok(_) => {}
        }
        self.problems.extend(entry_problems(self.list, index, &json, out));
    }
}

/// What the types cannot check: that a partnership names known sectors and
/// topics (a sector left out for a problem leaves its partnerships out too),
/// and the schema's `maxItems` (a list's items report their own problems while
/// it is read, so its length is checked here). Read from the JSON, so that an
/// entry with a wrong field still has these reported.
fn check_partnership(p: &Value, sectors: &[String], topics: &[String]) -> Vec<Found> {
    let mut out = Vec::new();
    if let Some(sector) = p.get("sector").and_then(Value::as_str) {
        if !sectors.iter().any(|s| s == sector) {
            let issue = Issue::UnknownSector { value: sector.to_string(), choices: None };
            out.push((field_path("sector", None), issue, Kind::App));
        }
    }
    for field in ["highlights", "topics"] {
        let len = p.get(field).and_then(Value::as_array).map_or(0, Vec::len);
        if len > MAX_ITEMS {
            let issue = Issue::TooMany { count: len, what: field, max: MAX_ITEMS };
            out.push((field_path(field, None), issue, Kind::Schema));
        }
    }
    let listed = p.get("topics").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    for (i, topic) in listed.iter().enumerate().take(MAX_ITEMS) {
        if let Some(topic) = topic.as_str().filter(|t| !topics.iter().any(|k| k == t)) {
            let issue = Issue::UnknownTopic { value: topic.to_string(), choices: None };
            out.push((field_path("topics", Some(i)), issue, Kind::App));
        }
    }
    out
}

/// An entry of one of the dataset's lists.
trait Entry: Serialize + DeserializeOwned + for<'de> eserde::EDeserialize<'de> {
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

fn syntax_problem(text: &str, e: &serde_json::Error) -> Unusable {
    if text.trim().is_empty() {
        return Unusable::one(Place::Dataset, Issue::Empty, Kind::Syntax);
    }
    let (line, column) = (e.line(), e.column());
    let issue = if text.trim_start().starts_with('<') {
        Issue::HtmlPage
    } else if depth_before(text, line, column) >= MAX_DEPTH {
        Issue::TooDeep
    } else {
        // The parser's own words for where the text stops being JSON.
        Issue::Json { message: without_position(&e.to_string()).to_string() }
    };
    // JSON itself sets no limit on nesting; the app does (serde_json's 128
    // levels), so that no file can exhaust its stack.
    let kind = if issue == Issue::TooDeep { Kind::App } else { Kind::Syntax };
    let problem = Problem {
        at: Some(TextAt { line, column: column.max(1), len: 1 }),
        ..Problem::new(Place::Text { line, column }, issue, kind)
    };
    Unusable { problems: vec![problem] }
}

/// The nesting of arrays and objects at which serde_json refuses a file.
const MAX_DEPTH: usize = 128;

/// The deepest nesting of arrays and objects in `text` up to a line and column.
fn depth_before(text: &str, line: usize, column: usize) -> usize {
    let end: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>() + column;
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in text.as_bytes().get(..end.min(text.len())).unwrap_or_default() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') | (false, _, b'"') => in_string = !in_string,
            (false, _, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
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
