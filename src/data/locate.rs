//! Where the values of a JSON file are, for diagnostics that point at them
//! (`data check`): the path of each problem's value → its line and column.
//! Read with jsonc-parser, whose tree keeps every value's place in the text.
//! Native only: the browser lists problems by entry and field.

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

use super::path::{Path, Segment};
use super::problem::TextAt;

/// The place of the value at each path (`partnerships[3].state`), or of the
/// nearest value that holds it when it is missing; `None` for an empty path
/// (the whole document) or when the text is not JSON. The text is parsed
/// once, however many paths there are.
pub fn locate(text: &str, paths: &[Path]) -> Vec<Option<TextAt>> {
    let parsed = if paths.iter().any(|p| !p.is_empty()) {
        parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok()
    } else {
        None
    };
    let root = parsed.as_ref().and_then(|p| p.value.as_ref());
    paths.iter().map(|path| root.filter(|_| !path.is_empty()).map(|root| place(text, root, path))).collect()
}

fn place(text: &str, root: &Value<'_>, path: &Path) -> TextAt {
    let mut value = root;
    for segment in path.segments() {
        let inside = match (segment, value) {
            (Segment::Field(key), Value::Object(object)) => object.get(key).map(|prop| &prop.value),
            (Segment::Index(index), Value::Array(array)) => array.elements.get(*index),
            _ => None,
        };
        match inside {
            Some(inside) => value = inside,
            None => break,
        }
    }
    let range = value.range();
    TextAt::of(text, range.start, range.end)
}
