//! Thin Leptos views. Each file holds one family of components; the shared
//! explorer state lives in `explorer` and is provided as context.

pub mod card;
pub mod embed;
pub mod explorer;
pub mod filters;
pub mod header;
pub mod results;
pub mod state_map;
pub mod status;

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::Loaded;
use embed::EmbedThisView;
use explorer::Explorer;
use filters::{SearchBox, SectorFilter, SortSelect, TopicFilter};
use header::DatasetHeader;
use results::{ClearFilters, QueryNotices, ResultList, StatusLine};
use state_map::{StateList, StateMap};
use status::ProblemsNotice;

/// The page inside `#app`: the skip link and `<main>`, around the state of the
/// data. Shared by the App and the build-time prerender, so the two cannot drift.
#[component]
pub fn Page(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to the partnerships"</a>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

/// A usable dataset: its header, what was skipped and why, the filters and the cards.
/// `saved_on` is set when the data is a copy saved for offline use.
#[component]
pub fn LoadedView(
    loaded: Loaded,
    #[prop(optional)] notices: Vec<String>,
    #[prop(optional)] embed: bool,
    #[prop(default = None)] saved_on: Option<String>,
) -> impl IntoView {
    let Loaded { dataset, problems } = loaded;
    let dataset = Arc::new(dataset);
    let explorer = Explorer::new(dataset.clone(), notices, embed);
    provide_context(explorer);

    // The cards are built in a task of their own, after the header and filters:
    // two shorter tasks instead of one long one keep a slow phone responsive
    // while the app starts. (The prerender has no tasks: it builds them at once.)
    let cards_ready = RwSignal::new(cfg!(not(target_arch = "wasm32")));
    // In the browser only (the build-time prerender has no window to listen to).
    #[cfg(target_arch = "wasm32")]
    {
        set_timeout(move || cards_ready.set(true), std::time::Duration::ZERO);
        // Rendered out of sight behind the prerendered page: once the cards are
        // built, take its place (effects run once the view is in place).
        Effect::new(move |_| {
            if cards_ready.get() {
                crate::browser::take_over();
            }
        });
        // Back and Forward change the address; the filter follows it.
        let popstate = window_event_listener(leptos::ev::popstate, move |_| explorer.follow_address());
        // A card link followed inside the page (#id) brings that card into view.
        let hashchange = window_event_listener(leptos::ev::hashchange, move |_| explorer.follow_hash());
        on_cleanup(move || {
            popstate.remove();
            hashchange.remove();
        });
        // Opened from a card link (#id): land on that card.
        explorer.follow_hash();
    }

    view! {
        <DatasetHeader dataset embed saved_on/>
        <ProblemsNotice problems/>
        <div class="wrap explore">
            <QueryNotices/>
            <section class="filters" aria-label="Filters">
                <div class="filters-row">
                    <SearchBox/>
                    <SortSelect/>
                </div>
                <SectorFilter/>
                <div class="where">
                    <div class="where-map">
                        <p class="filter-label" id="map-label">"State"</p>
                        <StateMap/>
                    </div>
                    <div class="where-list">
                        <StateList/>
                    </div>
                </div>
                <TopicFilter/>
            </section>
            <div class="results-bar">
                <StatusLine/>
                <Show when=move || explorer.filter.with(|f| f.is_narrowed())>
                    <ClearFilters/>
                </Show>
                {(!embed).then(EmbedThisView)}
            </div>
            <Show when=move || cards_ready.get()>
                <ResultList/>
            </Show>
        </div>
    }
}
