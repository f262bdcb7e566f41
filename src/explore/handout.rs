//! A view taken along (printed, downloaded, shared): its filters in words,
//! the name of a file that holds it, and its partnerships as a dataset of
//! their own. Plain Rust, tested natively.

use super::filter::{Filter, Sort};
use super::search::query_words;
use crate::data::sheet::to_csv;
use crate::data::validate::parse_trusted;
use crate::data::Dataset;
use crate::geo::state_name;

/// "Healthcare · Louisiana · topic: Career pathways · search: “nurse”";
/// "All partnerships" when nothing narrows the view. Labels are the dataset's.
pub fn in_words(filter: &Filter, dataset: &Dataset) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(sector) = &filter.sector {
        parts.push(dataset.sector_label(sector).to_string());
    }
    if let Some(state) = &filter.state {
        parts.push(state_name(state).to_string());
    }
    for topic in &filter.topics {
        parts.push(format!("topic: {}", dataset.topic_label(topic)));
    }
    let query = filter.query.trim();
    if !query.is_empty() {
        parts.push(format!("search: “{query}”"));
    }
    if parts.is_empty() {
        parts.push("All partnerships".to_string());
    }
    if filter.sort != Sort::default() {
        parts.push(format!("sorted by {}", filter.sort.label().to_lowercase()));
    }
    parts.join(" · ")
}

/// `partnerships-healthcare-LA`: what a downloaded file of the view holds,
/// in letters, digits and hyphens that every system accepts in a file name.
pub fn file_stem(filter: &Filter) -> String {
    let mut parts = vec!["partnerships".to_string()];
    parts.extend(filter.sector.clone());
    parts.extend(filter.state.clone());
    parts.extend(filter.topics.iter().cloned());
    let words = query_words(&filter.query);
    if !words.is_empty() {
        parts.push(format!("search-{}", words.join("-")));
    }
    let stem: String = parts
        .join("-")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .take(MAX_STEM)
        .collect();
    stem.trim_end_matches('-').to_string()
}

/// Longest file name stem, in characters: short enough for any file system.
const MAX_STEM: usize = 100;

/// The view as a dataset of its own: the same header, sectors and topics,
/// and the partnerships `matching` names (indexes into the dataset), in that order.
pub fn view_dataset(dataset: &Dataset, matching: &[usize]) -> Dataset {
    dataset.with_partnerships(matching.iter().filter_map(|&i| dataset.partnerships.get(i).cloned()).collect())
}

/// A QR code as SVG: its width in modules (with the four-module quiet zone
/// the standard asks for) and a path of its dark modules, one unit square each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    pub size: i32,
    pub path: String,
}

impl QrSvg {
    /// A QR code of `text`; `None` when the text is too long for any QR code.
    pub fn encode(text: &str) -> Option<QrSvg> {
        let code = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).ok()?;
        const QUIET: i32 = 4;
        let size = code.size();
        let mut path = String::new();
        for y in 0..size {
            for x in 0..size {
                if code.get_module(x, y) {
                    path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET, y + QUIET));
                }
            }
        }
        Some(QrSvg { size: size + 2 * QUIET, path })
    }

    /// As one line of text, the form the take-along code hands it to the
    /// explorer in (`src/bin/take_along.rs`): the size, a space, the path.
    pub fn to_text(&self) -> String {
        format!("{} {}", self.size, self.path)
    }

    /// Back from `to_text`; `None` for any other text.
    pub fn from_text(text: &str) -> Option<QrSvg> {
        let (size, path) = text.split_once(' ')?;
        Some(QrSvg { size: size.parse().ok()?, path: path.to_string() })
    }
}

/// The CSV file of a view from its JSON file (`dataset_json`). The take-along
/// code (`src/bin/take_along.rs`) makes it when "Download CSV" is pressed, so
/// that the explorer's wasm carries no spreadsheet writer. The JSON is the
/// explorer's own, written from a dataset it read: serde alone reads it back.
pub fn csv_from_json(json: &str) -> Result<String, String> {
    parse_trusted(json).map(|dataset| to_csv(&dataset)).ok_or_else(|| "the view could not be read back".to_string())
}
