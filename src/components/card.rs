//! A partnership card: collapsed to the summary and first highlights, opened to
//! all of them; topic labels toggle the topic filter; "Copy link" shares it.

use leptos::either::Either;
use leptos::prelude::*;

use crate::{later, names};

use super::explorer::use_explorer;
use super::learn::SimilarPartnerships;
use super::status::CopyStatus;
use crate::browser;
use crate::data::{Launched, Partnership};
use crate::explore::search::segments;
use crate::geo::state_name;

/// Highlights shown while a card is collapsed.
const COLLAPSED_HIGHLIGHTS: usize = 2;

/// Text with the current search words wrapped in `<mark>`.
#[component]
pub fn Highlighted(#[prop(into)] text: String) -> impl IntoView {
    let words = use_explorer().words;
    move || {
        words.with(|words| {
            segments(&text, words)
                .into_iter()
                .map(|(piece, hit)| {
                    let piece = piece.to_string();
                    if hit {
                        Either::Left(view! { <mark>{piece}</mark> })
                    } else {
                        Either::Right(piece)
                    }
                })
                .collect_view()
        })
    }
}

/// A card in the list; `at` is its partnership's place in the dataset.
/// Hydrating the page, the card's inside is made live a little later: the
/// cards are most of the page, and one task for all of it is a long one on a
/// slow phone (`later`). A change the visitor makes builds its first few new
/// cards before the next paint and the others just after it (`later::after_paint`).
#[component]
pub fn PartnershipCard(partnership: Partnership, at: usize) -> impl IntoView {
    // The page built ahead (or its card this one claims) holds the similar
    // partnerships, readable without JavaScript: such a card renders them at
    // once, as it does. Read here: a card made live later runs once the page is live.
    let as_prerendered = !use_explorer().live.get_untracked();
    later::now_or_later!(
        item,
        move || view! { <CardArticle partnership at as_prerendered/> },
        leptos::html::li().class(names::CARD_ITEM),
        after_paint
    )
}

/// The card itself.
#[component]
fn CardArticle(partnership: Partnership, at: usize, as_prerendered: bool) -> impl IntoView {
    let explorer = use_explorer();
    let Partnership {
        id,
        name,
        short_name,
        sector,
        state,
        region,
        launched,
        members,
        summary,
        highlights,
        topics,
        website,
    } = partnership;
    let heading_id = format!("{id}-name");
    let labelled_by = heading_id.clone();
    let highlights_id = format!("{id}-highlights");
    let controls = highlights_id.clone();
    let is_target = {
        let id = id.clone();
        move || explorer.target.with(|t| t.as_deref() == Some(id.as_str()))
    };
    let open = RwSignal::new(is_target());
    // A card linked to (#id) opens.
    let linked = is_target.clone();
    Effect::new(move |_| {
        if linked() {
            open.set(true);
        }
    });
    let copied = RwSignal::new(None::<bool>);

    let place = format!("{region}, {}", state_name(&state));
    let launched = launched.as_deref().and_then(Launched::parse).map(|l| l.display());
    let members = members.map(|m| m.describe());
    let has_facts = launched.is_some() || members.is_some();
    let total_highlights = highlights.len();
    let sector_label = explorer.sector_label(&sector);

    let highlight_items = highlights
        .into_iter()
        .enumerate()
        .map(|(i, h)| {
            let hidden = move || i >= COLLAPSED_HIGHLIGHTS && !open.get();
            view! { <li hidden=hidden><Highlighted text=h/></li> }
        })
        .collect_view();
    let topic_buttons = topics
        .into_iter()
        .map(|t| {
            let label = explorer.topic_label(&t);
            let pressed = {
                let t = t.clone();
                move || explorer.filter.with(|f| f.topics.contains(&t))
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="topic"
                        aria-pressed=move || pressed().to_string()
                        on:click=move |_| explorer.commit(|f| *f = f.toggle_topic(&t))
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    let copy_url = browser::card_url(&id);
    let copy = {
        let url = copy_url.clone();
        move |_| browser::copy_text(url.clone(), copied)
    };
    let website = website.map(|url| {
        view! {
            <a class="card-website" href=String::from(url) target="_blank" rel="noopener noreferrer">
                "Visit website"
                <span class="visually-hidden">{format!(" of {name} (opens in a new tab)")}</span>
            </a>
        }
    });
    let card_name = name.clone();

    view! {
        <article
            class=format!("card sector-{sector}")
            class:card-target=is_target
            id=id.to_string()
            tabindex="-1"
            aria-labelledby=labelled_by
        >
            <header class="card-header">
                <p class="card-sector"><span class="sector-badge">{sector_label}</span></p>
                <h3 class="card-name" id=heading_id><Highlighted text=name.clone()/></h3>
                {short_name.map(|s| view! {
                    <p class="card-short">"Known as " <abbr title=name.to_string()><Highlighted text=s/></abbr></p>
                })}
                <p class="card-place"><Highlighted text=place/></p>
            </header>
            {has_facts.then(|| view! {
                <dl class="card-facts">
                    {launched.map(|l| view! { <div><dt>"Launched"</dt><dd>{l}</dd></div> })}
                    {members.map(|m| view! { <div><dt>"Members"</dt><dd>{m}</dd></div> })}
                </dl>
            })}
            <p class="card-summary"><Highlighted text=summary/></p>
            {(total_highlights > 0).then(|| view! {
                <ul class="card-highlights" id=highlights_id aria-label="Highlights">{highlight_items}</ul>
            })}
            {(total_highlights > COLLAPSED_HIGHLIGHTS).then(|| view! {
                <button
                    type="button"
                    class="link-button"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=controls
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() {
                        "Show fewer highlights".to_string()
                    } else {
                        format!("Show all {total_highlights} highlights")
                    }}
                </button>
            })}
            <ul class="card-topics" aria-label="Topics">{topic_buttons}</ul>
            <SimilarPartnerships at open as_prerendered/>
            <div class="card-actions">
                {website}
                <button type="button" class="link-button" on:click=copy>
                    "Copy link"
                    <span class="visually-hidden">{format!(" to {card_name}")}</span>
                </button>
                <CopyStatus
                    copied
                    done="Link copied"
                    blocked=format!("Copying was blocked; the link is {copy_url}")
                />
            </div>
        </article>
    }
}
