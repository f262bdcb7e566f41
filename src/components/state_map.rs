//! The US tile map and the state list: two views of the same state choice.

use leptos::either::Either;
use leptos::prelude::*;

use super::explorer::{use_explorer, Explorer};
use crate::geo::{State, STATES};
use crate::later;
use crate::order::sort_indices;

/// "Louisiana: 1 partnership".
fn tile_name(state: &State, count: usize) -> String {
    format!("{}: {count} partnership{}", state.name, if count == 1 { "" } else { "s" })
}

/// Colour step for a count (0 = none, 3 = most): the map's legend in CSS.
fn level(count: usize) -> usize {
    match count {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        _ => 3,
    }
}

/// The map beside the state list. Hydrating the page, both are made live a
/// little later (`later`): they are more than a tenth of the page.
#[component]
pub fn Places() -> impl IntoView {
    let inside = || {
        view! {
            <div class="where-map">
                <p class="filter-label" id="map-label">"State"</p>
                <StateMap/>
            </div>
            <div class="where-list">
                <StateList/>
            </div>
        }
    };
    later::now_or_later!(places, inside, leptos::html::div().class("where"))
}

/// Selecting the selected state again clears it, like a toggle.
fn toggle_state(explorer: Explorer, code: &'static str) {
    explorer.commit(|f| {
        f.state = if f.state.as_deref() == Some(code) { None } else { Some(code.to_string()) };
    });
}

/// A tile-grid map (12 by 8): states with partnerships are buttons coloured by
/// their count under the other filters; the others are muted, not focusable.
#[component]
pub fn StateMap() -> impl IntoView {
    let explorer = use_explorer();
    // Reading order (row by row) so that Tab moves across the map as it looks.
    let mut order: Vec<usize> = (0..STATES.len()).collect();
    sort_indices(&mut order, &|a, b| STATES.get(a).map(|s| (s.row, s.col)).cmp(&STATES.get(b).map(|s| (s.row, s.col))));
    let tiles = order
        .into_iter()
        .filter_map(|i| Some((i, STATES.get(i)?)))
        .map(|(i, state)| {
            let position = format!("tile r{} c{}", state.row, state.col);
            let has_any = explorer.results.with_untracked(|r| r.state_totals.get(i).is_some_and(|n| *n > 0));
            if !has_any {
                return Either::Left(view! {
                    <span
                        class=format!("{position} tile-none")
                        aria-hidden="true"
                        title=format!("{}: no partnerships", state.name)
                    >
                        {state.code}
                    </span>
                });
            }
            let count = move || explorer.results.with(|r| r.states.get(i).copied().unwrap_or(0));
            let pressed = move || explorer.filter.with(|f| f.state.as_deref() == Some(state.code));
            Either::Right(view! {
                <button
                    type="button"
                    class=move || format!("{position} level-{}", level(count()))
                    aria-pressed=move || pressed().to_string()
                    data-state=state.code
                    on:click=move |_| toggle_state(explorer, state.code)
                >
                    // The name comes from the hidden text, not aria-label, so that
                    // the visible code and the name do not disagree (WCAG 2.5.3).
                    <span aria-hidden="true">{state.code}</span>
                    <span class="visually-hidden">{move || tile_name(state, count())}</span>
                </button>
            })
        })
        .collect_view();
    view! {
        <div class="state-map" role="group" aria-label="Map of states">{tiles}</div>
    }
}

/// The states that have partnerships, alphabetical by full name, with counts.
#[component]
pub fn StateList() -> impl IntoView {
    let explorer = use_explorer();
    let mut states: Vec<usize> = (0..STATES.len())
        .filter(|&i| explorer.results.with_untracked(|r| r.state_totals.get(i).is_some_and(|n| *n > 0)))
        .collect();
    sort_indices(&mut states, &|a, b| STATES.get(a).map(|s| s.name).cmp(&STATES.get(b).map(|s| s.name)));
    let items = states
        .into_iter()
        .filter_map(|i| Some((i, STATES.get(i)?)))
        .map(|(i, state)| {
            let count = move || explorer.results.with(|r| r.states.get(i).copied().unwrap_or(0));
            let pressed = move || explorer.filter.with(|f| f.state.as_deref() == Some(state.code));
            view! {
                <li>
                    <button
                        type="button"
                        class="state-button"
                        class:chip-zero=move || count() == 0
                        aria-pressed=move || pressed().to_string()
                        data-state=state.code
                        on:click=move |_| toggle_state(explorer, state.code)
                    >
                        {move || format!("{} ({})", state.name, count())}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="state-list" aria-label="States">{items}</ul>
    }
}
