//! The explorer's shared state, provided as context: the filter (the URL is its
//! serialised form), the results derived from it, and the card being linked to.
//! Each writer of the view makes live first what still waits for it
//! (`later::flush`): that was prerendered for the view before the change.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{self, HistoryMode};
use crate::data::Dataset;
use crate::explore::search::query_words;
use crate::explore::{data_path, parse_query, write_query_keeping, Filter, Index, Known, Overview, Results, SIMILAR};
use crate::later;

/// Cards rendered at first and added by each "Show more": more than a screenful,
/// few enough that a filter change rebuilds them quickly at any dataset size.
pub const BATCH: usize = 12;

/// A list of at most this many partnerships shows every card of a view at
/// once, without "Show more": a partner's list of a few dozen is read by
/// scrolling, its prerendered page holds every card (readable without
/// JavaScript, and every first choice answered before the wasm from cards
/// already in the page), and a filter change rebuilds at most this many.
pub const WHOLE_LIST_UP_TO: usize = 50;

/// The cards a view shows before "Show more", for a list of `total`.
pub fn first_batch(total: usize) -> usize {
    if total <= WHOLE_LIST_UP_TO {
        total.max(BATCH)
    } else {
        BATCH
    }
}

/// The results' section: where a link to another view (the overview's) brings the visitor.
pub const RESULTS: &str = "results";

#[derive(Clone, Copy)]
pub struct Explorer {
    pub dataset: StoredValue<Arc<Dataset>>,
    /// Filters the dataset; also knows its ids, for reading the address.
    index: StoredValue<Arc<Index>>,
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
    /// True while the visitor is typing a search: the first keystroke adds a
    /// history entry, the following ones update it.
    typing: StoredValue<bool>,
    /// Shown inside a partner's page (`?embed=1`).
    pub embed: Signal<bool>,
    /// Whether the page knows its own address: false in the build-time
    /// prerender and while the app hydrates it (the two must render alike),
    /// true from then on. What shows an address reads it (`base`, `full_url`).
    pub live: RwSignal<bool>,
}

impl Explorer {
    /// Builds the state from the dataset and the current address; `notices` are
    /// shown with those about the address.
    pub fn new(dataset: Arc<Dataset>, mut notices: Vec<String>, embed: Signal<bool>) -> Explorer {
        let (initial, address_notices) = parse_query(&browser::location_search(), &Known::from_dataset(&dataset));
        notices.extend(address_notices);
        let index = Arc::new(Index::new(&dataset));
        Explorer::with_filter(dataset, index, initial, notices, embed, cfg!(target_arch = "wasm32"))
    }

    /// The state the prerendered page shows (the default view, no notices),
    /// for the app to hydrate it; `follow_address` then applies the address.
    /// `index` is the dataset's (`Index::new`): the start builds it in the
    /// task that reads the dataset, so the hydrating task is that much shorter.
    pub fn prerendered(dataset: Arc<Dataset>, index: Arc<Index>, embed: Signal<bool>) -> Explorer {
        Explorer::with_filter(dataset, index, Filter::default(), Vec::new(), embed, false)
    }

    fn with_filter(
        dataset: Arc<Dataset>,
        index: Arc<Index>,
        initial: Filter,
        notices: Vec<String>,
        embed: Signal<bool>,
        live: bool,
    ) -> Explorer {
        let total = dataset.partnerships.len();
        let filter = RwSignal::new(initial);
        let results = Memo::new({
            let index = index.clone();
            move |_| filter.with(|f| index.run(f))
        });
        let words = Memo::new(move |_| filter.with(|f| query_words(&f.query)));
        Explorer {
            dataset: StoredValue::new(dataset),
            index: StoredValue::new(index),
            filter,
            results,
            words,
            shown: RwSignal::new(first_batch(total)),
            target: RwSignal::new(None),
            notices: RwSignal::new(notices),
            typing: StoredValue::new(false),
            embed,
            live: RwSignal::new(live),
        }
    }

