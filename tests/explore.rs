//! Filtering, facet counts, search and sorting on the real dataset and on
//! generated filters, plus the URL codec's round trip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::data::{parse_dataset, Dataset};
use partnership_explorer::explore::query::{DATA_PATH_MAX_LEN, DATA_PATH_PATTERN};
use partnership_explorer::explore::{
    data_path, parse_query, read_own_query, write_query, write_query_keeping, Choice, Filter, Index, Known, Sort,
};
use partnership_explorer::geo::STATES;
use proptest::prelude::*;

mod generate;
use generate::{filters, DATA};

fn dataset() -> Dataset {
    parse_dataset(DATA).expect("bundled dataset").dataset
}

fn ids(d: &Dataset, index: &Index, f: &Filter) -> Vec<String> {
    index.run(f).matching.iter().map(|&i| d.partnerships[i].id.to_string()).collect()
}

fn short(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}

#[test]
fn sector_counts_in_the_unfiltered_view() {
    let d = dataset();
    let r = Index::new(&d).run(&Filter::default());
    assert_eq!(r.total, 11);
    assert_eq!(r.any_sector, 11);
    assert_eq!(r.matching.len(), 11);
    let counts: Vec<(&str, usize)> = d.sectors.iter().map(|s| s.id.as_str()).zip(r.sectors.iter().copied()).collect();
    assert_eq!(
        counts,
        [
            ("healthcare", 3),
            ("manufacturing", 4),
            ("information-technology", 1),
            ("agriculture", 1),
            ("transportation-logistics", 1),
            ("construction", 1)
        ]
    );
    let with_partnerships: Vec<&str> =
        STATES.iter().zip(&r.state_totals).filter(|(_, n)| **n > 0).map(|(s, _)| s.code).collect();
    assert_eq!(with_partnerships, ["AZ", "CA", "HI", "IL", "LA", "NC", "OR", "PA", "TX", "WA", "WY"]);
}

#[test]
fn facets_count_with_the_other_filters() {
    let d = dataset();
    let index = Index::new(&d);
    let f = Filter { sector: Some("healthcare".into()), ..Filter::default() };
    let r = index.run(&f);
    assert_eq!(r.matching.len(), 3);
    assert_eq!(r.any_sector, 11, "All sectors ignores the sector choice");
    let states: Vec<&str> = STATES.iter().zip(&r.states).filter(|(_, n)| **n > 0).map(|(s, _)| s.code).collect();
    assert_eq!(states, ["LA", "NC", "WA"]);
    let k12 = d.topics.iter().position(|t| t.id == "k12-education").expect("topic");
    assert_eq!(r.topics[k12], 1, "only Cumberland among healthcare is K-12");
}

#[test]
fn topics_combine_with_and() {
    let d = dataset();
    let index = Index::new(&d);
    let one = Filter { topics: ["apprenticeships"].into_iter().collect(), ..Filter::default() };
    assert_eq!(ids(&d, &index, &one).iter().map(|s| short(s)).collect::<Vec<_>>(), ["kingman", "lane"]);
    let both = one.toggle_topic("internships");
    assert_eq!(ids(&d, &index, &both), ["lane-county-tech-collaborative"]);
    assert_eq!(both.toggle_topic("internships"), one);
}

#[test]
fn search_ignores_case_accents_and_apostrophes_and_needs_every_word() {
    let d = dataset();
    let index = Index::new(&d);
    let q = |text: &str| ids(&d, &index, &Filter { query: text.into(), ..Filter::default() });
    assert_eq!(q("hawaii"), ["hawaii-island-agricultural-partnership"]);
    assert_eq!(q("HAWAI’I"), ["hawaii-island-agricultural-partnership"]);
    assert_eq!(q("cna"), ["northeast-louisiana-healthcare-partnership"]);
    assert_eq!(q("nursing shortage"), ["cumberland-health-care-sector-partnership"]);
    assert_eq!(q("nursing").len(), 2);
    assert_eq!(q("washington"), ["seattle-king-county-healthcare-industry-leadership-table"], "full state name");
    assert_eq!(q("hilt"), ["seattle-king-county-healthcare-industry-leadership-table"], "short name");
    assert_eq!(q("chicagos southland"), ["calumet-manufacturing-industry-sector-partnership"]);
    assert!(q("nursing zebra").is_empty());
    assert_eq!(q("   ").len(), 11);
}

