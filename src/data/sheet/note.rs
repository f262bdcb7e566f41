//! What the reader assumed about a spreadsheet, or read past: never a reason
//! to leave a row out. Said once per file, in words made here.

use std::fmt;

use super::decode::Encoding;
use crate::data::words::separator_name;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Read in an encoding other than UTF-8, or with characters that could
    /// not be read (their lines).
    Encoding { encoding: Encoding, lost: Vec<usize> },
    /// Cells separated by something other than a comma.
    Separator(char),
    /// A column the template does not have: its values are not read.
    ColumnNotRead { name: String },
    /// Launch dates Excel had turned into dates, read as their month: the
    /// rows, and the first cell as it was and as read.
    ExcelDates { rows: Vec<usize>, example: (String, String) },
    /// Member counts written as spreadsheets format numbers: the rows, and
    /// the first cell as it was and as read.
    FormattedNumbers { rows: Vec<usize>, example: (String, u64) },
}

impl Note {
    /// A warning asks for something to be done; the other notes say what was assumed.
    pub fn is_warning(&self) -> bool {
        match self {
            Note::Encoding { lost, .. } => !lost.is_empty(),
            Note::ColumnNotRead { .. } => true,
            _ => false,
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Encoding { encoding, lost } => {
                match encoding {
                    Encoding::Windows1252 => {
                        write!(f, "read as Windows-1252, as Excel's \"CSV (Comma delimited)\" is saved")?;
                    }
                    Encoding::Utf16Le => {
                        write!(f, "read as {}, as Excel's \"Unicode Text\" is saved", encoding.name())?;
                    }
                    Encoding::Utf16Be | Encoding::Utf8 => write!(f, "read as {}", encoding.name())?,
                }
                match lost.as_slice() {
                    [] => write!(f, "; every character came through"),
                    _ => write!(
                        f,
                        "; {} could not be read and {} as \u{fffd} ({}): save the file as \"CSV UTF-8\" to keep {}",
                        count(lost.len(), "character"),
                        if lost.len() == 1 { "shows" } else { "show" },
                        listed("line", &dedup(lost)),
                        if lost.len() == 1 { "it" } else { "them" },
                    ),
                }
            }
            Note::Separator(separator) => {
                let why = match separator {
                    '\t' => "as Excel's \"Unicode Text\" and \"Text (Tab delimited)\" are saved",
                    _ => "as Excel saves CSV where the decimal mark is a comma",
                };
                write!(f, "cells are separated by {}s, {why}", separator_name(*separator))
            }
            Note::ColumnNotRead { name } => {
                write!(f, "column \"{name}\" is not read: the explorer has no place for it, and every row still reads")
            }
            Note::ExcelDates { rows, example: (was, read) } => write!(
                f,
                "column \"launched\": read \"{was}\" as {read} ({}): Excel turns a year and month it is \
                 given into a date; to stop it, format the column as Text before typing",
                listed("row", rows)
            ),
            Note::FormattedNumbers { rows, example: (was, read) } => write!(
                f,
                "column \"members_approx\": read \"{was}\" as {read} ({}), as a spreadsheet formats numbers",
                listed("row", rows)
            ),
        }
    }
}

fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn dedup(lines: &[usize]) -> Vec<usize> {
    let mut lines = lines.to_vec();
    lines.dedup();
    lines
}

/// `row 3`, `rows 3, 5 and 9`, `rows 3, 5, 9, 12, 14 and 20 more`.
fn listed(word: &str, numbers: &[usize]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = numbers.iter().take(SHOWN).map(ToString::to_string).collect();
    let more = numbers.len().saturating_sub(SHOWN);
    match (shown.as_slice(), more) {
        ([one], _) => format!("{word} {one}"),
        ([init @ .., last], 0) => format!("{word}s {} and {last}", init.join(", ")),
        (all, more) => format!("{word}s {} and {more} more", all.join(", ")),
    }
}
