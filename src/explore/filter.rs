//! What the visitor has chosen. The URL query string is its serialised form.

use std::collections::BTreeSet;

/// Card order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Sort {
    /// Alphabetical by partnership name (the default).
    #[default]
    Name,
    /// Alphabetical by full state name, then by name.
    State,
    /// Newest launch first, unknown last, then by name.
    Launched,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Name, Sort::State, Sort::Launched];

    /// The value used in the URL (`sort=launched`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::State => "state",
            Sort::Launched => "launched",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Name => "Name",
            Sort::State => "State",
            Sort::Launched => "Launch (newest first)",
        }
    }
}

/// Every choice that narrows or orders the cards.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Filter {
    /// A sector id.
    pub sector: Option<String>,
    /// A USPS state code.
    pub state: Option<String>,
    /// Topic ids; a partnership must have all of them.
    pub topics: BTreeSet<String>,
    /// The search text as typed.
    pub query: String,
    pub sort: Sort,
}

impl Filter {
    /// True when anything narrows the list (sort alone does not).
    pub fn is_narrowed(&self) -> bool {
        self.sector.is_some() || self.state.is_some() || !self.topics.is_empty() || !self.query.trim().is_empty()
    }

    /// The same filter with `topic` switched on or off.
    pub fn toggle_topic(&self, topic: &str) -> Filter {
        let mut next = self.clone();
        if !next.topics.remove(topic) {
            next.topics.insert(topic.to_string());
        }
        next
    }

    /// The same filter with nothing narrowing it; the sort order is kept.
    pub fn cleared(&self) -> Filter {
        Filter { sort: self.sort, ..Filter::default() }
    }
}