    /// The folder the explorer is served from (tracked: empty until live).
    pub fn base(&self) -> String {
        if self.live.get() {
            browser::explorer_base()
        } else {
            String::new()
        }
    }

    /// The full (not embedded) explorer showing `filter` (tracked: empty until live).
    pub fn full_url(&self, filter: &Filter) -> String {
        if self.live.get() {
            browser::full_explorer_url(filter)
        } else {
            String::new()
        }
    }

    /// The partner's list the page shows (`?data=`), if any.
    pub fn list(&self) -> Option<String> {
        data_path(&browser::location_search()).ok().flatten()
    }

    /// Applies a filter change and records it in the address bar.
    pub fn set_filter(&self, next: Filter, mode: HistoryMode) {
        if self.filter.with_untracked(|f| *f == next) {
            return;
        }
        // An embed shares the host page's history: its filters must not add
        // Back steps to the host, so it only ever updates its own entry.
        let mode = if self.embed.get_untracked() { HistoryMode::Replace } else { mode };
        later::flush();
        // The frame that answers shows the first new cards; the rest follow.
        later::in_steps();
        browser::set_filter_url(&next, mode);
        // Only write what changes: every write wakes all of its readers.
        self.show_first_batch();
        if self.target.with_untracked(Option::is_some) {
            self.target.set(None);
        }
        self.filter.set(next);
    }

    /// Back to the first batch of cards, written only if it is not already.
    fn show_first_batch(&self) {
        let first = self.dataset.with_value(|d| first_batch(d.partnerships.len()));
        super::set_if_changed(self.shown, first);
    }

    /// A committed change (one click, one history entry).
    pub fn commit(&self, change: impl FnOnce(&mut Filter)) {
        self.typing.set_value(false);
        let mut next = self.filter.get_untracked();
        change(&mut next);
        self.set_filter(next, HistoryMode::Push);
    }

    /// One keystroke in the search box: a typing session is one history entry.
    pub fn type_query(&self, text: String) {
        let mode = if self.typing.get_value() { HistoryMode::Replace } else { HistoryMode::Push };
        self.typing.set_value(true);
        let mut next = self.filter.get_untracked();
        next.query = text;
        self.set_filter(next, mode);
    }

    /// The search box lost focus: the next keystroke starts a new entry.
    pub fn end_typing(&self) {
        self.typing.set_value(false);
    }

    /// A card link (`#id`), on load or followed inside the page, lands on its
    /// card: filters that hide it give way, the batch grows to include it, and it
    /// is opened, marked and scrolled to.
    pub fn follow_hash(&self) {
        if let Some(id) = self.land_on_hash() {
            // After the cards follow the change, at the next frame.
            request_animation_frame(move || browser::scroll_to(&id));
        }
    }

    /// The state half of `follow_hash`: returns the id of the card to scroll to
    /// (the start scrolls once its page is in place).
    pub fn land_on_hash(&self) -> Option<String> {
        let hash = browser::location_hash();
        let Some(at) = self.dataset.with_value(|d| d.position_of(&hash)) else {
            // The skip link's #main is the page's own; anything else names no card.
            if hash != "main" && !hash.is_empty() {
                self.notices.update(|n| n.push(unknown_card_notice(&hash)));
            }
            return None;
        };
        later::flush();
        if !self.results.with_untracked(|r| r.matching.contains(&at)) {
            let cleared = self.filter.with_untracked(Filter::cleared);
            self.notices.update(|n| n.push("The filters were cleared to show the linked partnership.".to_string()));
            browser::show_card_url(&write_query_keeping(&cleared, &browser::location_search()), &hash);
            self.filter.set(cleared);
        }
        if let Some(position) = self.results.with_untracked(|r| r.matching.iter().position(|&i| i == at)) {
            self.shown.update(|n| *n = (*n).max(position + 1));
        }
        self.target.set(Some(hash.clone()));
        Some(hash)
    }

