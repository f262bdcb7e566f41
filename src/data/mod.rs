//! The dataset: its types, parsing with located errors, and (in the browser) loading.

pub mod error;
mod from_json;
pub mod json;
pub mod model;
pub mod validate;
#[cfg(target_arch = "wasm32")]
pub mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

pub use error::LoadError;
pub use model::{Dataset, Launched, Members, National, Partnership, Sector, Source, Topic};
pub use validate::{parse_dataset, parse_dataset_bytes, Loaded, Problem, Unusable};
