//! The spreadsheet form of a dataset: the partner template
//! (`public/data/template.csv`), one row per partnership.
//!
//! A partner keeps their list in a spreadsheet; this turns its CSV into the
//! dataset JSON and back with the `csv` crate. The rows become the JSON of
//! partnerships and go through the one validation (`super::validate`), whose
//! problems are then told in the spreadsheet's terms: row and column. The
//! header (title, source, figures), the sectors and the topics come from a
//! base dataset: the bundled one, unless the partner gives their own.

mod columns;
mod decode;
mod formula;
mod header;
mod note;
mod records;
mod values;

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::model::{Dataset, Members, Partnership, Sector, Topic};
use super::path::{List, Path, Segment};
use super::problem::{CellRef, Field, Issue, Kind, Place, Problem};
use super::validate::{Loaded, Unusable, Validator};
use crate::geo;
pub use columns::{Column, COLUMNS};
use decode::separator;
pub use decode::{decode, Decoded, Encoding};
use header::{read_header, Columns};
pub use note::Note;
use records::{read_records, Record};

/// Lines inside a cell: how highlights and topics are listed.
const LINE: &str = "\n";

/// The dataset as a spreadsheet: UTF-8 with a byte-order mark and Windows line
/// ends, as Excel and LibreOffice open without asking; sectors and topics by
/// label where the labels tell them apart; no cell a formula (`formula::guard`).
pub fn to_csv(dataset: &Dataset) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let sectors = Names::of(&dataset.sectors, |s: &Sector| (s.id.as_str(), s.label.as_str()));
    let topics = Names::of(&dataset.topics, |t: &Topic| (t.id.as_str(), t.label.as_str()));
    // Writing to a Vec cannot fail; a failed row would only be left out of it.
    let _ = writer.write_record(COLUMNS.iter().map(|c| c.name));
    for p in &dataset.partnerships {
        let _ = writer.write_record(row(p, &sectors, &topics).iter().map(|cell| formula::guard(cell).into_owned()));
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

/// A spreadsheet as read: the dataset (or why it cannot be used) and what was
/// assumed to read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub read: Result<Loaded, Unusable>,
    pub notes: Vec<Note>,
}

/// Reads a spreadsheet's CSV into a dataset, with `base`'s header, sectors and
/// topics. Problems are located by row (the header is row 1) and column; a
/// row with a problem is left out, the others are kept. A header that is
/// wrong makes the file unusable: no row could be read right.
pub fn from_csv(bytes: &[u8], base: &Dataset) -> Sheet {
    match SheetReader::new(bytes, base) {
        Ok(mut reader) => {
            reader.read(usize::MAX);
            reader.finish()
        }
        Err(sheet) => *sheet,
    }
}

/// A spreadsheet read in steps, so that a page can show its progress: the
/// text, its records and header at once, then the rows in batches.
pub struct SheetReader {
    /// The rows that are not blank, after the header.
    rows: Vec<Record>,
    header_cells: usize,
    columns: Columns,
    separator: char,
    sectors: Names,
    topics: Names,
    validator: Validator,
    /// How many of `rows` are read.
    done: usize,
    /// For each partnership given to the validation, its index in `rows`.
    given: Vec<usize>,
    /// Problems of the cells themselves, found before the validation.
    problems: Vec<Problem>,
    notes: Vec<Note>,
    /// Launch dates read from Excel's dates, and counts read from formatted
    /// numbers: row, the cell, what it was read as.
    dates: Vec<(usize, String, String)>,
    numbers: Vec<(usize, String, u64)>,
}

impl SheetReader {
    /// Decodes the file and reads its header; `Err` is the verdict on a file
    /// that cannot be used.
    pub fn new(bytes: &[u8], base: &Dataset) -> Result<SheetReader, Box<Sheet>> {
        let decoded = decode(bytes);
        let mut notes = Vec::new();
        if decoded.encoding != Encoding::Utf8 || !decoded.lost.is_empty() {
            notes.push(Note::Encoding { encoding: decoded.encoding, lost: decoded.lost });
        }
        let separator = separator(&decoded.text);
        if separator != ',' {
            notes.push(Note::Separator(separator));
        }
        let unusable =
            |problems: Vec<Problem>, notes: Vec<Note>| Box::new(Sheet { read: Err(Unusable { problems }), notes });
        let empty = || vec![Problem::new(Place::File, Issue::Empty, Kind::Syntax)];
        if decoded.text.trim().is_empty() {
            return Err(unusable(empty(), notes));
        }
        let mut records = match read_records(&decoded.text, separator) {
            Ok(records) => records.into_iter(),
            Err(e) => return Err(unusable(e.problems, notes)),
        };
        let Some(header) = records.next() else { return Err(unusable(empty(), notes)) };
        let rows: Vec<Record> = records.filter(|r| !r.is_blank()).collect();
        let columns = match read_header(&header, &rows) {
            Ok((columns, more)) => {
                notes.extend(more);
                columns
            }
            Err(e) => return Err(unusable(e.problems, notes)),
        };
        let json = serde_json::to_value(base.with_partnerships(Vec::new())).unwrap_or_default();
        let validator = match Validator::new(json) {
            Ok((validator, _)) => validator,
            Err(e) => return Err(unusable(e.problems, notes)),
        };
        Ok(SheetReader {
            rows,
            header_cells: header.cells.len(),
            columns,
            separator,
            sectors: Names::of(&base.sectors, |s: &Sector| (s.id.as_str(), s.label.as_str())),
            topics: Names::of(&base.topics, |t: &Topic| (t.id.as_str(), t.label.as_str())),
            validator,
            done: 0,
            given: Vec::new(),
            problems: Vec::new(),
            notes,
            dates: Vec::new(),
            numbers: Vec::new(),
        })
    }

