//! The start in the browser: on top of the crate, it imports what it starts
//! and nothing imports it back. Its JavaScript side is `public/shell.js`; the
//! names the two share are in `names`, the address in `address`, the fresh
//! render in `fresh`, the parts hydrated later in `later`.
//!
//! - The prerendered page (release builds) is the default view of the bundled
//!   dataset. Any address that shows that dataset, whatever its filters, card
//!   or embed, **hydrates** it: the elements the visitor is reading become the
//!   app's (`hydrate`), then the address is applied through the signals, so
//!   the cards that do not match go away in place (`Frame::go_live`).
//! - A partner's list (`?data=`) and the check page have a wasm of their own
//!   (`src/bin/check_page.rs`); they, and a page without the prerender
//!   (development), are rendered fresh: out of sight, in phases, then put in
//!   the busy page's place at once (`fresh`).

use leptos::prelude::*;

use crate::address::Address;
use crate::embed::Controls;
use crate::{browser, later, names};

/// What the hydrated page changes once it is live: how it is framed, which the
/// prerendered page (not embedded, every control, online) cannot know.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub embed: RwSignal<bool>,
    pub controls: RwSignal<Controls>,
    pub saved_on: RwSignal<Option<String>>,
}

impl Frame {
    /// As the prerendered page is framed.
    pub fn prerendered() -> Frame {
        Frame {
            embed: RwSignal::new(false),
            controls: RwSignal::new(Controls::default()),
            saved_on: RwSignal::new(None),
        }
    }

    /// Once hydrated (before the next paint): applies the address (its frame,
    /// its filter and notices, its card) through the signals, says the page
    /// is live, and hands over to shell.js what the visitor did meanwhile.
    pub fn go_live(self, explorer: crate::components::explorer::Explorer) {
        let address = Address::read(&browser::location_search());
        self.embed.set(address.embed);
        self.controls.set(address.controls);
        explorer.follow_address();
        if !address.notices.is_empty() {
            explorer.notices.update(|n| drop(n.splice(0..0, address.notices)));
        }
        explorer.live.set(true);
        let landing = explorer.land_on_hash();
        browser::went_live();
        if let Some(id) = landing {
            request_animation_frame(move || browser::scroll_to(&id));
        }
        // In a task of its own: asking the service worker is not the start's work.
        set_timeout(move || self.read_saved_on(), std::time::Duration::ZERO);
    }

    /// Offline, our service worker answers for the dataset with the date its
    /// copy was saved: the page says so. (The page's own copy is the one shown:
    /// the worker keeps the page and its data of one build together.)
    fn read_saved_on(self) {
        if browser::has_service_worker() {
            let saved_on = self.saved_on;
            leptos::task::spawn_local(async move {
                let date = crate::load::saved_on(crate::load::DATA_URL).await;
                if date.is_some() {
                    saved_on.set(date);
                }
            });
        }
    }
}

/// Starts the explorer (`src/main.rs`), in a task after the one that compiled
/// the wasm: two short tasks rather than one long one on a slow phone. It
/// hydrates the prerendered page, which shows the bundled dataset (other data
/// has a wasm of its own: `src/bin/check_page.rs`). A development build has no
/// prerendered page: there the app is rendered fresh.
pub fn run_explorer() {
    set_timeout(
        || {
            let prerendered = browser::prerendered_app().zip(browser::bundled_dataset());
            let loaded = prerendered.and_then(|(app, json)| {
                let dataset = crate::data::parse_trusted(&json)?;
                // Pure work, so it belongs to this task rather than the hydrating one.
                let index = std::sync::Arc::new(crate::explore::index::Index::new(&dataset));
                Some((app, crate::data::Loaded { dataset, problems: Vec::new() }, index))
            });
            match loaded {
                // Reading the dataset and hydrating are a task each: two
                // shorter tasks on a slow phone's main thread, not one long one.
                Some((app, loaded, index)) => {
                    set_timeout(move || hydrate(app, loaded, index), std::time::Duration::ZERO)
                }
                #[cfg(debug_assertions)]
                None => mount_fresh(crate::App),
                // A release build always carries the page and its dataset.
                #[cfg(not(debug_assertions))]
                None => browser::show_crash_notice(),
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Makes the prerendered page live: the same components, from the same
/// dataset, claim the elements on the page instead of making new ones.
fn hydrate(
    app: web_sys::HtmlElement,
    loaded: crate::data::Loaded,
    index: std::sync::Arc<crate::explore::index::Index>,
) {
    use crate::components::{explorer::Explorer, LoadedView, Page};
    // shell.js cancels it when the visitor did anything it is to hand over:
    // then no part of the page is left for later (`later`).
    let untouched = browser::dispatch(names::HYDRATING_EVENT);
    later::allow(untouched);
    leptos::mount::hydrate_from(app, move || {
        let frame = Frame::prerendered();
        let explorer = Explorer::prerendered(std::sync::Arc::new(loaded.dataset.clone()), index, frame.embed.into());
        // Effects run after the hydration, before the next paint.
        Effect::new(move |_| untrack(|| frame.go_live(explorer)));
        view! {
            <Page>
                <LoadedView
                    loaded
                    explorer
                    embed=frame.embed
                    controls=frame.controls
                    saved_on=frame.saved_on
                />
            </Page>
        }
    })
    .forget();
}

/// Renders `root` fresh into `#app` (out of sight while `#app` still holds the
/// prerendered page: `browser::app_root`), in a task of its own. The check
/// page's binary starts with it too.
pub fn mount_fresh<N: IntoView + 'static>(root: fn() -> N) {
    set_timeout(
        move || match browser::app_root() {
            Some(app) => leptos::mount::mount_to(app, root).forget(),
            None => leptos::mount::mount_to_body(root),
        },
        std::time::Duration::ZERO,
    );
}
