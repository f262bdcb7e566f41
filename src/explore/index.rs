//! Matching and faceted counts, prepared once per dataset so that each filter
//! change is one pass over the partnerships (fast at 10,000 entries).

use std::cmp::Reverse;

use super::filter::{Filter, Sort};
use super::query::Known;
use super::search::{fold, matches_all, query_words};
use crate::data::{Dataset, Launched, Partnership};
use crate::geo::{self, STATES};
use crate::order::sort_indices;

/// What is precomputed for one partnership.
pub(super) struct Entry {
    /// Folded name, short name, region, full state name, summary and highlights.
    haystack: String,
    /// Index into the dataset's sectors (`None`: not a known sector).
    pub(super) sector: Option<usize>,
    /// Index into `geo::STATES`.
    pub(super) state: Option<usize>,
    /// Indexes into the dataset's topics, distinct, in the partnership's order
    /// (a handful: searched linearly).
    pub(super) topics: Vec<usize>,
}

pub struct Index {
    pub(super) entries: Vec<Entry>,
    /// The entries in each sort order (indexed like `Sort::ALL`), computed once:
    /// walking the entries in the wanted order yields sorted results with no
    /// sort per filter change.
    pub(super) orders: [Vec<usize>; 3],
    /// The dataset's sector and topic ids: what the results' counts are aligned
    /// with, and what an address may ask for.
    known: Known,
    /// Partnerships per state in the whole dataset, aligned with `geo::STATES`.
    state_totals: Vec<usize>,
}

/// The outcome of one filter: the matching partnerships in order, and for every
/// facet how many partnerships choosing it would give with the other filters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// Indexes into `dataset.partnerships`, in the filter's sort order.
    pub matching: Vec<usize>,
    pub total: usize,
    /// "All sectors": the count without the sector choice.
    pub any_sector: usize,
    /// Aligned with `dataset.sectors`.
    pub sectors: Vec<usize>,
    /// Aligned with `geo::STATES`.
    pub states: Vec<usize>,
    /// Partnerships per state in the whole dataset, aligned with `geo::STATES`.
    pub state_totals: Vec<usize>,
    /// Aligned with `dataset.topics`: the count if that topic were (or stays) selected.
    pub topics: Vec<usize>,
    /// What the partnerships of the view work on: for each topic (rows, aligned
    /// with `dataset.topics`) and sector (columns, aligned with
    /// `dataset.sectors`), how many partnerships the view would show with that
    /// sector chosen and that topic added. Like the facet counts, it follows the
    /// other filters (state, topics, search) and not the sector chosen.
    pub overview: Vec<Vec<usize>>,
}

impl Results {
    /// "Showing 3 of 11 partnerships": the results' status line.
    #[inline]
    pub fn status(&self) -> String {
        let noun = if self.total == 1 { "partnership" } else { "partnerships" };
        format!("Showing {} of {} {noun}", self.matching.len(), self.total)
    }

    /// Whether the overview has any row: a partnership of the view (whatever
    /// its sector) that works on a topic.
    pub fn has_overview(&self) -> bool {
        self.overview.iter().flatten().any(|&n| n > 0)
    }
}

fn state_index(code: &str) -> Option<usize> {
    STATES.iter().position(|s| s.code == code)
}

impl Index {
    pub fn new(dataset: &Dataset) -> Index {
        let known = Known::from_dataset(dataset);
        let (sector_ids, topic_ids) = (&known.sectors, &known.topics);
        let mut state_totals = vec![0; STATES.len()];
        let entries = dataset
            .partnerships
            .iter()
            .map(|p| {
                let mut haystack = String::with_capacity(p.summary.len() * 3);
                let fields = [
                    Some(p.name.as_str()),
                    p.short_name.as_deref(),
                    Some(p.region.as_str()),
                    Some(geo::state_name(&p.state)),
                    Some(p.summary.as_str()),
                ];
                for text in fields.into_iter().flatten().chain(p.highlights.iter().map(|h| h.as_str())) {
                    haystack.push_str(&fold(text));
                    haystack.push('\n');
                }
                let state = state_index(&p.state);
                if let Some(total) = state.and_then(|s| state_totals.get_mut(s)) {
                    *total += 1;
                }
                let mut topics: Vec<usize> = Vec::with_capacity(p.topics.len());
                for t in p.topics.iter().filter_map(|t| topic_ids.iter().position(|id| t == id)) {
                    if !topics.contains(&t) {
                        topics.push(t);
                    }
                }
                Entry { haystack, sector: sector_ids.iter().position(|id| p.sector == *id), state, topics }
            })
            .collect();
        Index { entries, orders: sort_orders(dataset), known, state_totals }
    }