    /// How many rows there are to read (the header and blank rows aside).
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// Reads up to `count` more rows; how many are read in all.
    pub fn read(&mut self, count: usize) -> usize {
        let end = self.done.saturating_add(count).min(self.rows.len());
        for index in self.done..end {
            let Some(record) = self.rows.get(index) else { break };
            if record.cells.len() != self.header_cells {
                let (found, expected) = (record.cells.len(), self.header_cells);
                let issue = Issue::CellCount { found, expected, separator: self.separator };
                let problem = Problem::new(Place::Row(record.row), issue, Kind::Syntax);
                self.problems.push(Problem { at: record.start(), ..problem });
                continue;
            }
            let before = self.problems.len();
            let json = self.partnership_json(index);
            // A cell refused here leaves its row out; the validation still says what else is wrong in it.
            self.validator.partnership(json, self.problems.len() > before);
            self.given.push(index);
        }
        self.done = end;
        end
    }

    /// The verdict: every problem by row and column, in the order of the rows.
    pub fn finish(mut self) -> Sheet {
        if let Some((_, was, read)) = self.dates.first().cloned() {
            let rows = self.dates.iter().map(|(row, _, _)| *row).collect();
            self.notes.push(Note::ExcelDates { rows, example: (was, read) });
        }
        if let Some((_, was, read)) = self.numbers.first().cloned() {
            let rows = self.numbers.iter().map(|(row, _, _)| *row).collect();
            self.notes.push(Note::FormattedNumbers { rows, example: (was, read) });
        }
        let read = match self.validator.finish() {
            Ok(loaded) => {
                let own = std::mem::take(&mut self.problems);
                let mut problems = [own, self.all_in_sheet_terms(loaded.problems)].concat();
                problems.sort_by_key(|p| (p.row(), self.column_index(p)));
                Ok(Loaded { dataset: loaded.dataset, problems })
            }
            Err(unusable) => Err(Unusable { problems: self.all_in_sheet_terms(unusable.problems) }),
        };
        Sheet { read, notes: self.notes }
    }

    /// The validation's problems by row and column. A sector or topic that is
    /// not known is said once, with the choices, not also as an id of the
    /// wrong shape (a spreadsheet names them by label).
    fn all_in_sheet_terms(&self, problems: Vec<Problem>) -> Vec<Problem> {
        let unknown = |p: &Problem| matches!(p.issue, Issue::UnknownSector { .. } | Issue::UnknownTopic { .. });
        let said: Vec<Path> = problems.iter().filter(|p| unknown(p)).map(Problem::json_path).collect();
        let said_as_unknown = |p: &Problem| !unknown(p) && said.contains(&p.json_path());
        problems.into_iter().filter(|p| !said_as_unknown(p)).map(|p| self.in_sheet_terms(p)).collect()
    }

    fn column_index(&self, problem: &Problem) -> usize {
        let column = match &problem.field {
            Some(Field::Cell(cell)) => self.columns.get(cell.column.as_str()),
            _ => None,
        };
        column.copied().unwrap_or(0)
    }

