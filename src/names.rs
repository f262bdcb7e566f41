//! The names both sides of the start use: element ids, attributes, classes,
//! events and messages. `scripts/post-build.mjs` writes them into
//! `public/shell.js`, `public/embed.js` and index.html's head script (where
//! they read `START_NAMES`), from `cargo run --bin prerender -- --names`.
//! The components use these constants for the markup the JavaScript reads.

use serde_json::Value;

/// Defines each name and, from the same line, the key the JavaScript reads it
/// by: a name cannot be defined here and be missing from `to_json`.
macro_rules! shared_names {
    ($($(#[$doc:meta])* $name:ident = $value:literal => $key:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = $value;)*
        /// Every name defined here, with its key.
        pub const DEFINED: &[(&str, &str)] = &[$(($key, $name)),*];
    };
}

shared_names! {
    /// The element the app lives in.
    APP = "app" => "app";
    /// Set on `#app` while it holds the prerendered page, until the app is live.
    PRERENDERED = "data-prerendered" => "prerendered";
    /// `<script type="application/json">` with the bundled dataset.
    DATASET = "dataset" => "dataset";
    /// `<script type="application/json">` with the answers to a first sector click.
    FIRST_ANSWERS = "first-answers" => "firstAnswers";
    /// Marks on `<html>`: the address asks for another view than the prerendered one;
    VIEW_PENDING = "view-pending" => "viewPending";
    /// a filter was chosen in the prerendered page that shell.js cannot answer;
    VIEW_CHANGING = "view-changing" => "viewChanging";
    /// the address shows other data (`?data=`, the check page);
    VIEW_OTHER_DATA = "view-other-data" => "viewOtherData";
    /// the page is embedded (`?embed=1`);
    EMBEDDED = "embedded" => "embedded";
    /// an embed of just the cards (`controls=none`: no title, no filters);
    CARDS_ONLY = "cards-only" => "cardsOnly";
    /// the page is inside a frame;
    IN_FRAME = "in-frame" => "inFrame";
    /// the check page (`?check=1`), which has its own wasm;
    CHECK_PAGE = "check-page" => "checkPage";
    /// the app's code could not start (set by the boot script).
    BOOT_FAILED = "boot-failed" => "bootFailed";
    /// The class `#app` gets once every card is laid out: its height is the view's.
    SETTLED = "settled" => "settled";
    /// Dispatched on `window` just before the app hydrates the page: shell.js
    /// notes the controls' values, which hydrating sets to the prerendered view's,
    /// and cancels it if the visitor did anything (the page is hydrated whole then).
    HYDRATING_EVENT = "partnership-explorer-hydrating" => "hydratingEvent";
    /// Dispatched on `window` once the app has made the page live (hydrated and
    /// applied the address): shell.js then hands over what the visitor did.
    LIVE_EVENT = "partnership-explorer-live" => "liveEvent";
    /// Dispatched on `window` by the boot script when the app cannot start;
    /// `detail` says why.
    BOOT_FAILED_EVENT = "partnership-explorer-boot-failed" => "bootFailedEvent";
    /// A message the page posts to its host: `{ source, type, height }`.
    MESSAGE_SOURCE = "partnership-explorer" => "source";
    RESIZE_MESSAGE = "resize" => "resize";
    /// The markup shell.js reads in the prerendered page (the components use
    /// these constants): the Filters button (narrow screens) and the panel it
    /// opens (its class while open: `class:open` in `components::filters`);
    FILTERS_BUTTON = "filters-button" => "filtersButton";
    FILTER_PANEL = "filter-panel" => "filterPanel";
    PANEL_OPEN = "open" => "panelOpen";
    /// the row of the search and the sort, and their ids;
    FILTERS_ROW = "filters-row" => "filtersRow";
    SEARCH = "search" => "search";
    SORT = "sort" => "sort";
    /// the sector radios' name, and the attribute naming a state tile's or a
    /// state list button's state;
    SECTOR_CHOICE = "sector" => "sectorChoice";
    STATE_ATTRIBUTE = "data-state" => "stateAttribute";
    /// each card's list item, the status line, and "Show more";
    CARD_ITEM = "card-item" => "cardItem";
    STATUS_LINE = "status-line" => "statusLine";
    SHOW_MORE = "show-more" => "showMore";
    /// the embed dialog's preview box and the line saying its height;
    EMBED_PREVIEW = "embed-preview" => "embedPreview";
    EMBED_PREVIEW_HEIGHT = "embed-preview-height" => "embedPreviewHeight";
    /// dispatched on `window` once the take-along code has filled the dialog
    /// (shell.js then makes the preview's frame).
    EMBED_FILLED_EVENT = "partnership-explorer-embed-filled" => "embedFilledEvent";
    /// On `<html>` of a copy of the explorer whose own list is beside it
    /// (`own-list.html`, the page of the check page's download: `own_copy`):
    /// the list is `data::DATA_URL`, fetched, as at `?data=` that file.
    OWN_LIST = "data-own-list" => "ownList";
    /// The address's parameters the head script reads before the first paint.
    CHECK_PARAM = "check" => "checkParam";
    DATA_PARAM = "data" => "dataParam";
    /// A function on `window`, set by the boot script: it loads the take-along
    /// code (`src/bin/take_along.rs`) once and resolves to its exports.
    TAKE_ALONG_CODE = "partnershipExplorerTakeAlong" => "takeAlongCode";
}

/// The names of the address and the embed that the JavaScript reads too,
/// defined where they are used.
pub const BORROWED: [(&str, &str); 5] = [
    ("embedParam", crate::embed::EMBED_PARAM),
    ("controlsParam", crate::embed::CONTROLS_PARAM),
    ("controlsNone", crate::embed::Controls::None.as_str()),
    ("embedElement", crate::embed::EMBED_ELEMENT),
    ("listAttribute", crate::embed::LIST_ATTRIBUTE),
];

/// The values (not names) the JavaScript reads: lists, paths, rules and times.
pub fn values() -> [(&'static str, Value); 7] {
    use crate::explore::query::{DATA_PATH_MAX_LEN, DATA_PATH_PATTERN, FILTER_PARAMS};
    [
        ("embedValues", crate::embed::EMBED_VALUES.to_vec().into()),
        ("filterParams", FILTER_PARAMS.to_vec().into()),
        ("dataUrl", crate::data::DATA_URL.into()),
        ("listRequest", crate::data::error::LIST_REQUEST.into()),
        ("listTimeoutMs", (crate::data::error::TIMEOUT_SECONDS * 1000).into()),
        ("dataPath", DATA_PATH_PATTERN.into()),
        ("dataPathMaxLen", DATA_PATH_MAX_LEN.into()),
    ]
}

/// Every name and value, as the JSON object the JavaScript reads (camelCase keys).
pub fn to_json() -> String {
    let names = DEFINED.iter().chain(&BORROWED).map(|&(key, name)| (key.to_string(), Value::from(name)));
    let values = values().into_iter().map(|(key, value)| (key.to_string(), value));
    Value::Object(names.chain(values).collect()).to_string()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_name_and_value_has_a_key_of_its_own() {
        let json: Value = serde_json::from_str(&to_json()).unwrap();
        let object = json.as_object().unwrap();
        // Two entries under one key would leave one of them out of the object.
        assert_eq!(object.len(), DEFINED.len() + BORROWED.len() + values().len(), "{object:?}");
        assert_eq!(object["embedValues"], serde_json::json!(["1", "true"]));
        assert_eq!(object["liveEvent"], LIVE_EVENT);
        assert_eq!(object["app"], APP);
    }
}
