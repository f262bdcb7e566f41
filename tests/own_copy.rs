//! The explorer as one download (`own_copy`): which file goes where, and an
//! archive that reads back byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::data::parse_dataset;
use partnership_explorer::own_copy::{archive, list_file, plan, Source, FOLDER, OWN_LIST_PAGE};

const SITE: &str = r#"["_headers", "boot-1.js", "data/partnerships.csv", "data/partnerships.json",
    "data/template.csv", "files.json", "index.html", "list-2_bg.wasm", "own-list.html", "sw.js"]"#;

#[test]
fn the_copy_is_the_site_with_the_partners_list_and_the_own_list_page_as_its_index() {
    let plan = plan(SITE).unwrap();
    let source = |file: &str| plan.iter().find(|(f, _)| f == file).map(|(_, s)| s.clone());
    assert_eq!(plan.len(), 10, "{plan:?}");
    assert_eq!(source("index.html"), Some(Source::Site(OWN_LIST_PAGE.to_string())));
    assert_eq!(source("data/partnerships.json"), Some(Source::ListJson));
    assert_eq!(source("data/partnerships.csv"), Some(Source::ListCsv));
    // The service worker precaches own-list.html and files.json: they stay.
    assert_eq!(source("own-list.html"), Some(Source::Site("own-list.html".to_string())));
    assert_eq!(source("list-2_bg.wasm"), Some(Source::Site("list-2_bg.wasm".to_string())));
}

#[test]
fn a_site_list_that_cannot_make_a_copy_says_why() {
    assert!(plan("not json").unwrap_err().contains("cannot be read"));
    assert!(plan(r#"["index.html", "sw.js"]"#).unwrap_err().contains("own-list.html"));
    // Paths that would leave the folder are never part of it; the list's files always are.
    let plan = plan(r#"["../x", "/etc/passwd", "a//b", "own-list.html", "index.html"]"#).unwrap();
    let files: Vec<&str> = plan.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["own-list.html", "index.html", "data/partnerships.json", "data/partnerships.csv"]);
}

#[test]
fn the_partners_list_goes_in_as_json_and_as_csv() {
    let dataset = parse_dataset(include_str!("../public/data/partnerships.json")).unwrap().dataset;
    let json = String::from_utf8(list_file(&Source::ListJson, &dataset).unwrap()).unwrap();
    assert_eq!(parse_dataset(&json).unwrap().dataset, dataset);
    let csv = String::from_utf8(list_file(&Source::ListCsv, &dataset).unwrap()).unwrap();
    assert_eq!(csv.lines().filter(|l| l.contains("northeast-louisiana-healthcare-partnership")).count(), 1);
    assert_eq!(list_file(&Source::Site("sw.js".to_string()), &dataset), None);
}

#[test]
fn the_archive_reads_back_every_file_under_one_folder_byte_for_byte() {
    let files: Vec<(String, Vec<u8>)> = vec![
        ("index.html".to_string(), b"<!doctype html>".to_vec()),
        ("data/partnerships.json".to_string(), b"{}".to_vec()),
        ("x_bg.wasm".to_string(), (0..=255u8).cycle().take(70_000).collect()),
    ];
    let zip = archive(&files).unwrap();
    let read = rawzip::ZipArchive::from_slice(&zip).unwrap();
    let mut entries = read.entries();
    let mut found = Vec::new();
    while let Some(entry) = entries.next_entry().unwrap() {
        let name = String::from_utf8(entry.file_path().try_normalize().unwrap().as_ref().as_bytes().to_vec()).unwrap();
        let local = read.get_entry(entry.wayfinder()).unwrap();
        found.push((name, local.data().to_vec()));
    }
    let expected: Vec<(String, Vec<u8>)> = files.iter().map(|(f, b)| (format!("{FOLDER}/{f}"), b.clone())).collect();
    assert_eq!(found, expected);
}
