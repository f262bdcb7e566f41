//! Exploring the dataset: the filter a visitor builds, search normalisation,
//! matching with facet counts, and the query-string codec. Plain Rust: no DOM,
//! no leptos, tested natively.

pub mod filter;
pub mod handout;
pub mod index;
pub mod overview;
pub mod query;
pub mod search;
pub mod similar;

pub use filter::{Choice, Filter, Sort, TopicSet};
pub use index::{Index, Results};
pub use overview::{Overview, OverviewCell, OverviewRow};
pub use query::{data_path, parse_query, read_own_query, write_query, write_query_keeping, Known};
pub use similar::{Like, SIMILAR};
