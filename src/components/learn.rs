//! Learning from peers (issue 22): on each card, the partnerships most like
//! it, each with why and a link to its card (`explore::similar`); after the
//! cards, what the partnerships of the view work on (`explore::overview`).

use leptos::either::Either;
use leptos::prelude::*;

use super::explorer::use_explorer;
use crate::explore::{Overview, OverviewCell};
use crate::later;

/// The words that open a card's similar partnerships, and name their list.
const SIMILAR_NAME: &str = "Partnerships like this one";

/// "Partnerships like this one", a disclosure at the foot of a card (`at`, its
/// place in the dataset): open when the card is opened (`open`), or on its
/// own; there only when the card has any. Each entry links to its card's own
/// address (`#id`), which opens that card and brings it into view.
///
/// Its list is ranked over the whole dataset, and a closed disclosure shows
/// nothing (nor does paper: the CSS leaves it out of print), so a card makes
/// its list the first time the disclosure opens, not with each card a filter
/// brings: at 10,000 partnerships, a dozen lists made a third of a sector click.
/// But `as_prerendered`, the card renders it at once, as the page built ahead
/// holds it for readers without JavaScript.
#[component]
pub fn SimilarPartnerships(at: usize, open: RwSignal<bool>, as_prerendered: bool) -> impl IntoView {
    let explorer = use_explorer();
    explorer.has_similar(at).then(|| {
        let list = move || {
            let items = explorer
                .similar(at)
                .into_iter()
                .map(|(id, name, why)| {
                    view! {
                        <li>
                            <a href=format!("#{id}")>{name}</a>
                            " "
                            <span class="similar-why">{why}</span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="similar-list" aria-label=SIMILAR_NAME>{items}</ul> }
        };
        // Opened by its summary (the click comes before the disclosure opens, so
        // the list is there in the frame that shows it open) or otherwise (the
        // browser's find in page, say: then at its toggle).
        let asked = RwSignal::new(false);
        let ask = move || {
            if !asked.get_untracked() {
                asked.set(true);
            }
        };
        let list = if as_prerendered {
            Either::Left(list())
        } else {
            // Once made, kept: closing and opening again changes nothing.
            let made = Memo::new(move |before: Option<&bool>| before == Some(&true) || asked.get() || open.get());
            Either::Right(move || made.get().then(list))
        };
        view! {
            // Named for a screen reader as on screen: the group and its list.
            <details
                class="card-similar"
                aria-label=SIMILAR_NAME
                prop:open=move || open.get()
                on:toggle=move |_| ask()
            >
                <summary on:click=move |_| ask()>{SIMILAR_NAME}</summary>
                {list}
            </details>
        }
    })
}

/// "What these partnerships work on": topics (rows) by sector (columns) for
/// the current view, each count a link to its view. It follows the other
/// filters as the facet counts do. After the cards (never above the first);
/// its table scrolls in its own box where it is wider than the screen. On a
/// phone it is collapsed: a native disclosure (`<details>`), which the CSS
/// keeps open on wider screens. The table is drawn whole from
/// `Explorer::overview` at each change (a few dozen cells): one closure for
/// all of it costs the wasm far less than one per cell.
#[component]
pub fn TopicOverview() -> impl IntoView {
    let explorer = use_explorer();
    let follow = move |event: leptos::ev::MouseEvent| {
        if let Some(href) = crate::browser::link_clicked(&event) {
            explorer.follow_view_link(&event, &href);
        }
    };
    let table = move || {
        let Overview { sectors, rows } = explorer.overview();
        let header = sectors.into_iter().map(|s| view! { <th scope="col">{s}</th> }).collect_view();
        let rows = rows
            .into_iter()
            .map(|row| {
                let cells = row.cells.into_iter().map(overview_cell).collect_view();
                view! {
                    <tr>
                        <th scope="row">{row.topic}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="overview-hint">
                "Partnerships of this view by topic and sector. Each number opens those partnerships."
            </p>
            <div class="overview-scroll" role="region" aria-label="Topics by sector" tabindex="0">
                <table class="overview-table">
                    <caption class="visually-hidden">"Topics by sector"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Topic"</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    // Hydrating the page, the table is made live a little later (`later`).
    let body = later::now_or_later!(body, move || table, |table| {
        view! { <div class="overview-body" on:click=follow node_ref=body>{table}</div> }
    });
    view! {
        // Only with the full controls (a partner's embed chooses), and only
        // when the view has any partnership: the CSS hides it otherwise.
        <section class="overview" aria-labelledby="overview-title">
            <h2 id="overview-title">"What these partnerships work on"</h2>
            <details class="overview-details">
                <summary>"Show topics by sector"</summary>
                // One listener for every count's link (they are redrawn at each change).
                {body}
            </details>
        </section>
    }
}

/// One count of the overview, a shade for its size; a link to its view
/// unless it is 0. (Its click is the table's: `TopicOverview`.)
fn overview_cell(cell: OverviewCell) -> impl IntoView {
    let OverviewCell { count, shade, href } = cell;
    let count = match href {
        Some(href) => Either::Left(view! { <a href=href>{count}</a> }),
        None => Either::Right(count),
    };
    view! { <td class=format!("level-{shade}")>{count}</td> }
}
