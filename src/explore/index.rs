//! Matching and faceted counts, prepared once per dataset so that each filter
//! change is one pass over the partnerships (fast at 10,000 entries).

use std::cmp::Reverse;

use super::filter::{Filter, Sort};
use super::search::{fold, matches_all, query_words};
use crate::data::{Dataset, Launched};
use crate::geo::{self, STATES};

/// What is precomputed for one partnership.
struct Entry {
    /// Folded name, short name, region, full state name, summary and highlights.
    haystack: String,
    /// Index into the dataset's sectors (`None`: not a known sector).
    sector: Option<usize>,
    /// Index into `geo::STATES`.
    state: Option<usize>,
    /// Indexes into the dataset's topics, sorted.
    topics: Vec<usize>,
    name_key: String,
    launched: Option<Launched>,
}

pub struct Index {
    entries: Vec<Entry>,
    sector_ids: Vec<String>,
    topic_ids: Vec<String>,
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
}

fn state_index(code: &str) -> Option<usize> {
    STATES.iter().position(|s| s.code == code)
}

impl Index {
    pub fn new(dataset: &Dataset) -> Index {
        let sector_ids: Vec<String> = dataset.sectors.iter().map(|s| s.id.clone()).collect();
        let topic_ids: Vec<String> = dataset.topics.iter().map(|t| t.id.clone()).collect();
        let mut state_totals = vec![0; STATES.len()];
        let entries = dataset
            .partnerships
            .iter()
            .map(|p| {
                let mut haystack = String::with_capacity(p.summary.len() * 3);
                let fields = [Some(p.name.as_str()), p.short_name.as_deref(), Some(&p.region), Some(geo::state_name(&p.state)), Some(&p.summary)];
                for text in fields.into_iter().flatten().chain(p.highlights.iter().map(String::as_str)) {
                    haystack.push_str(&fold(text));
                    haystack.push('\n');
                }
                let state = state_index(&p.state);
                if let Some(total) = state.and_then(|s| state_totals.get_mut(s)) {
                    *total += 1;
                }
                let mut topics: Vec<usize> = p.topics.iter().filter_map(|t| topic_ids.iter().position(|id| id == t)).collect();
                topics.sort_unstable();
                topics.dedup();
                Entry {
                    haystack,
                    sector: sector_ids.iter().position(|id| *id == p.sector),
                    state,
                    topics,
                    name_key: fold(&p.name),
                    launched: p.launched.as_deref().and_then(Launched::parse),
                }
            })
            .collect();
        Index { entries, sector_ids, topic_ids, state_totals }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn run(&self, filter: &Filter) -> Results {
        // A choice the dataset does not know matches nothing (the URL codec drops
        // those before they get here; this keeps the index honest on its own).
        let sector = filter.sector.as_ref().map(|id| self.sector_ids.iter().position(|s| s == id));
        let state = filter.state.as_ref().map(|code| state_index(code));
        let mut wanted_topics = Vec::with_capacity(filter.topics.len());
        for id in &filter.topics {
            wanted_topics.push(self.topic_ids.iter().position(|t| t == id));
        }
        let words = query_words(&filter.query);

        let mut results = Results {
            total: self.entries.len(),
            sectors: vec![0; self.sector_ids.len()],
            states: vec![0; STATES.len()],
            state_totals: self.state_totals.clone(),
            topics: vec![0; self.topic_ids.len()],
            ..Results::default()
        };
        for (i, e) in self.entries.iter().enumerate() {
            if !matches_all(&e.haystack, &words) {
                continue;
            }
            let sector_ok = sector.is_none_or(|s| s.is_some() && s == e.sector);
            let state_ok = state.is_none_or(|s| s.is_some() && s == e.state);
            let topics_ok = wanted_topics.iter().all(|t| t.is_some_and(|t| e.topics.binary_search(&t).is_ok()));
            if state_ok && topics_ok {
                results.any_sector += 1;
                if let Some(count) = e.sector.and_then(|s| results.sectors.get_mut(s)) {
                    *count += 1;
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
        self.sort(&mut results.matching, filter.sort);
        results
    }

    fn sort(&self, matching: &mut [usize], sort: Sort) {
        let entry = |i: &usize| self.entries.get(*i);
        match sort {
            Sort::Name => matching.sort_by_cached_key(|i| entry(i).map(|e| e.name_key.clone())),
            Sort::State => matching.sort_by_cached_key(|i| {
                entry(i).map(|e| (e.state.and_then(|s| STATES.get(s)).map(|s| s.name), e.name_key.clone()))
            }),
            // Known dates first (`false` < `true`), newest first, then by name.
            Sort::Launched => matching.sort_by_cached_key(|i| {
                entry(i).map(|e| (e.launched.is_none(), Reverse(e.launched.map(|l| (l.year, l.month))), e.name_key.clone()))
            }),
        }
    }
}
