//! The start in the browser, in one place. Its JavaScript side is
//! `public/shell.js`; the names the two share are defined here (`names`) and
//! written into the JavaScript at build time.
//!
//! - The prerendered page (release builds) is the default view of the bundled
//!   dataset. Any address that shows that dataset, whatever its filters, card
//!   or embed, **hydrates** it: the elements the visitor is reading become the
//!   app's (`hydrate`), then the address is applied through the signals, so
//!   the cards that do not match go away in place (`Frame::go_live`).
//! - A partner's list (`?data=`) and the check page have a wasm of their own
//!   (`src/bin/check_page.rs`); they, and a page without the prerender
//!   (development), are rendered fresh: out of sight, in phases, then put in
//!   the busy page's place at once (`Start::begin`, `browser::take_over`).

use leptos::prelude::*;

use crate::embed::Controls;

pub mod later;

/// The names both sides of the start use: element ids, attributes, classes,
/// events and messages. `scripts/post-build.mjs` writes them into
/// `public/shell.js`, `public/embed.js` and index.html's head script (where
/// they read `START_NAMES`), from `cargo run --bin prerender -- --names`.
pub mod names {
    /// The element the app lives in.
    pub const APP: &str = "app";
    /// Set on `#app` while it holds the prerendered page, until the app is live.
    pub const PRERENDERED: &str = "data-prerendered";
    /// `<script type="application/json">` with the bundled dataset.
    pub const DATASET: &str = "dataset";
    /// `<script type="application/json">` with the answers to a first sector click.
    pub const FIRST_ANSWERS: &str = "first-answers";
    /// Marks on `<html>`: the address asks for another view than the prerendered one;
    pub const VIEW_PENDING: &str = "view-pending";
    /// a filter was chosen in the prerendered page that shell.js cannot answer;
    pub const VIEW_CHANGING: &str = "view-changing";
    /// the address shows other data (`?data=`, the check page);
    pub const VIEW_OTHER_DATA: &str = "view-other-data";
    /// the page is embedded (`?embed=1`);
    pub const EMBEDDED: &str = "embedded";
    /// an embed of just the cards (`controls=none`: no title, no filters);
    pub const CARDS_ONLY: &str = "cards-only";
    /// the page is inside a frame;
    pub const IN_FRAME: &str = "in-frame";
    /// the check page (`?check=1`), which has its own wasm;
    pub const CHECK_PAGE: &str = "check-page";
    /// the app's code could not start (set by the boot script).
    pub const BOOT_FAILED: &str = "boot-failed";
    /// The class `#app` gets once every card is laid out: its height is the view's.
    pub const SETTLED: &str = "settled";
    /// Dispatched on `window` just before the app hydrates the page: shell.js
    /// notes the controls' values, which hydrating sets to the prerendered view's,
    /// and cancels it if the visitor did anything (the page is hydrated whole then).
    pub const HYDRATING_EVENT: &str = "partnership-explorer-hydrating";
    /// Dispatched on `window` once the app has made the page live (hydrated and
    /// applied the address): shell.js then hands over what the visitor did.
    pub const LIVE_EVENT: &str = "partnership-explorer-live";
    /// Dispatched on `window` by the boot script when the app cannot start;
    /// `detail` says why.
    pub const BOOT_FAILED_EVENT: &str = "partnership-explorer-boot-failed";
    /// A message the page posts to its host: `{ source, type, height }`.
    pub const MESSAGE_SOURCE: &str = "partnership-explorer";
    pub const RESIZE_MESSAGE: &str = "resize";
    /// The markup shell.js reads in the prerendered page (the components use
    /// these constants): the Filters button (narrow screens) and the panel it
    /// opens (its class while open: `class:open` in `components::filters`);
    pub const FILTERS_BUTTON: &str = "filters-button";
    pub const FILTER_PANEL: &str = "filter-panel";
    pub const PANEL_OPEN: &str = "open";
    /// the row of the search and the sort, and their ids;
    pub const FILTERS_ROW: &str = "filters-row";
    pub const SEARCH: &str = "search";
    pub const SORT: &str = "sort";
    /// the sector radios' name, and the attribute naming a state tile's or a
    /// state list button's state;
    pub const SECTOR_CHOICE: &str = "sector";
    pub const STATE_ATTRIBUTE: &str = "data-state";
    /// each card's list item, the status line, and "Show more";
    pub const CARD_ITEM: &str = "card-item";
    pub const STATUS_LINE: &str = "status-line";
    pub const SHOW_MORE: &str = "show-more";
    /// the embed dialog's preview box and the line saying its height.
    pub const EMBED_PREVIEW: &str = "embed-preview";
    pub const EMBED_PREVIEW_HEIGHT: &str = "embed-preview-height";
    /// On `<html>` of a copy of the explorer whose own list is beside it
    /// (`own-list.html`, the page of the check page's download: `own_copy`):
    /// the list is `data::load::DATA_URL`, fetched, as at `?data=` that file.
    pub const OWN_LIST: &str = "data-own-list";
    /// The address's parameters the head script reads before the first paint.
    pub const CHECK_PARAM: &str = "check";
    pub const DATA_PARAM: &str = "data";

