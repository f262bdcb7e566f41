//! What the visitor has chosen. The URL query string is its serialised form.

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
    pub topics: TopicSet,
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
            next.topics.insert(topic);
        }
        next
    }

    /// The choices made in the filter panel (not the search, which stays in
    /// view), in the panel's order: what the "Filters (n)" button counts and
    /// the removable chips above the cards show.
    pub fn choices(&self) -> Vec<Choice> {
        let sector = self.sector.iter().map(|id| Choice::Sector(id.clone()));
        let state = self.state.iter().map(|code| Choice::State(code.clone()));
        let topics = self.topics.iter().map(|id| Choice::Topic(id.clone()));
        sector.chain(state).chain(topics).collect()
    }

    /// The same filter without `choice` (a removed chip).
    pub fn without(&self, choice: &Choice) -> Filter {
        let mut next = self.clone();
        match choice {
            Choice::Sector(id) if next.sector.as_ref() == Some(id) => next.sector = None,
            Choice::State(code) if next.state.as_ref() == Some(code) => next.state = None,
            Choice::Topic(id) => {
                next.topics.remove(id);
            }
            Choice::Sector(_) | Choice::State(_) => {}
        }
        next
    }

    /// The view of one cell of the topics-by-sector overview: this filter with
    /// `sector` chosen and `topic` added (`Results::overview` counts it).
    pub fn with_sector_and_topic(&self, sector: &str, topic: &str) -> Filter {
        let mut next = self.clone();
        next.sector = Some(sector.to_string());
        next.topics.insert(topic);
        next
    }

    /// The same filter with nothing narrowing it; the sort order is kept.
    pub fn cleared(&self) -> Filter {
        Filter { sort: self.sort, ..Filter::default() }
    }
}

/// One choice of the filter panel: a sector id, a state code or a topic id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Sector(String),
    State(String),
    Topic(String),
}

/// Selected topic ids, sorted and distinct (so the URL lists them in one order).
///
/// A sorted `Vec` rather than a `BTreeSet`: a handful of ids needs no tree, and
/// the tree's code costs several KB of wasm.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct TopicSet(Vec<String>);

impl TopicSet {
    pub fn contains(&self, id: &str) -> bool {
        self.0.binary_search_by(|t| t.as_str().cmp(id)).is_ok()
    }

    /// Adds `id`; false when it was already there.
    pub fn insert(&mut self, id: &str) -> bool {
        match self.0.binary_search_by(|t| t.as_str().cmp(id)) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id.to_string());
                true
            }
        }
    }

    /// Removes `id`; false when it was not there.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.0.binary_search_by(|t| t.as_str().cmp(id)) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a TopicSet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<S: AsRef<str>> FromIterator<S> for TopicSet {
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Self {
        let mut set = TopicSet::default();
        for id in items {
            set.insert(id.as_ref());
        }
        set
    }
}
