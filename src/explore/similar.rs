//! Partnerships like one another (issue 22): from any card, the few others a
//! visitor can learn most from. Ranked by the topics they share, then by the
//! same sector, then by the same state; among equals, in name order. Plain
//! Rust over the same `Index` the filters use.

use super::index::Index;
use crate::data::Dataset;
use crate::order::sort_indices;

/// How many similar partnerships a card lists.
pub const SIMILAR: usize = 3;

/// A partnership like another one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Like {
    /// Index into `dataset.partnerships`.
    pub index: usize,
    /// The topics both work on, as indexes into `dataset.topics`, in the order
    /// of the card they are like.
    pub topics: Vec<usize>,
    pub same_sector: bool,
    pub same_state: bool,
}

impl Like {
    /// The rule's key: more shared topics first, then the same sector, then the same state.
    pub fn rank(&self) -> (usize, bool, bool) {
        (self.topics.len(), self.same_sector, self.same_state)
    }

    /// Whether it has anything in common at all (only those are listed).
    pub fn shares_something(&self) -> bool {
        !self.topics.is_empty() || self.same_sector || self.same_state
    }

    /// Why it is listed, as the card says it: "also: K-12 schools and
    /// curriculum · Apprenticeships · Manufacturing · Indiana" (the shared
    /// topics, then the sector and the state when they are the same).
    pub fn reason(&self, dataset: &Dataset) -> String {
        let partnership = dataset.partnerships.get(self.index);
        let topics = self.topics.iter().filter_map(|&t| Some(dataset.topics.get(t)?.label.as_str()));
        let sector = partnership.filter(|_| self.same_sector).map(|p| dataset.sector_label(&p.sector));
        let state = partnership.filter(|_| self.same_state).map(|p| crate::geo::state_name(&p.state));
        let parts: Vec<&str> = topics.chain(sector).chain(state).collect();
        format!("also: {}", parts.join(" · "))
    }
}

impl Index {
    /// Up to `limit` partnerships most like the one at `at` (an index into
    /// `dataset.partnerships`), best first: never itself, each sharing a topic,
    /// the sector or the state with it.
    pub fn similar(&self, at: usize, limit: usize) -> Vec<Like> {
        let Some(card) = self.entries.get(at) else { return Vec::new() };
        let by_name = self.orders.first().map_or(&[][..], Vec::as_slice);
        let likes: Vec<Like> = by_name
            .iter()
            .filter(|&&i| i != at)
            .filter_map(|&i| {
                let other = self.entries.get(i)?;
                let like = Like {
                    index: i,
                    topics: card.topics.iter().copied().filter(|t| other.topics.contains(t)).collect(),
                    same_sector: card.sector.is_some() && other.sector == card.sector,
                    same_state: card.state.is_some() && other.state == card.state,
                };
                like.shares_something().then_some(like)
            })
            .collect();
        // Best first; among equals the name order they came in (`sort_indices` is not
        // stable: the comparator breaks ties by that position).
        let mut order: Vec<usize> = (0..likes.len()).collect();
        let ranks: Vec<_> = likes.iter().map(Like::rank).collect();
        sort_indices(&mut order, &|a, b| (ranks.get(b), a).cmp(&(ranks.get(a), b)));
        let mut likes: Vec<Option<Like>> = likes.into_iter().map(Some).collect();
        order.into_iter().take(limit).filter_map(|i| likes.get_mut(i)?.take()).collect()
    }
}
