//! The take-along code (`src/bin/take_along.rs`: the CSV writer, the QR code
//! and the embed dialog's content), which the first visit does not carry. It
//! is asked for when a visitor first wants one of them, through the boot
//! script's loader (`names::TAKE_ALONG_CODE`), and kept for the rest of the
//! visit. Its exports are called by name here; the end-to-end tests use each.
//! Natively (the prerender, the tests) the same functions are called directly.

use crate::embed::EmbedTarget;
use crate::explore::handout::QrSvg;

/// Why the code could not be had, in words that fit "… could not be made: {why}".
pub const NOT_DOWNLOADED: &str = "its code could not be downloaded (are you offline?)";

/// The CSV file of a view from its JSON file (`data::report::dataset_json`),
/// once the code has come.
pub async fn view_csv(json: String) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let code = browser::load().await?;
        browser::call(&code, "view_csv", &[json.into()])?.as_string().ok_or_else(|| "no CSV came".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    crate::explore::handout::csv_from_json(&json)
}

/// Loads the code if it has not come yet: what a print waits for.
pub async fn load() -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    browser::load().await?;
    Ok(())
}

/// A QR code of `text` at once, if the code has come (`load`); a print cannot
/// wait for it.
pub fn qr_code_now(text: &str) -> Option<QrSvg> {
    #[cfg(target_arch = "wasm32")]
    {
        let code = browser::loaded()?;
        browser::call(&code, "qr_code", &[text.into()]).ok()?.as_string().as_deref().and_then(QrSvg::from_text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    QrSvg::encode(text)
}

/// Fills the page's embed dialog for `target` (`components::embed::EmbedChoices`),
/// once the code has come.
pub async fn embed_dialog(target: &EmbedTarget) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        let code = browser::load().await?;
        let query = crate::explore::write_query(&target.filter);
        let list = target.list.as_deref().map_or(wasm_bindgen::JsValue::UNDEFINED, Into::into);
        browser::call(&code, "embed_dialog", &[target.base.as_str().into(), query.into(), list])?;
    }
    // Natively there is no page to fill.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = target;
    Ok(())
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::NOT_DOWNLOADED;
    use crate::names;

    thread_local! {
        /// The code's exports, once they have come.
        static EXPORTS: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    pub fn loaded() -> Option<JsValue> {
        EXPORTS.with_borrow(Clone::clone)
    }

    /// The exports, asked for once: the boot script's loader shares one
    /// request between callers and asks again after a failure.
    pub async fn load() -> Result<JsValue, String> {
        if let Some(exports) = loaded() {
            return Ok(exports);
        }
        let window = web_sys::window().ok_or(NOT_DOWNLOADED)?;
        let loader = Reflect::get(&window, &JsValue::from_str(names::TAKE_ALONG_CODE))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or(NOT_DOWNLOADED)?;
        let promise = loader.call0(&window).ok().and_then(|p| p.dyn_into::<Promise>().ok()).ok_or(NOT_DOWNLOADED)?;
        let exports = JsFuture::from(promise).await.map_err(|_| NOT_DOWNLOADED.to_string())?;
        EXPORTS.set(Some(exports.clone()));
        Ok(exports)
    }

    /// The export `name` called with `arguments`: what it returns, or its error's text.
    pub fn call(exports: &JsValue, name: &str, arguments: &[JsValue]) -> Result<JsValue, String> {
        let function = Reflect::get(exports, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| format!("its code has no {name}"))?;
        let arguments: js_sys::Array = arguments.iter().collect();
        function
            .apply(&JsValue::NULL, &arguments)
            .map_err(|e| e.as_string().unwrap_or_else(|| "its code failed".to_string()))
    }
}