#[test]
fn sorts_by_name_state_and_launch() {
    let d = dataset();
    let index = Index::new(&d);
    let order = |sort| {
        ids(&d, &index, &Filter { sort, ..Filter::default() }).iter().map(|s| short(s).to_string()).collect::<Vec<_>>()
    };
    assert_eq!(
        order(Sort::Name),
        [
            "calumet",
            "central",
            "cumberland",
            "east",
            "hawaii",
            "inland",
            "kingman",
            "lane",
            "laramie",
            "northeast",
            "seattle"
        ]
    );
    // Arizona, California, Hawaii, Illinois, Louisiana, North Carolina, Oregon, Pennsylvania, Texas,
    // Washington, Wyoming.
    assert_eq!(
        order(Sort::State),
        [
            "kingman",
            "inland",
            "hawaii",
            "calumet",
            "northeast",
            "cumberland",
            "lane",
            "central",
            "east",
            "seattle",
            "laramie"
        ]
    );
    let launched = order(Sort::Launched);
    assert_eq!(&launched[..3], ["cumberland", "seattle", "lane"], "June 2018, May 2018, 2015");
    assert_eq!(&launched[3..5], ["calumet", "central"], "unknown dates last, by name");
}

#[test]
fn query_string_reads_the_documented_example() {
    let known = Known::from_dataset(&dataset());
    let (f, notices) = parse_query(
        "?sector=healthcare&state=LA&topic=apprenticeships&topic=internships&q=nursing&sort=launched",
        &known,
    );
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(f.sector.as_deref(), Some("healthcare"));
    assert_eq!(f.state.as_deref(), Some("LA"));
    assert_eq!(f.topics.iter().map(String::as_str).collect::<Vec<_>>(), ["apprenticeships", "internships"]);
    assert_eq!((f.query.as_str(), f.sort), ("nursing", Sort::Launched));
    assert_eq!(
        write_query(&f),
        "?sector=healthcare&state=LA&topic=apprenticeships&topic=internships&q=nursing&sort=launched"
    );
    assert_eq!(write_query(&Filter::default()), "");
}

#[test]
fn bad_query_values_are_ignored_with_a_notice() {
    let known = Known::from_dataset(&dataset());
    let huge = "x".repeat(10 * 1024);
    let (f, notices) =
        parse_query(&format!("sector=xyz&state=ZZ&topic=nope&sort=up&q={huge}&q=again&%ZZ=1&embed=1"), &known);
    assert_eq!(f, Filter::default());
    assert_eq!(notices.len(), 7, "{notices:?}");
    assert!(notices[0].contains("unknown sector “xyz”"));
    assert!(notices[1].contains("unknown state “ZZ”"));
    assert!(notices[4].contains("longer than 200"));
    assert!(notices.iter().all(|n| n.chars().count() < 120), "notices stay short");
    let (f, notices) = parse_query("state=la&q=caf%C3%A9+care&q", &known);
    assert_eq!((f.state.as_deref(), f.query.as_str()), (Some("LA"), "café care"));
    assert_eq!(notices.len(), 1, "a second q is ignored");
}

