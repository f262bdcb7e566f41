//! The dataset format, version 1: the contract that partner sites rely on.
//!
//! These types are the one description of the format. serde (through eserde,
//! which reports every wrong field instead of only the first) reads a dataset
//! into them; the rules a field keeps live in its type (`super::text`); the
//! published JSON Schema, `public/data/partnerships.schema.json`, is generated
//! from them (`crate::data::schema`). Unknown fields are tolerated (the format
//! may grow); what is here is required unless it is an `Option`. Each `Option`
//! carries `#[serde(default)]`: serde reads an absent field as `None` by
//! itself, eserde only when told so.

use std::num::NonZeroU32;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::issue::Issue;
use super::text::{HttpsUrl, Id, LaunchDate, Name, Prose, StateCode};

/// The only `schema_version` this build understands.
pub const SCHEMA_VERSION: u64 = 1;

/// Most highlights or topics on one partnership (checked in `validate`: a
/// list's items each report their own problems, so the length is checked after).
pub const MAX_ITEMS: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize, eserde::Deserialize)]
/// A Partnership Explorer dataset (`partnerships.json`), format version 1.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Dataset {
    /// Always 1 for this format.
    pub schema_version: SchemaVersion,
    pub title: Name,
    pub source: Source,
    pub national: National,
    pub sectors: Vec<Sector>,
    pub topics: Vec<Topic>,
    pub partnerships: Vec<Partnership>,
}

/// The format's version: this build reads 1 and refuses any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SchemaVersion;

impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(SCHEMA_VERSION)
    }
}

impl SchemaVersion {
    /// The version this build reads, or the issue with any other.
    pub fn check(version: u64) -> Result<SchemaVersion, Issue> {
        match version {
            SCHEMA_VERSION => Ok(SchemaVersion),
            version => Err(Issue::UnsupportedVersion { version, supported: SCHEMA_VERSION }),
        }
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SchemaVersion::check(u64::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

eserde::impl_edeserialize_compat!(SchemaVersion);

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for SchemaVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaVersion".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "integer", "const": SCHEMA_VERSION })
    }
}

/// Where the facts come from.
#[derive(Debug, Clone, PartialEq, Serialize, eserde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Source {
    pub name: Name,
    /// An `https://` address, or null when the page has no known address.
    #[serde(default)]
    pub url: Option<HttpsUrl>,
}

/// The headline figures for the whole country ("over seventy-five partnerships
/// in a dozen states").
#[derive(Debug, Clone, PartialEq, Serialize, eserde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct National {
    pub partnerships: u32,
    /// How `partnerships` is qualified: "over", "nearly", ... or null when exact.
    #[serde(default)]
    pub partnerships_qualifier: Option<String>,
    pub states: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, eserde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Sector {
    /// e.g. `healthcare`.
    pub id: Id,
    pub label: Name,
}

#[derive(Debug, Clone, PartialEq, Serialize, eserde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Topic {
    /// e.g. `apprenticeships`.
    pub id: Id,
    pub label: Name,
}

#[derive(Debug, Clone, PartialEq, Serialize, eserde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Partnership {
    /// Unique among the partnerships; also the card's anchor.
    pub id: Id,
    /// Full name as on the source page.
    pub name: Name,
    /// Common abbreviation, e.g. "HILT".
    #[serde(default)]
    pub short_name: Option<Name>,
    /// A `sectors[].id`.
    pub sector: Id,
    /// e.g. "LA".
    pub state: StateCode,
    /// The region within the state, e.g. "Northeast Louisiana".
    pub region: Name,
    #[serde(default)]
    pub launched: Option<LaunchDate>,
    #[serde(default)]
    pub members: Option<Members>,
    /// One or two sentences.
    pub summary: Prose,
    /// One concrete achievement each.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(max = MAX_ITEMS)))]
    pub highlights: Vec<Prose>,
    /// `topics[].id` values.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(max = MAX_ITEMS)))]
    pub topics: Vec<Id>,
    /// An `https://` address, or null when none is known.
    #[serde(default)]
    pub website: Option<HttpsUrl>,
}

/// "nearly 40 healthcare organizations".
#[derive(Debug, Clone, PartialEq, Serialize, eserde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Members {
    /// At least 1.
    #[eserde(compat)]
    pub approx: NonZeroU32,
    /// "nearly", "over", ... or null when exact.
    #[serde(default)]
    pub qualifier: Option<String>,
    pub what: Name,
}

impl Dataset {
    /// The same header, sectors and topics with other partnerships (a view's,
    /// or none): the partnerships of `self` are not copied.
    pub fn with_partnerships(&self, partnerships: Vec<Partnership>) -> Dataset {
        Dataset {
            schema_version: self.schema_version,
            title: self.title.clone(),
            source: self.source.clone(),
            national: self.national.clone(),
            sectors: self.sectors.clone(),
            topics: self.topics.clone(),
            partnerships,
        }
    }

    /// Where the partnership with this id is in `partnerships` (a card's `#id`).
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.partnerships.iter().position(|p| p.id == id)
    }

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
        format!("{} {}", qualified_count(self.qualifier.as_deref(), self.approx.get()), self.what)
    }
}
