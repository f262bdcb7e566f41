//! The take-along code (`src/bin/take_along.rs`: the CSV writer and the QR
//! code), which the first visit does not carry. It is asked for when a visitor
//! first wants one of them, through the boot script's loader
//! (`names::TAKE_ALONG_CODE`), and kept for the rest of the visit. Natively
//! (the prerender, the tests) the same functions are called directly.

use crate::explore::handout::QrSvg;

/// Why the code could not be had, in words that fit "… could not be made: {why}".
pub const NOT_DOWNLOADED: &str = "its code could not be downloaded (are you offline?)";

/// The CSV file of a view from its JSON file (`data::report::dataset_json`),
/// once the code has come.
pub async fn view_csv(json: String) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let code = browser::load().await?;
        browser::call(&code, "view_csv", &json)
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
        browser::call(&code, "qr_code", text).ok().as_deref().and_then(QrSvg::from_text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    QrSvg::encode(text)
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

    /// The export `name` called with `text`: its text, or its error's.
    pub fn call(exports: &JsValue, name: &str, text: &str) -> Result<String, String> {
        let function = Reflect::get(exports, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| format!("its code has no {name}"))?;
        let answer = function
            .call1(&JsValue::NULL, &JsValue::from_str(text))
            .map_err(|e| e.as_string().unwrap_or_else(|| "its code failed".to_string()))?;
        answer.as_string().ok_or_else(|| format!("{name} gave nothing"))
    }
}