proptest! {
    #[test]
    fn every_reachable_filter_survives_a_round_trip(f in filters()) {
        let known = Known::from_dataset(&dataset());
        let (back, notices) = parse_query(&write_query(&f), &known);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, f);
    }

    /// Where the dataset is not at hand (the embed dialog's code), a query the
    /// app wrote reads back as the same filter all the same.
    #[test]
    fn the_apps_own_query_reads_back_without_the_dataset(f in filters()) {
        prop_assert_eq!(read_own_query(&write_query(&f)), f);
    }

    #[test]
    fn parsing_never_panics(s in "\\PC{0,300}") {
        let known = Known::from_dataset(&dataset());
        let _ = parse_query(&s, &known);
    }

    /// The panel's choices are exactly what narrows the filter besides the
    /// search, and removing one chip removes that choice and nothing else.
    #[test]
    fn each_chip_removes_its_own_choice_only(f in filters()) {
        let choices = f.choices();
        let expected = usize::from(f.sector.is_some()) + usize::from(f.state.is_some()) + f.topics.len();
        prop_assert_eq!(choices.len(), expected);
        for choice in &choices {
            let after = f.without(choice);
            let left = after.choices();
            prop_assert!(!left.contains(choice));
            prop_assert_eq!(left.len(), choices.len() - 1);
            prop_assert!(left.iter().all(|c| choices.contains(c)));
            prop_assert_eq!((&after.query, after.sort), (&f.query, f.sort));
        }
        // A chip for a choice not made changes nothing.
        prop_assert_eq!(f.without(&Choice::Sector("not-a-sector".into())), f.clone());
        prop_assert_eq!(f.without(&Choice::State("ZZ".into())), f.clone());
    }

    /// Each facet's count equals the number of results that choosing it gives.
    #[test]
    fn facet_counts_tell_the_truth(f in filters()) {
        let d = dataset();
        let index = Index::new(&d);
        let r = index.run(&f);
        for (i, s) in d.sectors.iter().enumerate() {
            let chosen = Filter { sector: Some(s.id.to_string()), ..f.clone() };
            prop_assert_eq!(r.sectors[i], index.run(&chosen).matching.len());
        }
        prop_assert_eq!(r.any_sector, index.run(&Filter { sector: None, ..f.clone() }).matching.len());
        for (i, st) in STATES.iter().enumerate() {
            let chosen = Filter { state: Some(st.code.to_string()), ..f.clone() };
            prop_assert_eq!(r.states[i], index.run(&chosen).matching.len());
        }
        for (i, t) in d.topics.iter().enumerate() {
            let mut chosen = f.clone();
            chosen.topics.insert(&t.id);
            prop_assert_eq!(r.topics[i], index.run(&chosen).matching.len());
        }
    }
}

#[test]
fn writing_the_filter_keeps_parameters_that_are_not_its_own() {
    let f = Filter { sector: Some("healthcare".into()), ..Filter::default() };
    assert_eq!(
        write_query_keeping(&f, "?data=data/co.json&sector=agriculture&embed=1"),
        "?sector=healthcare&data=data/co.json&embed=1"
    );
    assert_eq!(write_query_keeping(&Filter::default(), "?q=x&topic=a&sort=state"), "");
    assert_eq!(write_query_keeping(&Filter::default(), "?data=d.json"), "?data=d.json");
}

#[test]
fn only_relative_json_paths_on_this_site_are_accepted_as_data() {
    assert_eq!(data_path("?sector=x"), Ok(None));
    assert_eq!(data_path("?data=data/colorado.json"), Ok(Some("data/colorado.json".to_string())));
    assert_eq!(data_path("?q=a&data=data%2Fco.json"), Ok(Some("data/co.json".to_string())));
    for bad in [
        "https://evil.example/x.json",
        "//evil.example/x.json",
        "/data/x.json",
        "../secrets.json",
        "data/../../x.json",
        "data/./x.json",
        "javascript:alert(1)//.json",
        "data/x.txt",
        "data/x.json?y",
        "data\\x.json",
        "data%2F..%2Fx.json",
        "",
    ] {
        let search = format!("?data={}", bad.replace('%', "%25"));
        let refused = data_path(&search);
        assert!(refused.as_ref().is_err_and(|m| m.starts_with("Refused the data address")), "{bad}: {refused:?}");
    }
}

