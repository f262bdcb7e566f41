//! The spreadsheet form: the bundled dataset and generated ones survive JSON →
//! CSV → JSON; every CSV problem is named by row and column; the published
//! template files are up to date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use partnership_explorer::data::report::{Form, Report};
use partnership_explorer::data::sheet::{from_csv, to_csv, COLUMNS};
use partnership_explorer::data::{parse_dataset, CellRef, Field, Issue, Loaded, Place, Problem, Segment, TextAt};
use proptest::prelude::*;
use serde_json::{json, Value};

mod generate;
use generate::{bundled, dataset, DATA};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/");

fn read(csv: &str) -> Loaded {
    from_csv(csv.as_bytes(), &bundled()).read.unwrap_or_else(|e| panic!("expected a usable file, got {e:#?}"))
}

fn problems_of_unusable(csv: &str) -> Vec<Problem> {
    match from_csv(csv.as_bytes(), &bundled()).read {
        Ok(l) => panic!("expected an unusable file, got {} rows", l.dataset.partnerships.len()),
        Err(e) => e.problems,
    }
}

/// The bundled dataset as CSV, its rows as lists of cells, to break one at a time.
fn cells() -> Vec<Vec<String>> {
    let csv = to_csv(&bundled());
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

fn write(rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| c.name == name).unwrap()
}

#[test]
fn bundled_dataset_round_trips_through_csv() {
    let csv = to_csv(&bundled());
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark, for Excel");
    assert!(csv.contains("\r\n") && !csv.replace("\r\n", "").contains('\r'), "Windows line ends");
    let back = read(&csv);
    assert_eq!(back.problems, []);
    assert_eq!(back.dataset, bundled());
}

#[test]
fn published_template_and_example_are_up_to_date() {
    let example = std::fs::read_to_string(format!("{DIR}partnerships.csv")).unwrap();
    assert_eq!(
        example,
        to_csv(&bundled()),
        "run: ./run data export public/data/partnerships.json -o public/data/partnerships.csv"
    );
    let template = std::fs::read_to_string(format!("{DIR}template.csv")).unwrap();
    let header = example.split("\r\n").next().unwrap();
    assert_eq!(template, format!("{header}\r\n"), "the template is the example's header row");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for c in COLUMNS {
        assert!(readme.contains(&format!("| `{}` |", c.name)), "README explains the column {}", c.name);
    }
}

#[test]
fn labels_ids_and_state_names_are_all_understood() {
    let mut rows = cells();
    rows[1][column("sector")] = "healthcare".into();
    rows[1][column("state")] = "louisiana".into();
    rows[1][column("topics")] = "career-pathways; Upskilling current workers\nSHARED RESOURCES".into();
    let l = read(&write(&rows));
    assert_eq!(l.problems, []);
    let p = &l.dataset.partnerships[0];
    assert_eq!((p.sector.as_str(), p.state.as_str()), ("healthcare", "LA"));
    let topics: Vec<&str> = p.topics.iter().map(|t| t.as_str()).collect();
    assert_eq!(topics, ["career-pathways", "upskilling", "shared-resources"]);
}

