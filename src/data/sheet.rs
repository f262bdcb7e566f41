//! The spreadsheet form of a dataset: the partner template
//! (`public/data/template.csv`), one row per partnership.
//!
//! A partner keeps their list in a spreadsheet; this turns its CSV into the
//! dataset JSON and back with the `csv` crate. The rows become the JSON of
//! partnerships and go through the one validation (`super::validate`), whose
//! problems are then told in the spreadsheet's terms: row and column. The
//! header (title, source, figures), the sectors and the topics come from a
//! base dataset: the bundled one, unless the partner gives their own.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::model::{Dataset, Members, Partnership, Sector, Topic};
use super::validate::{validate, Kind, Loaded, Problem, TextAt, Unusable};
use crate::geo;

/// A column of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    /// What goes in it, for the docs and the check page.
    pub about: &'static str,
}

const fn column(name: &'static str, required: bool, about: &'static str) -> Column {
    Column { name, required, about }
}

/// The template's columns, in order.
pub const COLUMNS: [Column; 14] = [
    column("id", true, "A unique id: lower-case letters, digits and single hyphens (it becomes the card's link)."),
    column("name", true, "The partnership's full name."),
    column("short_name", false, "A common abbreviation, e.g. HILT; or empty."),
    column("sector", true, "One sector, by its label or id, e.g. Healthcare."),
    column("state", true, "The state: its two-letter code (LA) or its name (Louisiana)."),
    column("region", true, "The region within the state, e.g. Northeast Louisiana."),
    column("launched", false, "When it began: a year (2015) or a year and month (2018-05); or empty."),
    column("members_approx", false, "How many members, as a whole number, e.g. 40; or empty."),
    column("members_qualifier", false, "How the number is meant: nearly, over, about; empty when exact."),
    column("members_what", false, "What the members are, e.g. manufacturers (needed with members_approx)."),
    column("summary", true, "One or two sentences."),
    column("highlights", false, "One achievement per line inside the cell; or empty."),
    column("topics", false, "Topics by label or id, one per line inside the cell (or separated by ;); or empty."),
    column("website", false, "An https:// address, or empty."),
];

/// Lines inside a cell: how highlights and topics are listed.
const LINE: &str = "\n";

