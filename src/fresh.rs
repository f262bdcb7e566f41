//! A page rendered fresh (a partner's list, the check page, a development
//! build): built out of sight in phases, a task each, and put in the busy
//! page's place at once (`take_page`) as soon as it shows its first cards;
//! the rest of the cards follow a few a task, each after a frame. The
//! prerender and the hydrating app build every phase at once (`Phases::complete`).

use leptos::prelude::*;

use crate::later::FIRST_CARDS;

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

/// Cards added by each task after a page is shown with its first cards: about
/// 25 ms on the bench's phone (a 4x slower CPU), so a tap is answered between two.
const MORE_CARDS: usize = 8;

/// The cards built by the next task of a page shown with its first cards,
/// `built` so far of a first batch of `batch`; none once the batch is built.
pub fn more_cards(built: usize, batch: usize) -> Option<usize> {
    (built < batch).then(|| built.saturating_add(MORE_CARDS).min(batch))
}

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
}

/// The phases of one view, which the views that build in phases read (context).
#[derive(Debug, Clone, Copy)]
pub struct Phases {
    phase: RwSignal<Phase>,
    /// The cards built so far, until the phase is complete.
    built: RwSignal<usize>,
    /// The phase at which the page takes the busy page's place.
    shown_at: Phase,
    /// The cards of the view's first batch (`components::explorer::first_batch`).
    batch: usize,
}

impl Phases {
    /// A fresh page in the browser: at the first phase, each next one a task
    /// later. It takes the busy page's place with its first cards (a visitor
    /// sees them before the rest of its first `batch` is built: on a slow
    /// phone, 36 more cards took about 90 ms), and the rest are built a few a
    /// task after that frame is drawn (`more_cards`), so that a tap waits for
    /// none of them. A page that lands on a card waits for every card
    /// (`Phase::shown_at`). Natively (the prerender): complete at once.
    pub fn begin(landing: Option<String>, batch: usize) -> Self {
        if !cfg!(target_arch = "wasm32") {
            return Phases::complete();
        }
        let shown_at = Phase::shown_at(landing.is_some());
        let phases =
            Phases { phase: RwSignal::new(Phase::Filters), built: RwSignal::new(FIRST_CARDS), shown_at, batch };
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
        let built = RwSignal::new(usize::MAX);
        Phases { phase: RwSignal::new(Phase::Complete), built, shown_at: Phase::Complete, batch: usize::MAX }
    }

    /// How many cards are built so far (tracked): every one once complete.
    pub fn cards(self) -> usize {
        if self.phase.get() == Phase::Complete {
            usize::MAX
        } else {
            self.built.get()
        }
    }

    /// Whether the view has reached `phase` (tracked).
    pub fn reached(self, phase: Phase) -> bool {
        self.phase.get() >= phase
    }

    /// Whether, at `now`, the page is in the busy page's place and still
    /// building the rest of its batch.
    fn shown_and_building(self, now: Phase) -> bool {
        now >= self.shown_at && now != Phase::Complete
    }

    fn advance(self) {
        let step = move || {
            // The view may be gone by now (a second file dropped on the check
            // page replaces its preview): then it has nothing to do.
            let Some(now) = self.phase.try_get_untracked() else { return };
            if self.shown_and_building(now) {
                let more = self.built.try_get_untracked().and_then(|built| more_cards(built, self.batch));
                if let Some(more) = more {
                    if self.built.try_set(more).is_none() {
                        self.advance();
                    }
                    return;
                }
            }
            let next = now.next();
            if self.phase.try_set(next).is_none() && next != Phase::Complete {
                self.advance();
            }
        };
        let now = self.phase.try_get_untracked();
        if now.is_some_and(|now| self.shown_and_building(now)) {
            // The page is in its place: each of its frames is drawn before the
            // next task builds more.
            crate::browser::task_after_next_frame(step);
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
    fn a_shown_page_builds_the_rest_of_its_batch_a_few_cards_a_task() {
        let mut built = FIRST_CARDS;
        let mut steps = vec![built];
        while let Some(more) = more_cards(built, 40) {
            assert!(more > built && more - built <= MORE_CARDS, "{built} -> {more}");
            built = more;
            steps.push(built);
        }
        assert_eq!(steps, [4, 12, 20, 28, 36, 40]);
        assert_eq!(more_cards(FIRST_CARDS, 12), Some(12));
        assert_eq!(more_cards(12, 12), None);
        // A batch smaller than the first cards (a list of two) has nothing more to build.
        assert_eq!(more_cards(FIRST_CARDS, 2), None);
    }

    #[test]
    fn only_the_complete_page_builds_every_card() {
        let owner = Owner::new();
        owner.with(|| assert_eq!(Phases::complete().cards(), usize::MAX));
    }

    #[test]
    fn a_fresh_page_is_shown_with_its_first_cards_unless_it_lands_on_a_card() {
        assert_eq!(Phase::shown_at(false), Phase::FirstCards);
        assert!(Phase::shown_at(false) < Phase::Complete, "shown before every card is built");
        assert_eq!(Phase::shown_at(true), Phase::Complete, "the card landed on is built first");
    }

    #[test]
    fn the_prerender_builds_every_phase_at_once() {
        let owner = Owner::new();
        owner.with(|| assert_eq!(Phases::begin(None, 40).phase.get_untracked(), Phase::Complete));
    }
}