    /// Every name, as the JSON object the JavaScript reads (camelCase keys).
    pub fn to_json() -> String {
        let pairs = [
            ("app", APP),
            ("prerendered", PRERENDERED),
            ("dataset", DATASET),
            ("firstAnswers", FIRST_ANSWERS),
            ("viewPending", VIEW_PENDING),
            ("viewChanging", VIEW_CHANGING),
            ("viewOtherData", VIEW_OTHER_DATA),
            ("embedded", EMBEDDED),
            ("cardsOnly", CARDS_ONLY),
            ("inFrame", IN_FRAME),
            ("checkPage", CHECK_PAGE),
            ("bootFailed", BOOT_FAILED),
            ("settled", SETTLED),
            ("hydratingEvent", HYDRATING_EVENT),
            ("liveEvent", LIVE_EVENT),
            ("bootFailedEvent", BOOT_FAILED_EVENT),
            ("source", MESSAGE_SOURCE),
            ("resize", RESIZE_MESSAGE),
            ("filtersButton", FILTERS_BUTTON),
            ("filterPanel", FILTER_PANEL),
            ("panelOpen", PANEL_OPEN),
            ("filtersRow", FILTERS_ROW),
            ("search", SEARCH),
            ("sort", SORT),
            ("sectorChoice", SECTOR_CHOICE),
            ("stateAttribute", STATE_ATTRIBUTE),
            ("cardItem", CARD_ITEM),
            ("statusLine", STATUS_LINE),
            ("showMore", SHOW_MORE),
            ("embedPreview", EMBED_PREVIEW),
            ("embedPreviewHeight", EMBED_PREVIEW_HEIGHT),
            ("checkParam", CHECK_PARAM),
            ("dataParam", DATA_PARAM),
            ("ownList", OWN_LIST),
            ("embedParam", crate::embed::EMBED_PARAM),
            ("controlsParam", crate::embed::CONTROLS_PARAM),
            ("controlsNone", crate::embed::Controls::None.as_str()),
            ("embedElement", crate::embed::EMBED_ELEMENT),
            ("listAttribute", crate::embed::LIST_ATTRIBUTE),
        ];
        let mut object: serde_json::Map<String, serde_json::Value> =
            pairs.into_iter().map(|(key, name)| (key.to_string(), name.into())).collect();
        object.insert("embedValues".to_string(), crate::embed::EMBED_VALUES.to_vec().into());
        object.insert("filterParams".to_string(), crate::explore::query::FILTER_PARAMS.to_vec().into());
        object.insert("dataUrl".to_string(), crate::data::DATA_URL.into());
        object.insert("listRequest".to_string(), crate::data::error::LIST_REQUEST.into());
        object.insert("listTimeoutMs".to_string(), (crate::data::error::TIMEOUT_SECONDS * 1000).into());
        object.insert("dataPath".to_string(), crate::explore::query::DATA_PATH_PATTERN.into());
        object.insert("dataPathMaxLen".to_string(), crate::explore::query::DATA_PATH_MAX_LEN.into());
        serde_json::Value::Object(object).to_string()
    }
}

