//! The dataset: its types, parsing with located errors, and (in the browser) loading.

pub mod error;
pub mod model;
pub mod text;
pub mod validate;
#[cfg(target_arch = "wasm32")]
pub mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

pub use error::LoadError;
pub use model::{Dataset, Launched, Members, National, Partnership, SchemaVersion, Sector, Source, Topic};
pub use text::{HttpsUrl, Id, LaunchDate, Name, Prose, StateCode};
pub use validate::{parse_dataset, parse_dataset_bytes, Kind, Loaded, Problem, Unusable};
