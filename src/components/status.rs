//! Loading, failure and partial-data states: never a blank page.

use leptos::prelude::*;

use crate::data::error::TIMEOUT_SECONDS;
use crate::data::{LoadError, Place, Problem};

/// Long problem lists are cut here; the count says how many more there are.
const MAX_LISTED: usize = 20;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <section class="wrap status-panel" aria-busy="true">
            <h1>"Partnership Explorer"</h1>
            <p role="status" class="loading">"Loading partnerships…"</p>
            <p class="loading-hint">
                {format!("If they have not arrived within {TIMEOUT_SECONDS} seconds, you will be offered to retry.")}
            </p>
        </section>
    }
}

/// The data could not be shown: what went wrong, the details, and Retry.
#[component]
pub fn LoadErrorView(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    let problems = match &error {
        LoadError::Invalid(unusable) => unusable.problems.clone(),
        _ => Vec::new(),
    };
    // Out of sight behind the prerendered page until now: the error replaces it.
    Effect::new(|_| crate::fresh::take_page(None));
    view! {
        <section class="wrap status-panel">
            <h1>"Partnership Explorer"</h1>
            <div class="error" role="alert">
                <h2>"The partnerships could not be loaded"</h2>
                <p>{error.to_string()}</p>
                <ProblemList problems/>
                <button type="button" class="button" on:click=move |_| on_retry.run(())>"Retry"</button>
            </div>
        </section>
    }
}

/// Shown above the cards when some entries were skipped.
#[component]
pub fn ProblemsNotice(problems: Vec<Problem>) -> impl IntoView {
    if problems.is_empty() {
        return None;
    }
    let entries = count_entries(&problems);
    let summary = format!(
        "{entries} {} in the data could not be shown because of {} problem(s):",
        if entries == 1 { "entry" } else { "entries" },
        problems.len()
    );
    Some(view! {
        <section class="wrap notice" role="status" aria-labelledby="problems-title">
            <h2 id="problems-title">"Some entries were skipped"</h2>
            <p>{summary}</p>
            <ProblemList problems/>
        </section>
    })
}

#[component]
fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    if problems.is_empty() {
        return None;
    }
    let more = problems.len().saturating_sub(MAX_LISTED);
    Some(view! {
        <ul class="problems">
            {problems.iter().take(MAX_LISTED).map(|p| view! { <li><code>{p.to_string()}</code></li> }).collect_view()}
            {(more > 0).then(|| view! { <li>{format!("… and {more} more")}</li> })}
        </ul>
    })
}

/// How many distinct entries the problems are about. The validator reports an
/// entry's problems together, so counting changes of place is enough.
fn count_entries(problems: &[Problem]) -> usize {
    let mut places: Vec<&Place> = problems.iter().map(|p| &p.place).collect();
    places.dedup();
    places.len()
}

/// What became of a Copy button's copy, in a live region: empty until then.
#[component]
pub fn CopyStatus(copied: RwSignal<Option<bool>>, done: &'static str, #[prop(into)] blocked: String) -> impl IntoView {
    let text = move || match copied.get() {
        Some(true) => done.to_string(),
        Some(false) => blocked.clone(),
        None => String::new(),
    };
    view! { <span class="copied" role="status">{text}</span> }
}
