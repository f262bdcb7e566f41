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

/// Whether the app may read the bundled dataset `json` as this build checked
/// it: the explorer's wasm reads it with serde alone (`data::parse_trusted`,
/// without the validation's reports), which is sound only if the validation
/// finds no problem in it and serde alone reads exactly the same dataset. The
/// build refuses it otherwise (`src/bin/prerender.rs`), saying why.
pub fn bundled_reads_alike(json: &str) -> Result<(), String> {
    let loaded = parse_dataset(json).map_err(|_| "it cannot be shown".to_string())?;
    if !loaded.problems.is_empty() {
        let skipped = loaded.problems.len();
        return Err(format!("{skipped} problem(s) in it; the bundled dataset must have none (`./run data check`)"));
    }
    match crate::data::parse_trusted(json) {
        Some(dataset) if dataset == loaded.dataset => Ok(()),
        Some(_) => Err("serde alone reads another dataset than the validation".to_string()),
        None => Err("serde alone cannot read it".to_string()),
    }
}

/// What the prerendered page answers at once, before the app is live, to a
/// first choice of a sector (the plain-JavaScript peer's one filter, and the
/// most common first choice) or of a state (a tile of the map or a button of
/// the state list): for each sector id and each state code with partnerships,
/// the places in the prerendered list of the cards that view shows, and its
/// status line, computed here by the app's own filtering; and the same for a
/// second choice, a sector and a state together, where that pair has
/// partnerships. `public/shell.js` shows them; it filters nothing. "All
/// sectors" is the prerendered page itself (shell.js restores it). A JSON
/// object `{"sector": {id: answer}, "state": {code: answer}, "pair": {id:
/// {code: answer}}}`, `<` escaped so that it can sit in a script element.
pub fn first_answers(json: &str) -> Result<String, Unusable> {
    let dataset = parse_dataset(json)?.dataset;
    let index = Index::new(&dataset);
    // The cards as the prerendered page lists them (the default view's order).
    let listed = index.run(&Filter::default()).matching;
    let answer = |filter: Filter| {
        let results = index.run(&filter);
        let cards: Vec<usize> = results.matching.iter().filter_map(|i| listed.iter().position(|j| j == i)).collect();
        serde_json::json!({ "cards": cards, "status": results.status() })
    };
    let sectors: serde_json::Map<String, serde_json::Value> = dataset
        .sectors
        .iter()
        .map(|sector| {
            (sector.id.to_string(), answer(Filter { sector: Some(sector.id.to_string()), ..Filter::default() }))
        })
        .collect();
    let mut codes: Vec<&str> = dataset.partnerships.iter().map(|p| p.state.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    let states: serde_json::Map<String, serde_json::Value> = codes
        .into_iter()
        .map(|code| (code.to_string(), answer(Filter { state: Some(code.to_string()), ..Filter::default() })))
        .collect();
    // A second choice (a sector, then a state, or the other way round): each
    // pair that has partnerships. A pair without any waits for the app, which
    // says so in words the page does not hold.
    let mut found: Vec<(&str, &str)> =
        dataset.partnerships.iter().map(|p| (p.sector.as_str(), p.state.as_str())).collect();
    found.sort_unstable();
    found.dedup();
    let mut pairs = serde_json::Map::new();
    for (sector, state) in found {
        let filter = Filter { sector: Some(sector.to_string()), state: Some(state.to_string()), ..Filter::default() };
        let of_sector = pairs.entry(sector).or_insert_with(|| serde_json::json!({}));
        of_sector[state] = answer(filter);
    }
    let answers = serde_json::json!({ "sector": sectors, "state": states, "pair": pairs });
    Ok(answers.to_string().replace('<', "\\u003c"))
}
