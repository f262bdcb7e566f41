//! Thin Leptos views. Each file holds one family of components; the shared
//! explorer state lives in `explorer` and is provided as context.

pub mod card;
pub mod check;
pub mod embed;
pub mod explorer;
pub mod filters;
pub mod header;
pub mod learn;
pub mod own_copy;
pub mod results;
pub mod state_map;
pub mod status;
pub mod take_along;

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::Loaded;
use crate::embed::Controls;
use crate::fresh::{Phase, Phases};
use crate::names;
use embed::EmbedThisView;
use explorer::Explorer;
use filters::{FilterPanel, FiltersButton, SearchBox, SectorFilter, SortSelect, TopicFilter};
use header::DatasetHeader;
use learn::TopicOverview;
use results::{ActiveFilters, ClearFilters, QueryNotices, ResultList, StatusLine};
use state_map::Places;
use status::ProblemsNotice;
use take_along::{HandoutFoot, HandoutHead, TakeAlong};

/// Sets `signal` to `value` only when it differs: what reads the signal runs
/// again for a change, not for every event that says the same.
pub fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    signal.maybe_update(|current| {
        let changed = *current != value;
        if changed {
            *current = value;
        }
        changed
    });
}

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
/// `saved_on` is set when the data is a copy saved for offline use. `embed`,
/// `controls` and `saved_on` may change after the first render: the app
/// hydrates the prerendered page as it is (not embedded, every control) and
/// then turns it into the view its address asks for (`start`).
#[component]
pub fn LoadedView(
    loaded: Loaded,
    #[prop(optional)] notices: Vec<String>,
    #[prop(optional, into)] embed: Signal<bool>,
    /// The filter controls shown (an embed's partner chooses); every one by default.
    #[prop(optional, into)]
    controls: Signal<Controls>,
    #[prop(optional, into)] saved_on: Signal<Option<String>>,
    /// The state, when the start made it to hydrate the prerendered page;
    /// otherwise it is made here from the address, and the page is built in phases.
    #[prop(optional)]
    explorer: Option<Explorer>,
) -> impl IntoView {
    let Loaded { dataset, problems } = loaded;
    let dataset = Arc::new(dataset);
    let (explorer, phases) = match explorer {
        Some(explorer) => (explorer, Phases::complete()),
        None => {
            let explorer = Explorer::new(dataset.clone(), notices, embed);
            // In the browser the page is built in phases (see `fresh`), then takes
            // the busy page's place; the prerender builds it all at once.
            (explorer, Phases::begin(explorer.land_on_hash(), explorer.shown.get_untracked()))
        }
    };
    provide_context(explorer);
    provide_context(phases);
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
    let from = move |phase: Phase| move || phases.reached(phase);
    let with_controls = move || controls.get() != Controls::None;
    // Narrow screens: the filter panel opens behind the Filters button.
    let panel_open = RwSignal::new(false);

    view! {
        <DatasetHeader dataset saved_on intro=Signal::derive(with_controls)/>
        <ProblemsNotice problems/>
        <div class=move || format!("wrap explore controls-{}", controls.get().as_str())>
            <QueryNotices/>
            <Show when=with_controls>
                <section class="filters" aria-label="Filters">
                    <div class=names::FILTERS_ROW>
                        <SearchBox/>
                        <SortSelect/>
                    </div>
                    <FiltersButton open=panel_open/>
                    <FilterPanel open=panel_open>
                        <SectorFilter/>
                        <Show when=from(Phase::Places)>
                            <Places/>
                            <TopicFilter/>
                        </Show>
                    </FilterPanel>
                </section>
            </Show>
            <Show when=from(Phase::FirstCards)>
                // Shown by the CSS in place of the prerendered results while they
                // are not the view the address asks for (index.html's head script).
                <p class="loading view-loading" role="status">"Loading this view…"</p>
                <div class="results-bar">
                    <StatusLine/>
                    <Show when=move || with_controls() && explorer.filter.with(|f| f.is_narrowed())>
                        <ClearFilters/>
                    </Show>
                    <Show when=move || !embed.get()>
                        <TakeAlong/>
                        <EmbedThisView/>
                    </Show>
                </div>
                <Show when=with_controls>
                    <ActiveFilters/>
                </Show>
                <HandoutHead/>
                <ResultList/>
                <TopicOverview/>
                // In an embed they come after the cards, as a chart's "get the data"
                // does, so the cards start as high; one with no controls is just the cards.
                <Show when=move || embed.get() && with_controls()>
                    <TakeAlong/>
                </Show>
                <Show when=move || !embed.get()>
                    <HandoutFoot/>
                </Show>
            </Show>
        </div>
    }
}
