//! The build-time prerender: the default view (no filter), rendered natively
//! to HTML by the very components that render it in the browser, so the page
//! is complete before the wasm arrives and readable without JavaScript.
//! `src/bin/prerender.rs` runs it; `scripts/post-build.mjs` puts the HTML into
//! `dist/index.html`, where the app later takes over (`browser::take_over`).

use leptos::prelude::*;

use crate::components::{LoadedView, Page};
use crate::data::{parse_dataset, Unusable};

/// The inside of `#app` for the default view of the dataset `json`; an unusable
/// dataset is an error (a build must not ship a page that cannot be shown).
pub fn default_view_html(json: &str) -> Result<String, Unusable> {
    let loaded = parse_dataset(json)?;
    let owner = Owner::new();
    let html = owner.with(|| view! { <Page><LoadedView loaded/></Page> }.to_html());
    // Leptos marks places with `<!>`, which the HTML standard calls a bogus
    // comment; `<!---->` is the conforming empty comment. A comment, not
    // nothing: it keeps the text around it in separate text nodes, as the app
    // renders it, so that the take-over stays pixel-identical.
    Ok(html.replace("<!>", "<!---->"))
}
