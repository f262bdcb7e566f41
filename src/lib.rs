//! Partnership Explorer: fetch → parse & validate → dataset → view.
//!
//! `data` and `geo` are plain Rust (no DOM) and tested natively; `components`
//! are thin Leptos views over them.

#![recursion_limit = "256"]

pub mod browser;
pub mod components;
pub mod data;
pub mod embed;
pub mod explore;
pub mod geo;
pub mod order;
pub mod own_copy;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod start;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub use app::App;
