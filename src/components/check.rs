//! "Check and preview your list" (`?check=1`): a partner chooses or drops a
//! CSV or JSON file; it is read in the page and never sent anywhere, checked
//! by the app's own validation (`data::report`), its problems listed by row or
//! entry and field, its valid partnerships shown in the real explorer, and the
//! converted dataset offered as `partnerships.json`.
//!
//! Built into a wasm of its own (`src/bin/check_page.rs`), loaded only at this
//! address: the visitors' first visit does not carry its code.

use leptos::prelude::*;

use super::own_copy::OwnCopy;
use super::LoadedView;
use crate::data::report::{dataset_json, Checking, Form, Report};
use crate::data::{Dataset, LoadError, Loaded};

/// The check page's app: the bundled dataset (the page carries it), then the
/// page. In the browser only (`src/bin/check_page.rs` mounts it).
#[cfg(target_arch = "wasm32")]
#[component]
pub fn CheckApp() -> impl IntoView {
    let base = LocalResource::new(|| {
        let bundled = crate::browser::bundled_dataset();
        async move {
            let read = crate::load::read_dataset(crate::load::DATA_URL.to_string(), bundled).await;
            read.map(|fetched| fetched.loaded.dataset)
        }
    });
    view! {
        <Suspense fallback=super::status::Loading>
            {move || base.get().map(|base| view! { <CheckPage base/> })}
        </Suspense>
    }
}

/// The check page's state: the verdict on the last file, or why it could not be checked.
#[derive(Debug, Clone, PartialEq)]
enum Checked {
    Nothing,
    /// A file being read: its name, and rows read of how many once known.
    Reading {
        file: String,
        rows: Option<(usize, usize)>,
    },
    Done {
        file: String,
        report: Box<Report>,
    },
    Failed(String),
}

const TITLE: &str = "Check and preview your list";

/// The whole check page: `base` gives a CSV its header, sectors and topics
/// (the bundled dataset).
#[component]
pub fn CheckPage(base: Result<Dataset, LoadError>) -> impl IntoView {
    crate::browser::set_title(&format!("{TITLE} · Partnership Explorer"));
    // Out of sight behind the prerendered page until now: this page replaces it.
    Effect::new(|_| crate::fresh::take_page(None));
    let checked = RwSignal::new(Checked::Nothing);
    let base = StoredValue::new(base);
    let check = Callback::new(move |file: web_sys::File| {
        let name = file.name();
        checked.set(Checked::Reading { file: name.clone(), rows: None });
        leptos::task::spawn_local(async move {
            let bytes = crate::browser::file_bytes(file).await;
            let next = match (bytes, base.get_value()) {
                (Ok(bytes), Ok(base)) => {
                    let report = check_in_steps(&name, &bytes, &base, |rows| {
                        checked.set(Checked::Reading { file: name.clone(), rows: Some(rows) })
                    })
                    .await;
                    Checked::Done { report: Box::new(report), file: name }
                }
                (Err(why), _) => Checked::Failed(why),
                (_, Err(why)) => Checked::Failed(format!("The explorer's own sectors and topics are missing: {why}")),
            };
            checked.set(next);
        });
    });
    let report = Memo::new(move |_| match checked.get() {
        Checked::Done { report, .. } => Some(*report),
        _ => None,
    });
    view! {
        <a class="skip-link" href="#main">"Skip to the check"</a>
        <main id="main" tabindex="-1" class="check-page">
            <section class="wrap intro" aria-labelledby="check-title">
                <h1 id="check-title">{TITLE}</h1>
                <p>
                    "Choose your list, a spreadsheet saved as CSV or a JSON file, to see how many partnerships are "
                    "ready, what needs fixing, and how visitors will see them. "
                    <strong>"Your file is read in this browser and never sent anywhere."</strong>
                </p>
                <p>
                    "Start from the template, "
                    <a href="data/template.csv" download="template.csv">"template.csv"</a>
                    ", or from our examples, "
                    <a href="data/partnerships.csv" download="partnerships.csv">"partnerships.csv"</a>
                    ": one row per partnership, highlights and topics one per line inside their cell."
                </p>
                <FileChooser on_file=check/>
                <CheckSummary checked/>
                {move || report.get().map(|report| view! { <NoteList report/> })}
                {move || report.get().map(|report| view! { <ProblemList report/> })}
                {move || report.get().and_then(|r| r.dataset).map(|dataset| view! { <DownloadLink dataset/> })}
                {move || report.get().and_then(|r| r.dataset).map(|dataset| view! { <OwnCopy dataset/> })}
                <PublishSteps/>
            </section>
            {move || report.get().and_then(|r| r.dataset).map(|dataset| view! { <Preview dataset/> })}
        </main>
    }
}

