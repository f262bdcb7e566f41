//! What a partner learns from checking a file: how many partnerships are
//! ready, how many need fixing, and each problem. One verdict for the check
//! page and the `data` command, whatever the file's form (JSON or CSV).

use std::collections::BTreeSet;

use super::model::Dataset;
use super::path::List;
use super::problem::{Place, Problem};
use super::sheet::{Note, Sheet, SheetReader};
use super::validate::{parse_dataset_bytes, Loaded, Unusable};

/// The form of a partner's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Json,
    Csv,
}

impl Form {
    /// By the file's name; by its first character when the name does not say.
    pub fn of(name: &str, bytes: &[u8]) -> Form {
        let name = name.to_lowercase();
        if name.ends_with(".csv") || name.ends_with(".txt") {
            return Form::Csv;
        }
        if name.ends_with(".json") {
            return Form::Json;
        }
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{' | b'[') => Form::Json,
            _ => Form::Csv,
        }
    }
}

/// The verdict on one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub form: Form,
    /// The valid partnerships with the header, sectors and topics; `None`
    /// when the file cannot be used at all.
    pub dataset: Option<Dataset>,
    pub problems: Vec<Problem>,
    /// What was assumed to read a spreadsheet, or read past in it.
    pub notes: Vec<Note>,
}

impl Report {
    /// Checks a file as the explorer would read it; a CSV file gets `base`'s
    /// header, sectors and topics.
    pub fn check(name: &str, bytes: &[u8], base: &Dataset) -> Report {
        let mut checking = Checking::start(name, bytes, base);
        checking.step(usize::MAX);
        checking.finish()
    }

    /// The verdict on a file read.
    pub fn of(form: Form, sheet: Sheet) -> Report {
        let notes = sheet.notes;
        match sheet.read {
            Ok(Loaded { dataset, problems }) => Report { form, dataset: Some(dataset), problems, notes },
            Err(Unusable { problems }) => Report { form, dataset: None, problems, notes },
        }
    }

    pub fn ready(&self) -> usize {
        self.dataset.as_ref().map_or(0, |d| d.partnerships.len())
    }

    /// Partnerships (rows or entries) left out for a problem.
    pub fn need_fixing(&self) -> usize {
        let entries: BTreeSet<(usize, bool)> = self
            .problems
            .iter()
            .filter_map(|p| match p.place {
                Place::Row(row) if row > 1 => Some((row, true)),
                Place::Entry { list: List::Partnerships, index, .. } => Some((index, false)),
                _ => None,
            })
            .collect();
        entries.len()
    }

    /// "9 partnerships ready, 2 need fixing": the number ready first.
    pub fn summary(&self) -> String {
        let ready = self.ready();
        let noun = if ready == 1 { "partnership" } else { "partnerships" };
        match (&self.dataset, self.need_fixing(), self.problems.len()) {
            (None, _, n) => {
                format!("{ready} partnerships ready: the file cannot be used yet ({n} {})", plural(n, "problem"))
            }
            (Some(_), 0, 0) => format!("{ready} {noun} ready, none need fixing"),
            (Some(_), 0, n) => format!("{ready} {noun} ready, {n} {} to fix", plural(n, "problem")),
            (Some(_), fix, _) => format!("{ready} {noun} ready, {fix} need{} fixing", if fix == 1 { "s" } else { "" }),
        }
    }
}

/// A check in steps, so that a page can stay responsive and show its
/// progress on a large spreadsheet: `step` reads some rows, `finish` gives
/// the verdict. A JSON file is checked at once.
pub enum Checking {
    Done(Box<Report>),
    Sheet(Box<SheetReader>),
}

impl Checking {
    pub fn start(name: &str, bytes: &[u8], base: &Dataset) -> Checking {
        match Form::of(name, bytes) {
            Form::Json => {
                let sheet = Sheet { read: parse_dataset_bytes(bytes), notes: Vec::new() };
                Checking::Done(Box::new(Report::of(Form::Json, sheet)))
            }
            Form::Csv => match SheetReader::new(bytes, base) {
                Ok(reader) => Checking::Sheet(Box::new(reader)),
                Err(sheet) => Checking::Done(Box::new(Report::of(Form::Csv, *sheet))),
            },
        }
    }

    /// Reads up to `rows` more rows: how many are read, of how many.
    pub fn step(&mut self, rows: usize) -> (usize, usize) {
        match self {
            Checking::Done(_) => (0, 0),
            Checking::Sheet(reader) => (reader.read(rows), reader.rows()),
        }
    }

    pub fn finish(self) -> Report {
        match self {
            Checking::Done(report) => *report,
            Checking::Sheet(reader) => Report::of(Form::Csv, reader.finish()),
        }
    }
}

/// A dataset as the file a partner publishes: indented JSON, a line end at
/// the end. What the check page downloads and `data import` writes.
pub fn dataset_json(dataset: &Dataset) -> String {
    let mut json = serde_json::to_string_pretty(dataset).unwrap_or_default();
    json.push('\n');
    json
}

/// `word`, or its plural (an `s`) when `n` is not one.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
