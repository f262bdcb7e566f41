//! The dataset's title and national figures.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use super::embed::EmbedBar;
use crate::data::model::qualified_count;
use crate::data::Dataset;

/// Inside a partner's page, a way out to the full explorer (always in the
/// page, shown by the CSS when the head script marks it embedded: so that the
/// hydrated page does not grow a bar above what the visitor sees);
/// `saved_on`: the data is an offline copy saved on that date.
/// `intro`: the title, figures and source (an embed with no controls shows just the cards).
/// Each may change after the first render (see `LoadedView`).
#[component]
pub fn DatasetHeader(dataset: Arc<Dataset>, saved_on: Signal<Option<String>>, intro: Signal<bool>) -> impl IntoView {
    view! {
        <EmbedBar/>
        {move || saved_on.get().map(|date| view! {
            <p class="wrap notice offline-note" role="status">
                "You are offline: showing the partnerships as saved on " {date} "."
            </p>
        })}
        <Show when=move || intro.get()>
            <Intro dataset=dataset.clone()/>
        </Show>
    }
}

/// The title, the national figures and the source.
#[component]
fn Intro(dataset: Arc<Dataset>) -> impl IntoView {
    let national = &dataset.national;
    let partnerships = qualified_count(national.partnerships_qualifier.as_deref(), national.partnerships);
    let shown = dataset.partnerships.len();
    let source = dataset.source.clone();
    view! {
        <section class="intro wrap" aria-labelledby="page-title">
            <h1 id="page-title">{dataset.title.to_string()}</h1>
            <ul class="figures" aria-label="National figures">
                <Figure value=partnerships label="partnerships" more=" across the country"/>
                <Figure value=national.states.to_string() label="states" more=" have embraced the approach"/>
                <Figure value=shown.to_string() label=if shown == 1 { "example" } else { "examples" } more=" below"/>
            </ul>
            <p class="source">
                "Source: "
                {match source.url {
                    Some(url) => Either::Left(view! {
                        <a href=String::from(url) target="_blank" rel="noopener noreferrer">
                            {String::from(source.name)}
                        </a>
                    }),
                    None => Either::Right(String::from(source.name)),
                }}
            </p>
        </section>
    }
}

/// One national figure: its value and what it counts. On a phone the figures
/// shrink to one line: `more`, the words after the first, goes.
#[component]
fn Figure(value: String, label: &'static str, more: &'static str) -> impl IntoView {
    view! {
        <li class="figure">
            <span class="figure-value">{value}</span>
            <span class="figure-label">{label}<span class="figure-more">{more}</span></span>
        </li>
    }
}