/// Rows read between two turns of the event loop: a few milliseconds' work.
const ROWS_PER_STEP: usize = 250;

/// A file larger than this many rows shows how far its check has come.
const PROGRESS_FROM: usize = 2_000;

/// Checks a file in steps, giving the page its turn between them, so that a
/// spreadsheet of thousands of rows neither freezes the page nor hides how
/// far it has come (`progress` hears the rows read, of how many).
async fn check_in_steps(name: &str, bytes: &[u8], base: &Dataset, progress: impl Fn((usize, usize))) -> Report {
    let mut checking = Checking::start(name, bytes, base);
    loop {
        let (done, total) = checking.step(ROWS_PER_STEP);
        if done >= total {
            break;
        }
        if total > PROGRESS_FROM {
            progress((done, total));
        }
        crate::browser::next_task().await;
    }
    checking.finish()
}

/// The file input, and the whole page as a drop target.
#[component]
fn FileChooser(on_file: Callback<web_sys::File>) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let take_first = move |files: Option<web_sys::FileList>| {
        if let Some(file) = files.and_then(|f| f.get(0)) {
            on_file.run(file);
        }
    };
    // Dropping anywhere on the page does what choosing does (and never opens the file instead).
    let over = window_event_listener(leptos::ev::dragover, move |e| {
        e.prevent_default();
        dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |_| dragging.set(false));
    let drop = window_event_listener(leptos::ev::drop, move |e| {
        e.prevent_default();
        dragging.set(false);
        take_first(e.data_transfer().and_then(|d| d.files()));
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <div class="file-chooser" class:dragging=move || dragging.get()>
            <label for="list-file">"Choose a list (CSV or JSON)"</label>
            <input
                id="list-file"
                type="file"
                accept=".csv,.json,text/csv,application/json"
                aria-describedby="list-file-hint"
                on:change=move |e| take_first(event_target::<web_sys::HtmlInputElement>(&e).files())
            />
            <p id="list-file-hint" class="hint">"Or drop the file anywhere on this page."</p>
        </div>
    }
}

/// "9 partnerships ready, 2 need fixing": the number ready first, announced.
#[component]
fn CheckSummary(checked: RwSignal<Checked>) -> impl IntoView {
    let text = move || match checked.get() {
        Checked::Nothing => String::new(),
        Checked::Reading { file, rows: None } => format!("Checking {file}…"),
        Checked::Reading { file, rows: Some((done, total)) } => {
            format!("Checking {file}… {} of {} rows", thousands(done), thousands(total))
        }
        Checked::Done { file, report } => {
            let form = if report.form == Form::Csv { "spreadsheet (CSV)" } else { "JSON file" };
            format!("{}. Checked {file} as a {form}.", report.summary())
        }
        Checked::Failed(why) => why,
    };
    let rows = move || match checked.get() {
        Checked::Reading { rows: Some((done, total)), .. } => Some((done, total)),
        _ => None,
    };
    view! {
        <p class="check-summary" role="status">{text}</p>
        {move || {
            rows()
                .map(|(done, total)| {
                    view! {
                        <progress class="check-progress" aria-label="Rows checked" max=total value=done></progress>
                    }
                })
        }}
    }
}

/// `10,000`: counts as people read them (the browser's own number format).
fn thousands(n: usize) -> String {
    let number = wasm_bindgen_futures::js_sys::Number::from(n as f64);
    number.to_locale_string("en-US").as_string().unwrap_or_else(|| n.to_string())
}

/// What was assumed to read a spreadsheet (its encoding, separator, Excel's
/// dates), and what was read past: said before the problems, never one of them.
#[component]
fn NoteList(report: Report) -> impl IntoView {
    if report.notes.is_empty() {
        return None;
    }
    Some(view! {
        <div class="check-notes">
            <h2 id="check-notes-title">"How your file was read"</h2>
            <ul aria-labelledby="check-notes-title">
                {report
                    .notes
                    .iter()
                    .map(|note| {
                        let lead = if note.is_warning() { "Warning: " } else { "" };
                        view! {
                            <li>
                                <strong>{lead}</strong>
                                {note.to_string()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    })
}

/// Each problem, by row and column (CSV) or entry and field (JSON).
#[component]
fn ProblemList(report: Report) -> impl IntoView {
    if report.problems.is_empty() {
        return None;
    }
    let what_to_do = match (report.dataset.is_some(), report.form) {
        (false, _) => "Nothing can be shown until these are fixed.",
        (true, Form::Csv) => "These rows are left out until fixed in your spreadsheet; the others are ready.",
        (true, Form::Json) => "These entries are left out until fixed in your file; the others are ready.",
    };
    Some(view! {
        <div class="notice check-problems">
            <h2 id="check-problems-title">"Problems"</h2>
            <p>{what_to_do}</p>
            <ol class="problems" aria-labelledby="check-problems-title">
                {report.problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
            </ol>
        </div>
    })
}

/// "Download partnerships.json": the converted, validated dataset.
#[component]
fn DownloadLink(dataset: Dataset) -> impl IntoView {
    let href = crate::browser::download_url(&dataset_json(&dataset), "application/json");
    if let Some(url) = href.clone() {
        on_cleanup(move || crate::browser::forget_download_url(&url));
    }
    view! {
        <p class="check-download">
            <a class="button" href=href download="partnerships.json">"Download partnerships.json"</a>
            <span>
                "The partnerships that are ready, in the explorer's format: put it in the "
                <code>"data/"</code>
                " folder of your copy."
            </span>
        </p>
    }
}

/// How to publish the list: the copy made here, or `./run data publish`.
#[component]
fn PublishSteps() -> impl IntoView {
    view! {
        <h2 id="publish-title">"Publish it"</h2>
        <ol class="publish-steps" aria-labelledby="publish-title">
            <li>"Fill in the template in your spreadsheet and save it as CSV, as your program saves it."</li>
            <li>"Check it here until every partnership is ready."</li>
            <li>
                "Press “Download the explorer with your list (.zip)”, unzip it, and upload its folder, "
                <code>"partnership-explorer/"</code>
                ", to your website: its own address shows your list. To update the list later, check it "
                "here again and replace "
                <code>"data/partnerships.json"</code>
                " in that folder with the downloaded partnerships.json."
            </li>
            <li>
                "Or, on a computer with the explorer's source, publish a list that shows before any code "
                "arrives, prerendered like ours: "
                <code>"./run data publish your-list.csv --out site/"</code>
                "."
            </li>
            <li>
                "Embed it on your partners' pages: its “Embed this view” button gives the code to paste. "
                "Or keep an explorer you already host and link a list beside it with "
                <code>"?data=data/our-list.json"</code>
                "."
            </li>
        </ol>
    }
}

/// The ready partnerships in the real explorer, as visitors will see them.
#[component]
fn Preview(dataset: Dataset) -> impl IntoView {
    // The problems are listed above: the preview shows what visitors would.
    let loaded = Loaded { dataset, problems: Vec::new() };
    view! {
        <section class="check-preview" aria-labelledby="preview-title">
            <h2 id="preview-title" class="wrap">"Preview: your list as visitors will see it"</h2>
            <LoadedView loaded/>
        </section>
    }
}
