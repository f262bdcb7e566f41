//! The URL query string is the filter: one codec reads and writes it.
//!
//! `?sector=healthcare&state=LA&topic=apprenticeships&topic=internships&q=nursing&sort=launched`
//!
//! The query string is untrusted: unknown or malformed values are dropped, each
//! with a short notice for the visitor; nothing here can fail.

use super::filter::{Filter, Sort};
use super::search::MAX_QUERY_CHARS;
use crate::data::Dataset;
use crate::geo;

/// The ids a filter may use: those of the loaded dataset. Lists, not sets: they
/// are short, and one more hash-set type costs the wasm about a kilobyte.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub sectors: Vec<String>,
    pub topics: Vec<String>,
}

impl Known {
    pub fn from_dataset(dataset: &Dataset) -> Known {
        Known {
            sectors: dataset.sectors.iter().map(|s| s.id.to_string()).collect(),
            topics: dataset.topics.iter().map(|t| t.id.to_string()).collect(),
        }
    }
}

/// The `key=value` parts of a query string, with or without its leading `?`.
pub(crate) fn pairs(search: &str) -> impl Iterator<Item = &str> {
    search.strip_prefix('?').unwrap_or(search).split('&').filter(|p| !p.is_empty())
}

/// The `(key, value)` parameters of a query string, decoded as the browser's
/// `URLSearchParams` decodes them (`+` and `%XX`; a broken escape is kept as
/// written): the one reading of an address that the head script in
/// index.html and the app share, so `?embed=%31` is an embed to both.
pub(crate) fn params(search: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let lenient = |raw: &str| decode(raw).unwrap_or_else(|| raw.to_string());
    pairs(search).map(move |pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (lenient(key), lenient(value))
    })
}

/// Reads a query string (with or without the leading `?`) into a filter, plus a
/// notice for each value that was ignored.
pub fn parse_query(search: &str, known: &Known) -> (Filter, Vec<String>) {
    let mut filter = Filter::default();
    let mut notices = Vec::new();
    let mut seen_q = false;
    let mut seen_sort = false;
    for pair in pairs(search) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (decode(raw_key), decode(raw_value)) else {
            notices.push("Ignored a malformed part of the address.".to_string());
            continue;
        };
        match key.as_str() {
            "sector" if value.is_empty() => {}
            "sector" if filter.sector.is_some() => {
                notices.push(format!("Ignored the extra sector “{}”: one sector at a time.", clip(&value)))
            }
            "sector" if known.sectors.contains(&value) => filter.sector = Some(value),
            "sector" => notices.push(format!("Ignored the unknown sector “{}”.", clip(&value))),
            "state" if value.is_empty() => {}
            "state" if filter.state.is_some() => {
                notices.push(format!("Ignored the extra state “{}”: one state at a time.", clip(&value)))
            }
            "state" => match geo::state(&value.to_ascii_uppercase()) {
                Some(state) => filter.state = Some(state.code.to_string()),
                None => notices.push(format!("Ignored the unknown state “{}”.", clip(&value))),
            },
            "topic" if known.topics.contains(&value) => {
                filter.topics.insert(&value);
            }
            "topic" => notices.push(format!("Ignored the unknown topic “{}”.", clip(&value))),
            "q" if seen_q => notices.push("Ignored a second search text.".to_string()),
            "q" if value.chars().count() > MAX_QUERY_CHARS => {
                seen_q = true;
                notices.push(format!("Ignored a search text longer than {MAX_QUERY_CHARS} characters."));
            }
            "q" => {
                seen_q = true;
                filter.query = value;
            }
            "sort" if seen_sort => notices.push("Ignored a second sort order.".to_string()),
            "sort" => {
                seen_sort = true;
                match Sort::parse(&value) {
                    Some(sort) => filter.sort = sort,
                    None => notices.push(format!("Ignored the unknown sort order “{}”.", clip(&value))),
                }
            }
            // Other parameters belong to others (embedding, analytics): not ours to judge.
            _ => {}
        }
    }
    (filter, notices)
}

/// A query this app wrote (`write_query`), read back where the dataset is not
/// at hand (the take-along code's embed dialog, `src/bin/take_along.rs`):
/// every sector and topic it names counts as known.
pub fn read_own_query(search: &str) -> Filter {
    let named = |wanted: &str| -> Vec<String> {
        params(search).filter(|(key, _)| key == wanted).map(|(_, value)| value).collect()
    };
    let known = Known { sectors: named("sector"), topics: named("topic") };
    parse_query(search, &known).0
}

