//! Partnerships like one another (issue 22): from any card, the few others a
//! visitor can learn most from. Ranked by the topics they share, then by the
//! same sector, then by the same state; among equals, in name order. Plain
//! Rust over the same `Index` the filters use.

use super::index::{Entry, Index};
use crate::data::Dataset;

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
        self.rank() != NOTHING
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
    ///
    /// One pass in name order that keeps only the best `limit` so far (a few):
    /// no sort and no allocation per partnership (at 10,000 partnerships,
    /// 0.4 ms natively, where sorting them all took 3.2 ms).
    pub fn similar(&self, at: usize, limit: usize) -> Vec<Like> {
        let Some(card) = self.entries.get(at) else { return Vec::new() };
        let by_name = self.orders.first().map_or(&[][..], Vec::as_slice);
        // The best so far, best first. A later one (in name order) takes a place
        // only from one it ranks strictly above: among equals, the name order.
        let mut best: Vec<(Rank, usize)> = Vec::with_capacity(limit + 1);
        for (i, other) in by_name.iter().filter(|&&i| i != at).filter_map(|&i| Some((i, self.entries.get(i)?))) {
            let rank = rank(card, other);
            if rank == NOTHING {
                continue;
            }
            let place = best.iter().position(|(r, _)| *r < rank).unwrap_or(best.len());
            if place < limit {
                best.insert(place, (rank, i));
                best.truncate(limit);
            }
        }
        best.into_iter()
            .filter_map(|(_, i)| {
                let other = self.entries.get(i)?;
                Some(Like {
                    index: i,
                    topics: card.topics.iter().copied().filter(|t| other.topics.contains(t)).collect(),
                    same_sector: same(card.sector, other.sector),
                    same_state: same(card.state, other.state),
                })
            })
            .collect()
    }

    /// Whether the one at `at` has any partnership like it (`similar` would
    /// list one): it stops at the first.
    pub fn has_similar(&self, at: usize) -> bool {
        let Some(card) = self.entries.get(at) else { return false };
        self.entries.iter().enumerate().any(|(i, other)| i != at && rank(card, other) != NOTHING)
    }
}

/// `Like::rank` of one entry next to the card, counted without making the `Like`.
type Rank = (usize, bool, bool);

/// The rank of one that shares nothing with the card.
const NOTHING: Rank = (0, false, false);

fn rank(card: &Entry, other: &Entry) -> Rank {
    let topics = card.topics.iter().filter(|t| other.topics.contains(t)).count();
    (topics, same(card.sector, other.sector), same(card.state, other.state))
}

/// Both known, and the same.
fn same(a: Option<usize>, b: Option<usize>) -> bool {
    a.is_some() && a == b
}
