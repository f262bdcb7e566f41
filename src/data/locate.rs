//! Where the values of a JSON file are, for diagnostics that point at them
//! (`data check`): the JSON Pointer of each problem → its line and column.
//! Read with jsonc-parser, whose tree keeps every value's place in the text.
//! Native only: the browser lists problems by entry and field.

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

use super::validate::TextAt;

/// The place of the value at each pointer (`/partnerships/3/state`), or of
/// the nearest value that holds it when it is missing; `None` for an empty
/// pointer (the whole document) or when the text is not JSON. The text is
/// parsed once, however many pointers there are.
pub fn locate(text: &str, pointers: &[&str]) -> Vec<Option<TextAt>> {
    let parsed = if pointers.iter().any(|p| !p.is_empty()) {
        parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok()
    } else {
        None
    };
    let root = parsed.as_ref().and_then(|p| p.value.as_ref());
    pointers.iter().map(|pointer| root.filter(|_| !pointer.is_empty()).map(|root| place(text, root, pointer))).collect()
}

fn place(text: &str, root: &Value<'_>, pointer: &str) -> TextAt {
    let mut value = root;
    for step in pointer.split('/').skip(1) {
        let step = step.replace("~1", "/").replace("~0", "~");
        let inside = match value {
            Value::Object(object) => object.get(&step).map(|prop| &prop.value),
            Value::Array(array) => step.parse::<usize>().ok().and_then(|i| array.elements.get(i)),
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
