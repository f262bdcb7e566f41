//! Thin Leptos views. Each file holds one family of components.

pub mod card;
pub mod header;
pub mod layout;
pub mod status;

use leptos::prelude::*;

use crate::data::Loaded;
use card::CardList;
use header::DatasetHeader;
use status::ProblemsNotice;

/// A usable dataset: its header, what was skipped and why, and the cards.
#[component]
pub fn LoadedView(loaded: Loaded) -> impl IntoView {
    let Loaded { dataset, problems } = loaded;
    let dataset = std::rc::Rc::new(dataset);
    view! {
        <DatasetHeader dataset=dataset.clone()/>
        <ProblemsNotice problems/>
        <CardList dataset/>
    }
}
