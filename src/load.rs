//! Reading a dataset in the browser: the one the page carries, or fetched
//! (gloo-net). Browser glue over the pure `data`.

use gloo_net::http::{Request, Response};
use wasm_bindgen::JsCast;

use crate::browser;
use crate::data::error::{LoadError, LIST_REQUEST, TIMEOUT_SECONDS};
use crate::data::validate::{parse_dataset_bytes, Loaded};

pub use crate::data::DATA_URL;

/// Set by the service worker (scripts/service-worker.template.js) on a saved
/// copy served while the network is unreachable: the date it was saved.
const SAVED_HEADER: &str = "X-Explorer-Saved";

/// A loaded dataset, and the date it was saved when it is an offline copy.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub loaded: Loaded,
    pub saved_on: Option<String>,
}

/// The dataset of a fresh page: the bundled one the page carries (`bundled`,
/// release builds: see `browser::bundled_dataset`), which needs no request, so
/// no failed, hanging or malformed answer can take its cards off the screen;
/// otherwise the one at `url`. On a later visit our service worker answers for
/// the bundled file too, at once (the network's copy, or its saved copy with
/// the date it was saved, for the offline note); if that fails, the page's own
/// copy serves. The page is built from the dataset in the next task.
pub async fn read_dataset(url: String, bundled: Option<String>) -> Result<Fetched, LoadError> {
    let parse_bundled = |json: &str| {
        let loaded = parse_dataset_bytes(json.as_bytes()).map_err(LoadError::Invalid)?;
        Ok(Fetched { loaded, saved_on: None })
    };
    let read = match bundled {
        None => fetch_dataset(url).await,
        Some(json) if browser::has_service_worker() => match fetch_dataset(url).await {
            Ok(answered) => Ok(answered),
            Err(_) => parse_bundled(&json),
        },
        Some(json) => {
            // Reading it is a task of its own.
            browser::next_task().await;
            parse_bundled(&json)
        }
    };
    browser::next_task().await;
    read
}

/// The dataset at `url`. The page's own `?data=` list was asked for by the
/// head script before any wasm arrived: that request is taken (once) and its
/// answer read, so the list is never asked for twice; a Retry, or any other
/// address, makes a request of its own.
pub async fn fetch_dataset(url: String) -> Result<Fetched, LoadError> {
    // A request that hangs is aborted after the timeout, so Retry is offered
    // instead of an endless "Loading".
    let (response, signal, timer) = match take_list_request(&url) {
        Some(early) => early,
        None => {
            let controller = web_sys::AbortController::new().ok();
            let signal = controller.as_ref().map(web_sys::AbortController::signal);
            let timer = controller.and_then(|controller| {
                let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
                let ms = i32::try_from(TIMEOUT_SECONDS * 1000).unwrap_or(i32::MAX);
                web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), ms).ok()
            });
            let request = Request::get(&url).abort_signal(signal.as_ref()).send();
            (Box::pin(request) as Pending, signal, timer)
        }
    };
    let result = read(&url, response).await;
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

/// A response on its way.
type Pending = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Response, gloo_net::Error>>>>;

/// The head script's request (index.html) for the list at `url`, taken off
/// `window` so that it is read once: its response, its signal and its timer.
fn take_list_request(url: &str) -> Option<(Pending, Option<web_sys::AbortSignal>, Option<i32>)> {
    use js_sys::Reflect;
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str(LIST_REQUEST);
    let request = Reflect::get(&window, &key).ok().filter(|r| r.is_object())?;
    let field = |name: &str| Reflect::get(&request, &wasm_bindgen::JsValue::from_str(name)).ok();
    if field("path")?.as_string().as_deref() != Some(url) {
        return None;
    }
    Reflect::delete_property(&window, &key).ok()?;
    let promise = field("response")?.dyn_into::<js_sys::Promise>().ok()?;
    let signal = field("signal").and_then(|s| s.dyn_into::<web_sys::AbortSignal>().ok());
    // A timer's id is a small whole number.
    let timer = field("timer").and_then(|t| t.as_f64()).and_then(|t| i32::try_from(t as i64).ok());
    let response = async move {
        let answered = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(js_error)?;
        Ok(Response::from(answered.dyn_into::<web_sys::Response>().map_err(js_error)?))
    };
    Some((Box::pin(response) as Pending, signal, timer))
}

/// The bytes of a file of the site at `path` (from our service worker's cache
/// once the site is visited); an error says which file and why.
pub async fn site_file(path: &str) -> Result<Vec<u8>, String> {
    let failed = |why: String| format!("{path} could not be fetched ({why})");
    let response = Request::get(path).send().await.map_err(|e| failed(e.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("the server answered {}", response.status())));
    }
    response.binary().await.map_err(|e| failed(e.to_string()))
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

/// A rejection from JavaScript, said as gloo-net says its own ("TypeError: Failed to fetch").
fn js_error(value: wasm_bindgen::JsValue) -> gloo_net::Error {
    let said = value.dyn_ref::<js_sys::Error>().map(|e| format!("{}: {}", e.name(), e.message()));
    gloo_net::Error::GlooError(said.unwrap_or_else(|| "the request failed".to_string()))
}

async fn read(url: &str, response: Pending) -> Result<Fetched, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { detail: e.to_string() };
    let response = response.await.map_err(network)?;
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
