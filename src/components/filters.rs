//! The filter controls: sector, topics, search and sort. Each reads the filter
//! and the facet counts from the explorer and writes the filter back.

use leptos::prelude::*;

use crate::{later, names};

use super::explorer::use_explorer;
use crate::explore::search::MAX_QUERY_CHARS;
use crate::explore::Sort;

/// "Healthcare (3)": a choice and how many partnerships it would show. (A zero
/// is muted by its chip's `chip-zero` class, set where the chip is made.)
fn counted(label: &str, count: usize) -> String {
    format!("{label} ({count})")
}

/// One sector at a time, as a radio group named "Sector".
#[component]
pub fn SectorFilter() -> impl IntoView {
    let explorer = use_explorer();
    let sectors = explorer.dataset.with_value(|d| d.sectors.clone());
    let selected = move || explorer.filter.with(|f| f.sector.clone());
    let options = sectors
        .into_iter()
        .enumerate()
        .map(|(i, sector)| {
            let id = sector.id.to_string();
            let is_selected = {
                let id = id.clone();
                move || selected().as_deref() == Some(id.as_str())
            };
            let count = move || explorer.results.with(|r| r.sectors.get(i).copied().unwrap_or(0));
            view! {
                <label class="chip" class:chip-zero=move || count() == 0>
                    <input
                        type="radio"
                        name=names::SECTOR_CHOICE
                        value=id.clone()
                        prop:checked=is_selected
                        on:change=move |_| explorer.commit(|f| f.sector = Some(id.clone()))
                    />
                    <span>{move || counted(&sector.label, count())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="filter-block">
            <p class="filter-label" id="sector-label">"Sector"</p>
            <div class="chips" role="radiogroup" aria-labelledby="sector-label">
                <label class="chip">
                    <input
                        type="radio"
                        name=names::SECTOR_CHOICE
                        value=""
                        // The attribute too: the build-time prerender writes
                        // attributes only, and must show this one chosen.
                        checked=move || selected().is_none()
                        prop:checked=move || selected().is_none()
                        on:change=move |_| explorer.commit(|f| f.sector = None)
                    />
                    <span>{move || counted("All sectors", explorer.results.with(|r| r.any_sector))}</span>
                </label>
                {options}
            </div>
        </div>
    }
}

/// Topic toggles; a partnership must have every selected topic.
#[component]
pub fn TopicFilter() -> impl IntoView {
    let explorer = use_explorer();
    let topics = explorer.dataset.with_value(|d| d.topics.clone());
    let buttons = topics
        .into_iter()
        .enumerate()
        .map(|(i, topic)| {
            let id = topic.id.clone();
            let pressed = {
                let id = id.clone();
                move || explorer.filter.with(|f| f.topics.contains(&id))
            };
            let count = move || explorer.results.with(|r| r.topics.get(i).copied().unwrap_or(0));
            view! {
                <li>
                    <button
                        type="button"
                        class="chip"
                        class:chip-zero=move || count() == 0
                        aria-pressed=move || pressed().to_string()
                        on:click=move |_| explorer.commit(|f| *f = f.toggle_topic(&id))
                    >
                        {move || counted(&topic.label, count())}
                    </button>
                </li>
            }
        })
        .collect_view();
    // Hydrating the page, the toggles are made live a little later (`later`).
    let list = later::now_or_later!(list, move || buttons, leptos::html::ul().class("chips"));
    view! {
        <div class="filter-block">
            <p class="filter-label" id="topics-label">"Topics"</p>
            <div role="group" aria-labelledby="topics-label">
                {list}
            </div>
        </div>
    }
}

/// Full-text search; typing updates the current history entry rather than adding one.
#[component]
pub fn SearchBox() -> impl IntoView {
    let explorer = use_explorer();
    let on_input = move |ev: leptos::ev::Event| {
        explorer.type_query(event_target_value(&ev).chars().take(MAX_QUERY_CHARS).collect());
    };
    view! {
        <div class="filter-block search">
            <label class="filter-label" for=names::SEARCH>"Search partnerships"</label>
            <input
                id=names::SEARCH
                type="search"
                placeholder="e.g. nursing, apprenticeships, Oregon"
                autocomplete="off"
                maxlength=MAX_QUERY_CHARS
                prop:value=move || explorer.filter.with(|f| f.query.clone())
                on:input=on_input
                on:blur=move |_| explorer.end_typing()
            />
        </div>
    }
}

#[component]
pub fn SortSelect() -> impl IntoView {
    let explorer = use_explorer();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(sort) = Sort::parse(&event_target_value(&ev)) {
            explorer.commit(|f| f.sort = sort);
        }
    };
    view! {
        <div class="filter-block sort">
            <label class="filter-label" for=names::SORT>"Sort by"</label>
            <select id=names::SORT on:change=on_change prop:value=move || explorer.filter.with(|f| f.sort.as_str())>
                {Sort::ALL.map(|s| view! {
                    <option value=s.as_str() selected=move || explorer.filter.with(|f| f.sort == s)>{s.label()}</option>
                })}
            </select>
        </div>
    }
}

/// Narrow screens: opens and closes the filter panel (`#filter-panel`), saying
/// how many choices it holds. Hidden by the CSS on wide screens, where the
/// panel is always open beside the results.
#[component]
pub fn FiltersButton(open: RwSignal<bool>) -> impl IntoView {
    let explorer = use_explorer();
    let label = move || match explorer.filter.with(|f| f.choices().len()) {
        0 => "Filters".to_string(),
        n => format!("Filters ({n})"),
    };
    let toggle = move |_| {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening {
            // Into the panel once it is shown.
            request_animation_frame(|| crate::browser::focus(PANEL, true));
        }
    };
    view! {
        <button
            type="button"
            id=names::FILTERS_BUTTON
            class="button filters-button"
            aria-expanded=move || open.get().to_string()
            aria-controls=PANEL
            on:click=toggle
        >
            {label}
        </button>
    }
}

/// The filter panel's id, which the Filters button controls.
pub const PANEL: &str = names::FILTER_PANEL;

/// The filter panel: sectors, then (`places`) the map, the state list and the
/// topics. Escape closes it on a narrow screen, back to the Filters button.
#[component]
pub fn FilterPanel(open: RwSignal<bool>, children: Children) -> impl IntoView {
    let close_on_escape = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            open.set(false);
            crate::browser::focus(names::FILTERS_BUTTON, false);
        }
    };
    view! {
        <div id=PANEL class=names::FILTER_PANEL class:open=move || open.get() on:keydown=close_on_escape>
            {children()}
        </div>
    }
}
