//! What is wrong with a partner's file, as data: where (`Place` and `Field`,
//! from `super::place`), what (`Issue`, with the values involved) and who
//! else can tell (`Kind`). The reader that finds a problem says it with these
//! types; its words are made once, when it is shown (the `data` command, the
//! check page and the explorer's list of skipped entries all show `Problem`'s
//! `Display`).

use std::fmt;

use super::path::Path;
pub use super::place::{CellRef, Field, Place};
use super::text::clip;

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

/// What is wrong, with the values involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// JSON bytes that are not UTF-8 (a spreadsheet's are decoded instead).
    NotUtf8 {
        byte: usize,
    },
    Empty,
    /// An HTML page where the JSON should be (a server's error page).
    HtmlPage,
    /// Not JSON: the parser's own description of where it stopped.
    Json {
        message: String,
    },
    /// Nested deeper than the app reads (128 levels).
    TooDeep,
    TopNotObject {
        found: &'static str,
    },
    /// A required field that is not there (a required cell that is empty).
    Missing,
    /// A value of the wrong JSON type: what was found, and what the format expects.
    WrongType {
        found: String,
        expected: String,
    },
    /// An array where the format has an object.
    ArrayForObject,
    /// A value of the right type that breaks its rule, in the rule's words
    /// (ids, state codes, dates, addresses, the schema version).
    Invalid {
        message: String,
    },
    /// A sector no entry of `sectors` has; `choices` when they are worth listing.
    UnknownSector {
        value: String,
        choices: Option<String>,
    },
    UnknownTopic {
        value: String,
        choices: Option<String>,
    },
    DuplicateId {
        first: Place,
    },
    TooMany {
        count: usize,
        what: &'static str,
        max: usize,
    },
    /// A spreadsheet's record the CSV reader could not read.
    Record {
        message: String,
    },
    CellCount {
        found: usize,
        expected: usize,
        separator: char,
    },
    /// A header cell the template does not have, close to one it has.
    MisspelledColumn {
        suggestion: &'static str,
    },
    DuplicateColumn,
    NamelessColumn {
        index: usize,
    },
    MissingColumns {
        names: Vec<&'static str>,
    },
    /// A member count that is not a whole number as spreadsheets write one.
    NotWholeNumber {
        text: String,
    },
    /// A launch date in none of the forms people or Excel write.
    LaunchForm {
        text: String,
    },
    /// An Excel date whose day is not the first: not a month Excel turned into a date.
    LaunchDay {
        text: String,
    },
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
        let in_sheet = self.row().is_some();
        let text = match &self.issue {
            Issue::NotUtf8 { byte } => format!("the file is not UTF-8 text (invalid bytes at byte {byte})"),
            Issue::Empty => "the file is empty".into(),
            Issue::HtmlPage => {
                "this is an HTML page, not JSON (an error page from the server, or a wrong address?)".into()
            }
            Issue::Json { message } => format!("invalid JSON: {message}"),
            Issue::TooDeep => "invalid JSON: recursion limit exceeded".into(),
            Issue::TopNotObject { found } => format!("expected a JSON object at the top, found {found}"),
            Issue::Missing if in_sheet => "is empty; this column must be filled in".into(),
            Issue::Missing => "missing".into(),
            Issue::WrongType { found, expected } => format!("invalid type: {found}, expected {expected}"),
            Issue::ArrayForObject => "invalid type: array, expected an object".into(),
            Issue::Invalid { message } => message.clone(),
            Issue::UnknownSector { value, choices } => {
                format!("unknown sector \"{}\" ({})", clip(value), in_list(choices, "use one of", "not in sectors"))
            }
            Issue::UnknownTopic { value, choices } => {
                format!("unknown topic \"{}\" ({})", clip(value), in_list(choices, "use any of", "not in topics"))
            }
            Issue::DuplicateId { first } => format!("duplicate id, already used by {first}"),
            Issue::TooMany { count, what, max } => format!("has {count} {what}; at most {max}"),
            Issue::Record { message } => message.clone(),
            Issue::CellCount { found, expected, separator } => format!(
                "has {found} cells, but the header row has {expected}: check for a stray {} or a missing one",
                separator_name(*separator)
            ),
            Issue::MisspelledColumn { suggestion } => format!("unknown column; did you mean \"{suggestion}\"?"),
            Issue::DuplicateColumn => "appears twice in the header row; keep one".into(),
            Issue::NamelessColumn { index } => format!("column {} has values but no name in the header row", index + 1),
            Issue::MissingColumns { names } => {
                format!("missing column(s) {}: add them to the header row", quoted(names))
            }
            Issue::NotWholeNumber { text } => {
                format!("\"{}\" is not a whole number: write the number alone, e.g. 40", clip(text))
            }
            Issue::LaunchForm { text } => format!(
                "\"{}\" is not a year (2015) or a year and month (2018-05); if Excel changed what you typed, \
                 format the column as Text and type it again",
                clip(text)
            ),
            Issue::LaunchDay { text } => format!(
                "\"{}\" is a day, not a month: write the year and month (2018-05); if Excel made it a date, \
                 format the column as Text and type it again",
                clip(text)
            ),
        };
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

fn in_list(choices: &Option<String>, lead: &str, otherwise: &str) -> String {
    match choices {
        Some(choices) => format!("{lead}: {choices}"),
        None => otherwise.to_string(),
    }
}

/// `"id", "name"`.
pub fn quoted(names: &[&str]) -> String {
    names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
}

/// How a separator is named to a person.
pub fn separator_name(separator: char) -> &'static str {
    match separator {
        ';' => "semicolon",
        '\t' => "tab",
        _ => "comma",
    }
}