    /// Back/Forward: the address changed, the filter follows (no new entry).
    pub fn follow_address(&self) {
        let (filter, notices) = self.index.with_value(|index| parse_query(&browser::location_search(), index.known()));
        self.typing.set_value(false);
        // Only write what changes (every write wakes all of its readers): the
        // app going live on the prerendered view itself changes nothing, and
        // leaves what waits to be made live waiting.
        if self.notices.with_untracked(|n| *n != notices) {
            self.notices.set(notices);
        }
        self.show_first_batch();
        if self.filter.with_untracked(|f| *f != filter) {
            later::flush();
            self.filter.set(filter);
        }
    }

    /// Topics by sector for the current view (tracked), its links keeping the
    /// page's other parameters once live (none until then, as in the
    /// prerender). Going live alone does not redraw it: on the prerendered
    /// view, the only one hydrated, the links differ only in an embed, whose
    /// plain clicks stay in the page anyway; any change of view redraws it.
    pub fn overview(&self) -> Overview {
        let current = if self.live.get_untracked() { browser::location_search() } else { String::new() };
        self.results
            .with(|r| self.filter.with(|f| self.dataset.with_value(|d| Overview::new(&r.overview, d, f, &current))))
    }

    /// Makes what runs it follow what `overview` is made of (for a reader
    /// that reads `overview` untracked, and follows it only at times).
    pub fn follow_overview(&self) {
        self.results.track();
        self.filter.track();
    }

    /// A link to another view of this page (`?…`) followed by a plain click:
    /// the page shows that view and brings its results into view. With a
    /// modifier key or another button, the browser opens it as it would.
    pub fn follow_view_link(&self, event: &leptos::ev::MouseEvent, href: &str) {
        if event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() || event.button() != 0 {
            return;
        }
        event.prevent_default();
        let (filter, _) = self.index.with_value(|index| parse_query(href, index.known()));
        self.commit(|f| *f = filter);
        request_animation_frame(|| browser::scroll_to(RESULTS));
    }

    /// The partnerships most like the one at `at` in the dataset
    /// (`explore::similar`), best first: each one's id, name and why it is there.
    pub fn similar(&self, at: usize) -> Vec<(String, String, String)> {
        let likes = self.index.with_value(|index| index.similar(at, SIMILAR));
        self.dataset.with_value(|d| {
            likes
                .into_iter()
                .filter_map(|like| {
                    let p = d.partnerships.get(like.index)?;
                    Some((p.id.to_string(), p.name.to_string(), like.reason(d)))
                })
                .collect()
        })
    }

    /// Whether the one at `at` has any partnership like it (quick: it stops at the first).
    pub fn has_similar(&self, at: usize) -> bool {
        self.index.with_value(|index| index.has_similar(at))
    }

    pub fn sector_label(&self, id: &str) -> String {
        self.dataset.with_value(|d| d.sector_label(id).to_string())
    }

    pub fn topic_label(&self, id: &str) -> String {
        self.dataset.with_value(|d| d.topic_label(id).to_string())
    }
}

/// The fragment is untrusted: it is quoted short, as text.
fn unknown_card_notice(hash: &str) -> String {
    let shown: String = hash.chars().take(40).collect();
    format!("Ignored the link to an unknown partnership “{shown}”.")
}

pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}

#[cfg(test)]
mod tests {
    use super::{first_batch, BATCH, WHOLE_LIST_UP_TO};

    #[test]
    fn a_list_of_a_few_dozen_shows_whole_and_a_longer_one_a_batch_at_a_time() {
        assert_eq!(first_batch(0), BATCH);
        assert_eq!(first_batch(11), BATCH);
        assert_eq!(first_batch(40), 40);
        assert_eq!(first_batch(WHOLE_LIST_UP_TO), WHOLE_LIST_UP_TO);
        assert_eq!(first_batch(WHOLE_LIST_UP_TO + 1), BATCH);
        assert_eq!(first_batch(10_000), BATCH);
    }
}
