//! The result list and what surrounds it: status line, empty state, notices
//! about ignored address parts, and "Show more".

use leptos::prelude::*;

use crate::names;

use super::card::PartnershipCard;
use super::explorer::{use_explorer, BATCH, RESULTS};
use crate::explore::handout::in_words;
use crate::explore::{Choice, Filter};
use crate::fresh::Phases;
use crate::geo::state_name;

/// "Showing N of M partnerships", announced politely to screen readers.
#[component]
pub fn StatusLine() -> impl IntoView {
    let explorer = use_explorer();
    let text = move || explorer.results.with(|r| r.status());
    view! { <p class=names::STATUS_LINE role="status">{text}</p> }
}

#[component]
pub fn ClearFilters() -> impl IntoView {
    let explorer = use_explorer();
    view! {
        <button type="button" class="button button-secondary" on:click=move |_| explorer.commit(|f| *f = f.cleared())>
            "Clear filters"
        </button>
    }
}

/// Nothing matches: say which filters are active and offer to clear them.
#[component]
pub fn EmptyState() -> impl IntoView {
    let explorer = use_explorer();
    // The same words as a printed view's: one description of a filter.
    let active = move || explorer.dataset.with_value(|d| explorer.filter.with(|f| in_words(f, d)));
    // A dataset without partnerships is not a filter problem: say so plainly.
    let has_data = move || explorer.results.with(|r| r.total > 0);
    view! {
        <div class="empty-state">
            <h3>
                {move || if has_data() { "No partnerships match" } else { "This dataset has no partnerships to show" }}
            </h3>
            <div hidden=move || !has_data()>
                <p>"Active filters: " {active} "."</p>
                <ClearFilters/>
            </div>
        </div>
    }
}

/// Parts of the address that were ignored (unknown sector, huge search...).
#[component]
pub fn QueryNotices() -> impl IntoView {
    let explorer = use_explorer();
    let has_notices = move || explorer.notices.with(|n| !n.is_empty());
    let items = move || explorer.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view();
    view! {
        <Show when=has_notices>
            <div class="notice notice-small" role="status">
                <ul>{items}</ul>
                <button type="button" class="link-button" on:click=move |_| explorer.notices.set(Vec::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}

/// The matching cards, a batch at a time: never thousands of cards at once.
/// While the app starts, its phase holds back part of the batch for a later task.
#[component]
pub fn ResultList() -> impl IntoView {
    let explorer = use_explorer();
    let phases = expect_context::<Phases>();
    // (dataset index, partnership) of the cards to render, keyed by index.
    let visible = move || {
        let shown = explorer.shown.get().min(phases.cards());
        explorer.results.with(|r| {
            explorer.dataset.with_value(|d| {
                r.matching
                    .iter()
                    .take(shown)
                    .filter_map(|&i| Some((i, d.partnerships.get(i)?.clone())))
                    .collect::<Vec<_>>()
            })
        })
    };
    let remaining = move || explorer.results.with(|r| r.matching.len().saturating_sub(explorer.shown.get()));
    let is_empty = move || explorer.results.with(|r| r.matching.is_empty());
    let has_more = move || remaining() > 0;
    view! {
        <section class="results" id=RESULTS tabindex="-1" aria-labelledby="results-title">
            <h2 id="results-title" class="visually-hidden">"Partnerships"</h2>
            <Show when=is_empty>
                <EmptyState/>
            </Show>
            <ul class="card-grid" role="list">
                <For each=visible key=|(i, _)| *i let:((at, partnership))>
                    <PartnershipCard partnership at/>
                </For>
            </ul>
            <Show when=has_more>
                <button
                    type="button"
                    class=format!("button {}", names::SHOW_MORE)
                    on:click=move |_| explorer.shown.update(|n| *n += BATCH)
                >
                    {move || format!("Show more ({} more)", remaining())}
                </button>
            </Show>
        </section>
    }
}

/// The panel's choices as removable chips above the cards (narrow screens,
/// where the panel is closed; the CSS hides them beside the open side column).
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let explorer = use_explorer();
    let label = move |choice: &Choice| match choice {
        Choice::Sector(id) => explorer.sector_label(id),
        Choice::State(code) => state_name(code).to_string(),
        Choice::Topic(id) => format!("Topic: {}", explorer.topic_label(id)),
    };
    let chips = move || {
        explorer
            .filter
            .with(Filter::choices)
            .into_iter()
            .map(move |choice| {
                let text = label(&choice);
                view! {
                    <li>
                        <button
                            type="button"
                            class="chip active-filter"
                            on:click=move |_| explorer.commit(|f| *f = f.without(&choice))
                        >
                            <span class="visually-hidden">"Remove filter: "</span>
                            {text}
                            <span aria-hidden="true">" ×"</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || explorer.filter.with(|f| !f.choices().is_empty())>
            <ul class="chips active-filters" aria-label="Active filters">{chips}</ul>
        </Show>
    }
}