/// The dataset as a spreadsheet: UTF-8 with a byte-order mark and Windows line
/// ends, as Excel and LibreOffice open without asking; sectors and topics by
/// label where the labels tell them apart.
pub fn to_csv(dataset: &Dataset) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let sectors = Names::of(&dataset.sectors, |s: &Sector| (s.id.as_str(), s.label.as_str()));
    let topics = Names::of(&dataset.topics, |t: &Topic| (t.id.as_str(), t.label.as_str()));
    // Writing to a Vec cannot fail; a failed row would only be left out of it.
    let _ = writer.write_record(COLUMNS.iter().map(|c| c.name));
    for p in &dataset.partnerships {
        let _ = writer.write_record(row(p, &sectors, &topics));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// One partnership's cells, in the order of `COLUMNS`.
fn row(p: &Partnership, sectors: &Names, topics: &Names) -> [String; 14] {
    let text = |t: Option<&str>| t.unwrap_or_default().to_string();
    let members = p.members.as_ref();
    [
        p.id.to_string(),
        p.name.to_string(),
        text(p.short_name.as_ref().map(|n| n.as_str())),
        sectors.name(p.sector.as_str()).to_string(),
        p.state.to_string(),
        p.region.to_string(),
        text(p.launched.as_ref().map(|l| l.as_str())),
        members.map(|m: &Members| m.approx.to_string()).unwrap_or_default(),
        text(members.and_then(|m| m.qualifier.as_deref())),
        text(members.map(|m| m.what.as_str())),
        p.summary.to_string(),
        p.highlights.iter().map(|h| h.as_str()).collect::<Vec<_>>().join(LINE),
        p.topics.iter().map(|t| topics.name(t.as_str())).collect::<Vec<_>>().join(LINE),
        text(p.website.as_ref().map(|w| w.as_str())),
    ]
}

/// How sectors or topics are named in a spreadsheet: by label, or by id where
/// a label would be ambiguous. Read back by either.
struct Names {
    /// What the spreadsheet shows, in the entries' order.
    order: Vec<String>,
    /// id → what the spreadsheet shows.
    shown: HashMap<String, String>,
    /// lower-case label or id → id.
    ids: HashMap<String, String>,
}

impl Names {
    fn of<T>(entries: &[T], id_label: impl Fn(&T) -> (&str, &str)) -> Names {
        let mut ids: HashMap<String, String> = HashMap::new();
        let mut count: HashMap<String, usize> = HashMap::new();
        for (id, label) in entries.iter().map(&id_label) {
            ids.insert(id.to_lowercase(), id.to_string());
            *count.entry(label.to_lowercase()).or_default() += 1;
            *count.entry(id.to_lowercase()).or_default() += 1;
        }
        let mut shown = HashMap::new();
        let mut order = Vec::with_capacity(entries.len());
        for (id, label) in entries.iter().map(&id_label) {
            // A label that is also another entry's id, or shared, would read back wrong.
            let unique = count.get(&label.to_lowercase()) == Some(&1) || label.eq_ignore_ascii_case(id);
            if unique {
                ids.entry(label.to_lowercase()).or_insert_with(|| id.to_string());
            }
            let name = if unique { label } else { id }.to_string();
            order.push(name.clone());
            shown.insert(id.to_string(), name);
        }
        Names { order, shown, ids }
    }

    fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.shown.get(id).map_or(id, String::as_str)
    }

    /// The id a cell names (by label or id, any case); the cell as it is when unknown.
    fn id(&self, cell: &str) -> String {
        self.ids.get(&cell.to_lowercase()).cloned().unwrap_or_else(|| cell.to_string())
    }

    /// "Healthcare, Manufacturing, …": what a cell may say.
    fn choices(&self) -> String {
        self.order.join(", ")
    }
}

/// Reads a spreadsheet's CSV into a dataset, with `base`'s header, sectors and
/// topics. Problems are located by row (the header is row 1) and column; a
/// row with a problem is left out, the others are kept. A header that is
/// wrong makes the file unusable: no row could be read right.
pub fn from_csv(bytes: &[u8], base: &Dataset) -> Result<Loaded, Unusable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let message =
            format!("the file is not UTF-8 text (invalid bytes at byte {}); save it as \"CSV UTF-8\"", e.valid_up_to());
        Unusable::one("file", message, Kind::Syntax)
    })?;
    if text.trim().is_empty() {
        return Err(Unusable::one("file", "the file is empty", Kind::Syntax));
    }
    let records = read_records(text)?;
    let Some((header, rows)) = records.split_first() else {
        return Err(Unusable::one("file", "the file is empty", Kind::Syntax));
    };
    let columns = read_header(header, rows)?;
    let sectors = Names::of(&base.sectors, |s: &Sector| (s.id.as_str(), s.label.as_str()));
    let topics = Names::of(&base.topics, |t: &Topic| (t.id.as_str(), t.label.as_str()));

    let mut problems = Vec::new();
    let mut read = Vec::new();
    for record in rows.iter().filter(|r| r.cells.iter().any(|c| !c.text.trim().is_empty())) {
        if record.cells.len() != header.cells.len() {
            let message = format!(
                "has {} cells, but the header row has {}: check for a stray comma or a missing one",
                record.cells.len(),
                header.cells.len()
            );
            problems.push(problem(record, None, message, Kind::Syntax));
            continue;
        }
        read.push((record, partnership_json(record, &columns, &sectors, &topics)));
    }

    let mut json = serde_json::to_value(Dataset { partnerships: Vec::new(), ..base.clone() }).unwrap_or_default();
    if let Some(list) = json.get_mut("partnerships") {
        *list = Value::Array(read.iter().map(|(_, p)| p.clone()).collect());
    }
    let rows_read: Vec<&Record> = read.iter().map(|(r, _)| *r).collect();
    let in_sheet = |p: Problem| in_sheet_terms(p, &rows_read, &columns, &sectors, &topics);
    match validate(json) {
        Ok(loaded) => {
            // A sector or topic that is not known is said once, with the choices,
            // not also as an id of the wrong shape (a spreadsheet names them by label).
            let named = |p: &Problem| {
                matches!(p.field.as_deref(), Some("sector" | "topics")) && p.message.contains("is not a kebab-case id")
            };
            problems.extend(loaded.problems.into_iter().map(in_sheet).filter(|p| !named(p)));
            problems.sort_by_key(|p| p.row);
            Ok(Loaded { dataset: loaded.dataset, problems })
        }
        Err(unusable) => Err(Unusable { problems: unusable.problems.into_iter().map(in_sheet).collect() }),
    }
}

