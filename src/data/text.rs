//! Strings with a rule: ids, state codes, names, prose, launch dates, https
//! addresses. Each rule is written once, here, and serves three ends: serde
//! refuses a value that breaks it (with the `Issue` that says how, in words
//! naming the value), the published JSON Schema states it (a pattern, a
//! length, an enum), and the app reads the value as a plain `&str`.
//!
//! `scripts/schema-agreement.mjs` checks that each Rust check and its schema
//! say the same thing: a third-party validator (ajv) runs the schema over every
//! fixture, and must accept and refuse what the app does.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::issue::Issue;
use super::launched::Launched;
use crate::geo;

/// A rule a string must keep.
pub trait Rule {
    /// The name of the rule's definition in the JSON Schema (`$defs`).
    const NAME: &'static str;
    /// `Err` says how the text breaks the rule.
    fn check(text: &str) -> Result<(), Issue>;
    /// The JSON Schema of a string that keeps the rule.
    #[cfg(not(target_arch = "wasm32"))]
    fn schema() -> serde_json::Value;
}

/// A string known to keep the rule `R`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text<R>(String, PhantomData<R>);

impl<R: Rule> Text<R> {
    /// Checks `text` against the rule.
    pub fn new(text: impl Into<String>) -> Result<Self, Issue> {
        let text = text.into();
        R::check(&text)?;
        Ok(Text(text, PhantomData))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<R> Deref for Text<R> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<R> AsRef<str> for Text<R> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<R> PartialEq<str> for Text<R> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl<R> PartialEq<&str> for Text<R> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<R> PartialEq<String> for Text<R> {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl<R> From<Text<R>> for String {
    fn from(text: Text<R>) -> String {
        text.0
    }
}

impl<R> fmt::Display for Text<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<R> fmt::Debug for Text<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl<R> Serialize for Text<R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de, R: Rule> Deserialize<'de> for Text<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Text::new(String::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

// A string is one value: its one error is all there is to collect.
eserde::impl_edeserialize_compat!(Text<R> { R where R: Rule });

#[cfg(not(target_arch = "wasm32"))]
impl<R: Rule> schemars::JsonSchema for Text<R> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        R::NAME.into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::Schema::try_from(R::schema()).unwrap_or_default()
    }
}

/// Longest names, labels and regions, in characters.
pub const MAX_NAME: usize = 200;
/// Longest summary or highlight, in characters.
pub const MAX_PROSE: usize = 1000;
/// Longest id, in characters.
pub const MAX_ID: usize = 100;

/// A kebab-case slug: ids appear in addresses (`#id`, `?sector=id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdRule;
pub type Id = Text<IdRule>;

impl Rule for IdRule {
    const NAME: &'static str = "Id";
    fn check(id: &str) -> Result<(), Issue> {
        let kebab = id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if !kebab {
            Err(Issue::NotAnId { id: id.to_string() })
        } else if id.len() > MAX_ID {
            Err(Issue::LongId { len: id.len(), max: MAX_ID })
        } else {
            Ok(())
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    fn schema() -> serde_json::Value {
        serde_json::json!({
            "description": "A kebab-case id: lower-case letters and digits, in words joined by single hyphens.",
            "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": MAX_ID,
        })
    }
}

/// The USPS code of one of the 50 states or DC (`geo::STATES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StateRule;
pub type StateCode = Text<StateRule>;

impl Rule for StateRule {
    const NAME: &'static str = "StateCode";
    fn check(code: &str) -> Result<(), Issue> {
        match geo::state(code) {
            Some(_) => Ok(()),
            None => Err(Issue::UnknownState { code: code.to_string() }),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    fn schema() -> serde_json::Value {
        let codes: Vec<&str> = geo::STATES.iter().map(|s| s.code).collect();
        serde_json::json!({
            "description": "The USPS code of one of the 50 states or DC.",
            "type": "string", "enum": codes,
        })
    }
}

/// Text that says something, and not so much that it swamps a card.
fn check_text(text: &str, max_chars: usize) -> Result<(), Issue> {
    if text.trim().is_empty() {
        return Err(Issue::Blank);
    }
    // Bytes are never fewer than characters: count only when it can matter.
    let chars = if text.len() > max_chars { text.chars().count() } else { 0 };
    if chars > max_chars {
        return Err(Issue::TooLong { chars, max: max_chars });
    }
    Ok(())
}

/// Unicode's White_Space characters, as `char::is_whitespace` and `str::trim`
/// know them (the test below compares the two over every character).
/// Written out because JSON Schema's `\s` (ECMAScript's) differs from Rust's.
pub const WHITE_SPACE: &[(char, char)] = &[
    ('\u{9}', '\u{d}'),
    (' ', ' '),
    ('\u{85}', '\u{85}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];

/// Control characters (Unicode's Cc, as `char::is_control` knows them).
pub const CONTROL: &[(char, char)] = &[('\u{0}', '\u{1f}'), ('\u{7f}', '\u{9f}')];

/// Characters that may not appear in an address we link to, beyond white space
/// and control characters: they would break out of an attribute or a snippet.
pub const URL_UNSAFE: &str = "<>\"\\`";

/// A regex character class body (`\u0009-\u000d...`) for ranges of characters,
/// in the `\uXXXX` escapes every JSON Schema regex dialect reads.
#[cfg(not(target_arch = "wasm32"))]
fn class(ranges: &[(char, char)]) -> String {
    let escape = |c: char| format!("\\u{:04x}", u32::from(c));
    ranges
        .iter()
        .map(|&(from, to)| if from == to { escape(from) } else { format!("{}-{}", escape(from), escape(to)) })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn text_schema(what: &str, max_chars: usize) -> serde_json::Value {
    serde_json::json!({
        "description": format!("{what}: not blank, at most {max_chars} characters."),
        "type": "string",
        "maxLength": max_chars,
        // At least one character that is not white space.
        "pattern": format!("[^{}]", class(WHITE_SPACE)),
    })
}

/// A name, label, region or title: not blank, at most `MAX_NAME` characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameRule;
pub type Name = Text<NameRule>;

impl Rule for NameRule {
    const NAME: &'static str = "Name";
    fn check(text: &str) -> Result<(), Issue> {
        check_text(text, MAX_NAME)
    }
    #[cfg(not(target_arch = "wasm32"))]
    fn schema() -> serde_json::Value {
        text_schema("A name or label", MAX_NAME)
    }
}

/// A summary or highlight: not blank, at most `MAX_PROSE` characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProseRule;
pub type Prose = Text<ProseRule>;

impl Rule for ProseRule {
    const NAME: &'static str = "Prose";
    fn check(text: &str) -> Result<(), Issue> {
        check_text(text, MAX_PROSE)
    }
    #[cfg(not(target_arch = "wasm32"))]
    fn schema() -> serde_json::Value {
        text_schema("A sentence or two", MAX_PROSE)
    }
}

/// "YYYY" or "YYYY-MM" (`Launched` reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LaunchRule;
pub type LaunchDate = Text<LaunchRule>;

impl Rule for LaunchRule {
    const NAME: &'static str = "LaunchDate";
    fn check(text: &str) -> Result<(), Issue> {
        match Launched::parse(text) {
            Some(_) => Ok(()),
            None => Err(Issue::LaunchDate { text: text.to_string() }),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    fn schema() -> serde_json::Value {
        serde_json::json!({
            "description": "A year (YYYY) or a year and month (YYYY-MM).",
            "type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2]))?$",
        })
    }
}

/// An `https://` address with a host: the only addresses the page links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HttpsRule;
pub type HttpsUrl = Text<HttpsRule>;

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges.iter().any(|&(from, to)| (from..=to).contains(&c))
}

/// White space, control characters and `URL_UNSAFE` (`in_ranges` over the
/// tables, so that the schema's pattern is built from the same lists).
fn unsafe_in_url(c: char) -> bool {
    in_ranges(WHITE_SPACE, c) || in_ranges(CONTROL, c) || URL_UNSAFE.contains(c)
}

impl Rule for HttpsRule {
    const NAME: &'static str = "HttpsUrl";
    fn check(url: &str) -> Result<(), Issue> {
        let Some(rest) = url.strip_prefix("https://") else {
            return Err(Issue::NotHttps { url: url.to_string() });
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.is_empty() || url.chars().any(unsafe_in_url) {
            return Err(Issue::BadHttps { url: url.to_string() });
        }
        Ok(())
    }
    #[cfg(not(target_arch = "wasm32"))]
    fn schema() -> serde_json::Value {
        let unsafe_class: String =
            class(WHITE_SPACE) + &class(CONTROL) + &URL_UNSAFE.chars().map(|c| class(&[(c, c)])).collect::<String>();
        serde_json::json!({
            "description": "An https:// address with a host, without white space, control characters or < > \" \\ `.",
            "type": "string",
            "pattern": format!("^https://[^/?#{unsafe_class}][^{unsafe_class}]*$"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::WHITE_SPACE;

    #[test]
    fn the_white_space_written_out_is_rusts_for_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let listed = WHITE_SPACE.iter().any(|&(first, last)| (first..=last).contains(&c));
            assert_eq!(listed, c.is_whitespace(), "{c:?}");
        }
    }
}
