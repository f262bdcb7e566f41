//! Learning from peers (issue 22): on each card, the partnerships most like
//! it, each with why and a link to its card (`explore::similar`); after the
//! cards, what the partnerships of the view work on (`explore::overview`).

use leptos::either::Either;
use leptos::prelude::*;

use super::explorer::use_explorer;
use super::set_if_changed;
use crate::explore::{Overview, OverviewCell, Results};
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
        // Asked for by a click on its summary, which comes before the
        // disclosure opens: the frame that shows it open holds the list. An
        // opened card opens it too: made then, and gone as the card closes.
        let asked = RwSignal::new(as_prerendered);
        let ask = move |_| set_if_changed(asked, true);
        view! {
            // Named for a screen reader as on screen: the group and its list.
            <details class="card-similar" aria-label=SIMILAR_NAME prop:open=move || open.get()>
                <summary on:click=ask>{SIMILAR_NAME}</summary>
                {move || (asked.get() || open.get()).then(list)}
            </details>
        }
    })
}

/// Where the stylesheet opens the overview's disclosure by itself
/// (`public/styles.css`): in a browser that lets it (`::details-content`), on
/// a screen at least this wide. A test holds the two to the stylesheet's.
pub const OPENS_ITSELF_IF: &str = "selector(::details-content)";
pub const OPENS_ITSELF_FROM: &str = "(min-width: 40.0625rem)";

/// "What these partnerships work on": topics (rows) by sector (columns) for
/// the current view, each count a link to its view. It follows the other
/// filters as the facet counts do. After the cards (never above the first);
/// its table scrolls in its own box where it is wider than the screen. On a
/// phone it is collapsed: a native disclosure (`<details>`), which the CSS
/// keeps open on wider screens. The table is drawn whole from
/// `Explorer::overview` (a few dozen cells): one closure for all of it costs
/// the wasm far less than one per cell.
///
/// It is counted and drawn only while it can be seen: the disclosure open (or
/// being opened: a click on its summary comes before it opens, so the frame
/// that shows it open holds the table), opened by the CSS, or the page being
/// printed (paper shows it whole). Closed on a phone, it stays as it was
/// (unseen, and hidden from screen readers too) and costs a change nothing;
/// it follows the view again as it opens.
#[component]
pub fn TopicOverview() -> impl IntoView {
    let explorer = use_explorer();
    let follow = move |event: leptos::ev::MouseEvent| {
        if let Some(href) = crate::browser::link_clicked(&event) {
            explorer.follow_view_link(&event, &href);
        }
    };
    // The disclosure open, or about to be (a click on its summary).
    let open = RwSignal::new(false);
    let follow_disclosure = move |event: leptos::ev::Event| {
        set_if_changed(open, crate::browser::disclosure_open(&event));
    };
    let opens_itself = RwSignal::new(crate::browser::css_applies(OPENS_ITSELF_IF, OPENS_ITSELF_FROM));
    let printing = RwSignal::new(false);
    #[cfg(target_arch = "wasm32")]
    {
        // One listener for the three (a window resized or a phone turned may cross the width).
        let on_window = move |event: web_sys::Event| match event.type_().as_str() {
            "beforeprint" => printing.set(true),
            "afterprint" => printing.set(false),
            _ => set_if_changed(opens_itself, crate::browser::css_applies(OPENS_ITSELF_IF, OPENS_ITSELF_FROM)),
        };
        let listening =
            ["resize", "beforeprint", "afterprint"].map(|name| window_event_listener_untyped(name, on_window));
        on_cleanup(move || listening.into_iter().for_each(|listener| listener.remove()));
    }
    let table = move || {
        // Unseen, it is drawn from the view without following it (the first
        // time as the page built ahead holds it, or as it closes), then left so.
        if open.get() || opens_itself.get() || printing.get() {
            explorer.follow_overview();
        }
        let Overview { sectors, rows } = untrack(|| explorer.overview());
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
    let body = later::now_or_later!(
        body,
        move || table,
        leptos::html::div().class("overview-body").on(leptos::ev::click, follow)
    );
    // Whether the view has any row, from its counts (the table may be as it was).
    let empty = move || !explorer.results.with(Results::has_overview);
    view! {
        // Only with the full controls (a partner's embed chooses: the CSS hides
        // it otherwise), and only when the view has any partnership.
        <section class="overview" aria-labelledby="overview-title" hidden=empty>
            <h2 id="overview-title">"What these partnerships work on"</h2>
            <details class="overview-details" on:toggle=follow_disclosure>
                <summary on:click=move |event| follow_disclosure(event.into())>"Show topics by sector"</summary>
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
