//! Embedding: the bar an embedded view shows, and "Embed this view" with the
//! snippets for the current filters. The dialog's frame is the explorer's; what
//! is in it (the choice of controls, the snippets, the preview) is the
//! take-along code's (`on_demand`), made each time the dialog is opened.

use leptos::prelude::*;

use crate::names;

use super::explorer::use_explorer;
use super::status::CopyStatus;
use crate::embed::{embed_url, iframe_snippet, loader_snippet, Controls, EmbedTarget};
use crate::explore::Filter;
use crate::{browser, on_demand};

/// The element of the embed dialog that the take-along code fills.
pub const EMBED_DIALOG_BODY: &str = "embed-dialog-body";

/// What the embed dialog says until the take-along code has filled it.
const PREPARING: &str = "Preparing the code to embed…";

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
/// Pressing it also asks the take-along code to fill the dialog for the view
/// as it is now; until it has, a line says it is coming (or why it cannot).
#[component]
pub fn EmbedThisView() -> impl IntoView {
    let explorer = use_explorer();
    let status = RwSignal::new(PREPARING.to_string());
    let fill = move |_| {
        let target =
            EmbedTarget { base: explorer.base(), filter: explorer.filter.get_untracked(), list: explorer.list() };
        status.set(PREPARING.to_string());
        leptos::task::spawn_local(async move {
            match on_demand::embed_dialog(&target).await {
                Ok(()) => status.set(String::new()),
                Err(why) => {
                    status.set(format!("The code to embed could not be made: {why}. Close this and try again."))
                }
            }
        });
    };
    view! {
        <button
            type="button"
            class="button button-secondary"
            commandfor="embed-dialog"
            command="show-modal"
            on:click=fill
        >
            "Embed" <span class="more-words">" this view"</span>
        </button>
        <dialog id="embed-dialog" class="embed-dialog" aria-labelledby="embed-title" closedby="any">
            <h2 id="embed-title">"Embed this view"</h2>
            // Says "Preparing…" from the prerendered page on (a press before the
            // app is live opens the dialog, which the app fills once live); empty,
            // then `:empty`, once filled.
            <p class="embed-dialog-status" role="status">{move || status.get()}</p>
            <div id=EMBED_DIALOG_BODY></div>
            <button type="button" class="button" commandfor="embed-dialog" command="close">"Close"</button>
        </dialog>
    }
}

/// The dialog's content for `target`: the choice of controls, the two
/// snippets and the preview. Mounted by the take-along code (`mount_embed_choices`).
#[component]
pub fn EmbedChoices(target: EmbedTarget) -> impl IntoView {
    let target = StoredValue::new(target);
    let controls = RwSignal::new(Controls::Compact);
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
        <CodeToCopy id="embed-loader" label="Snippet (resizes itself)" make=loader_snippet controls target/>
        <CodeToCopy
            id="embed-iframe"
            label="Plain iframe (fixed height, for sites that allow no scripts)"
            make=iframe_snippet
            controls
            target
        />
        <EmbedPreview controls target/>
    }
}

/// What `make` writes for the target's address, filter and list and the chosen `controls`.
fn for_target(
    make: fn(&str, &Filter, Controls, Option<&str>) -> String,
    controls: RwSignal<Controls>,
    target: StoredValue<EmbedTarget>,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || target.with_value(|t| make(&t.base, &t.filter, controls.get(), t.list.as_deref()))
}

/// A labelled, read-only code box with its Copy button.
#[component]
fn CodeToCopy(
    id: &'static str,
    label: &'static str,
    make: fn(&str, &Filter, Controls, Option<&str>) -> String,
    controls: RwSignal<Controls>,
    target: StoredValue<EmbedTarget>,
) -> impl IntoView {
    let code = for_target(make, controls, target);
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
fn EmbedPreview(controls: RwSignal<Controls>, target: StoredValue<EmbedTarget>) -> impl IntoView {
    let address = for_target(embed_url, controls, target);
    view! {
        <div class=names::EMBED_PREVIEW data-src=address>
            <p class="filter-label">"Preview"</p>
        </div>
    }
}

/// Fills the embed dialog of the page with `EmbedChoices` for `target`, in
/// place of what an earlier opening put there. The take-along code calls it.
#[cfg(target_arch = "wasm32")]
pub fn mount_embed_choices(target: EmbedTarget) -> Result<(), String> {
    use std::any::Any;
    use std::cell::RefCell;

    thread_local! {
        /// The last content mounted: dropping it unmounts it.
        static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    }
    let body = browser::html_element_by_id(EMBED_DIALOG_BODY).ok_or("the page has no embed dialog")?;
    MOUNTED.take();
    let mounted = leptos::mount::mount_to(body, move || view! { <EmbedChoices target/> });
    MOUNTED.set(Some(Box::new(mounted)));
    browser::dispatch(names::EMBED_FILLED_EVENT);
    Ok(())
}
