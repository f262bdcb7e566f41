//! Parts of the prerendered page made live a little after the rest: on a slow
//! phone, hydrating the whole page at once is one long task (~300 ms at a 4×
//! slower CPU, most of it the cards), in which the page answers nothing.
//!
//! A component that is being hydrated may leave the inside of one of its
//! elements for later (`now_or_later!`): the element itself is live at once,
//! its prerendered inside stays as it is, and a later task hydrates it, a few
//! at a time within a short budget per task. Its state belongs to the
//! component's owner (its context, and it goes when the component goes).
//!
//! What waits must be hydrated against the view it was prerendered with. So
//! only an untouched page leaves anything for later: when the visitor did
//! anything before the app arrived, shell.js has it to hand over, and the page
//! is hydrated whole (`allow`). And what waits is all made live at once
//! (`flush`) before anything can change:
//! - before the state changes (`Explorer`'s writers call `flush`);
//! - at the first press, key or click anywhere (a capture listener on the
//!   document, so the element under the finger is live before the event
//!   reaches it, as is one that shell.js clicks again for the visitor).
//!
//! The same queue serves a change the visitor makes once the page is live (a
//! filter chosen, a word typed: `in_steps`): its first few new cards are
//! built before the next paint and the rest in a task after it
//! (`after_paint`), so the frame that answers the visitor waits for the cards
//! in view, not for a whole batch. The queue is flushed as above, so no card
//! is left empty when anything changes or is pressed.

use std::cell::Cell;

use leptos::prelude::*;

