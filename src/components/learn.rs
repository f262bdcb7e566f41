//! Learning from peers (issue 22): on each card, the partnerships most like
//! it, each with why and a link to its card (`explore::similar`). (The
//! overview of topics by sector is still to come: its counts are
//! `Index::overview`.)

use leptos::prelude::*;

use super::explorer::use_explorer;

/// "Partnerships like this one", a disclosure at the foot of a card: open
/// when the card is opened (`open`), or on its own. Each entry links to its
/// card's own address (`#id`), which opens that card and brings it into view.
#[component]
pub fn SimilarPartnerships(id: String, open: RwSignal<bool>) -> impl IntoView {
    let similar = use_explorer().similar(&id);
    (!similar.is_empty()).then(|| {
        let items = similar
            .into_iter()
            .map(|(id, name, why)| {
                view! {
                    <li>
                        <a href=format!("#{id}")>{name}</a>
                        " "
                        <span class="similar-why">{why}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="card-similar" prop:open=move || open.get()>
                <summary>"Partnerships like this one"</summary>
                <ul class="similar-list">{items}</ul>
            </details>
        }
    })
}