/// A record as read: its row, the line it starts on, its cells.
struct Record {
    row: usize,
    cells: Vec<Cell>,
}

impl Record {
    /// Where the record starts: what a problem of the whole row points at.
    fn start(&self) -> Option<TextAt> {
        self.cells.first().map(|c| TextAt { len: 1, ..c.at })
    }
}

/// A cell's text and where its raw form sits in the file.
struct Cell {
    text: String,
    at: TextAt,
}

/// Every record of the file, each cell with its line and column. The csv
/// crate's reader splits the records (quotes, commas and line ends inside
/// quotes, Windows line ends); csv-core, read over each record's raw text
/// again, says where each of its cells starts, for the diagnostics.
fn read_records(text: &str) -> Result<Vec<Record>, Unusable> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (index, result) in reader.records().enumerate() {
        let record = result.map_err(|e| Unusable::one(format!("row {}", index + 1), e.to_string(), Kind::Syntax))?;
        let (byte, line) = record.position().map_or((0, 1), |p| (p.byte(), p.line()));
        let raw = text.get(usize::try_from(byte).unwrap_or_default()..).unwrap_or_default();
        let line = usize::try_from(line).unwrap_or(1);
        let starts = cell_starts(raw, record.len());
        let cells = record
            .iter()
            .zip(starts)
            .map(|(cell, (offset, len))| {
                // A record starts a line: its own lines count from the record's.
                let at = TextAt::of(raw, offset, offset + len);
                Cell { text: cell.to_string(), at: TextAt { line: line + at.line - 1, ..at } }
            })
            .collect();
        records.push(Record { row: index + 1, cells });
    }
    Ok(records)
}

/// The byte offset and raw length of each of a record's first `count` cells in `raw`.
fn cell_starts(raw: &str, count: usize) -> Vec<(usize, usize)> {
    let mut reader = csv_core::Reader::new();
    let mut out = vec![0u8; raw.len() + 1];
    let mut offset = 0;
    let mut starts = Vec::with_capacity(count);
    while starts.len() < count {
        let input = raw.as_bytes().get(offset..).unwrap_or_default();
        let (result, read, _) = reader.read_field(input, &mut out);
        // A cell's raw text ends before its comma or line end.
        let sep = usize::from(matches!(result, csv_core::ReadFieldResult::Field { record_end: false }));
        starts.push((offset, read.saturating_sub(sep)));
        offset += read;
        if !matches!(result, csv_core::ReadFieldResult::Field { record_end: false }) {
            break;
        }
    }
    starts
}

/// `Street Address` → `street_address`: headers as people type them.
fn header_key(cell: &str) -> String {
    cell.trim().to_lowercase().replace([' ', '-'], "_")
}

