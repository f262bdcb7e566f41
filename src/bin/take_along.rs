//! The code a visitor needs only when taking a view along: the CSV writer of
//! "Download CSV" and the QR code of a printed view. The explorer's wasm (and
//! a partner's list's, and the check page's) asks for it when one of these is
//! first wanted (`src/on_demand.rs`, through the boot script), so a first
//! visit does not carry it; the service worker caches it with the rest of the
//! site, so Print and the CSV download work offline once the page was visited.

#[cfg(target_arch = "wasm32")]
mod exports {
    use partnership_explorer::explore::handout::{csv_from_json, QrSvg};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The CSV file of a view, from its JSON file (`data::report::dataset_json`).
    #[wasm_bindgen]
    pub fn view_csv(json: &str) -> Result<String, String> {
        csv_from_json(json)
    }

    /// A QR code of `text` as `QrSvg::to_text` writes it; `None` when the text
    /// is too long for a QR code.
    #[wasm_bindgen]
    pub fn qr_code(text: &str) -> Option<String> {
        QrSvg::encode(text).map(|code| code.to_text())
    }
}

// Nothing to start: the explorer calls the exports.
fn main() {}
