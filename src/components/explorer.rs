//! The explorer's shared state, provided as context: the filter (the URL is its
//! serialised form), the results derived from it, and the card being linked to.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{self, HistoryMode};
use crate::data::Dataset;
use crate::explore::search::query_words;
use crate::explore::{parse_query, write_query, Filter, Index, Known, Results};

/// Cards rendered at first and added by each "Show more".
pub const BATCH: usize = 24;

#[derive(Clone, Copy)]
pub struct Explorer {
    pub dataset: StoredValue<Arc<Dataset>>,
    pub filter: RwSignal<Filter>,
    pub results: Memo<Results>,
    /// Folded search words, for highlighting matches in the cards.
    pub words: Memo<Vec<String>>,
    /// How many of the matching cards are rendered.
    pub shown: RwSignal<usize>,
    /// The partnership opened from a `#id` link.
    pub target: RwSignal<Option<String>>,
    /// What was ignored in the address, shown until dismissed.
    pub notices: RwSignal<Vec<String>>,
}

impl Explorer {
    /// Builds the state from the dataset and the current address.
    pub fn new(dataset: Arc<Dataset>) -> Explorer {
        let known = Known::from_dataset(&dataset);
        let (mut initial, mut notices) = parse_query(&browser::location_search(), &known);
        let index = Arc::new(Index::new(&dataset));

        // A card link (#id) must land on its card: if the filters in the same
        // address hide it, they give way.
        let hash = browser::location_hash();
        let target = dataset.partnerships.iter().position(|p| p.id == hash).map(|_| hash);
        let mut shown = BATCH;
        if let Some(id) = &target {
            let position = |f: &Filter| {
                let r = index.run(f);
                r.matching.iter().position(|&i| dataset.partnerships.get(i).is_some_and(|p| &p.id == id))
            };
            if position(&initial).is_none() && initial.is_narrowed() {
                initial = initial.cleared();
                notices.push("The filters in the link were cleared to show the linked partnership.".to_string());
            }
            if let Some(at) = position(&initial) {
                shown = shown.max(at + 1);
            }
        }

        let filter = RwSignal::new(initial);
        let results = Memo::new({
            let index = index.clone();
            move |_| filter.with(|f| index.run(f))
        });
        let words = Memo::new(move |_| filter.with(|f| query_words(&f.query)));
        Explorer {
            dataset: StoredValue::new(dataset),
            filter,
            results,
            words,
            shown: RwSignal::new(shown),
            target: RwSignal::new(target),
            notices: RwSignal::new(notices),
        }
    }

    /// Applies a filter change and records it in the address bar.
    pub fn set_filter(&self, next: Filter, mode: HistoryMode) {
        if self.filter.with_untracked(|f| *f == next) {
            return;
        }
        browser::set_query(&write_query(&next), mode);
        self.shown.set(BATCH);
        self.target.set(None);
        self.filter.set(next);
    }

    /// A committed change (one click, one history entry).
    pub fn commit(&self, change: impl FnOnce(&mut Filter)) {
        let mut next = self.filter.get_untracked();
        change(&mut next);
        self.set_filter(next, HistoryMode::Push);
    }

    /// Back/Forward: the address changed, the filter follows (no new entry).
    pub fn follow_address(&self) {
        let known = self.dataset.with_value(|d| Known::from_dataset(d));
        let (filter, notices) = parse_query(&browser::location_search(), &known);
        self.notices.set(notices);
        self.shown.set(BATCH);
        self.filter.set(filter);
    }

    pub fn sector_label(&self, id: &str) -> String {
        self.dataset.with_value(|d| d.sector_label(id).to_string())
    }

    pub fn topic_label(&self, id: &str) -> String {
        self.dataset.with_value(|d| d.topic_label(id).to_string())
    }
}

pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
