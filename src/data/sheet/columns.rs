//! The template's columns (`public/data/template.csv`) and how a header
//! cell names one. Below the modules that read a spreadsheet: decoding needs
//! the names to tell the separator, the header row to find the columns.

/// A column of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    /// What goes in it, for the docs and the check page.
    pub about: &'static str,
}

const fn column(name: &'static str, required: bool, about: &'static str) -> Column {
    Column { name, required, about }
}

/// The template's columns, in order.
pub const COLUMNS: [Column; 14] = [
    column("id", true, "A unique id: lower-case letters, digits and single hyphens (it becomes the card's link)."),
    column("name", true, "The partnership's full name."),
    column("short_name", false, "A common abbreviation, e.g. HILT; or empty."),
    column("sector", true, "One sector, by its label or id, e.g. Healthcare."),
    column("state", true, "The state: its two-letter code (LA) or its name (Louisiana)."),
    column("region", true, "The region within the state, e.g. Northeast Louisiana."),
    column("launched", false, "When it began: a year (2015) or a year and month (2018-05); or empty."),
    column("members_approx", false, "How many members, as a whole number, e.g. 40; or empty."),
    column("members_qualifier", false, "How the number is meant: nearly, over, about; empty when exact."),
    column("members_what", false, "What the members are, e.g. manufacturers (needed with members_approx)."),
    column("summary", true, "One or two sentences."),
    column("highlights", false, "One achievement per line inside the cell; or empty."),
    column("topics", false, "Topics by label or id, one per line inside the cell (or separated by ;); or empty."),
    column("website", false, "An https:// address, or empty."),
];

/// `Street Address` → `street_address`: headers as people type them.
pub fn header_key(cell: &str) -> String {
    cell.trim().to_lowercase().replace([' ', '-'], "_")
}
