//! Fetching the dataset in the browser (gloo-net).

use gloo_net::http::Request;

use super::error::LoadError;
use super::validate::{parse_dataset_bytes, Loaded};

/// Relative on purpose: the built site works at `/` and under any sub-path.
pub const DATA_URL: &str = "data/partnerships.json";

pub async fn fetch_dataset(url: &str) -> Result<Loaded, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { detail: e.to_string() };
    let response = Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http { url: url.to_string(), status: response.status(), status_text: response.status_text() });
    }
    // Bytes, not text: invalid UTF-8 is reported rather than silently replaced.
    let bytes = response.binary().await.map_err(network)?;
    parse_dataset_bytes(&bytes).map_err(LoadError::Invalid)
}
