//! Learning from peers (issue 22), the pure core: the similar partnerships of
//! a card (`Index::similar`) and the overview of topics by sector
//! (`Results::overview`, `Overview`), on the bundled list and on generated ones.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

mod generate;

use generate::{bundled, dataset, filters};
use partnership_explorer::components::learn::{OPENS_ITSELF_FROM, OPENS_ITSELF_IF};
use partnership_explorer::data::Dataset;
use partnership_explorer::explore::overview::{shade, SHADES};
use partnership_explorer::explore::{parse_query, Filter, Index, Like, Overview, SIMILAR};
use proptest::prelude::*;

fn position(d: &Dataset, id: &str) -> usize {
    d.partnerships.iter().position(|p| p.id == id).unwrap()
}

/// What the rule says of `other` next to the card at `at`, worked out from
/// the partnerships themselves (not from the index).
fn likeness(d: &Dataset, at: usize, other: usize) -> Like {
    let (card, them) = (&d.partnerships[at], &d.partnerships[other]);
    let mut topics = Vec::new();
    for id in &card.topics {
        let t = d.topics.iter().position(|topic| topic.id == *id).unwrap();
        if them.topics.contains(id) && !topics.contains(&t) {
            topics.push(t);
        }
    }
    Like { index: other, topics, same_sector: card.sector == them.sector, same_state: card.state == them.state }
}

#[test]
fn calumets_similar_partnerships_share_topics_and_say_which() {
    let d = bundled();
    let index = Index::new(&d);
    let calumet = position(&d, "calumet-manufacturing-industry-sector-partnership");
    let similar = index.similar(calumet, SIMILAR);
    assert_eq!(similar.len(), SIMILAR);
    assert!(!similar[0].topics.is_empty(), "{similar:?}");
    let reasons: Vec<String> = similar.iter().map(|like| like.reason(&d)).collect();
    for (like, reason) in similar.iter().zip(&reasons) {
        assert_eq!(*like, likeness(&d, calumet, like.index));
        assert!(reason.starts_with("also: "), "{reason}");
        for &t in &like.topics {
            assert!(reason.contains(d.topics[t].label.as_str()), "{reason}");
        }
    }
}

#[test]
fn a_reason_names_the_shared_topics_then_the_sector_and_the_state() {
    let d = bundled();
    let like = Like { index: 0, topics: vec![1, 0], same_sector: true, same_state: true };
    let p = &d.partnerships[0];
    let expected = format!(
        "also: {} · {} · {} · {}",
        d.topics[1].label,
        d.topics[0].label,
        d.sector_label(&p.sector),
        partnership_explorer::geo::state_name(&p.state)
    );
    assert_eq!(like.reason(&d), expected);
    let only_state = Like { index: 0, topics: vec![], same_sector: false, same_state: true };
    assert_eq!(only_state.reason(&d), format!("also: {}", partnership_explorer::geo::state_name(&p.state)));
}

