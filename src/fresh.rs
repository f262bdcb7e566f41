//! A page rendered fresh (a partner's list, the check page, a development
//! build): built out of sight in phases, a task each, and put in the busy
//! page's place at once (`take_page`) as soon as it shows its first cards;
//! the rest of the cards follow in a task after that frame. The prerender
//! and the hydrating app build every phase at once (`Phases::complete`).

use leptos::prelude::*;

/// A phase of building a fresh page, in order; each adds to the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// The header, the notices, the search, the sort and the sectors.
    Filters,
    /// The map, the state list and the topics.
    Places,
    /// The results bar and the first cards: the page takes the busy page's place.
    FirstCards,
    /// Every card of the batch.
    Complete,
}

/// Cards built in the phase that builds the first ones.
const FIRST_CARDS: usize = 4;

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 4] = [Phase::Filters, Phase::Places, Phase::FirstCards, Phase::Complete];

    fn next(self) -> Self {
        match self {
            Phase::Filters => Phase::Places,
            Phase::Places => Phase::FirstCards,
            Phase::FirstCards | Phase::Complete => Phase::Complete,
        }
    }

    /// The phase at which a fresh page takes the busy page's place: with its
    /// first cards, or with every card when it lands on one (`#id`), which
    /// may not be among the first.
    pub fn shown_at(lands_on_a_card: bool) -> Phase {
        if lands_on_a_card {
            Phase::Complete
        } else {
            Phase::FirstCards
        }
    }

    /// How many cards are built by this phase.
    pub fn cards(self) -> usize {
        if self == Phase::Complete {
            usize::MAX
        } else {
            FIRST_CARDS
        }
    }
}

/// The phases of one view, which the views that build in phases read (context).
#[derive(Debug, Clone, Copy)]
pub struct Phases {
    phase: RwSignal<Phase>,
    /// The phase at which the page takes the busy page's place.
    shown_at: Phase,
}

impl Phases {
    /// A fresh page in the browser: at the first phase, each next one a task
    /// later. It takes the busy page's place with its first cards (a visitor
    /// sees them a task sooner than the whole batch: on a slow phone, about
    /// 90 ms for 40 cards), and the rest are built after that frame is drawn.
    /// (`Phase::shown_at`). Natively (the prerender): complete at once.
    pub fn begin(landing: Option<String>) -> Self {
        if !cfg!(target_arch = "wasm32") {
            return Phases::complete();
        }
        let shown_at = Phase::shown_at(landing.is_some());
        let phases = Phases { phase: RwSignal::new(Phase::Filters), shown_at };
        phases.advance();
        let mut landing = landing;
        // Effects run once the view is in place: out of sight, behind the busy page.
        Effect::new(move |_| {
            if phases.phase.get() == shown_at {
                take_page(landing.take());
            }
        });
        phases
    }

    /// Every phase at once: the build-time prerender, and the app hydrating
    /// it (which must render every phase to match it).
    pub fn complete() -> Self {
        Phases { phase: RwSignal::new(Phase::Complete), shown_at: Phase::Complete }
    }

    /// The current phase (tracked).
    pub fn phase(self) -> Phase {
        self.phase.get()
    }

    /// Whether the view has reached `phase` (tracked).
    pub fn reached(self, phase: Phase) -> bool {
        self.phase.get() >= phase
    }

    fn advance(self) {
        let step = move || {
            // The view may be gone by now (a second file dropped on the check
            // page replaces its preview): then it has nothing to do.
            let next = self.phase.try_get_untracked().map(Phase::next);
            if let Some(next) = next.filter(|&next| self.phase.try_set(next).is_none()) {
                if next != Phase::Complete {
                    self.advance();
                }
            }
        };
        let now = self.phase.try_get_untracked();
        if now.is_some_and(|now| now == self.shown_at && now != Phase::Complete) {
            // The page has just taken its place: its first cards are drawn
            // before the task that builds the rest.
            request_animation_frame(move || set_timeout(step, std::time::Duration::ZERO));
        } else {
            set_timeout(step, std::time::Duration::ZERO);
        }
    }
}

/// Puts a freshly rendered app in the busy page's place and, if asked, brings a card into view.
pub fn take_page(landing: Option<String>) {
    crate::browser::swap_in_fresh_app();
    if let Some(id) = landing {
        request_animation_frame(move || crate::browser::scroll_to(&id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phases_go_in_order_to_complete_and_stay_there() {
        let mut seen = vec![Phase::Filters];
        while let Some(&last) = seen.last().filter(|&&p| p != Phase::Complete) {
            assert!(seen.len() < 10, "never completes: {seen:?}");
            seen.push(last.next());
        }
        assert_eq!(seen, Phase::ALL);
        assert!(seen.is_sorted());
        assert_eq!(Phase::Complete.next(), Phase::Complete);
    }

    #[test]
    fn only_the_complete_page_builds_every_card() {
        assert_eq!(Phase::FirstCards.cards(), FIRST_CARDS);
        assert_eq!(Phase::Complete.cards(), usize::MAX);
    }

    #[test]
    fn a_fresh_page_is_shown_with_its_first_cards_unless_it_lands_on_a_card() {
        assert_eq!(Phase::shown_at(false), Phase::FirstCards);
        assert!(Phase::shown_at(false).cards() < usize::MAX, "shown before every card is built");
        assert_eq!(Phase::shown_at(true), Phase::Complete);
        assert_eq!(Phase::shown_at(true).cards(), usize::MAX, "the card landed on is built");
    }

    #[test]
    fn the_prerender_builds_every_phase_at_once() {
        let owner = Owner::new();
        owner.with(|| assert_eq!(Phases::begin(None).phase.get_untracked(), Phase::Complete));
    }
}
