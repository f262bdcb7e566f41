//! The start in the browser, in one place: mount (a task after the wasm has
//! started), read the dataset, build the page in phases, each in a task of its
//! own so that a slow phone paints and answers in between, then take the
//! prerendered page over (`browser::take_over`) and settle in. The build-time
//! prerender builds every phase at once.

use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::data::load::{fetch_dataset, Fetched};
#[cfg(target_arch = "wasm32")]
use crate::data::{parse_dataset_bytes, LoadError};

/// A phase of building the page, in order; each adds to the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// The header, the notices, the search, the sort and the sectors.
    Filters,
    /// The map, the state list and the topics.
    Places,
    /// The results bar and the first cards.
    FirstCards,
    /// Every card: the page is complete and takes the prerendered one's place.
    Complete,
}

/// Cards built in the phase that builds the first ones.
const FIRST_CARDS: usize = 4;

impl Phase {
    fn next(self) -> Self {
        match self {
            Phase::Filters => Phase::Places,
            Phase::Places => Phase::FirstCards,
            Phase::FirstCards | Phase::Complete => Phase::Complete,
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

thread_local! {
    /// Starts under way (one per view being built); `finished` waits for none.
    static UNDER_WAY: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The start of one view: its phase, which the views that build in phases read.
#[derive(Debug, Clone, Copy)]
pub struct Start {
    phase: RwSignal<Phase>,
}

impl Start {
    /// In the browser: at the first phase, each next one a task later; at the
    /// last, the app takes the page over and lands on the card `landing` (a
    /// `#id` address). Natively (the prerender): complete at once.
    pub fn begin(landing: Option<String>) -> Self {
        if !cfg!(target_arch = "wasm32") {
            return Start { phase: RwSignal::new(Phase::Complete) };
        }
        let start = Start { phase: RwSignal::new(Phase::Filters) };
        UNDER_WAY.with(|n| n.set(n.get() + 1));
        start.advance();
        let mut landing = landing;
        // Effects run once the view is in place: out of sight, behind the prerendered page.
        Effect::new(move |_| {
            if start.phase.get() == Phase::Complete {
                take_over(landing.take());
            }
        });
        start
    }

    /// The current phase (tracked).
    pub fn phase(self) -> Phase {
        self.phase.get()
    }

    /// Whether the start has reached `phase` (tracked).
    pub fn reached(self, phase: Phase) -> bool {
        self.phase.get() >= phase
    }

    fn advance(self) {
        set_timeout(
            move || {
                let next = self.phase.get_untracked().next();
                self.phase.set(next);
                if next == Phase::Complete {
                    UNDER_WAY.with(|n| n.set(n.get().saturating_sub(1)));
                } else {
                    self.advance();
                }
            },
            std::time::Duration::ZERO,
        );
    }
}

/// Puts the app in the prerendered page's place and, if asked, brings a card into view.
pub fn take_over(landing: Option<String>) {
    crate::browser::take_over();
    if let Some(id) = landing {
        request_animation_frame(move || crate::browser::scroll_to(&id));
    }
}

/// Resolves once every start under way is complete and its effects have run:
/// what the browser component tests wait on.
pub async fn finished() {
    while UNDER_WAY.with(std::cell::Cell::get) > 0 {
        crate::browser::next_task().await;
    }
    leptos::task::tick().await;
}

/// The dataset: the bundled one the page carries (`bundled`, release builds:
/// see `browser::bundled_dataset`), which needs no request, so no failed,
/// hanging or malformed answer can take its cards off the screen; otherwise
/// the one at `url`. On a later visit our service worker answers for the
/// bundled file too, at once (the network's copy, or its saved copy with the
/// date it was saved, for the offline note: the page cannot tell otherwise);
/// if that fails, the page's own copy serves. The page is built from the
/// dataset in the next task, not in this one.
#[cfg(target_arch = "wasm32")]
pub async fn read_dataset(url: String, bundled: Option<String>) -> Result<Fetched, LoadError> {
    let read = match bundled {
        None => fetch_dataset(url).await,
        Some(json) if crate::browser::has_service_worker() => match fetch_dataset(url).await {
            Ok(answered) => Ok(answered),
            Err(_) => parse_bundled(&json),
        },
        Some(json) => {
            // Reading it is a task of its own.
            crate::browser::next_task().await;
            parse_bundled(&json)
        }
    };
    crate::browser::next_task().await;
    read
}

#[cfg(target_arch = "wasm32")]
fn parse_bundled(json: &str) -> Result<Fetched, LoadError> {
    let loaded = parse_dataset_bytes(json.as_bytes()).map_err(LoadError::Invalid)?;
    Ok(Fetched { loaded, saved_on: None })
}

/// Mounts the app in a task of its own, after the one that compiled and
/// started the wasm: two short tasks rather than one long one on a slow phone.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    mount_root(crate::App);
}

/// Mounts the check page (`?check=1`, its own wasm: `src/bin/check_page.rs`).
#[cfg(target_arch = "wasm32")]
pub fn mount_check() {
    mount_root(crate::components::check::CheckApp);
}

#[cfg(target_arch = "wasm32")]
fn mount_root<N: IntoView + 'static>(root_view: fn() -> N) {
    set_timeout(
        move || {
            // index.html shows the site's frame and, in #app, either the prerendered
            // page (release builds) or a "Loading…" line (development).
            if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
                boot.remove();
            }
            match crate::browser::app_root() {
                Some(root) => leptos::mount::mount_to(root, root_view).forget(),
                None => leptos::mount::mount_to_body(root_view),
            }
        },
        std::time::Duration::ZERO,
    );
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
        assert_eq!(seen, [Phase::Filters, Phase::Places, Phase::FirstCards, Phase::Complete]);
        assert!(seen.is_sorted());
        assert_eq!(Phase::Complete.next(), Phase::Complete);
    }

    #[test]
    fn only_the_complete_page_builds_every_card() {
        assert_eq!(Phase::FirstCards.cards(), FIRST_CARDS);
        assert_eq!(Phase::Complete.cards(), usize::MAX);
    }

    #[test]
    fn the_prerender_builds_every_phase_at_once() {
        let owner = Owner::new();
        owner.with(|| assert_eq!(Start::begin(None).phase.get_untracked(), Phase::Complete));
    }
}