    /// The JSON of the partnership on one row, for the validation to judge.
    /// Empty cells are left out (a required one is then "missing"); the sector,
    /// topics and state may be named as people name them.
    fn partnership_json(&mut self, index: usize) -> Value {
        let Some(record) = self.rows.get(index) else { return Value::Null };
        let cell = |name: &str| {
            let text = self.columns.get(name).and_then(|&i| record.cells.get(i)).map_or("", |c| c.text.trim());
            // What our own export guarded against formulas reads as it was.
            let text = formula::unguard(text);
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
        let mut refused = Vec::new();
        // In the format's order of fields (the columns' order): a row's problems come in that order.
        let mut p = Map::new();
        required(&mut p, "id");
        required(&mut p, "name");
        optional(&mut p, "short_name");
        if let Some(text) = cell("sector") {
            p.insert("sector".into(), Value::String(self.sectors.id(text)));
        }
        if let Some(text) = cell("state") {
            let code =
                geo::STATES.iter().find(|s| s.name.eq_ignore_ascii_case(text) || s.code.eq_ignore_ascii_case(text));
            p.insert("state".into(), code.map_or_else(|| string(text), |s| string(s.code)));
        }
        required(&mut p, "region");
        let launched = match cell("launched").map(values::launched) {
            None => Value::Null,
            Some(Ok((month, excel))) => {
                if excel {
                    self.dates.push((record.row, cell("launched").unwrap_or_default().to_string(), month.clone()));
                }
                Value::String(month)
            }
            Some(Err(issue)) => {
                refused.push(("launched", issue));
                Value::Null
            }
        };
        p.insert("launched".into(), launched);
        let members = ["members_approx", "members_qualifier", "members_what"].map(cell);
        let members = match members {
            [None, None, None] => Value::Null,
            [approx, qualifier, what] => {
                let mut m = Map::new();
                if let Some(approx) = approx {
                    let number = match values::whole_number(approx, self.separator) {
                        Ok((n, formatted)) => {
                            if formatted {
                                self.numbers.push((record.row, approx.to_string(), n));
                            }
                            n
                        }
                        Err(issue) => {
                            refused.push(("members_approx", issue));
                            // The row is left out for the cell; the rest of it is still checked.
                            1
                        }
                    };
                    m.insert("approx".into(), Value::from(number));
                }
                m.insert("qualifier".into(), qualifier.map_or(Value::Null, string));
                if let Some(what) = what {
                    m.insert("what".into(), string(what));
                }
                Value::Object(m)
            }
        };
        p.insert("members".into(), members);
        required(&mut p, "summary");
        let highlights = lines(cell("highlights").unwrap_or_default(), &['\n']);
        p.insert("highlights".into(), highlights.into_iter().map(Value::String).collect());
        let listed = lines(cell("topics").unwrap_or_default(), &['\n', ';']);
        p.insert("topics".into(), listed.into_iter().map(|t| Value::String(self.topics.id(&t))).collect());
        optional(&mut p, "website");
        for (column, issue) in refused {
            let problem = Problem::new(Place::Row(record.row), issue, Kind::Schema);
            let at = self.columns.get(column).and_then(|&i| record.cells.get(i)).map(|c| c.at);
            self.problems.push(Problem { field: Some(Field::Cell(CellRef::of(column))), at, ..problem });
        }
        Value::Object(p)
    }

    /// A problem of the validation, told by row and column.
    fn in_sheet_terms(&self, mut problem: Problem) -> Problem {
        let record_of = |index: usize| self.given.get(index).and_then(|&i| self.rows.get(i));
        let Place::Entry { list: List::Partnerships, index, .. } = problem.place else { return problem };
        let Some(record) = record_of(index) else { return problem };
        match &mut problem.issue {
            Issue::UnknownSector { choices, .. } => *choices = Some(self.sectors.choices()),
            Issue::UnknownTopic { choices, .. } => *choices = Some(self.topics.choices()),
            Issue::DuplicateId { first } => {
                if let Place::Entry { index, .. } = first {
                    if let Some(other) = record_of(*index) {
                        *first = Place::Row(other.row);
                    }
                }
            }
            _ => {}
        }
        let read_as = problem.json_path();
        let cell = match &problem.field {
            Some(Field::Value(path)) => {
                cell_of(path).map(|(column, item)| CellRef { column, item, read_as: Some(read_as) })
            }
            _ => None,
        };
        let at = cell.as_ref().and_then(|c| self.columns.get(c.column.as_str())).and_then(|&i| record.cells.get(i));
        problem.place = Place::Row(record.row);
        problem.field = cell.map(Field::Cell);
        problem.at = at.map(|c| c.at).or_else(|| record.start());
        problem
    }
}

/// The template's column that holds a value of a partnership (`members.approx`
/// is in `members_approx`), and the item of a list inside its cell
/// (`topics[1]` is the second line of `topics`).
fn cell_of(path: &Path) -> Option<(String, Option<usize>)> {
    match path.segments() {
        [Segment::Field(members), Segment::Field(part), ..] if members == "members" => {
            Some((format!("members_{part}"), None))
        }
        [Segment::Field(members), ..] if members == "members" => Some(("members_approx".to_string(), None)),
        [Segment::Field(list), Segment::Index(item), ..] if list == "highlights" || list == "topics" => {
            Some((list.clone(), Some(*item)))
        }
        [first, ..] => Some((first.to_string(), None)),
        [] => None,
    }
}