/// The columns by name → index; every problem of the header row at once.
fn read_header(header: &Record, rows: &[Record]) -> Result<HashMap<&'static str, usize>, Unusable> {
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (index, cell) in header.cells.iter().enumerate() {
        let key = header_key(&cell.text);
        let used = rows.iter().any(|r| r.cells.get(index).is_some_and(|c| !c.text.trim().is_empty()));
        match COLUMNS.iter().find(|c| c.name == key) {
            Some(c) if columns.contains_key(c.name) => {
                let message = "appears twice in the header row; keep one".to_string();
                problems.push(header_problem(cell, Some(&cell.text), message));
            }
            Some(c) => {
                columns.insert(c.name, index);
            }
            // Spreadsheets often save empty columns after the last one.
            None if key.is_empty() && !used => {}
            None if key.is_empty() => {
                let message = format!("column {} has values but no name in the header row", index + 1);
                problems.push(header_problem(cell, None, message));
            }
            None => {
                let message = match closest(&key) {
                    Some(name) => format!("unknown column; did you mean \"{name}\"?"),
                    None => format!("unknown column; the columns are {}", names(COLUMNS.iter())),
                };
                problems.push(header_problem(cell, Some(&cell.text), message));
            }
        }
    }
    let missing: Vec<&Column> = COLUMNS.iter().filter(|c| c.required && !columns.contains_key(c.name)).collect();
    if !missing.is_empty() {
        let message = format!("missing column(s) {}: add them to the header row", names(missing.into_iter()));
        let at = header.start();
        problems.push(Problem { at, ..header_problem_at(None, message) });
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(Unusable { problems })
    }
}

fn names<'a>(columns: impl Iterator<Item = &'a Column>) -> String {
    columns.map(|c| format!("\"{}\"", c.name)).collect::<Vec<_>>().join(", ")
}

fn header_problem(cell: &Cell, column: Option<&str>, message: String) -> Problem {
    Problem { at: Some(cell.at), ..header_problem_at(column, message) }
}

fn header_problem_at(column: Option<&str>, message: String) -> Problem {
    Problem {
        location: "row 1".into(),
        field: column.map(|c| c.trim().to_string()),
        message,
        pointer: String::new(),
        kind: Kind::Syntax,
        row: Some(1),
        at: None,
    }
}

/// The known column a misspelled header most likely means.
fn closest(key: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .map(|c| (strsim::levenshtein(key, c.name), c.name))
        .filter(|(distance, name)| *distance <= 2.max(name.len() / 3))
        .min()
        .map(|(_, name)| name)
}

fn problem(record: &Record, column: Option<&str>, message: String, kind: Kind) -> Problem {
    Problem {
        location: format!("row {}", record.row),
        field: column.map(str::to_string),
        message,
        pointer: String::new(),
        kind,
        row: Some(record.row),
        at: record.start(),
    }
}

