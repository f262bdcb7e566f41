//! Thin Leptos views. Each file holds one family of components; the shared
//! explorer state lives in `explorer` and is provided as context.

pub mod card;
pub mod check;
pub mod embed;
pub mod explorer;
pub mod filters;
pub mod header;
pub mod results;
pub mod state_map;
pub mod status;
pub mod take_along;

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::Loaded;
use crate::embed::Controls;
use crate::start::{Phase, Start};
use embed::EmbedThisView;
use explorer::Explorer;
use filters::{FilterPanel, FiltersButton, SearchBox, SectorFilter, SortSelect, TopicFilter};
use header::DatasetHeader;
use results::{ActiveFilters, ClearFilters, QueryNotices, ResultList, StatusLine};
use state_map::{StateList, StateMap};
use status::ProblemsNotice;
use take_along::{HandoutFoot, HandoutHead, TakeAlong};

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
    /// The filter controls shown (an embed's partner chooses); every one by default.
    #[prop(default = Controls::Full)]
    controls: Controls,
    #[prop(default = None)] saved_on: Option<String>,
) -> impl IntoView {
    let Loaded { dataset, problems } = loaded;
    let dataset = Arc::new(dataset);
    let explorer = Explorer::new(dataset.clone(), notices, embed);
    provide_context(explorer);

    // In the browser the page is built in phases (see `start`), then takes the
    // prerendered page's place; the prerender builds it all at once.
    let start = Start::begin(explorer.land_on_hash());
    provide_context(start);
    // In the browser only (the build-time prerender has no window to listen to).
    #[cfg(target_arch = "wasm32")]
    {
        // Back and Forward change the address; the filter follows it.
        let popstate = window_event_listener(leptos::ev::popstate, move |_| explorer.follow_address());
        // A card link followed inside the page (#id) brings that card into view.
        let hashchange = window_event_listener(leptos::ev::hashchange, move |_| explorer.follow_hash());
        on_cleanup(move || {
            popstate.remove();
            hashchange.remove();
        });
    }
    let from = move |phase: Phase| move || start.reached(phase);
    // Narrow screens: the filter panel opens behind the Filters button.
    let panel_open = RwSignal::new(false);

    view! {
        <DatasetHeader dataset embed saved_on intro=controls != Controls::None/>
        <ProblemsNotice problems/>
        <div class=format!("wrap explore controls-{}", controls.as_str())>
            <QueryNotices/>
            {(controls != Controls::None).then(|| view! {
                <section class="filters" aria-label="Filters">
                    <div class="filters-row">
                        <SearchBox/>
                        <SortSelect/>
                    </div>
                    <FiltersButton open=panel_open/>
                    <FilterPanel open=panel_open>
                        <SectorFilter/>
                        <Show when=from(Phase::Places)>
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
                        </Show>
                    </FilterPanel>
                </section>
            })}
            <Show when=from(Phase::FirstCards)>
                <div class="results-bar">
                    <StatusLine/>
                    <Show when=move || controls != Controls::None && explorer.filter.with(|f| f.is_narrowed())>
                        <ClearFilters/>
                    </Show>
                    {(!embed).then(|| view! { <TakeAlong/> <EmbedThisView/> })}
                </div>
                {(controls != Controls::None).then(ActiveFilters)}
                <HandoutHead/>
                <ResultList/>
                // In an embed they come after the cards, as a chart's "get the data"
                // does, so the cards start as high; one with no controls is just the cards.
                {(embed && controls != Controls::None).then(TakeAlong)}
                {(!embed).then(HandoutFoot)}
            </Show>
        </div>
    }
}