/// Writes a filter as a query string: `""` for the default view, else `?...`.
pub fn write_query(filter: &Filter) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if let Some(sector) = &filter.sector {
        pairs.push(("sector", sector));
    }
    if let Some(state) = &filter.state {
        pairs.push(("state", state));
    }
    for topic in &filter.topics {
        pairs.push(("topic", topic));
    }
    if !filter.query.is_empty() {
        pairs.push(("q", &filter.query));
    }
    if filter.sort != Sort::default() {
        pairs.push(("sort", filter.sort.as_str()));
    }
    if pairs.is_empty() {
        return String::new();
    }
    let mut out = String::from("?");
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        encode_into(value, &mut out);
    }
    out
}

/// The parameters this codec owns; any other (`data`, `embed`, ...) belongs to
/// someone else and is carried over unchanged when the filter is written.
/// The filter's own parameters (embed.js gets them from here: `names`).
pub const FILTER_PARAMS: [&str; 5] = ["sector", "state", "topic", "q", "sort"];

/// The address query for `filter`, keeping the parameters of `current` that are
/// not the filter's (so `?data=...` survives a click).
pub fn write_query_keeping(filter: &Filter, current: &str) -> String {
    let mut query = write_query(filter);
    for pair in pairs(current) {
        let key = pair.split_once('=').map_or(pair, |(k, _)| k);
        if !decode(key).is_some_and(|k| FILTER_PARAMS.contains(&k.as_str())) {
            query.push(if query.is_empty() { '?' } else { '&' });
            query.push_str(pair);
        }
    }
    query
}

/// The longest `?data=` path accepted.
pub const DATA_PATH_MAX_LEN: usize = 200;

/// `data_path`'s rule as a regular expression, for index.html's head script,
/// which asks for the list before any wasm arrives (with `DATA_PATH_MAX_LEN`):
/// segments of `A-Z a-z 0-9 . _ -` that are neither `.` nor `..`, joined by
/// `/`, the last ending in `.json`. A test holds the two to the same verdict.
pub const DATA_PATH_PATTERN: &str = concat!(
    r"^(?:(?:[A-Za-z0-9_-][A-Za-z0-9._-]*|\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\.\.[A-Za-z0-9._-]+)/)*",
    r"[A-Za-z0-9._-]*\.json$"
);

/// The dataset address asked for by `?data=`: `Ok(None)` when there is none, an
/// error message when it is not a relative `.json` path on this site.
pub fn data_path(search: &str) -> Result<Option<String>, String> {
    let Some(path) = params(search).find_map(|(key, value)| (key == "data").then_some(value)) else {
        return Ok(None);
    };
    let safe_chars = path.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
    let ok = safe_chars && path.len() <= DATA_PATH_MAX_LEN && path.ends_with(".json") && stays_in_site(&path);
    if ok {
        Ok(Some(path))
    } else {
        Err(format!(
            concat!(
                "Refused the data address “{}”: only a relative path on this site ending in .json ",
                "(like data/colorado.json) is allowed. Showing the bundled data."
            ),
            clip(&path)
        ))
    }
}

/// Whether `path` is relative and stays in the site's folder: segments joined
/// by `/`, none empty, `.` or `..` (so no leading `/`, no way up). A `?data=`
/// list's path keeps it, as does each file of a copy of the site (`own_copy`).
pub fn stays_in_site(path: &str) -> bool {
    path.split('/').all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}

/// Form-style encoding: unreserved bytes as they are, space as `+`, the rest `%XX`.
fn encode_into(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                for nibble in [b >> 4, b & 15] {
                    out.extend(HEX.get(usize::from(nibble)).map(|&h| char::from(h)));
                }
            }
        }
    }
}

/// Decodes `+` and `%XX`; `None` for a broken escape or bytes that are not UTF-8.
fn decode(raw: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut input = raw.bytes();
    while let Some(b) = input.next() {
        match b {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hi = char::from(input.next()?).to_digit(16)?;
                let lo = char::from(input.next()?).to_digit(16)?;
                bytes.push(u8::try_from(hi * 16 + lo).ok()?);
            }
            b => bytes.push(b),
        }
    }
    String::from_utf8(bytes).ok()
}

/// Keeps notices short and readable whatever was pasted into the address.
fn clip(value: &str) -> String {
    let cleaned: String = value.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if cleaned.chars().count() > 40 {
        format!("{}…", cleaned.chars().take(40).collect::<String>())
    } else {
        cleaned
    }
}