/// The JSON of the partnership on one row, for the validation to judge.
/// Empty cells are left out (a required one is then "missing"); the sector,
/// topics and state may be named as people name them.
fn partnership_json(record: &Record, columns: &HashMap<&'static str, usize>, sectors: &Names, topics: &Names) -> Value {
    let cell = |name: &str| {
        let text = columns.get(name).and_then(|&i| record.cells.get(i)).map_or("", |c| c.text.trim());
        (!text.is_empty()).then_some(text)
    };
    let string = |text: &str| Value::String(text.to_string());
    let lines = |text: &str, separators: &[char]| -> Vec<String> {
        text.split(separators).map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
    };
    let required = |p: &mut Map<String, Value>, name: &str| {
        if let Some(text) = cell(name) {
            p.insert(name.into(), string(text));
        }
    };
    let optional = |p: &mut Map<String, Value>, name: &str| {
        p.insert(name.into(), cell(name).map_or(Value::Null, string));
    };
    // In the format's order of fields (the columns' order): a row's problems come in that order.
    let mut p = Map::new();
    required(&mut p, "id");
    required(&mut p, "name");
    optional(&mut p, "short_name");
    if let Some(text) = cell("sector") {
        p.insert("sector".into(), Value::String(sectors.id(text)));
    }
    if let Some(text) = cell("state") {
        let code = geo::STATES.iter().find(|s| s.name.eq_ignore_ascii_case(text) || s.code.eq_ignore_ascii_case(text));
        p.insert("state".into(), code.map_or_else(|| string(text), |s| string(s.code)));
    }
    required(&mut p, "region");
    optional(&mut p, "launched");
    let members = ["members_approx", "members_qualifier", "members_what"].map(cell);
    p.insert(
        "members".into(),
        match members {
            [None, None, None] => Value::Null,
            [approx, qualifier, what] => {
                let mut m = Map::new();
                if let Some(approx) = approx {
                    let number = approx.replace(',', "").parse::<u64>().ok();
                    m.insert("approx".into(), number.map_or_else(|| string(approx), Value::from));
                }
                m.insert("qualifier".into(), qualifier.map_or(Value::Null, string));
                if let Some(what) = what {
                    m.insert("what".into(), string(what));
                }
                Value::Object(m)
            }
        },
    );
    required(&mut p, "summary");
    let highlights = lines(cell("highlights").unwrap_or_default(), &['\n']);
    p.insert("highlights".into(), highlights.into_iter().map(Value::String).collect());
    let listed = lines(cell("topics").unwrap_or_default(), &['\n', ';']);
    p.insert("topics".into(), listed.into_iter().map(|t| Value::String(topics.id(&t))).collect());
    optional(&mut p, "website");
    Value::Object(p)
}

/// A problem of the validation, told by row and column.
fn in_sheet_terms(
    mut problem: Problem,
    records: &[&Record],
    columns: &HashMap<&'static str, usize>,
    sectors: &Names,
    topics: &Names,
) -> Problem {
    let mut steps = problem.pointer.split('/').skip(1);
    let (Some("partnerships"), Some(index)) = (steps.next(), steps.next().and_then(|i| i.parse::<usize>().ok())) else {
        return problem;
    };
    let Some(record) = records.get(index) else { return problem };
    let field = steps.next().unwrap_or_default();
    let inner = steps.next();
    let column = match (field, inner) {
        ("members", Some(part)) => format!("members_{part}"),
        ("members", None) => "members_approx".to_string(),
        (field, _) => field.to_string(),
    };
    let mut message = problem.message.clone();
    if message == "missing" {
        message = "is empty; this column must be filled in".to_string();
    }
    // serde's words for a count written in words or with units, in a spreadsheet's.
    if let Some(text) = message.strip_prefix("invalid type: string ").and_then(|m| m.split(", expected").next()) {
        if column == "members_approx" {
            message = format!("{text} is not a whole number: write the number alone, e.g. 40");
        }
    }
    if let (Some(line), "highlights" | "topics") = (inner.and_then(|i| i.parse::<usize>().ok()), field) {
        message = format!("item {}: {message}", line + 1);
    }
    if message.ends_with("(not in sectors)") {
        message = message.replace("(not in sectors)", &format!("(use one of: {})", sectors.choices()));
    }
    if message.ends_with("(not in topics)") {
        message = message.replace("(not in topics)", &format!("(use any of: {})", topics.choices()));
    }
    // "already used by partnerships[3]" → "already used by row 5".
    if let Some((before, after)) = message.split_once("partnerships[") {
        let (n, rest) = after.split_once(']').unwrap_or((after, ""));
        if let Some(other) = n.parse::<usize>().ok().and_then(|n| records.get(n)) {
            message = format!("{before}row {}{rest}", other.row);
        }
    }
    let at = columns.get(column.as_str()).and_then(|&i| record.cells.get(i)).map(|c| c.at);
    problem.location = format!("row {}", record.row);
    problem.field = (!field.is_empty()).then_some(column);
    problem.message = message;
    problem.row = Some(record.row);
    problem.at = at.or_else(|| record.start());
    problem
}
