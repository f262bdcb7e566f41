//! Fetching the dataset in the browser (gloo-net).

use gloo_net::http::Request;
use wasm_bindgen::JsCast;

use super::error::{LoadError, TIMEOUT_SECONDS};
use super::validate::{parse_dataset_bytes, Loaded};

/// Relative on purpose: the built site works at `/` and under any sub-path.
pub const DATA_URL: &str = "data/partnerships.json";

/// Set by the service worker (scripts/service-worker.template.js) on a saved
/// copy served while the network is unreachable: the date it was saved.
const SAVED_HEADER: &str = "X-Explorer-Saved";

/// A loaded dataset, and the date it was saved when it is an offline copy.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub loaded: Loaded,
    pub saved_on: Option<String>,
}

pub async fn fetch_dataset(url: String) -> Result<Fetched, LoadError> {
    // A request that hangs is aborted after the timeout, so Retry is offered
    // instead of an endless "Loading".
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let timer = controller.and_then(|controller| {
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
        let ms = i32::try_from(TIMEOUT_SECONDS * 1000).unwrap_or(i32::MAX);
        web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), ms).ok()
    });
    let result = fetch(&url, signal.as_ref()).await;
    if let (Some(timer), Some(window)) = (timer, web_sys::window()) {
        window.clear_timeout_with_handle(timer);
    }
    match result {
        Err(LoadError::Network { .. }) if signal.as_ref().is_some_and(web_sys::AbortSignal::aborted) => {
            Err(LoadError::Timeout { seconds: TIMEOUT_SECONDS })
        }
        other => other,
    }
}

/// The date our service worker saved its copy of the dataset at `url`, when
/// that copy is what answers (offline); none when the network does.
pub async fn saved_on(url: &str) -> Option<String> {
    saved_date(&Request::get(url).send().await.ok()?)
}

/// The header is our own service worker's, but read as untrusted text all the same.
fn saved_date(response: &gloo_net::http::Response) -> Option<String> {
    response.headers().get(SAVED_HEADER).map(|date| date.chars().take(40).collect())
}

async fn fetch(url: &str, signal: Option<&web_sys::AbortSignal>) -> Result<Fetched, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { detail: e.to_string() };
    let response = Request::get(url).abort_signal(signal).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    // Bytes, not text: invalid UTF-8 is reported rather than silently replaced.
    let saved_on = saved_date(&response);
    let bytes = response.binary().await.map_err(network)?;
    let loaded = parse_dataset_bytes(&bytes).map_err(LoadError::Invalid)?;
    Ok(Fetched { loaded, saved_on })
}
