//! What is wrong with a partner's file, as data: where (`Place` and `Field`,
//! from `super::place`), what (`Issue`, with the values involved) and who
//! else can tell (`Kind`). The reader that finds a problem says it with these
//! types; its words are made once, when it is shown (the `data` command, the
//! check page and the explorer's list of skipped entries all show `Problem`'s
//! `Display`).

use std::fmt;

pub use super::issue::Issue;
use super::path::Path;
pub use super::place::{CellRef, Field, Place};

/// Who else can tell: what a JSON Schema validator also reports, or only the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The text is not JSON (or not text), or a spreadsheet's rows cannot be read.
    Syntax,
    /// A rule of the published JSON Schema.
    Schema,
    /// A rule only the app checks: duplicate ids, references to sectors and topics.
    App,
}

/// One thing wrong with the dataset, located as precisely as possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    /// What inside the place is at fault: a value (`launched`,
    /// `members.approx`, `topics[1]`) or a spreadsheet's cell; `None` for the
    /// place as a whole.
    pub field: Option<Field>,
    pub issue: Issue,
    pub kind: Kind,
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

impl Problem {
    /// A problem of the whole place, no field.
    pub fn new(place: Place, issue: Issue, kind: Kind) -> Problem {
        Problem { place, field: None, issue, kind, at: None }
    }

    /// The field or column at fault, as it is shown: `members.approx`, `topics[1]`, `state`.
    pub fn field_name(&self) -> Option<String> {
        self.field.as_ref().map(ToString::to_string)
    }

    /// The value at fault, by its path from the top of the dataset's JSON;
    /// empty for the whole dataset and for a problem outside it (its text, a
    /// spreadsheet's own).
    pub fn json_path(&self) -> Path {
        match &self.field {
            Some(Field::Cell(cell)) => cell.read_as.clone().unwrap_or_default(),
            Some(Field::Value(path)) => self.place.path().join(path),
            None => self.place.path(),
        }
    }

    /// The JSON Pointer of the value at fault (`/partnerships/3/launched`);
    /// empty for the whole document or a spreadsheet's own problem.
    pub fn pointer(&self) -> String {
        self.json_path().pointer()
    }

    /// The spreadsheet row, when the problem is in a CSV file.
    pub fn row(&self) -> Option<usize> {
        match self.place {
            Place::Row(row) => Some(row),
            _ => None,
        }
    }

    /// `partnerships[3] "id"`, `row 7`, `line 3, column 12`.
    pub fn location(&self) -> String {
        self.place.to_string()
    }

    /// What is wrong, in words: a spreadsheet's for a row, JSON's otherwise.
    pub fn message(&self) -> String {
        let text = self.issue.words(self.row().is_some());
        match &self.field {
            Some(Field::Cell(CellRef { item: Some(item), .. })) => format!("item {}: {text}", item + 1),
            _ => text,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(Field::Value(path)) => write!(f, "{}, field \"{path}\": {}", self.place, self.message()),
            Some(Field::Cell(cell)) => write!(f, "{}, column \"{}\": {}", self.place, cell.column, self.message()),
            None => write!(f, "{}: {}", self.place, self.message()),
        }
    }
}
