//! What is wrong with a value or a file, as data, with the values involved;
//! and its words, made here once. A rule of the format fails with one of
//! these (`super::text`, `super::model`), whichever form the file is in: the
//! JSON's validation and the spreadsheet's reader say the same rule with the
//! same variant, in their own words where a spreadsheet needs other advice.

use std::fmt;

use super::place::Place;
use super::words::{clip, quoted, quoted_names, separator_name};

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
    /// A value serde refused in words of its own that no rule here has (a
    /// number out of range: "invalid value: integer `0`, expected …"), put in
    /// JSON's terms.
    Serde {
        message: String,
    },
    /// The `schema_version` of another format than the one this build reads.
    UnsupportedVersion {
        version: u64,
        supported: u64,
    },
    /// An id that is not kebab-case.
    NotAnId {
        id: String,
    },
    /// A kebab-case id longer than ids may be, in bytes (all its characters are ASCII).
    LongId {
        len: usize,
        max: usize,
    },
    /// Not the code of one of the 50 states or DC.
    UnknownState {
        code: String,
    },
    /// A name or prose that is empty or only white space.
    Blank,
    /// A name or prose longer than its rule allows, in characters.
    TooLong {
        chars: usize,
        max: usize,
    },
    /// A launch date that is not a year or a year and month; in a spreadsheet,
    /// in none of the forms people or Excel write either.
    LaunchDate {
        text: String,
    },
    /// An address that is not `https://`.
    NotHttps {
        url: String,
    },
    /// An `https://` address without a host, or with characters no address has.
    BadHttps {
        url: String,
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
    /// An Excel date whose day is not the first: not a month Excel turned into a date.
    LaunchDay {
        text: String,
    },
}

impl Issue {
    /// What is wrong, in words: a spreadsheet's (`in_sheet`) or JSON's.
    pub fn words(&self, in_sheet: bool) -> String {
        match self {
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
            Issue::Serde { message } => message.clone(),
            Issue::UnsupportedVersion { version, supported } => {
                format!("version {version} is not supported; this explorer reads schema_version {supported}")
            }
            Issue::NotAnId { id } => {
                format!("{} is not a kebab-case id (lower-case letters, digits and single hyphens)", quoted(id))
            }
            Issue::LongId { len, max } => format!("is {len} characters long; an id has at most {max}"),
            Issue::UnknownState { code } => {
                format!("unknown state code {} (expected a USPS code of the 50 states or DC, e.g. LA)", quoted(code))
            }
            Issue::Blank => "must not be empty".into(),
            Issue::TooLong { chars, max } => format!("is {chars} characters long; at most {max}"),
            Issue::LaunchDate { text } if in_sheet => format!(
                "\"{}\" is not a year (2015) or a year and month (2018-05); if Excel changed what you typed, \
                 format the column as Text and type it again",
                clip(text)
            ),
            Issue::LaunchDate { text } => {
                format!("{} is not a year (YYYY) or a year and month (YYYY-MM)", quoted(text))
            }
            Issue::NotHttps { url } => format!("{} is not an https:// address", quoted(url)),
            Issue::BadHttps { url } => format!("{} is not a valid https:// address", quoted(url)),
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
                format!("missing column(s) {}: add them to the header row", quoted_names(names))
            }
            Issue::NotWholeNumber { text } => {
                format!("\"{}\" is not a whole number: write the number alone, e.g. 40", clip(text))
            }
            Issue::LaunchDay { text } => format!(
                "\"{}\" is a day, not a month: write the year and month (2018-05); if Excel made it a date, \
                 format the column as Text and type it again",
                clip(text)
            ),
        }
    }
}

/// In JSON's words: what serde passes on when a rule refuses a value, and what
/// the `data` command says of an option's value.
impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(false))
    }
}

fn in_list(choices: &Option<String>, lead: &str, otherwise: &str) -> String {
    match choices {
        Some(choices) => format!("{lead}: {choices}"),
        None => otherwise.to_string(),
    }
}
