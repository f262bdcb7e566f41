//! The header row: which column holds what. Every problem of the header is
//! found at once; a column of the partner's own is read past with a note.

use std::collections::HashMap;

use super::columns::{header_key, Column, COLUMNS};
use super::note::Note;
use super::records::{Cell, Record};
use crate::data::problem::{CellRef, Field, Issue, Kind, Place, Problem};
use crate::data::validate::Unusable;

/// The template's columns found in the header: name → the cell's index.
pub type Columns = HashMap<&'static str, usize>;

/// The columns by name; a note for each column the template does not have.
/// A wrong header (a misspelled, doubled or missing column, values under no
/// name) makes the file unusable: no row could be read right.
pub fn read_header(header: &Record, rows: &[Record]) -> Result<(Columns, Vec<Note>), Unusable> {
    let mut columns = Columns::new();
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    for (index, cell) in header.cells.iter().enumerate() {
        let key = header_key(&cell.text);
        match COLUMNS.iter().find(|c| c.name == key) {
            Some(c) if columns.contains_key(c.name) => {
                problems.push(header_problem(cell, true, Issue::DuplicateColumn))
            }
            Some(c) => {
                columns.insert(c.name, index);
            }
            // Spreadsheets often save empty columns after the last one.
            None if key.is_empty() && !used(rows, index) => {}
            None if key.is_empty() => problems.push(header_problem(cell, false, Issue::NamelessColumn { index })),
            None => match closest(&key) {
                Some(suggestion) => {
                    problems.push(header_problem(cell, true, Issue::MisspelledColumn { suggestion }));
                }
                None => notes.push(Note::ColumnNotRead { name: cell.text.trim().to_string() }),
            },
        }
    }
    let missing: Vec<&'static str> =
        COLUMNS.iter().filter(|c| c.required && !columns.contains_key(c.name)).map(|c| c.name).collect();
    if !missing.is_empty() {
        let problem = Problem::new(Place::Row(1), Issue::MissingColumns { names: missing }, Kind::Syntax);
        problems.push(Problem { at: header.start(), ..problem });
    }
    if problems.is_empty() {
        Ok((columns, notes))
    } else {
        Err(Unusable { problems })
    }
}

/// Whether any row has a value in the column.
fn used(rows: &[Record], index: usize) -> bool {
    rows.iter().any(|r| r.cells.get(index).is_some_and(|c| !c.text.trim().is_empty()))
}

fn header_problem(cell: &Cell, named: bool, issue: Issue) -> Problem {
    Problem {
        field: named.then(|| Field::Cell(CellRef::of(cell.text.trim()))),
        at: Some(cell.at),
        ..Problem::new(Place::Row(1), issue, Kind::Syntax)
    }
}

/// The known column a misspelled header most likely means: one edit away for
/// a short name, more for a long one. Farther than that, it is a column of
/// the partner's own (`notes`, `zip`, `status`), read past with a note.
fn closest(key: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .map(|c: &Column| (strsim::levenshtein(key, c.name), c.name))
        .filter(|(distance, name)| *distance <= 1.max(name.len() / 4))
        .min()
        .map(|(_, name)| name)
}
