//! Embedding: the bar an embedded view shows, and "Embed this view" with the
//! snippets for the current filters.

use leptos::prelude::*;

use crate::names;

use super::explorer::use_explorer;
use super::status::CopyStatus;
use crate::browser;
use crate::embed::{embed_url, iframe_snippet, loader_snippet, Controls};
use crate::explore::Filter;

/// Inside a partner's page: a way out to the full explorer, same filters
/// (shown by the CSS only there: `.embedded`).
#[component]
pub fn EmbedBar() -> impl IntoView {
    let explorer = use_explorer();
    let href = move || explorer.filter.with(|f| explorer.full_url(f));
    view! {
        <p class="wrap embed-bar">
            <a href=href target="_blank" rel="noopener">
                "Open full explorer"
                <span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        </p>
    }
}

/// A button that opens a dialog with the code to embed the current view. The
/// browser opens and closes it (invoker commands): no code of ours to ship.
/// The code is written from the first time the button is pressed (`wanted`),
/// not while the page starts: it needs the page's address, and no one sees it before.
#[component]
pub fn EmbedThisView() -> impl IntoView {
    let controls = RwSignal::new(Controls::Compact);
    let wanted = RwSignal::new(false);
    let choices = Controls::ALL
        .into_iter()
        .map(|choice| {
            let label = match choice {
                Controls::Full => "Every filter",
                Controls::Compact => "Search and a Filters button",
                Controls::None => "None: just the partnerships",
            };
            view! {
                <label class="chip">
                    <input
                        type="radio"
                        name="embed-controls"
                        value=choice.as_str()
                        prop:checked=move || controls.get() == choice
                        on:change=move |_| controls.set(choice)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <button
            type="button"
            class="button button-secondary"
            commandfor="embed-dialog"
            command="show-modal"
            on:click=move |_| wanted.set(true)
        >
            "Embed" <span class="more-words">" this view"</span>
        </button>
        <dialog id="embed-dialog" class="embed-dialog" aria-labelledby="embed-title" closedby="any">
            <h2 id="embed-title">"Embed this view"</h2>
            <p>
                "Paste this into your page where the explorer should appear. It shows the current "
                "filters and grows or shrinks to fit its content. Choose how many controls it shows."
            </p>
            <div class="filter-block">
                <p class="filter-label" id="embed-controls-label">"Controls in the embed"</p>
                <div class="chips" role="radiogroup" aria-labelledby="embed-controls-label">{choices}</div>
            </div>
            // How tall the embed will be: written by shell.js from the preview below.
            <p id=names::EMBED_PREVIEW_HEIGHT class="embed-preview-height" role="status">"Measuring the preview…"</p>
            <CodeToCopy id="embed-loader" label="Snippet (resizes itself)" make=loader_snippet controls wanted/>
            <CodeToCopy
                id="embed-iframe"
                label="Plain iframe (fixed height, for sites that allow no scripts)"
                make=iframe_snippet
                controls
                wanted
            />
            <EmbedPreview controls wanted/>
            <button type="button" class="button" commandfor="embed-dialog" command="close">"Close"</button>
        </dialog>
    }
}

/// What `make` writes for the explorer's address, the current filter, the
/// chosen `controls` and the list shown; empty until the dialog is `wanted`.
fn for_this_view(
    make: fn(&str, &Filter, Controls, Option<&str>) -> String,
    controls: RwSignal<Controls>,
    wanted: RwSignal<bool>,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let explorer = use_explorer();
    move || {
        if !wanted.get() {
            return String::new();
        }
        explorer.filter.with(|f| make(&explorer.base(), f, controls.get(), explorer.list().as_deref()))
    }
}

/// A labelled, read-only code box with its Copy button; `make` writes the code
/// for the explorer's address and the current filter (once `wanted`).
#[component]
fn CodeToCopy(
    id: &'static str,
    label: &'static str,
    make: fn(&str, &Filter, Controls, Option<&str>) -> String,
    controls: RwSignal<Controls>,
    wanted: RwSignal<bool>,
) -> impl IntoView {
    let code = for_this_view(make, controls, wanted);
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| browser::copy_text(untrack(code), copied);
    view! {
        <div class="code-to-copy">
            <label for=id>{label}</label>
            <textarea id=id readonly rows="3" spellcheck="false" prop:value=code></textarea>
            <button type="button" class="button button-secondary" on:click=copy>
                "Copy" <span class="visually-hidden">" " {label}</span>
            </button>
            <CopyStatus copied done="Copied" blocked="Copying was blocked: select the text and copy it"/>
        </div>
    }
}

/// The embed as it will look, in a frame of its own: `public/shell.js` makes the
/// frame only while the dialog is open (from `data-src`), sizes it, and writes
/// the height it reports into the dialog's status line (`#embed-preview-height`).
#[component]
fn EmbedPreview(controls: RwSignal<Controls>, wanted: RwSignal<bool>) -> impl IntoView {
    let address = for_this_view(embed_url, controls, wanted);
    view! {
        <div class=names::EMBED_PREVIEW data-src=address>
            <p class="filter-label">"Preview"</p>
        </div>
    }
}
