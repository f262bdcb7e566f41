//! The dataset format, version 1: the contract that partner sites rely on.
//!
//! Unknown fields are tolerated (the format may grow); what is here is required
//! unless it is an `Option`. `public/data/partnerships.schema.json` is generated
//! from these types (see `crate::data::json_schema`).

use serde::{Deserialize, Serialize};

/// The only `schema_version` this build understands.
pub const SCHEMA_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// A Partnership Explorer dataset (`partnerships.json`), format version 1.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Dataset {
    /// Always 1 for this format.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1)))]
    pub schema_version: u64,
    pub title: String,
    pub source: Source,
    pub national: National,
    pub sectors: Vec<Sector>,
    pub topics: Vec<Topic>,
    pub partnerships: Vec<Partnership>,
}

/// Where the facts come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Source {
    pub name: String,
    /// An `https://` address, or null when the page has no known address.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^https://")))]
    pub url: Option<String>,
}

/// The headline figures for the whole country ("over seventy-five partnerships
/// in a dozen states").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct National {
    pub partnerships: u32,
    /// How `partnerships` is qualified: "over", "nearly", ... or null when exact.
    pub partnerships_qualifier: Option<String>,
    pub states: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Sector {
    /// kebab-case id, e.g. `healthcare`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")))]
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Topic {
    /// kebab-case id, e.g. `apprenticeships`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")))]
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Partnership {
    /// Unique kebab-case slug, also the card's anchor.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")))]
    pub id: String,
    /// Full name as on the source page.
    pub name: String,
    /// Common abbreviation, e.g. "HILT".
    pub short_name: Option<String>,
    /// A `sectors[].id`.
    pub sector: String,
    /// USPS code of one of the 50 states or DC, e.g. "LA".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[A-Z]{2}$")))]
    pub state: String,
    /// The region within the state, e.g. "Northeast Louisiana".
    pub region: String,
    /// "YYYY" or "YYYY-MM" when known.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$")))]
    pub launched: Option<String>,
    pub members: Option<Members>,
    /// One or two sentences.
    pub summary: String,
    /// One concrete achievement each.
    pub highlights: Vec<String>,
    /// `topics[].id` values.
    pub topics: Vec<String>,
    /// An `https://` address, or null when none is known.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^https://")))]
    pub website: Option<String>,
}

/// "nearly 40 healthcare organizations".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Members {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1)))]
    pub approx: u32,
    /// "nearly", "over", ... or null when exact.
    pub qualifier: Option<String>,
    pub what: String,
}

impl Dataset {
    pub fn sector_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.sectors.iter().find(|s| s.id == id).map_or(id, |s| s.label.as_str())
    }

    pub fn topic_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.topics.iter().find(|t| t.id == id).map_or(id, |t| t.label.as_str())
    }
}

/// "over 75", "nearly 40", "12": a count with its optional qualifier.
pub fn qualified_count(qualifier: Option<&str>, count: u32) -> String {
    match qualifier.map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => format!("{q} {count}"),
        None => count.to_string(),
    }
}

impl Members {
    /// "nearly 40 healthcare organizations".
    pub fn describe(&self) -> String {
        format!("{} {}", qualified_count(self.qualifier.as_deref(), self.approx), self.what)
    }
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// A validated launch date: a year, or a year and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Launched {
    pub year: u16,
    /// 1..=12 when known.
    pub month: Option<u8>,
}

impl Launched {
    /// Parses "YYYY" or "YYYY-MM"; `None` for anything else.
    pub fn parse(text: &str) -> Option<Launched> {
        let (year, month) = match text.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (text, None),
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let month = match month {
            None => None,
            Some(m) if digits(m, 2) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            Some(_) => return None,
        };
        Some(Launched { year, month })
    }

    /// "May 2018" or "2015".
    pub fn display(&self) -> String {
        let month = self.month.and_then(|m| MONTHS.get(usize::from(m).checked_sub(1)?));
        match month {
            Some(name) => format!("{name} {}", self.year),
            None => self.year.to_string(),
        }
    }
}