#[test]
fn a_wrong_cell_is_named_by_row_and_column_and_the_other_rows_survive() {
    let mut rows = cells();
    rows[6][column("state")] = "Colo.".into();
    let l = read(&write(&rows));
    assert_eq!(l.dataset.partnerships.len(), 10);
    assert_eq!(l.problems.len(), 1, "{:#?}", l.problems);
    let p = &l.problems[0];
    assert_eq!((p.row(), p.field_name().as_deref()), (Some(7), Some("state")));
    assert!(p.to_string().starts_with(r#"row 7, column "state": unknown state code "Colo.""#), "{p}");
}

/// A row's problem is placed by row and column as data: the item inside the
/// cell is a number, and the value the validation found stays a typed path.
#[test]
fn a_rows_problem_names_its_row_column_and_item() {
    let mut rows = cells();
    rows[6][column("topics")] = "Apprenticeships\nKnitting".into();
    let l = read(&write(&rows));
    let p = &l.problems[0];
    assert_eq!(p.place, Place::Row(7));
    let read_as = [Segment::field("partnerships"), Segment::Index(5), Segment::field("topics"), Segment::Index(1)];
    let cell = CellRef { column: "topics".into(), item: Some(1), read_as: Some(read_as.into_iter().collect()) };
    assert_eq!(p.field, Some(Field::Cell(cell)));
    assert_eq!(p.pointer(), "/partnerships/5/topics/1");
    assert!(
        p.to_string().starts_with(r#"row 7, column "topics": item 2: unknown topic "Knitting" (use any of: "#),
        "{p}"
    );
    // A cell the reader refuses itself names its column, and no value of the JSON.
    let mut rows = cells();
    rows[4][column("members_approx")] = "about forty".into();
    let p = &read(&write(&rows)).problems[0];
    assert_eq!((&p.place, &p.field), (&Place::Row(5), &Some(Field::Cell(CellRef::of("members_approx")))));
    assert_eq!(p.pointer(), "");
}

#[test]
fn every_problem_of_a_row_is_named_in_spreadsheet_terms() {
    let mut rows = cells();
    rows[2][column("summary")] = String::new();
    rows[2][column("members_approx")] = "about forty".into();
    rows[2][column("members_what")] = "farms".into();
    rows[3][column("sector")] = "Mining".into();
    rows[4][column("topics")] = "Apprenticeships\nKnitting".into();
    rows[5][column("id")] = rows[1][column("id")].clone();
    let l = read(&write(&rows));
    assert_eq!(l.dataset.partnerships.len(), 7);
    let said: Vec<String> = l.problems.iter().map(ToString::to_string).collect();
    let approx =
        r#"row 3, column "members_approx": "about forty" is not a whole number: write the number alone, e.g. 40"#;
    assert_eq!(said[0], approx);
    assert_eq!(said[1], r#"row 3, column "summary": is empty; this column must be filled in"#);
    assert!(
        said[2].starts_with(r#"row 4, column "sector": unknown sector "Mining" (use one of: Healthcare, "#),
        "{said:#?}"
    );
    assert!(
        said[3].starts_with(r#"row 5, column "topics": item 2: unknown topic "Knitting" (use any of: "#),
        "{said:#?}"
    );
    assert_eq!(said[4], r#"row 6, column "id": duplicate id, already used by row 2"#);
    assert_eq!(said.len(), 5);
}

#[test]
fn a_missing_or_misspelled_header_makes_the_file_unusable_and_says_which() {
    let mut rows = cells();
    rows[0][column("state")] = "Stae".into();
    // A column of the partner's own is read past (tests/exports.rs); the one it replaces is missing.
    rows[0][column("region")] = "notes".into();
    let said: Vec<String> = problems_of_unusable(&write(&rows)).iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            r#"row 1, column "Stae": unknown column; did you mean "state"?"#,
            r#"row 1: missing column(s) "state", "region": add them to the header row"#,
        ]
    );
}

#[test]
fn headers_as_people_type_them_are_understood() {
    let mut rows = cells();
    rows[0][column("short_name")] = " Short Name ".into();
    rows[0][column("members_what")] = "Members-What".into();
    assert_eq!(read(&write(&rows)).problems, []);
}

#[test]
fn a_row_with_a_wrong_number_of_cells_is_named() {
    let mut rows = cells();
    rows[3].push("stray".into());
    rows[8].truncate(10);
    let l = read(&write(&rows));
    assert_eq!(l.dataset.partnerships.len(), 9);
    let said: Vec<String> = l.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "row 4: has 15 cells, but the header row has 14: check for a stray comma or a missing one",
            "row 9: has 10 cells, but the header row has 14: check for a stray comma or a missing one",
        ]
    );
}

#[test]
fn byte_order_mark_line_ends_and_quoted_cells_are_read() {
    let header = COLUMNS.iter().map(|c| c.name).collect::<Vec<_>>().join(",");
    let row = concat!(
        r#"a-b,"The ""Quoted"", Comma Partnership",,Healthcare,LA,"Region, North",2019-04,12,,clinics,"#,
        "\"A summary, with a comma.\",\"First, line\r\nSecond \"\"line\"\"\",Internships,"
    );
    for (bom, end) in [("\u{feff}", "\r\n"), ("", "\n"), ("\u{feff}", "\n")] {
        let text = format!("{bom}{header}{end}{}{end}{end}", row.replace("\r\n", end));
        let l = read(&text);
        assert_eq!(l.problems, [], "{bom:?} {end:?}");
        let p = &l.dataset.partnerships[0];
        assert_eq!(p.name.as_str(), r#"The "Quoted", Comma Partnership"#);
        assert_eq!(p.region.as_str(), "Region, North");
        let highlights: Vec<&str> = p.highlights.iter().map(|h| h.as_str()).collect();
        assert_eq!(highlights, ["First, line", r#"Second "line""#]);
        assert_eq!(p.members.as_ref().map(|m| m.describe()).as_deref(), Some("12 clinics"));
    }
}

#[test]
fn a_file_with_too_few_columns_or_nothing_in_it_is_refused_with_a_reason() {
    let p = problems_of_unusable("id,name\n\u{0}").len();
    assert!(p >= 1);
    assert_eq!(problems_of_unusable(" \r\n")[0].to_string(), "file: the file is empty");
    assert_eq!(problems_of_unusable("\u{feff}")[0].to_string(), "file: the file is empty");
}

#[test]
fn problems_point_at_their_cell_even_after_a_cell_of_several_lines() {
    let mut rows = cells();
    rows[2][column("state")] = "ZZ".into();
    let text = write(&rows);
    let l = read(&text);
    let at = l.problems[0].at.unwrap();
    let line = text.lines().nth(at.line - 1).unwrap();
    let cell: String = line.chars().skip(at.column - 1).take(at.len).collect();
    assert_eq!(cell, "ZZ", "line {} of\n{text}", at.line);
    assert!(at.line > 3, "row 3 starts below row 2's cells of several lines");
}

#[test]
fn the_report_counts_ready_and_to_fix_in_either_form() {
    let mut rows = cells();
    rows[2][column("state")] = "ZZ".into();
    rows[3][column("state")] = "ZZ".into();
    let report = Report::check("ours.csv", write(&rows).as_bytes(), &bundled());
    assert_eq!((report.form, report.summary().as_str()), (Form::Csv, "9 partnerships ready, 2 need fixing"));
    let mut json: Value = serde_json::from_str(DATA).unwrap();
    json["partnerships"][0]["state"] = json!("ZZ");
    let report = Report::check("ours.json", json.to_string().as_bytes(), &bundled());
    assert_eq!((report.form, report.summary().as_str()), (Form::Json, "10 partnerships ready, 1 needs fixing"));
    let report = Report::check("list", b"<html>", &bundled());
    assert!(report.summary().starts_with("0 partnerships ready: the file cannot be used"), "{}", report.summary());
    assert_eq!(Report::check("x", DATA.as_bytes(), &bundled()).summary(), "11 partnerships ready, none need fixing");
    assert_eq!(TextAt::of("ab\ncde", 4, 6), TextAt { line: 2, column: 2, len: 2 });
}

proptest! {
    #[test]
    fn generated_datasets_round_trip_through_csv(ds in dataset()) {
        let back = read(&to_csv(&ds));
        prop_assert_eq!(back.problems, vec![]);
        prop_assert_eq!(back.dataset, ds);
    }
}

#[path = "../examples/exports.rs"]
mod exports;

/// The notes of a file read whole, with no problem, as the bundled list.
fn read_as_bundled(name: &str, bytes: &[u8]) -> Vec<String> {
    let sheet = from_csv(bytes, &bundled());
    let loaded = sheet.read.unwrap_or_else(|e| panic!("{name}: expected a usable file, got {e:#?}"));
    assert_eq!(loaded.problems, [], "{name}");
    assert_eq!(loaded.dataset, bundled(), "{name}");
    sheet.notes.iter().map(ToString::to_string).collect()
}

#[test]
fn every_real_world_export_reads_as_the_bundled_list_and_says_what_it_assumed() {
    const CP1252: &str =
        r#"read as Windows-1252, as Excel's "CSV (Comma delimited)" is saved; every character came through"#;
    let expected: [(&str, &[&str]); 11] = [
        ("excel-csv-utf8.csv", &[]),
        ("excel-comma-delimited-windows-1252.csv", &[CP1252]),
        (
            "excel-semicolon-windows-1252.csv",
            &[CP1252, "cells are separated by semicolons, as Excel saves CSV where the decimal mark is a comma"],
        ),
        (
            "excel-unicode-text.txt",
            &[
                r#"read as UTF-16 (little-endian), as Excel's "Unicode Text" is saved; every character came through"#,
                r#"cells are separated by tabs, as Excel's "Unicode Text" and "Text (Tab delimited)" are saved"#,
            ],
        ),
        ("utf-16-be.csv", &["read as UTF-16 (big-endian); every character came through"]),
        ("google-sheets.csv", &[]),
        ("libreoffice.csv", &[]),
        ("trailing-empty-rows.csv", &[]),
        (
            "extra-column.csv",
            &[r#"column "notes" is not read: the explorer has no place for it, and every row still reads"#],
        ),
        (
            "excel-dates.csv",
            &[concat!(
                r#"column "launched": read "5/1/2018" as 2018-05 (rows 4 and 8): Excel turns a year and month it is "#,
                "given into a date; to stop it, format the column as Text before typing"
            )],
        ),
        (
            "formatted-numbers.csv",
            &[r#"column "members_approx": read "40.0" as 40 (rows 2 and 7), as a spreadsheet formats numbers"#],
        ),
    ];
    let exports = exports::exports();
    for (name, notes) in expected {
        let (_, bytes) = exports.iter().find(|(n, _)| *n == name).unwrap();
        assert_eq!(read_as_bundled(name, bytes), notes, "{name}");
    }
    let (_, header_only) = exports.iter().find(|(n, _)| *n == "header-only.csv").unwrap();
    let l = from_csv(header_only, &bundled()).read.unwrap();
    assert_eq!((l.dataset.partnerships.len(), l.problems), (0, vec![]));
}

/// The bundled list with one cell changed: what the reader makes of it.
fn with_cell(row: usize, name: &str, value: &str) -> (Loaded, Vec<String>) {
    let mut rows = cells();
    rows[row][column(name)] = value.into();
    let sheet = from_csv(write(&rows).as_bytes(), &bundled());
    (sheet.read.unwrap(), sheet.notes.iter().map(ToString::to_string).collect())
}

#[test]
fn every_form_excel_gives_a_month_reads_as_that_month_with_one_note() {
    for form in ["5/1/2018", "05/01/18", "May-18", "May 2018", "may-2018", "September 2018", "2018-05-01", "01.05.2018"]
    {
        let (l, notes) = with_cell(1, "launched", form);
        assert_eq!(l.problems, [], "{form}");
        let month = if form.starts_with('S') { "2018-09" } else { "2018-05" };
        assert_eq!(l.dataset.partnerships[0].launched.as_ref().map(|m| m.as_str()), Some(month), "{form}");
        assert_eq!(notes.len(), 1, "{form}: {notes:?}");
        assert!(notes[0].starts_with(&format!(r#"column "launched": read "{form}" as {month} (row 2)"#)), "{notes:?}");
    }
}

#[test]
fn a_day_other_than_the_first_or_another_form_is_refused_with_the_fix() {
    let (l, _) = with_cell(1, "launched", "5/15/2018");
    assert_eq!(
        l.problems[0].to_string(),
        concat!(
            r#"row 2, column "launched": "5/15/2018" is a day, not a month: write the year and month (2018-05); "#,
            "if Excel made it a date, format the column as Text and type it again"
        )
    );
    assert_eq!(l.dataset.partnerships.len(), 10);
    for form in ["spring 2018", "2018-5", "13/1/2018", "Mayday-18"] {
        let (l, _) = with_cell(1, "launched", form);
        assert_eq!(l.problems.len(), 1, "{form}");
        assert!(l.problems[0].to_string().ends_with("format the column as Text and type it again"), "{form}");
        assert_eq!(l.dataset.partnerships.len(), 10, "{form}");
    }
}

/// The launch date's rule is one issue in either form, each form with its own advice.
#[test]
fn a_launch_date_is_the_same_issue_in_a_spreadsheet_and_in_json() {
    let (l, _) = with_cell(1, "launched", "2018-13");
    let issue = Issue::LaunchDate { text: "2018-13".into() };
    assert_eq!(l.problems[0].issue, issue);
    assert!(l.problems[0].message().ends_with("format the column as Text and type it again"), "{}", l.problems[0]);
    let mut v: Value = serde_json::from_str(DATA).unwrap();
    v["partnerships"][0]["launched"] = json!("2018-13");
    let json = parse_dataset(&v.to_string()).unwrap();
    assert_eq!(json.problems[0].issue, issue);
    assert_eq!(json.problems[0].message(), r#""2018-13" is not a year (YYYY) or a year and month (YYYY-MM)"#);
}

#[test]
fn member_counts_as_spreadsheets_format_them_read_as_whole_numbers() {
    for (cell, number) in [("1,200", 1200), ("40.0", 40), ("1,200.00", 1200), ("12 000", 12000)] {
        let (l, notes) = with_cell(1, "members_approx", cell);
        assert_eq!(l.problems, [], "{cell}");
        assert_eq!(l.dataset.partnerships[0].members.as_ref().map(|m| m.approx.get()), Some(number), "{cell}");
        assert_eq!(
            notes,
            [format!(
                r#"column "members_approx": read "{cell}" as {number} (row 2), as a spreadsheet formats numbers"#
            )]
        );
    }
    for cell in ["40.5", "1,20", "about forty", "-3"] {
        let (l, _) = with_cell(1, "members_approx", cell);
        assert_eq!(
            l.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [format!(
                r#"row 2, column "members_approx": "{cell}" is not a whole number: write the number alone, e.g. 40"#
            )]
        );
        assert_eq!(l.dataset.partnerships.len(), 10);
    }
}

#[test]
fn where_the_decimal_mark_is_a_comma_counts_are_read_that_way() {
    let mut rows = exports::formatted_numbers(cells());
    rows[1][column("members_approx")] = "1.200".into();
    rows[6][column("members_approx")] = "30,0".into();
    let text = exports::write(&rows, b';', true);
    let sheet = from_csv(text.as_bytes(), &bundled());
    let l = sheet.read.unwrap();
    assert_eq!(l.problems, []);
    let counts: Vec<u32> =
        l.dataset.partnerships.iter().filter_map(|p| p.members.as_ref()).map(|m| m.approx.get()).collect();
    assert_eq!(counts, [1200, 30]);
}

#[test]
fn columns_of_the_partners_own_are_read_past_and_misspelled_ones_are_not() {
    let mut rows = cells();
    for (i, name) in ["zip", "status", "Notes"].into_iter().enumerate() {
        rows[0].push(name.into());
        for row in rows.iter_mut().skip(1) {
            row.push(format!("value {i}"));
        }
    }
    let sheet = from_csv(write(&rows).as_bytes(), &bundled());
    assert_eq!(sheet.read.unwrap().dataset, bundled());
    let notes: Vec<String> = sheet.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[2].starts_with(r#"column "Notes" is not read"#), "{notes:?}");
    assert!(sheet.notes.iter().all(|n| n.is_warning()));
    rows[0][column("summary")] = "sumary".into();
    let said: Vec<String> = problems_of_unusable(&write(&rows)).iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            r#"row 1, column "sumary": unknown column; did you mean "summary"?"#,
            r#"row 1: missing column(s) "summary": add them to the header row"#
        ]
    );
}

#[test]
fn characters_that_could_not_be_read_are_named_by_line_and_the_rows_still_read() {
    // 0x81 has no character in Windows-1252.
    let mut bytes = exports::windows_1252(&exports::write(&cells(), b',', true));
    let at = bytes.windows(7).position(|w| w == b"Calumet").unwrap();
    bytes.insert(at, 0x81);
    let sheet = from_csv(&bytes, &bundled());
    let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    let notes: Vec<String> = sheet.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [format!(
            "read as Windows-1252, as Excel's \"CSV (Comma delimited)\" is saved; 1 character could not be read and \
             shows as \u{fffd} (line {line}): save the file as \"CSV UTF-8\" to keep it"
        )]
    );
    assert!(sheet.notes[0].is_warning());
    assert_eq!(sheet.read.unwrap().dataset.partnerships.len(), 11);
    // A UTF-8 file with a broken byte keeps its UTF-8 characters.
    let mut bytes = BUNDLED_CSV_BYTES.to_vec();
    let at = bytes.windows(7).position(|w| w == b"Calumet").unwrap();
    bytes.insert(at, 0xff);
    let sheet = from_csv(&bytes[3..], &bundled());
    assert!(
        sheet.notes[0].to_string().starts_with("read as UTF-8; 1 character could not be read"),
        "{:?}",
        sheet.notes
    );
    let l = sheet.read.unwrap();
    assert!(l.dataset.partnerships.iter().any(|p| p.summary.contains('’')), "UTF-8 characters are kept");
}

const BUNDLED_CSV_BYTES: &[u8] = exports::BUNDLED_CSV.as_bytes();

#[test]
fn no_cell_we_write_is_a_formula_and_each_reads_back_as_it_was() {
    let mut v: Value = serde_json::from_str(DATA).unwrap();
    let p = &mut v["partnerships"][0];
    p["name"] = json!("=HYPERLINK(\"https://evil.example\",\"Click\")");
    p["region"] = json!("+1 county");
    p["summary"] = json!("\t-2 sites closed; @ the start");
    p["short_name"] = json!("@HILT");
    p["highlights"] = json!(["'=already quoted", "-1 below"]);
    let ds = parse_dataset(&v.to_string()).unwrap().dataset;
    let csv = to_csv(&ds);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a live formula: {cell:?}");
        }
    }
    assert!(csv.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\""), "{csv}");
    assert!(csv.contains("''=already quoted"), "an apostrophe of the data's own is kept: {csv}");
    let back = read(&csv);
    assert_eq!(back.problems, []);
    assert_eq!(back.dataset, ds);
}
