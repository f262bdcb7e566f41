//! Partnership Explorer: fetch → parse & validate → dataset → view.
//!
//! `data` and `geo` are plain Rust (no DOM) and tested natively; `components`
//! are thin Leptos views over them.

#![recursion_limit = "256"]

pub mod address;
pub mod browser;
pub mod components;
pub mod data;
pub mod embed;
pub mod explore;
pub mod fresh;
pub mod geo;
pub mod later;
#[cfg(target_arch = "wasm32")]
pub mod load;
pub mod names;
pub mod on_demand;
pub mod order;
pub mod own_copy;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(target_arch = "wasm32")]
pub mod start;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub use app::App;
