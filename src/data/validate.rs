//! Reading a dataset: serde_json parses it into the model's types, and every
//! problem is reported at once, each naming its entry and field, while every
//! valid entry is kept.
//!
//! The field rules live in the types (`super::model`, `super::text`). The
//! document is parsed once into a tree; each entry of the lists is then read on
//! its own, and the rest of the document as a whole (`super::read`: where
//! serde refuses a value, eserde names every wrong field with its path,
//! `members.approx`, `topics[1]`). What the types cannot know is checked here,
//! on the JSON of every entry: duplicate ids, references to sectors and
//! topics, and list lengths. Problems come in two weights: an entry problem
//! drops that entry; a problem outside the lists (not JSON, the wrong
//! `schema_version`, a missing header field) makes the dataset unusable.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::model::{Dataset, Partnership, Sector, Topic, MAX_ITEMS};
use super::path::{List, Path, Segment};
use super::problem::{Field, Issue, Kind, Place, Problem, TextAt};
use super::read::{read, without_position, Found};
use super::text::Id;

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

/// The problems found in the entry `list[index]`, each at its field.
fn entry_problems(list: List, index: usize, json: &Value, found: Vec<Found>) -> impl Iterator<Item = Problem> {
    let id = json.get("id").and_then(Value::as_str).map(str::to_string);
    found.into_iter().map(move |(path, issue, kind)| Problem {
        field: (!path.is_empty()).then_some(Field::Value(path)),
        ..Problem::new(Place::Entry { list, index, id: id.clone() }, issue, kind)
    })
}

/// The path of a field of an entry, e.g. `topics[1]`.
fn field_path(name: &str, index: Option<usize>) -> Path {
    std::iter::once(Segment::field(name)).chain(index.map(Segment::Index)).collect()
}

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
