//! Fetching the dataset in the browser (gloo-net).

use gloo_net::http::Request;

use super::error::LoadError;
use super::validate::{parse_dataset, Loaded};

/// Relative on purpose: the built site works at `/` and under any sub-path.
pub const DATA_URL: &str = "data/partnerships.json";

pub async fn fetch_dataset(url: &str) -> Result<Loaded, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { detail: e.to_string() };
    let response = Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http { url: url.to_string(), status: response.status(), status_text: response.status_text() });
    }
    let text = response.text().await.map_err(network)?;
    parse_dataset(&text).map_err(LoadError::Invalid)
}
