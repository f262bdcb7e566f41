//! The published JSON Schema of the format, generated from the Rust types so it
//! cannot drift from what the parser accepts (a test compares it with the file).

use super::model::Dataset;

/// The schema as pretty JSON with a trailing newline, as stored in
/// `public/data/partnerships.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Dataset);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