/// What the page's address asks for beyond the filter, read one way for
/// every path (`explore::query::params`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub embed: bool,
    pub controls: Controls,
    /// The check page (`?check=1`).
    pub check: bool,
    /// A partner's list to show instead of the bundled one (`?data=`).
    pub list: Option<String>,
    /// What was refused in it (an unknown `controls=`, a `data=` that is not a
    /// list on this site): shown above the cards.
    pub notices: Vec<String>,
}

impl Address {
    pub fn read(search: &str) -> Address {
        let (controls, controls_notice) = Controls::from_search(search);
        let (list, refusal) = match crate::explore::data_path(search) {
            Ok(list) => (list, None),
            Err(why) => (None, Some(why)),
        };
        Address {
            embed: crate::embed::is_embed(search),
            controls,
            // The first `check=`, as the head script's `URLSearchParams.get` reads it.
            check: crate::explore::query::params(search)
                .find(|(key, _)| key == names::CHECK_PARAM)
                .is_some_and(|(_, value)| value == "1"),
            list,
            notices: refusal.into_iter().chain(controls_notice).collect(),
        }
    }
}

/// A phase of building a fresh page, in order; each adds to the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// The header, the notices, the search, the sort and the sectors.
    Filters,
    /// The map, the state list and the topics.
    Places,
    /// The results bar and the first cards.
    FirstCards,
    /// Every card: the page is complete and takes the busy page's place.
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
    /// A fresh page in the browser: at the first phase, each next one a task
    /// later; at the last, the app takes the busy page's place and lands on
    /// the card `landing` (a `#id` address). Natively (the prerender): complete
    /// at once.
    pub fn begin(landing: Option<String>) -> Self {
        if !cfg!(target_arch = "wasm32") {
            return Start::prerendered();
        }
        let start = Start { phase: RwSignal::new(Phase::Filters) };
        UNDER_WAY.with(|n| n.set(n.get() + 1));
        start.advance();
        let mut landing = landing;
        // Effects run once the view is in place: out of sight, behind the busy page.
        Effect::new(move |_| {
            if start.phase.get() == Phase::Complete {
                take_over(landing.take());
            }
        });
        start
    }

    /// The page as prerendered, complete at once: the build-time prerender,
    /// and the app hydrating it (which must render every phase to match it).
    pub fn prerendered() -> Self {
        Start { phase: RwSignal::new(Phase::Complete) }
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
                // The view may be gone by now (a second file dropped on the check
                // page replaces its preview): then its start has nothing to do.
                let next = self.phase.try_get_untracked().map(Phase::next);
                if let Some(next) = next.filter(|&next| self.phase.try_set(next).is_none()) {
                    if next != Phase::Complete {
                        return self.advance();
                    }
                }
                UNDER_WAY.with(|n| n.set(n.get().saturating_sub(1)));
            },
            std::time::Duration::ZERO,
        );
    }
}

/// Puts a freshly rendered app in the busy page's place and, if asked, brings a card into view.
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
        let address = Address::read(&crate::browser::location_search());
        self.embed.set(address.embed);
        self.controls.set(address.controls);
        explorer.follow_address();
        if !address.notices.is_empty() {
            explorer.notices.update(|n| drop(n.splice(0..0, address.notices)));
        }
        explorer.live.set(true);
        let landing = explorer.land_on_hash();
        crate::browser::went_live();
        if let Some(id) = landing {
            request_animation_frame(move || crate::browser::scroll_to(&id));
        }
        // In a task of its own: asking the service worker is not the start's work.
        #[cfg(target_arch = "wasm32")]
        set_timeout(move || self.read_saved_on(), std::time::Duration::ZERO);
    }

    /// Offline, our service worker answers for the dataset with the date its
    /// copy was saved: the page says so. (The page's own copy is the one shown:
    /// the worker keeps the page and its data of one build together.)
    #[cfg(target_arch = "wasm32")]
    fn read_saved_on(self) {
        if crate::browser::has_service_worker() {
            let saved_on = self.saved_on;
            leptos::task::spawn_local(async move {
                let date = crate::data::load::saved_on(crate::data::load::DATA_URL).await;
                if date.is_some() {
                    saved_on.set(date);
                }
            });
        }
    }
}

