//! Embedding in partner websites: the `?embed=1` switch and the snippets that
//! "Embed this view" offers. Plain Rust, tested natively.

use crate::explore::query::pairs;
use crate::explore::{write_query, write_query_keeping, Filter, Sort};

/// The parameter that turns the page into an embed.
pub const EMBED_PARAM: &str = "embed";

/// Height (px) of the plain iframe variant, which cannot resize itself.
pub const IFRAME_HEIGHT: u32 = 900;

/// True when the address asks for the embedded view (`embed=1` or `embed=true`).
pub fn is_embed(search: &str) -> bool {
    pairs(search).any(|pair| matches!(pair.split_once('='), Some((EMBED_PARAM, "1" | "true"))))
}

/// The same query without the embed switch: the address of the full explorer.
pub fn without_embed(search: &str) -> String {
    let kept: Vec<&str> = pairs(search).filter(|pair| pair.split('=').next() != Some(EMBED_PARAM)).collect();
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
/// (e.g. `https://example.org/explorer/`).
pub fn loader_snippet(base: &str, filter: &Filter) -> String {
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
    format!(
        "<div data-partnership-explorer{attributes}></div>\n<script src=\"{}embed.js\" async></script>",
        escape(base)
    )
}

/// A plain `<iframe>` of `filter` with a fixed height, for sites that allow no scripts.
pub fn iframe_snippet(base: &str, filter: &Filter) -> String {
    let query = write_query(filter);
    let src = format!("{base}?{EMBED_PARAM}=1{}", query.replacen('?', "&", 1));
    let src = escape(&src);
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
