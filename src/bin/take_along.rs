//! The code a visitor needs only when taking a view along: the CSV writer of
//! "Download CSV", the QR code of a printed view and the embed dialog's
//! content. The explorer's wasm (and a partner's list's, and the check page's)
//! asks for it when one of these is first wanted (`src/on_demand.rs`, through
//! the boot script), so a first visit does not carry it; the service worker
//! caches it with the rest of the site, so Print, the CSV download and Embed
//! work offline once the page was visited.

#[cfg(target_arch = "wasm32")]
mod exports {
    use partnership_explorer::components::embed::mount_embed_choices;
    use partnership_explorer::embed::EmbedTarget;
    use partnership_explorer::explore::handout::{csv_from_json, QrSvg};
    use partnership_explorer::explore::read_own_query;
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

    /// Fills the page's embed dialog for the explorer at `base` showing the
    /// view of `query` (`explore::write_query`) and a partner's own `list`.
    #[wasm_bindgen]
    pub fn embed_dialog(base: String, query: &str, list: Option<String>) -> Result<(), String> {
        mount_embed_choices(EmbedTarget { base, filter: read_own_query(query), list })
    }
}

// Nothing to start: the explorer calls the exports.
#[cfg(target_arch = "wasm32")]
fn main() {
    partnership_explorer::browser::install_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
