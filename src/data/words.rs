//! How a partner's values and a few of our terms are put in a message, for
//! the problems' words (`super::issue`, `super::place`) and the spreadsheet's
//! notes. Below every module that says something, so that each can use it.

/// Keeps messages readable when a value is huge.
pub fn clip(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// A partner's value in our words: clipped, between double quotes, with its
/// own quotes and backslashes escaped, so that where it ends is never in doubt
/// (`read::in_json_terms` translates only the words outside it).
pub fn quoted(s: &str) -> String {
    format!("\"{}\"", clip(s).replace('\\', "\\\\").replace('"', "\\\""))
}

/// `"id", "name"`: the template's names, as a list.
pub fn quoted_names(names: &[&str]) -> String {
    names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
}

/// How a separator is named to a person.
pub fn separator_name(separator: char) -> &'static str {
    match separator {
        ';' => "semicolon",
        '\t' => "tab",
        _ => "comma",
    }
}
