//! The dataset's title and national figures.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use super::embed::EmbedBar;
use crate::data::model::qualified_count;
use crate::data::Dataset;

/// `embed`: inside a partner's page, with a way out to the full explorer;
/// `saved_on`: the data is an offline copy saved on that date.
/// `intro`: the title, figures and source (an embed with no controls shows just the cards).
#[component]
pub fn DatasetHeader(
    dataset: Arc<Dataset>,
    embed: bool,
    saved_on: Option<String>,
    #[prop(default = true)] intro: bool,
) -> impl IntoView {
    let national = &dataset.national;
    let partnerships = qualified_count(national.partnerships_qualifier.as_deref(), national.partnerships);
    let shown = dataset.partnerships.len();
    let source = dataset.source.clone();
    view! {
        {embed.then(EmbedBar)}
        {saved_on.map(|date| view! {
            <p class="wrap notice offline-note" role="status">
                "You are offline: showing the partnerships as saved on " {date} "."
            </p>
        })}
        {intro.then(|| view! {
            <section class="intro wrap" aria-labelledby="page-title">
                <h1 id="page-title">{dataset.title.to_string()}</h1>
                <ul class="figures" aria-label="National figures">
                    <li class="figure">
                        <span class="figure-value">{partnerships}</span>
                        // On a phone the figures shrink to one line: the words after the first go.
                        <span class="figure-label">
                            "partnerships"
                            <span class="figure-more">" across the country"</span>
                        </span>
                    </li>
                    <li class="figure">
                        <span class="figure-value">{national.states}</span>
                        <span class="figure-label">
                            "states"
                            <span class="figure-more">" have embraced the approach"</span>
                        </span>
                    </li>
                    <li class="figure">
                        <span class="figure-value">{shown}</span>
                        <span class="figure-label">
                            {if shown == 1 { "example" } else { "examples" }}
                            <span class="figure-more">" below"</span>
                        </span>
                    </li>
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
        })}
    }
}
