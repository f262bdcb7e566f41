//! Taking a view along: "Print this view", "Download CSV", "Download JSON"
//! and "Share this view" in the results bar, and the lines only a printed
//! view shows: the filters in words above the cards; the address, its QR
//! code, the date and the source after them. The browser's own Print gives
//! the same handout as the button: the print stylesheet does the layout, and
//! `beforeprint` puts every matching card on the page.

use leptos::prelude::*;

use super::explorer::{use_explorer, Explorer};
use super::status::CopyStatus;
use crate::browser;
use crate::data::report::dataset_json;
use crate::data::sheet::to_csv;
use crate::explore::handout::{file_stem, in_words, qr_code, view_dataset};

/// The partnerships shown, as a dataset of their own, in the shown order.
fn shown_dataset(explorer: Explorer) -> crate::data::Dataset {
    explorer.results.with_untracked(|r| explorer.dataset.with_value(|d| view_dataset(d, &r.matching)))
}

/// Every matching card on the page, not only the first batches: a handout
/// holds the whole view.
fn show_every_card(explorer: Explorer) {
    let all = explorer.results.with_untracked(|r| r.matching.len());
    if explorer.shown.get_untracked() < all {
        explorer.shown.set(all);
    }
}

/// The buttons, beside "Embed this view".
#[component]
pub fn TakeAlong() -> impl IntoView {
    let explorer = use_explorer();
    let stem = move || explorer.filter.with_untracked(file_stem);
    let print = move |_| {
        show_every_card(explorer);
        // The cards are on the page once the app's next task has run.
        leptos::task::spawn_local(async {
            browser::next_task().await;
            browser::print();
        });
    };
    let download_csv =
        move |_| browser::save_file(&to_csv(&shown_dataset(explorer)), "text/csv", &format!("{}.csv", stem()));
    let download_json = move |_| {
        let json = dataset_json(&shown_dataset(explorer));
        browser::save_file(&json, "application/json", &format!("{}.json", stem()));
    };
    let copied = RwSignal::new(None::<bool>);
    let share = move |_| {
        let url = explorer.filter.with_untracked(browser::full_explorer_url);
        let title = explorer.dataset.with_value(|d| explorer.filter.with_untracked(|f| in_words(f, d)));
        if !browser::share(&format!("Partnership Explorer: {title}"), &url) {
            browser::copy_text(url, copied);
        }
    };
    view! {
        <div class="take-along">
            // On a phone the words in `more-words` are read but not shown: the
            // four fit in one row above the cards, and each visible label is
            // still the start of its name (WCAG 2.5.3).
            <button type="button" class="button button-secondary" on:click=print>
                "Print" <span class="more-words">" this view"</span>
            </button>
            <button type="button" class="button button-secondary" on:click=download_csv>
                <span class="more-words">"Download "</span> "CSV"
            </button>
            <button type="button" class="button button-secondary" on:click=download_json>
                <span class="more-words">"Download "</span> "JSON"
            </button>
            <button type="button" class="button button-secondary" on:click=share>
                "Share" <span class="more-words">" this view"</span>
            </button>
            <CopyStatus
                copied
                done="Address copied: this browser cannot share, so paste it where you like"
                blocked="Copying was blocked: copy the address from the address bar"
            />
        </div>
    }
}

/// Above the cards on paper: what this view is, in words.
#[component]
pub fn HandoutHead() -> impl IntoView {
    let explorer = use_explorer();
    let words = move || explorer.dataset.with_value(|d| explorer.filter.with(|f| in_words(f, d)));
    view! { <p class="print-only handout-filters">"This view: " {words}</p> }
}

/// After the cards on paper: the way back to the live view (its address and
/// a QR code of it), the date printed and where the facts come from.
#[component]
pub fn HandoutFoot() -> impl IntoView {
    let explorer = use_explorer();
    let address = move || explorer.filter.with(|f| explorer.full_url(f));
    // Dated when printed (the browser's beforeprint, below), not while the
    // page starts: the date's formatting costs a slow phone's start ~2 ms.
    let printed_on = RwSignal::new(String::new());
    #[cfg(target_arch = "wasm32")]
    {
        let before = window_event_listener(leptos::ev::beforeprint, move |_| {
            printed_on.set(browser::today());
            show_every_card(explorer);
        });
        on_cleanup(move || before.remove());
    }
    let qr = move || {
        qr_code(&address()).map(|(size, path)| {
            view! {
                <svg
                    class="qr-code"
                    role="img"
                    aria-label="QR code for this view"
                    viewBox=format!("0 0 {size} {size}")
                    shape-rendering="crispEdges"
                >
                    <rect width="100%" height="100%" fill="#fff"></rect>
                    <path d=path fill="#000"></path>
                </svg>
            }
        })
    };
    let source = explorer.dataset.with_value(|d| {
        let url = d.source.url.as_ref().map(|u| format!(" ({u})")).unwrap_or_default();
        format!("{}{url}", d.source.name)
    });
    // Built when printing (`printed_on` is set at beforeprint), never in the
    // build-time prerender (no address there): the QR code's SVG costs a slow
    // phone's start ~14 ms that no one sees on screen.
    let printing = move || !printed_on.with(String::is_empty) && !address().is_empty();
    view! {
        <Show when=printing>
            <footer class="print-only handout-foot">
                {qr}
                <div>
                    <p>"Open this view: " <span class="handout-address">{address}</span></p>
                    <p>"Printed " {move || printed_on.get()} " from the Partnership Explorer."</p>
                    <p>"Source: " {source.clone()}</p>
                </div>
            </footer>
        </Show>
    }
}
