//! Where a problem is, as data: the place (an entry of a list, a header
//! field, a spreadsheet's row, a place in the text) and what inside it is at
//! fault (a value by its path, or a spreadsheet's cell by its column).

use std::fmt;

use super::path::{List, Path, Segment};
use super::words::clip;

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole dataset (JSON).
    Dataset,
    /// The whole spreadsheet.
    File,
    /// A place in the text (a JSON syntax error).
    Text { line: usize, column: usize },
    /// A field of the dataset outside its lists, by its key: `schema_version`, `national`.
    Header(String),
    /// An entry of one of the lists, with its id when it has one.
    Entry { list: List, index: usize, id: Option<String> },
    /// A spreadsheet's row; the header is row 1.
    Row(usize),
}

impl Place {
    /// The place's own path in the dataset's JSON (`partnerships[3]`,
    /// `national`); empty for the whole dataset and outside it (its text, a
    /// spreadsheet).
    pub fn path(&self) -> Path {
        match self {
            Place::Header(key) => [Segment::field(key)].into_iter().collect(),
            Place::Entry { list, index, .. } => {
                [Segment::field(list.key()), Segment::Index(*index)].into_iter().collect()
            }
            Place::Dataset | Place::File | Place::Text { .. } | Place::Row(_) => Path::default(),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Dataset => f.write_str("dataset"),
            Place::File => f.write_str("file"),
            Place::Text { line, column } => write!(f, "line {line}, column {column}"),
            Place::Header(key) => f.write_str(key),
            Place::Entry { list, index, id: Some(id) } => write!(f, "{list}[{index}] \"{}\"", clip(id)),
            Place::Entry { list, index, id: None } => write!(f, "{list}[{index}]"),
            Place::Row(row) => write!(f, "row {row}"),
        }
    }
}

/// What inside a place is at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// A value inside an entry or header field, by its path from there:
    /// `members.approx`, `topics[1]`.
    Value(Path),
    /// A cell of a spreadsheet's row, by its column.
    Cell(CellRef),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Value(path) => path.fmt(f),
            Field::Cell(cell) => f.write_str(&cell.column),
        }
    }
}

/// A spreadsheet's cell at fault, by its column (its row is the problem's place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRef {
    /// The column as the header row names it: one of the template's, or a
    /// header cell as the partner typed it.
    pub column: String,
    /// The item of a list inside the cell (highlights, topics), from 0.
    pub item: Option<usize>,
    /// When the validation found the problem: the value at fault in the
    /// dataset the rows were read into (`/partnerships/3/state` for the fourth
    /// row read), which machines are told (`data check --format json`).
    pub read_as: Option<Path>,
}

impl CellRef {
    /// A cell of a column, found at fault by the spreadsheet's reader itself.
    pub fn of(column: &str) -> CellRef {
        CellRef { column: column.to_string(), item: None, read_as: None }
    }
}
