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

/// Steps of the start in the browser after the first, a task each (see `LoadedView`):
/// the map, state list and topics; the results bar and the first cards; the
/// other cards.
pub const START_STEPS: u8 = 3;

/// Cards built in the first of the two steps that build them.
const FIRST_CARDS: usize = 4;

/// Goes on to the next step of the start in a task of its own, and so on to the last.
#[cfg(target_arch = "wasm32")]
fn next_step(step: RwSignal<u8>) {
    set_timeout(
        move || {
            step.update(|n| *n += 1);
            if step.get_untracked() < START_STEPS {
                next_step(step);
            }
        },
        std::time::Duration::ZERO,
    );
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

    // In the browser the page is built in steps, each in a task of its own (the
    // header and the first filters; the map, the state list and the topics; the
    // results bar and the first cards; the others), then swapped in: short
    // tasks keep a slow phone responsive while the app starts. The prerender
    // builds it all at once.
    let step = RwSignal::new(if cfg!(target_arch = "wasm32") { 0 } else { START_STEPS });
    // In the browser only (the build-time prerender has no window to listen to).
    #[cfg(target_arch = "wasm32")]
    {
        // Opened from a card link (#id): land on that card.
        let mut landing = explorer.land_on_hash();
        next_step(step);
        // Rendered out of sight behind the prerendered page: once the cards are
        // built, take its place (effects run once the view is in place).
        Effect::new(move |_| {
            if step.get() == START_STEPS {
                crate::browser::take_over();
                if let Some(id) = landing.take() {
                    request_animation_frame(move || crate::browser::scroll_to(&id));
                }
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
    }
    let from_step = move |n: u8| move || step.get() >= n;

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
                <Show when=from_step(1)>
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
            </section>
            <Show when=from_step(2)>
                <div class="results-bar">
                    <StatusLine/>
                    <Show when=move || explorer.filter.with(|f| f.is_narrowed())>
                        <ClearFilters/>
                    </Show>
                    {(!embed).then(EmbedThisView)}
                </div>
                <ResultList cap=Signal::derive(move || {
                    if step.get() < START_STEPS { FIRST_CARDS } else { usize::MAX }
                })/>
            </Show>
        </div>
    }
}
