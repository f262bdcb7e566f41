//! Why the dataset could not be shown: a value the view renders, with Retry.

use super::validate::Unusable;

/// How long the data may take before the page gives up and offers Retry.
pub const TIMEOUT_SECONDS: u32 = 10;

/// The property of `window` where index.html's head script leaves the request
/// it started for the page's `?data=` list, before any wasm has arrived:
/// `{ path, response, signal, timer }` (a `Promise<Response>`, the signal that
/// aborts it after `TIMEOUT_SECONDS`, the timer's id). The app takes it once
/// (`load::fetch_dataset`): the list is never asked for twice.
pub const LIST_REQUEST: &str = "partnershipExplorerList";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The request never got an answer (offline, DNS, CORS, aborted).
    #[error("The partnership data could not be reached ({detail}). Check your connection and try again.")]
    Network { detail: String },
    /// No answer within the time limit (a hanging server or a very slow line).
    #[error(
        "The partnership data did not arrive within {seconds} seconds. The connection may be slow or the server busy."
    )]
    Timeout { seconds: u32 },
    /// The server answered, but not with the file.
    #[error(
        "The server answered {status}{} for {url}, so there is no partnership data to show.",
        status_text_suffix(.status_text)
    )]
    Http { url: String, status: u16, status_text: String },
    /// The file arrived but cannot be used; every reason found is listed.
    #[error("The partnership data arrived but cannot be used: {} problem(s) found.", .0.problems.len())]
    Invalid(Unusable),
}

fn status_text_suffix(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" ({text})")
    }
}
