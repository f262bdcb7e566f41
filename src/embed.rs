//! Embedding in partner websites: the `?embed=1` switch and the snippets that
//! "Embed this view" offers. Plain Rust, tested natively.

use crate::explore::query::{pairs, params};
use crate::explore::{write_query, write_query_keeping, Filter, Sort};

/// The parameter that turns the page into an embed.
pub const EMBED_PARAM: &str = "embed";

/// The element a partner's page holds for each embed, and its attribute naming a
/// partner's own list (embed.js reads them: `names`).
pub const EMBED_ELEMENT: &str = "data-partnership-explorer";
pub const LIST_ATTRIBUTE: &str = "data-list";

/// Height (px) of the plain iframe variant, which cannot resize itself.
pub const IFRAME_HEIGHT: u32 = 900;

/// The values of `embed=` that ask for the embedded view. The head script in
/// index.html gets them from here at build time (`names`).
pub const EMBED_VALUES: [&str; 2] = ["1", "true"];

/// True when the address asks for the embedded view (`embed=1` or `embed=true`,
/// decoded: `embed=%31` too, as the head script reads it).
pub fn is_embed(search: &str) -> bool {
    params(search).any(|(key, value)| key == EMBED_PARAM && EMBED_VALUES.contains(&value.as_str()))
}

/// What the embed dialog writes its code for: the explorer's address (ending
/// in `/`), the filter of the view, and a partner's own list (`?data=`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedTarget {
    pub base: String,
    pub filter: Filter,
    pub list: Option<String>,
}

/// The parameter that chooses an embed's controls.
pub const CONTROLS_PARAM: &str = "controls";

/// Which filter controls a view shows: an embed's partner chooses (`controls=`
/// in the address, `data-controls` on the embed element).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Controls {
    /// Every filter: beside the results on a wide screen, behind a Filters button on a
    /// narrow one. The full page's (and the prerendered page's).
    #[default]
    Full,
    /// The search and the Filters button only, at every width: an embed's default.
    Compact,
    /// None: the cards of the chosen view, the status line and "Open full explorer".
    None,
}

impl Controls {
    pub const ALL: [Controls; 3] = [Controls::Full, Controls::Compact, Controls::None];

    pub const fn as_str(self) -> &'static str {
        match self {
            Controls::Full => "full",
            Controls::Compact => "compact",
            Controls::None => "none",
        }
    }

    /// The controls the address asks for, and a notice when its value is
    /// unknown. The full page always has every control; an embed is compact
    /// unless its partner chose otherwise.
    pub fn from_search(search: &str) -> (Controls, Option<String>) {
        if !is_embed(search) {
            return (Controls::Full, None);
        }
        let asked = params(search).find_map(|(key, value)| (key == CONTROLS_PARAM).then_some(value));
        match asked {
            None => (Controls::Compact, None),
            Some(value) => match Controls::ALL.into_iter().find(|c| c.as_str() == value) {
                Some(controls) => (controls, None),
                None => {
                    let shown: String = value.chars().take(40).collect();
                    (
                        Controls::Compact,
                        Some(format!("Ignored the unknown controls “{shown}”: showing the compact ones.")),
                    )
                }
            },
        }
    }
}

/// The same query without the embed switch and its controls: the address of the full explorer.
pub fn without_embed(search: &str) -> String {
    let kept: Vec<&str> = pairs(search)
        .zip(params(search))
        .filter(|(_, (key, _))| !matches!(key.as_str(), EMBED_PARAM | CONTROLS_PARAM))
        .map(|(pair, _)| pair)
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The query of the full explorer showing `filter`: the filter as the app
/// holds it, the address's other parameters (`?data=`) kept, the switch dropped.
pub fn full_explorer_query(filter: &Filter, search: &str) -> String {
    without_embed(&write_query_keeping(filter, search))
}

/// The snippet a partner pastes to show `filter` on their site: a
/// `<div data-partnership-explorer …>` and the `embed.js` loader, which sizes
/// the view to its content. `base` is the explorer's address ending in `/`
/// (e.g. `https://example.org/explorer/`); `list` a partner's own list
/// (`?data=`), which the embed shows too.
pub fn loader_snippet(base: &str, filter: &Filter, controls: Controls, list: Option<&str>) -> String {
    let mut attributes = String::new();
    let mut attribute = |name: &str, value: &str| {
        attributes.push_str(&format!(" data-{name}=\"{}\"", escape(value)));
    };
    if let Some(sector) = &filter.sector {
        attribute("sector", sector);
    }
    if let Some(state) = &filter.state {
        attribute("state", state);
    }
    if !filter.topics.is_empty() {
        let topics: Vec<&str> = filter.topics.iter().map(String::as_str).collect();
        attribute("topic", &topics.join(" "));
    }
    if !filter.query.is_empty() {
        attribute("q", &filter.query);
    }
    if filter.sort != Sort::default() {
        attribute("sort", filter.sort.as_str());
    }
    if controls != Controls::Compact {
        attribute("controls", controls.as_str());
    }
    if let Some(list) = list {
        attributes.push_str(&format!(" {LIST_ATTRIBUTE}=\"{}\"", escape(list)));
    }
    format!("<div {EMBED_ELEMENT}{attributes}></div>\n<script src=\"{}embed.js\" async></script>", escape(base))
}

/// The address of the embedded view of `filter` with `controls`: what a plain
/// iframe shows, and the preview in "Embed this view"; with a partner's `list`
/// (`?data=`) when the view shows one.
pub fn embed_url(base: &str, filter: &Filter, controls: Controls, list: Option<&str>) -> String {
    // A list's path is a checked one (`data_path`): safe in an address as it is.
    let query = match list {
        Some(list) => write_query_keeping(filter, &format!("?data={list}")),
        None => write_query(filter),
    };
    let chosen = match controls {
        Controls::Compact => String::new(),
        other => format!("&{CONTROLS_PARAM}={}", other.as_str()),
    };
    format!("{base}?{EMBED_PARAM}=1{chosen}{}", query.replacen('?', "&", 1))
}

/// A plain `<iframe>` of `filter` with a fixed height, for sites that allow no scripts.
pub fn iframe_snippet(base: &str, filter: &Filter, controls: Controls, list: Option<&str>) -> String {
    let src = escape(&embed_url(base, filter, controls, list));
    let size = format!("width=\"100%\" height=\"{IFRAME_HEIGHT}\"");
    format!("<iframe src=\"{src}\" title=\"Partnership Explorer\" {size} loading=\"lazy\"></iframe>")
}

/// Escapes text for a double-quoted HTML attribute.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}