/// Paths made of segments, as a list's path is: most are accepted; a `.` or
/// `..` segment, an empty one, a wrong ending or a stray byte is refused.
fn list_paths() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        20 => "[A-Za-z0-9_-][A-Za-z0-9._-]{0,8}",
        1 => Just(".".to_string()),
        1 => Just("..".to_string()),
        1 => Just(String::new()),
        1 => "[.]{1,3}[a-z]{0,2}",
        1 => "[a-z]{1,3}[ :%?#\\~é][a-z]{0,3}",
    ];
    let ending = prop_oneof![6 => Just(".json"), 1 => Just(".JSON"), 1 => Just(".jsonx"), 1 => Just("")];
    (prop::bool::weighted(0.1), prop::collection::vec(segment, 1..5), ending, 0usize..8).prop_map(
        |(root, segments, ending, pad)| {
            let path = format!("{}{}{ending}", if root { "/" } else { "" }, segments.join("/"));
            // Now and then longer than the limit.
            if pad == 0 {
                format!("{}{path}", "a/".repeat(100))
            } else {
                path
            }
        },
    )
}

/// Paths that are always accepted: relative segments, `.json` at the end.
fn accepted_paths() -> impl Strategy<Value = String> {
    (
        prop::collection::vec("[A-Za-z0-9_-][A-Za-z0-9._-]{0,8}|\\.[a-z]{1,3}|\\.\\.[a-z.]{1,3}", 0..4),
        "[A-Za-z0-9._-]{0,8}",
    )
        .prop_map(|(dirs, name)| dirs.iter().map(|d| format!("{d}/")).collect::<String>() + &name + ".json")
}

/// `value` as a query's value: every byte but letters and digits as `%XX`.
fn write_query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// index.html's head script asks for the list before any wasm, by the rule
/// `DATA_PATH_PATTERN` says (with `DATA_PATH_MAX_LEN`); the app by `data_path`.
fn head_script_asks_for(path: &str) -> bool {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let pattern = PATTERN.get_or_init(|| regex::Regex::new(DATA_PATH_PATTERN).unwrap());
    path.len() <= DATA_PATH_MAX_LEN && pattern.is_match(path)
}

/// An accepted path stays on this site, under the explorer's folder.
fn stays_here(path: &str) -> bool {
    path.ends_with(".json")
        && !path.starts_with('/')
        && !path.contains(':')
        && path.split('/').all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}

proptest! {
    #[test]
    fn accepted_data_paths_are_relative_json_files(path in accepted_paths()) {
        let query = format!("?data={}", write_query_value(&path));
        prop_assert_eq!(data_path(&query), Ok(Some(path.clone())));
        prop_assert!(stays_here(&path), "{}", path);
        prop_assert!(head_script_asks_for(&path), "the head script would not ask for {}", path);
    }

    /// The head script and the app give every path the same verdict: the list
    /// the app reads is the one asked for at once, and nothing it refuses is
    /// ever requested.
    #[test]
    fn the_head_script_asks_for_exactly_the_lists_the_app_accepts(path in list_paths()) {
        let verdict = data_path(&format!("?data={}", write_query_value(&path)));
        match &verdict {
            Ok(Some(accepted)) => {
                prop_assert_eq!(accepted, &path);
                prop_assert!(stays_here(&path), "{}", path);
                prop_assert!(head_script_asks_for(&path), "the head script would not ask for {}", path);
            }
            Err(notice) => {
                prop_assert!(notice.starts_with("Refused the data address"), "{}", notice);
                let asked = head_script_asks_for(&path);
                prop_assert!(!asked, "the head script would ask for {}, which the app refuses", path);
            }
            Ok(None) => prop_assert!(false, "?data= was not read"),
        }
    }
}

/// `list_paths` makes both kinds, so the property above asserts on both.
#[test]
fn the_generated_paths_are_both_accepted_and_refused() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let verdicts: Vec<bool> = (0..200)
        .map(|_| list_paths().new_tree(&mut runner).unwrap().current())
        .map(|path| matches!(data_path(&format!("?data={}", write_query_value(&path))), Ok(Some(_))))
        .collect();
    let accepted = verdicts.iter().filter(|&&ok| ok).count();
    assert!((20..180).contains(&accepted), "{accepted} of 200 accepted");
}