/// The dataset of a fresh page: the bundled one the page carries (`bundled`,
/// release builds: see `browser::bundled_dataset`), which needs no request, so
/// no failed, hanging or malformed answer can take its cards off the screen;
/// otherwise the one at `url`. On a later visit our service worker answers for
/// the bundled file too, at once (the network's copy, or its saved copy with
/// the date it was saved, for the offline note); if that fails, the page's own
/// copy serves. The page is built from the dataset in the next task.
#[cfg(target_arch = "wasm32")]
pub async fn read_dataset(
    url: String,
    bundled: Option<String>,
) -> Result<crate::data::load::Fetched, crate::data::LoadError> {
    use crate::data::load::{fetch_dataset, Fetched};
    use crate::data::{parse_dataset_bytes, LoadError};
    let parse_bundled = |json: &str| {
        let loaded = parse_dataset_bytes(json.as_bytes()).map_err(LoadError::Invalid)?;
        Ok(Fetched { loaded, saved_on: None })
    };
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

/// Starts the explorer (`src/main.rs`), in a task after the one that compiled
/// the wasm: two short tasks rather than one long one on a slow phone. It
/// hydrates the prerendered page, which shows the bundled dataset (other data
/// has a wasm of its own: `src/bin/check_page.rs`). A development build has no
/// prerendered page: there the app is rendered fresh.
#[cfg(target_arch = "wasm32")]
pub fn run_explorer() {
    set_timeout(
        || {
            let prerendered = crate::browser::prerendered_app().zip(crate::browser::bundled_dataset());
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
                None => crate::browser::show_crash_notice(),
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Makes the prerendered page live: the same components, from the same
/// dataset, claim the elements on the page instead of making new ones.
#[cfg(target_arch = "wasm32")]
fn hydrate(
    app: web_sys::HtmlElement,
    loaded: crate::data::Loaded,
    index: std::sync::Arc<crate::explore::index::Index>,
) {
    use crate::components::{explorer::Explorer, LoadedView, Page};
    // shell.js cancels it when the visitor did anything it is to hand over:
    // then no part of the page is left for later (`later`).
    let untouched = crate::browser::dispatch(names::HYDRATING_EVENT);
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
#[cfg(target_arch = "wasm32")]
pub fn mount_fresh<N: IntoView + 'static>(root: fn() -> N) {
    set_timeout(
        move || match crate::browser::app_root() {
            Some(app) => leptos::mount::mount_to(app, root).forget(),
            None => leptos::mount::mount_to_body(root),
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
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

    #[test]
    fn the_address_is_read_decoded_once_for_every_path() {
        let address = Address::read("?embed=%31&controls=none&data=%2Fetc%2Fpasswd");
        assert!(address.embed);
        assert_eq!(address.controls, Controls::None);
        assert_eq!(address.list, None);
        assert_eq!(address.notices.len(), 1, "{:?}", address.notices);
        assert!(address.notices[0].contains("/etc/passwd"), "{:?}", address.notices);
        let partner = Address::read("?data=data/colorado.json&sector=it");
        assert_eq!(partner.list.as_deref(), Some("data/colorado.json"));
        assert!(!partner.embed && partner.notices.is_empty());
        assert_eq!(partner.controls, Controls::Full);
    }

    #[test]
    fn the_names_the_javascript_reads_are_every_name_defined_here() {
        let json: serde_json::Value = serde_json::from_str(&names::to_json()).unwrap();
        let object = json.as_object().unwrap();
        let source = include_str!("start.rs");
        let module = &source[source.find("pub mod names").unwrap()..source.find("fn to_json").unwrap()];
        let defined = module.matches("pub const ").count();
        // Every constant, plus those of `embed` and `explore::query`.
        assert_eq!(object.len(), defined + 12, "{object:?}");
        assert_eq!(object["embedValues"], serde_json::json!(["1", "true"]));
        assert_eq!(object["liveEvent"], names::LIVE_EVENT);
    }
}
