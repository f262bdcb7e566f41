//! The published JSON Schema of the format, generated from the Rust types so it
//! cannot drift from what the parser accepts (a test compares it with the file,
//! and `scripts/schema-agreement.mjs` checks that a third-party validator given
//! this schema agrees with the app on every fixture).

use schemars::generate::SchemaSettings;
use schemars::transform::{transform_subschemas, RestrictFormats, Transform};
use schemars::Schema;

use super::model::Dataset;

/// The schema as pretty JSON with a trailing newline, as stored in
/// `public/data/partnerships.schema.json`.
pub fn json_schema() -> String {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(WholeNumberBounds)
        .with_transform(RestrictFormats::default())
        .into_generator();
    let schema = generator.into_root_schema_for::<Dataset>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// schemars marks a `u32` with the format `uint32`, which JSON Schema does not
/// define (strict validators refuse it, others ignore it, so a number too large
/// for the app would pass): say its range with `maximum` instead.
#[derive(Clone)]
struct WholeNumberBounds;

impl Transform for WholeNumberBounds {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(object) = schema.as_object_mut() {
            if object.get("format").and_then(|f| f.as_str()) == Some("uint32") {
                object.remove("format");
                object.insert("maximum".into(), u32::MAX.into());
            }
        }
        transform_subschemas(self, schema);
    }
}