thread_local! {
    static ALLOWED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the hydration about to start may leave parts for later (the start
/// says so: the page is untouched).
pub fn allow(allowed: bool) {
    ALLOWED.set(allowed);
}

/// Whether a component may leave part of itself for later now: the page is
/// being hydrated (what a component renders is claimed from the prerendered
/// page; never in the build-time prerender or a page rendered fresh) and may be.
pub fn deferring() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        ALLOWED.get() && Owner::current_shared_context().is_some_and(|context| context.during_hydration())
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// The new cards of one change built before its next paint (`after_paint`);
/// a fresh page takes the busy page's place with as many (`fresh`).
pub const FIRST_CARDS: usize = 4;

thread_local! {
    /// While a change is being made in steps: how many of its new cards were built now.
    static STEPS: Cell<Option<usize>> = const { Cell::new(None) };
}

/// The change being made (a filter chosen, a word typed; `Explorer::set_filter`)
/// builds its new cards in steps (`after_paint`), until the end of this task:
/// the views follow a change in microtasks, before the task is over.
pub fn in_steps() {
    #[cfg(target_arch = "wasm32")]
    if STEPS.replace(Some(0)).is_none() {
        leptos::prelude::set_timeout(|| STEPS.set(None), std::time::Duration::ZERO);
    }
}

/// Whether the card being built waits until after the next paint: it comes
/// after the first `FIRST_CARDS` new cards of a change made in steps. Asked
/// once per card, as it is built.
pub fn after_paint() -> bool {
    let (later, next) = step(STEPS.get());
    STEPS.set(next);
    later
}

/// One card built while `built` new cards were (`None`: not in steps): whether
/// it waits, and the count after it.
fn step(built: Option<usize>) -> (bool, Option<usize>) {
    match built {
        Some(built) if built >= FIRST_CARDS => (true, Some(built)),
        Some(built) => (false, Some(built + 1)),
        None => (false, None),
    }
}

/// Leaves `inside` (the prerendered children of `parent`) to a later task, or
/// to the first `flush`. Call it only while `deferring()`. `inside` is called
/// once, then: to keep a reactive closure reactive, return the closure itself.
#[cfg(target_arch = "wasm32")]
pub fn hydrate_inside<E, N>(parent: NodeRef<E>, inside: impl FnOnce() -> N + 'static)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
    N: IntoView + 'static,
{
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{PositionState, RenderHtml};
    make_inside_later(parent, queue::push, move |element| {
        inside().into_view().hydrate::<true>(&Cursor::new(element), &PositionState::default())
    });
}

/// Builds `inside` into `parent` in a task after the next paint (or at the
/// first `flush`): a card `after_paint` says waits. `inside` is called once.
#[cfg(target_arch = "wasm32")]
pub fn build_after_paint<E, N>(parent: NodeRef<E>, inside: impl FnOnce() -> N + 'static)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
    N: IntoView + 'static,
{
    use leptos::tachys::view::{Mountable, Render};
    make_inside_later(parent, queue::push_after_paint, move |element| {
        let mut state = inside().into_view().build();
        state.mount(&element, None);
        state
    });
}

/// Queues (by `push`) the making of `parent`'s inside (`make`, given the
/// element), under an owner of its own within the component's.
#[cfg(target_arch = "wasm32")]
fn make_inside_later<E, S: 'static>(
    parent: NodeRef<E>,
    push: fn(queue::Job),
    make: impl FnOnce(web_sys::Element) -> S + 'static,
) where
    E: leptos::tachys::html::element::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    use wasm_bindgen::JsCast;
    let Some(owner) = Owner::current() else { return };
    push(Box::new(move || {
        // Gone before its turn (the view changed again): nothing to make.
        let Some(element) = parent.try_get_untracked().flatten() else { return };
        let inner = owner.child();
        let state = inner.with(|| make(element.unchecked_into()));
        // Kept as long as the component: dropped (its effects with it) when
        // its owner is cleaned up.
        owner.with(|| StoredValue::new_local((inner, state)));
    }));
}

/// Natively nothing is hydrated (`deferring()` is false).
#[cfg(not(target_arch = "wasm32"))]
pub fn hydrate_inside<E, N>(_parent: NodeRef<E>, _inside: impl FnOnce() -> N + 'static)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: 'static,
{
}

/// Natively every card is built at once (`after_paint` is false).
#[cfg(not(target_arch = "wasm32"))]
pub fn build_after_paint<E, N>(_parent: NodeRef<E>, _inside: impl FnOnce() -> N + 'static)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: 'static,
{
}

/// An element whose inside is made now or, while the page is hydrated and
/// may be (`deferring`), left as prerendered and made live in a later task:
/// `now_or_later!(parent, move || inside, leptos::html::li().class("card-item"))`.
/// The element is given without its inside (a builder), which the macro adds
/// only when it is made now: a waiting element has no child at all, which a
/// hydrating element skips. (A child of `()` would not do: with Leptos'
/// `erase_components`, every child is a type-erased view in a list that
/// claims a marker of its own.) `inside` is called once: to keep a reactive
/// closure reactive, return the closure itself.
macro_rules! now_or_later {
    ($parent:ident, $inside:expr, $element:expr) => {
        $crate::later::now_or_later!(@ $parent, $inside, $element, false)
    };
    // A card: also built after the next paint when `after_paint` says so.
    ($parent:ident, $inside:expr, $element:expr, after_paint) => {
        $crate::later::now_or_later!(@ $parent, $inside, $element, $crate::later::after_paint())
    };
    (@ $parent:ident, $inside:expr, $element:expr, $after_paint:expr) => {{
        use ::leptos::prelude::{ElementChild, NodeRefAttribute};
        let $parent = ::leptos::prelude::NodeRef::new();
        let element = $element.node_ref($parent);
        if $crate::later::deferring() {
            $crate::later::hydrate_inside($parent, $inside);
            ::leptos::either::Either::Left(element)
        } else if $after_paint {
            $crate::later::build_after_paint($parent, $inside);
            ::leptos::either::Either::Left(element)
        } else {
            ::leptos::either::Either::Right(element.child(($inside)()))
        }
    }};
}
pub(crate) use now_or_later;

/// Makes everything still waiting live, now.
pub fn flush() {
    #[cfg(target_arch = "wasm32")]
    queue::run(None);
}

#[cfg(target_arch = "wasm32")]
mod queue {
    use std::cell::RefCell;
    use std::collections::VecDeque;

    use wasm_bindgen::prelude::*;

    /// Hydrating in one task for at most this long (ms) before yielding: under
    /// the 50 ms of a long task even on a CPU four times slower.
    const BUDGET_MS: f64 = 8.0;

    /// What makes the page answer anything: pressed, typed or clicked.
    const INTERACTIONS: [&str; 3] = ["pointerdown", "keydown", "click"];

    pub type Job = Box<dyn FnOnce()>;

    #[derive(Default)]
    struct Queue {
        jobs: VecDeque<Job>,
        /// The capture listener, while anything waits.
        listener: Option<js_sys::Function>,
    }

    thread_local! {
        static QUEUE: RefCell<Queue> = RefCell::default();
    }

    fn waiting() -> bool {
        QUEUE.with_borrow(|q| !q.jobs.is_empty())
    }

    pub fn push(job: Job) {
        enqueue(job, next_turn);
    }

    /// Queues `job` to run in a task after the next frame is drawn.
    pub fn push_after_paint(job: Job) {
        // And a task later: what the frame's own callbacks queue for right
        // after it (a scroll into view, the visitor's next answer) goes first.
        enqueue(job, || crate::browser::task_after_next_frame(next_turn));
    }

    /// Queues `job`; when nothing was waiting, listens and `start`s the runs.
    fn enqueue(job: Job, start: impl FnOnce()) {
        let first = QUEUE.with_borrow_mut(|q| {
            q.jobs.push_back(job);
            q.jobs.len() == 1
        });
        if first {
            listen(true);
            start();
        }
    }

    fn next_turn() {
        leptos::prelude::set_timeout(|| run(Some(BUDGET_MS)), std::time::Duration::ZERO);
    }

    /// Runs waiting jobs, in order, for at most `budget` ms (all of them without one).
    pub fn run(budget: Option<f64>) {
        let start = js_sys::Date::now();
        loop {
            // Taken out before it runs: a job may hydrate a component that queues another.
            let Some(job) = QUEUE.with_borrow_mut(|q| q.jobs.pop_front()) else {
                listen(false);
                return;
            };
            job();
            if budget.is_some_and(|budget| js_sys::Date::now() - start >= budget) && waiting() {
                return next_turn();
            }
        }
    }

    /// Adds (or removes) one capture listener on the document for the interactions.
    fn listen(on: bool) {
        let listener = QUEUE.with_borrow_mut(|q| {
            if on {
                q.listener.get_or_insert_with(|| {
                    // Made once and never dropped: it may be running when it is removed.
                    Closure::<dyn Fn()>::new(|| run(None)).into_js_value().unchecked_into()
                });
                q.listener.clone()
            } else {
                q.listener.take()
            }
        });
        let Some(listener) = listener else { return };
        let document = leptos::prelude::document();
        for name in INTERACTIONS {
            let _ = if on {
                document.add_event_listener_with_callback_and_bool(name, &listener, true)
            } else {
                document.remove_event_listener_with_callback_and_bool(name, &listener, true)
            };
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn a_change_in_steps_builds_its_first_cards_now_and_the_rest_after_the_paint() {
        let mut built = Some(0);
        let waits: Vec<bool> = (0..10)
            .map(|_| {
                let (later, next) = step(built);
                built = next;
                later
            })
            .collect();
        assert_eq!(waits.iter().filter(|&&w| !w).count(), FIRST_CARDS);
        assert!(waits[..FIRST_CARDS].iter().all(|&w| !w));
        assert!(waits[FIRST_CARDS..].iter().all(|&w| w));
    }

    #[test]
    fn outside_a_change_in_steps_every_card_is_built_now() {
        assert_eq!(step(None), (false, None));
        // And natively (the prerender) nothing is ever in steps.
        in_steps();
        assert!(!after_paint());
    }
}
