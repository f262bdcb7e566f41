//! The build-time prerender: the default view (no filter), rendered natively
//! to HTML by the very components that render it in the browser, so the page
//! is complete before the wasm arrives and readable without JavaScript.
//! `src/bin/prerender.rs` runs it; `scripts/post-build.mjs` puts the HTML into
//! `dist/index.html`, where the app hydrates it (`start::run_explorer`).

use leptos::prelude::*;

use crate::components::{LoadedView, Page};
use crate::data::{parse_dataset, Unusable};
use crate::explore::{Filter, Index};

/// The inside of `#app` for the default view of the dataset `json`; an unusable
/// dataset is an error (a build must not ship a page that cannot be shown).
pub fn default_view_html(json: &str) -> Result<String, Unusable> {
    let loaded = parse_dataset(json)?;
    let owner = Owner::new();
    let html = owner.with(|| view! { <Page><LoadedView loaded/></Page> }.to_html());
    // Leptos marks places with `<!>`, which the HTML standard calls a bogus
    // comment; `<!---->` is the conforming empty comment. A comment, not
    // nothing: the same empty comment node in the page, where hydration
    // expects it (it keeps the text around it in separate text nodes).
    Ok(html.replace("<!>", "<!---->"))
}

/// What the prerendered page answers at once, before the app has arrived, to
/// a first click on a sector (the plain-JavaScript peer's one filter, and the
/// most common first choice): for each sector id, the places in the
/// prerendered list of the cards that view shows, and its status line,
/// computed here by the app's own filtering. `public/shell.js` shows them; it
/// filters nothing. "All sectors" is the prerendered page itself (shell.js
/// restores it). A JSON object, `<` escaped so that it can sit in a script
/// element.
pub fn first_answers(json: &str) -> Result<String, Unusable> {
    let dataset = parse_dataset(json)?.dataset;
    let index = Index::new(&dataset);
    // The cards as the prerendered page lists them (the default view's order).
    let listed = index.run(&Filter::default()).matching;
    let mut answers = serde_json::Map::new();
    for sector in &dataset.sectors {
        let results = index.run(&Filter { sector: Some(sector.id.to_string()), ..Filter::default() });
        let cards: Vec<usize> = results.matching.iter().filter_map(|i| listed.iter().position(|j| j == i)).collect();
        answers.insert(sector.id.to_string(), serde_json::json!({ "cards": cards, "status": results.status() }));
    }
    Ok(serde_json::Value::Object(answers).to_string().replace('<', "\\u003c"))
}
