//! No formulas out of our spreadsheets (OWASP, "CSV Injection"): a cell that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
//! Excel and LibreOffice. Every CSV this project writes puts an apostrophe
//! before such a cell, and reading takes exactly that apostrophe off again, so
//! JSON → CSV → JSON gives the same dataset whatever the cells hold.

use std::borrow::Cow;

/// Whether a spreadsheet would take the cell for a formula, or reading would
/// take an apostrophe off it (`'=x` is guarded again, so it reads back as itself).
fn needs_guard(cell: &str) -> bool {
    match cell.strip_prefix('\'') {
        Some(rest) => needs_guard(rest),
        None => cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
    }
}

/// The cell as written: with an apostrophe before it when it needs one.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if needs_guard(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before `guard`.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}
