//! Partnership cards.

use std::rc::Rc;

use leptos::prelude::*;

use crate::data::{Dataset, Launched, Partnership};
use crate::geo::state_name;

/// Every partnership of the dataset, one card each, in dataset order.
#[component]
pub fn CardList(dataset: Rc<Dataset>) -> impl IntoView {
    let cards = dataset
        .partnerships
        .iter()
        .map(|p| {
            let sector = dataset.sector_label(&p.sector).to_string();
            let topics: Vec<String> = p.topics.iter().map(|t| dataset.topic_label(t).to_string()).collect();
            view! { <PartnershipCard partnership=p.clone() sector topics/> }
        })
        .collect_view();
    view! {
        <section class="cards wrap" aria-labelledby="cards-title">
            <h2 id="cards-title" class="visually-hidden">"Partnerships"</h2>
            {if dataset.partnerships.is_empty() {
                Some(view! { <p class="empty">"This dataset has no partnerships to show."</p> })
            } else {
                None
            }}
            <ul class="card-grid" role="list">{cards}</ul>
        </section>
    }
}

/// One partnership: name, sector, place, facts, summary, highlights, topics, website.
/// `sector` and `topics` are the display labels, resolved by the caller.
#[component]
pub fn PartnershipCard(partnership: Partnership, sector: String, topics: Vec<String>) -> impl IntoView {
    let Partnership { id, name, short_name, sector: sector_id, state, region, launched, members, summary, highlights, website, .. } =
        partnership;
    let heading_id = format!("{id}-name");
    let labelled_by = heading_id.clone();
    let place = format!("{region}, {}", state_name(&state));
    let launched = launched.as_deref().and_then(Launched::parse).map(|l| l.display());
    let members = members.map(|m| m.describe());
    let has_facts = launched.is_some() || members.is_some();
    let website = website.map(|url| {
        view! {
            <a class="card-website" href=url target="_blank" rel="noopener noreferrer">
                "Visit website"
                <span class="visually-hidden">{format!(" of {name} (opens in a new tab)")}</span>
            </a>
        }
    });
    view! {
        <li class="card-item">
            <article class=format!("card sector-{sector_id}") id=id aria-labelledby=labelled_by>
                <header class="card-header">
                    <p class="card-sector"><span class="sector-badge">{sector}</span></p>
                    <h3 class="card-name" id=heading_id>{name.clone()}</h3>
                    {short_name.map(|s| view! { <p class="card-short">"Known as " <abbr title=name.clone()>{s}</abbr></p> })}
                    <p class="card-place">{place}</p>
                </header>
                {has_facts.then(|| view! {
                    <dl class="card-facts">
                        {launched.map(|l| view! { <div><dt>"Launched"</dt><dd>{l}</dd></div> })}
                        {members.map(|m| view! { <div><dt>"Members"</dt><dd>{m}</dd></div> })}
                    </dl>
                })}
                <p class="card-summary">{summary}</p>
                {(!highlights.is_empty()).then(|| view! {
                    <ul class="card-highlights" aria-label="Highlights">
                        {highlights.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}
                    </ul>
                })}
                {(!topics.is_empty()).then(|| view! {
                    <ul class="card-topics" aria-label="Topics">
                        {topics.into_iter().map(|t| view! { <li class="topic">{t}</li> }).collect_view()}
                    </ul>
                })}
                {website}
            </article>
        </li>
    }
}