    /// The ids an address may use (`parse_query`).
    pub fn known(&self) -> &Known {
        &self.known
    }

    pub fn run(&self, filter: &Filter) -> Results {
        let wanted = Wanted::new(self, filter);
        let mut results = Results {
            total: self.entries.len(),
            sectors: vec![0; self.known.sectors.len()],
            states: vec![0; STATES.len()],
            state_totals: self.state_totals.clone(),
            topics: vec![0; self.known.topics.len()],
            overview: vec![vec![0; self.known.sectors.len()]; self.known.topics.len()],
            ..Results::default()
        };
        let order = match filter.sort {
            Sort::Name => 0,
            Sort::State => 1,
            Sort::Launched => 2,
        };
        let order = self.orders.get(order).map_or(&[][..], Vec::as_slice);
        for (i, e) in order.iter().filter_map(|&i| Some((i, self.entries.get(i)?))) {
            if !wanted.words_ok(e) {
                continue;
            }
            let (sector_ok, state_ok, topics_ok) = (wanted.sector_ok(e), wanted.state_ok(e), wanted.topics_ok(e));
            if state_ok && topics_ok {
                results.any_sector += 1;
                if let Some(s) = e.sector {
                    if let Some(count) = results.sectors.get_mut(s) {
                        *count += 1;
                    }
                    for &t in &e.topics {
                        if let Some(cell) = results.overview.get_mut(t).and_then(|row| row.get_mut(s)) {
                            *cell += 1;
                        }
                    }
                }
            }
            if sector_ok && topics_ok {
                if let Some(count) = e.state.and_then(|s| results.states.get_mut(s)) {
                    *count += 1;
                }
            }
            if sector_ok && state_ok && topics_ok {
                results.matching.push(i);
                for &t in &e.topics {
                    if let Some(count) = results.topics.get_mut(t) {
                        *count += 1;
                    }
                }
            }
        }
        results
    }
}

/// A filter compiled against the index: its choices as the entries' indexes.
struct Wanted {
    // `Some(None)`: a choice the dataset does not know, which matches nothing
    // (the URL codec drops those before they get here; this keeps the index
    // honest on its own).
    sector: Option<Option<usize>>,
    state: Option<Option<usize>>,
    topics: Vec<Option<usize>>,
    words: Vec<String>,
}

impl Wanted {
    fn new(index: &Index, filter: &Filter) -> Wanted {
        let known = &index.known;
        Wanted {
            sector: filter.sector.as_ref().map(|id| known.sectors.iter().position(|s| s == id)),
            state: filter.state.as_ref().map(|code| state_index(code)),
            topics: filter.topics.iter().map(|id| known.topics.iter().position(|t| t == id)).collect(),
            words: query_words(&filter.query),
        }
    }

    fn words_ok(&self, e: &Entry) -> bool {
        matches_all(&e.haystack, &self.words)
    }

    fn sector_ok(&self, e: &Entry) -> bool {
        self.sector.is_none_or(|s| s.is_some() && s == e.sector)
    }

    fn state_ok(&self, e: &Entry) -> bool {
        self.state.is_none_or(|s| s.is_some() && s == e.state)
    }

    fn topics_ok(&self, e: &Entry) -> bool {
        self.topics.iter().all(|t| t.is_some_and(|t| e.topics.contains(&t)))
    }
}

/// The sort key of one order: a text, then a number where smaller comes first.
type SortKey = (String, Reverse<u32>);

/// For each sort order, the partnerships in that order. Ties fall back to the
/// folded name, then to dataset order, so every order is total and stable.
fn sort_orders(dataset: &Dataset) -> [Vec<usize>; 3] {
    let names: Vec<String> = dataset.partnerships.iter().map(|p| fold(&p.name)).collect();
    let rank = |key: &dyn Fn(&Partnership) -> SortKey| {
        let keys: Vec<SortKey> = dataset.partnerships.iter().map(key).collect();
        let mut order: Vec<usize> = (0..names.len()).collect();
        sort_indices(&mut order, &|a, b| (keys.get(a), names.get(a), a).cmp(&(keys.get(b), names.get(b), b)));
        order
    };
    // Newest first; an unknown date is `Reverse(0)`, the largest key, so it comes last.
    let launched = |p: &Partnership| {
        let date = p.launched.as_deref().and_then(Launched::parse);
        Reverse(date.map_or(0, |l| u32::from(l.year) * 100 + u32::from(l.month.unwrap_or(0))))
    };
    [
        rank(&|_| (String::new(), Reverse(0))),
        rank(&|p| (geo::state_name(&p.state).to_string(), Reverse(0))),
        rank(&|p| (String::new(), launched(p))),
    ]
}
