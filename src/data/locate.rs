//! Where a value of a JSON file is, for diagnostics that point at it
//! (`data check`): the JSON Pointer of a problem → its line and column. Read
//! with jsonc-parser, whose tree keeps every value's place in the text.
//! Native only: the browser lists problems by entry and field.

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

use super::validate::TextAt;

/// The place of the value at `pointer` (`/partnerships/3/state`); of the
/// nearest value that holds it when it is missing. `None` when the text is
/// not JSON.
pub fn locate(text: &str, pointer: &str) -> Option<TextAt> {
    let parsed = parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok()?;
    let mut value = parsed.value.as_ref()?;
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
    Some(TextAt::of(text, range.start, range.end))
}
