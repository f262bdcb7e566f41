//! The dataset: its types, and parsing with located errors (plain Rust: the
//! browser reads it through `crate::load`).

/// The bundled list's file. Relative on purpose: the built site works at `/`
/// and under any sub-path.
pub const DATA_URL: &str = "data/partnerships.json";

pub mod error;
pub mod issue;
pub mod launched;
#[cfg(not(target_arch = "wasm32"))]
pub mod locate;
pub mod model;
pub mod path;
pub mod place;
pub mod problem;
mod read;
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sheet;
pub mod text;
pub mod validate;
pub mod words;

pub use error::LoadError;
pub use issue::Issue;
pub use launched::Launched;
pub use model::{Dataset, Members, National, Partnership, SchemaVersion, Sector, Source, Topic};
pub use path::{List, Path, Segment};
pub use problem::{CellRef, Field, Kind, Place, Problem, TextAt};
pub use text::{HttpsUrl, Id, LaunchDate, Name, Prose, StateCode};
pub use validate::{parse_dataset, parse_dataset_bytes, parse_trusted, validate, Loaded, Unusable, Validator};
