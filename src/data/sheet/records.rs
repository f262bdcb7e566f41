//! A spreadsheet's records, each cell with its place in the file. The csv
//! crate's reader splits the records (quotes, separators and line ends inside
//! quotes, Windows line ends); csv-core, read again over that one record's own
//! text, says where each of its cells starts, for the diagnostics. Each record
//! is read within its own bytes, so the time grows with the file, not faster.

use crate::data::problem::{Issue, Kind, Place, TextAt};
use crate::data::validate::Unusable;

/// A record as read: its row (the header is row 1) and its cells.
pub struct Record {
    pub row: usize,
    pub cells: Vec<Cell>,
}

impl Record {
    /// Where the record starts: what a problem of the whole row points at.
    pub fn start(&self) -> Option<TextAt> {
        self.cells.first().map(|c| TextAt { len: 1, ..c.at })
    }

    /// Whether every cell is empty: spreadsheets save such rows at the end.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// A cell's text and where its raw form sits in the file.
pub struct Cell {
    pub text: String,
    pub at: TextAt,
}

/// Every record of `text`, its cells split by `separator`.
pub fn read_records(text: &str, separator: char) -> Result<Vec<Record>, Unusable> {
    let separator = u8::try_from(separator).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator).from_reader(text.as_bytes());
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let row = records.len() + 1;
        let more = reader
            .read_record(&mut record)
            .map_err(|e| Unusable::one(Place::Row(row), Issue::Record { message: e.to_string() }, Kind::Syntax))?;
        if !more {
            break;
        }
        let (start, line) = record.position().map_or((0, 1), |p| (p.byte(), p.line()));
        let [start, end, line] = [start, reader.position().byte(), line].map(|n| usize::try_from(n).unwrap_or(0));
        // This record's own text: from its first byte to the next record's.
        let raw = text.get(start..end).unwrap_or_default();
        let cells = record
            .iter()
            .zip(cell_spans(raw, record.len(), separator))
            .map(|(cell, (offset, len))| {
                // A record starts a line: its own lines count from the record's.
                let at = TextAt::of(raw, offset, offset + len);
                Cell { text: cell.to_string(), at: TextAt { line: line + at.line - 1, ..at } }
            })
            .collect();
        records.push(Record { row, cells });
    }
    Ok(records)
}

/// The byte offset and raw length of each of a record's first `count` cells
/// in `raw`, the record's own text.
fn cell_spans(raw: &str, count: usize, separator: u8) -> Vec<(usize, usize)> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(separator).build();
    // A cell's unquoted text is never longer than the record's raw text.
    let mut out = vec![0u8; raw.len() + 1];
    let mut offset = 0;
    let mut spans = Vec::with_capacity(count);
    while spans.len() < count {
        let input = raw.as_bytes().get(offset..).unwrap_or_default();
        let (result, read, _) = reader.read_field(input, &mut out);
        let more = matches!(result, csv_core::ReadFieldResult::Field { record_end: false });
        // A cell's raw text ends before its separator or line end.
        spans.push((offset, read.saturating_sub(usize::from(more))));
        offset += read;
        if !more {
            break;
        }
    }
    spans
}
