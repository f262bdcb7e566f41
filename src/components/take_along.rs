//! Taking a view along: "Print this view", "Download CSV", "Download JSON"
//! and "Share this view" in the results bar, and the lines only a printed
//! view shows: the filters in words above the cards; the address, its QR
//! code, the date and the source after them. The browser's own Print gives
//! the same handout as the button: the print stylesheet does the layout, and
//! `beforeprint` puts every matching card on the page. The CSV writer and the
//! QR code come when first wanted (`on_demand`); the button waiting for them
//! says so, and a line says what went wrong if they cannot come.

use leptos::prelude::*;

use super::explorer::{use_explorer, Explorer};
use super::status::CopyStatus;
use crate::data::report::dataset_json;
use crate::explore::handout::{file_stem, in_words, view_dataset, QrSvg};
use crate::{browser, on_demand};

/// The partnerships shown, as a dataset of their own, in the shown order.
fn shown_dataset(explorer: Explorer) -> crate::data::Dataset {
    explorer.results.with_untracked(|r| explorer.dataset.with_value(|d| view_dataset(d, &r.matching)))
}

/// Every matching card on the page, not only the first batches: a handout
/// holds the whole view.
fn show_every_card(explorer: Explorer) {
    // Paper shows every card whole: none may wait for a later task.
    crate::later::flush();
    let all = explorer.results.with_untracked(|r| r.matching.len());
    if explorer.shown.get_untracked() < all {
        explorer.shown.set(all);
    }
}

/// A take-along whose code may have to come first (`on_demand`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    Print,
    Csv,
}

/// The buttons, beside "Embed this view".
#[component]
pub fn TakeAlong() -> impl IntoView {
    let explorer = use_explorer();
    let stem = move || explorer.filter.with_untracked(file_stem);
    // What is waiting for its code, and what could not be made: the status line.
    let coming = RwSignal::new(None::<Asked>);
    let failed = RwSignal::new(None::<String>);
    let print = move |_| {
        show_every_card(explorer);
        failed.set(None);
        coming.set(Some(Asked::Print));
        leptos::task::spawn_local(async move {
            // Printed either way: without its code the handout has the address in words only.
            if let Err(why) = on_demand::load().await {
                failed.set(Some(format!("The QR code could not be added: {why}. The address is printed in words.")));
            }
            coming.set(None);
            // The cards are on the page once the app's next task has run.
            browser::next_task().await;
            browser::print();
        });
    };
    let download_csv = move |_| {
        let json = dataset_json(&shown_dataset(explorer));
        let name = format!("{}.csv", stem());
        failed.set(None);
        coming.set(Some(Asked::Csv));
        leptos::task::spawn_local(async move {
            match on_demand::view_csv(json).await {
                Ok(csv) => browser::save_file(&csv, "text/csv", &name),
                Err(why) => failed.set(Some(format!("The CSV file could not be made: {why}. Try again."))),
            }
            coming.set(None);
        });
    };
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
    let waiting = move |asked| move || coming.get() == Some(asked);
    let busy = move |asked| move || waiting(asked)().then_some("true");
    let status = move || match (coming.get(), failed.get()) {
        (_, Some(why)) => why,
        (Some(Asked::Print), None) => "Preparing the printed view…".to_string(),
        (Some(Asked::Csv), None) => "Preparing the CSV file…".to_string(),
        (None, None) => String::new(),
    };
    view! {
        <div class="take-along">
            // On a phone the words in `more-words` are read but not shown: the
            // four fit in one row above the cards, and each visible label is
            // still the start of its name (WCAG 2.5.3). While its code comes,
            // a button says so.
            <button type="button" class="button button-secondary" on:click=print aria-busy=busy(Asked::Print)>
                <Show
                    when=waiting(Asked::Print)
                    fallback=|| view! { "Print" <span class="more-words">" this view"</span> }
                >
                    "Preparing…"
                </Show>
            </button>
            <button type="button" class="button button-secondary" on:click=download_csv aria-busy=busy(Asked::Csv)>
                <Show when=waiting(Asked::Csv) fallback=|| view! { <span class="more-words">"Download "</span> "CSV" }>
                    "Preparing…"
                </Show>
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
            // Its text as a property, not a child: the prerendered span is then
            // truly empty (no " " placeholder), and `:empty` keeps it out of the row.
            <span class="take-along-status" role="status" prop:textContent=status></span>
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
            // Too late for this print (the browser lays it out now, with the
            // address in words); the next one has its QR code.
            leptos::task::spawn_local(async {
                let _ = on_demand::load().await;
            });
        });
        on_cleanup(move || before.remove());
    }
    // The take-along code draws it once it has come: the Print button waits
    // for it; the browser's own Print, the first time, starts it coming.
    let qr = move || {
        printed_on.track();
        on_demand::qr_code_now(&address()).map(|QrSvg { size, path }| {
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