proptest! {
    // Each case parses a generated list: fewer cases than proptest's 256 keep
    // the run short, and still cover every shape of the rule.
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Never the card itself; each one shares what it says it shares; the
    /// order follows the rule (topics, then sector, then state, then name);
    /// and none left out ranks above one listed.
    #[test]
    fn similar_partnerships_follow_the_rule(d in dataset(), pick in any::<prop::sample::Index>(), limit in 0..5usize) {
        prop_assume!(!d.partnerships.is_empty());
        let index = Index::new(&d);
        let at = pick.index(d.partnerships.len());
        let similar = index.similar(at, limit);
        prop_assert!(similar.len() <= limit);
        let mut by_name: Vec<usize> = (0..d.partnerships.len()).collect();
        by_name.sort_by_key(|&i| (partnership_explorer::explore::search::fold(&d.partnerships[i].name), i));
        let name_rank = |i: usize| by_name.iter().position(|&j| j == i).unwrap();
        for like in &similar {
            prop_assert_ne!(like.index, at);
            prop_assert!(like.shares_something());
            prop_assert_eq!(like, &likeness(&d, at, like.index));
        }
        for pair in similar.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let by_name = a.rank() == b.rank() && name_rank(a.index) < name_rank(b.index);
            prop_assert!(a.rank() > b.rank() || by_name, "{:?}", pair);
        }
        let listed: Vec<usize> = similar.iter().map(|l| l.index).collect();
        let candidates: Vec<Like> = (0..d.partnerships.len())
            .filter(|&i| i != at)
            .map(|i| likeness(&d, at, i))
            .filter(Like::shares_something)
            .collect();
        prop_assert_eq!(similar.len(), candidates.len().min(limit));
        if let Some(last) = similar.last() {
            for left_out in candidates.iter().filter(|c| !listed.contains(&c.index)) {
                prop_assert!(left_out.rank() <= last.rank(), "{:?} left out, {:?} listed", left_out, last);
            }
        }
    }

    /// A card has a disclosure of partnerships like it exactly when it has any:
    /// the quick test, which stops at the first, says what the ranking lists.
    #[test]
    fn a_card_has_similar_partnerships_exactly_when_the_ranking_lists_one(
        d in dataset(),
        pick in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!d.partnerships.is_empty());
        let index = Index::new(&d);
        let at = pick.index(d.partnerships.len());
        let any = (0..d.partnerships.len()).any(|i| i != at && likeness(&d, at, i).shares_something());
        prop_assert_eq!(index.has_similar(at), any);
        prop_assert_eq!(index.has_similar(at), !index.similar(at, 1).is_empty());
    }

    /// Each cell of the overview is the count of its own filtered view: the
    /// view's filters, its sector chosen and its topic added.
    #[test]
    fn each_overview_count_is_its_views_count(d in dataset(), f in filters()) {
        let index = Index::new(&d);
        let cells = index.run(&f).overview;
        prop_assert_eq!(cells.len(), d.topics.len());
        for (t, row) in cells.iter().enumerate() {
            prop_assert_eq!(row.len(), d.sectors.len());
            for (s, &count) in row.iter().enumerate() {
                let view = f.with_sector_and_topic(&d.sectors[s].id, &d.topics[t].id);
                prop_assert_eq!(view.sector.as_deref(), Some(d.sectors[s].id.as_str()));
                prop_assert!(view.topics.contains(&d.topics[t].id));
                prop_assert!(f.topics.iter().all(|kept| view.topics.contains(kept)));
                prop_assert_eq!(count, index.run(&view).matching.len(), "{} × {}", d.topics[t].id, d.sectors[s].id);
            }
        }
    }

    /// The table the page draws: only the topics and sectors with any
    /// partnership in the view, each cell its count, a shade that grows with
    /// it, and a link to exactly its view (the page's other parameters kept)
    /// when it has any; and a table (any row) exactly when the results say so.
    #[test]
    fn the_overview_table_keeps_what_has_any_and_links_each_cell_to_its_view(d in dataset(), f in filters()) {
        let index = Index::new(&d);
        let counts = index.run(&f).overview;
        let table = Overview::new(&counts, &d, &f, "?data=lists/ours.json&embed=1&sector=it");
        prop_assert_eq!(index.run(&f).has_overview(), !table.rows.is_empty());
        let columns: Vec<usize> = (0..d.sectors.len()).filter(|&s| counts.iter().any(|row| row[s] > 0)).collect();
        let rows: Vec<usize> = (0..d.topics.len()).filter(|&t| counts[t].iter().any(|&n| n > 0)).collect();
        let labels: Vec<String> = columns.iter().map(|&s| d.sectors[s].label.to_string()).collect();
        prop_assert_eq!(&table.sectors, &labels);
        prop_assert_eq!(table.rows.len(), rows.len());
        let most = counts.iter().flatten().copied().max().unwrap_or(0);
        for (row, &t) in table.rows.iter().zip(&rows) {
            prop_assert_eq!(row.topic.as_str(), d.topics[t].label.as_str());
            prop_assert_eq!(row.cells.len(), columns.len());
            for (cell, &s) in row.cells.iter().zip(&columns) {
                prop_assert_eq!(cell.count, counts[t][s]);
                prop_assert_eq!(cell.shade == 0, cell.count == 0);
                prop_assert_eq!(cell.shade == SHADES, cell.count > 0 && cell.count * SHADES > most * (SHADES - 1));
                match &cell.href {
                    None => prop_assert_eq!(cell.count, 0),
                    Some(href) => {
                        prop_assert!(href.contains("data=lists/ours.json") && href.contains("embed=1"), "{}", href);
                        let (linked, _) = parse_query(href, index.known());
                        let view = f.with_sector_and_topic(&d.sectors[s].id, &d.topics[t].id);
                        prop_assert_eq!(index.run(&linked).matching.len(), cell.count, "{}", href);
                        prop_assert_eq!(linked.sector, view.sector);
                        prop_assert_eq!(linked.topics, view.topics);
                    }
                }
            }
        }
    }

    /// A larger count never has a lighter shade.
    #[test]
    fn a_larger_count_is_never_lighter(a in 0..500usize, b in 0..500usize, most in 1..500usize) {
        let (a, b) = (a.min(most), b.min(most));
        if a <= b {
            prop_assert!(shade(a, most) <= shade(b, most));
        }
        prop_assert_eq!(shade(most, most), SHADES);
    }
}

#[test]
fn the_overview_of_the_bundled_list_counts_healthcare_career_pathways() {
    let d = bundled();
    let index = Index::new(&d);
    let cells = index.run(&Filter::default()).overview;
    let t = d.topics.iter().position(|t| t.id == "career-pathways").unwrap();
    let s = d.sectors.iter().position(|s| s.id == "healthcare").unwrap();
    let expected = d
        .partnerships
        .iter()
        .filter(|p| p.sector == "healthcare" && p.topics.iter().any(|id| id == "career-pathways"))
        .count();
    assert!(expected > 0);
    assert_eq!(cells[t][s], expected);
}

/// The page counts and draws the overview only while it can be seen: it must
/// know where the stylesheet opens the disclosure by itself (its conditions
/// are the stylesheet's), and that only print opens it otherwise.
#[test]
fn the_overview_opens_itself_where_the_stylesheet_opens_it() {
    let css = include_str!("../public/styles.css");
    let opens = ".overview-details::details-content { content-visibility: visible; }";
    let block = format!("@supports {OPENS_ITSELF_IF} {{\n  @media {OPENS_ITSELF_FROM} {{\n");
    let at = css.find(&block).unwrap_or_else(|| panic!("no {block:?} in public/styles.css"));
    let inside = &css[at + block.len()..];
    let inside = &inside[..inside.find("\n  }").unwrap()];
    assert!(inside.contains(opens), "{inside}");
    // The print rules come last: any rule before them is for the screen.
    let print = css.find("@media print {").unwrap();
    let on_screen: Vec<usize> = css.match_indices(opens).map(|(i, _)| i).filter(|&i| i < print).collect();
    assert_eq!(on_screen, [at + block.len() + inside.find(opens).unwrap()], "opened on screen elsewhere too");
}
