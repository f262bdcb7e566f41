//! The `data` command (`./run data ...`): its output and exit codes on a valid
//! file, a broken one and a missing one, and its conversions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use serde_json::Value;

const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/partnerships.json");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");

/// Runs `data ARGS`: exit code, stdout, stderr.
fn data(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_data")).args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
}

fn temp(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("partnership-explorer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

#[test]
fn a_valid_file_passes_with_exit_0_and_a_one_line_summary() {
    let (code, out, err) = data(&["check", BUNDLED]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, format!("{BUNDLED}: 11 partnerships ready, none need fixing\n"));
    assert_eq!(err, "");
}

#[test]
fn a_broken_file_is_told_like_a_compiler_error_with_exit_1() {
    let file = format!("{FIXTURES}some-entries-bad.json");
    let (code, out, err) = data(&["check", &file]);
    assert_eq!(code, 1);
    assert_eq!(out, format!("{file}: 8 partnerships ready, 3 need fixing\n"));
    let first: Vec<&str> = err.lines().take(5).collect();
    let said = concat!(
        r#"error: partnerships[0] "northeast-louisiana-healthcare-partnership", "#,
        r#"field "state": unknown state code "ZZ""#
    );
    assert!(first[0].starts_with(said), "{err}");
    // The place: the file's own line with a caret under the value.
    let place = first[1].trim_start().strip_prefix(&format!("--> {file}:")).unwrap();
    let (line, column) = place.split_once(':').unwrap();
    let source = std::fs::read_to_string(&file).unwrap();
    let at = source.lines().nth(line.parse::<usize>().unwrap() - 1).unwrap();
    assert_eq!(&at[column.parse::<usize>().unwrap() - 1..][..4], "\"ZZ\"");
    assert!(first[3].ends_with(at), "{err}");
    assert_eq!(first[4].trim_start().trim_start_matches('|').trim(), "^^^^", "{err}");
    assert_eq!(err.matches("error: ").count(), 3);
}

#[test]
fn a_missing_file_exits_2() {
    let (code, out, err) = data(&["check", "no/such/file.json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("error: cannot read no/such/file.json"), "{err}");
    assert_eq!(data(&["frobnicate"]).0, 2, "an unknown command is misuse");
}

#[test]
fn format_json_is_for_machines() {
    let (code, out, _) = data(&["check", "--format", "json", BUNDLED, &format!("{FIXTURES}some-entries-bad.json")]);
    assert_eq!(code, 1, "any file with problems");
    let reports: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(reports[0]["partnerships"], 11);
    assert_eq!(reports[0]["problems"].as_array().unwrap().len(), 0);
    assert_eq!(reports[1]["need_fixing"], 3);
    let p = &reports[1]["problems"][0];
    assert_eq!((p["field"].as_str(), p["pointer"].as_str()), (Some("state"), Some("/partnerships/0/state")));
    assert!(p["line"].as_u64().unwrap() > 1 && p["column"].as_u64().unwrap() > 1);
}

#[test]
fn export_then_import_gives_the_same_dataset_and_check_reads_the_csv() {
    let csv = temp("round.csv");
    let json = temp("round.json");
    assert_eq!(data(&["export", BUNDLED, "-o", &csv]).0, 0);
    assert_eq!(data(&["import", &csv, "-o", &json]).0, 0);
    let a: Value = serde_json::from_str(&std::fs::read_to_string(BUNDLED).unwrap()).unwrap();
    let b: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(a, b);
    let (code, out, _) = data(&["check", &csv]);
    assert_eq!((code, out), (0, format!("{csv}: 11 partnerships ready, none need fixing\n")));
}

#[test]
fn a_csv_problem_points_at_its_row_line_and_cell() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/partnerships.csv")).unwrap();
    let broken = temp("broken.csv");
    std::fs::write(&broken, text.replacen(",LA,", ",Colo.,", 1)).unwrap();
    let (code, out, err) = data(&["import", &broken, "-o", &temp("partial.json")]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(err.starts_with(r#"error: row 2, column "state": unknown state code "Colo.""#), "{err}");
    assert!(err.contains(&format!("--> {broken}:2:")), "{err}");
    assert!(err.contains("^^^^^\n"), "a caret under the five characters of Colo.: {err}");
    assert!(err.contains("10 partnerships ready, 1 needs fixing; wrote"), "{err}");
    let written: Value = serde_json::from_str(&std::fs::read_to_string(temp("partial.json")).unwrap()).unwrap();
    assert_eq!(written["partnerships"].as_array().unwrap().len(), 10, "the valid rows are kept");
}

#[path = "../examples/exports.rs"]
mod exports;

#[test]
fn each_real_world_export_is_checked_with_what_was_assumed_and_imports_as_the_bundled_list() {
    let bundled: Value = serde_json::from_str(&std::fs::read_to_string(BUNDLED).unwrap()).unwrap();
    let cp1252 = r#"read as Windows-1252, as Excel's "CSV (Comma delimited)" is saved; every character came through"#;
    let cases: [(&str, String); 4] = [
        ("excel-comma-delimited-windows-1252.csv", format!("note: {{}}: {cp1252}\n")),
        (
            "excel-semicolon-windows-1252.csv",
            format!(
                "note: {{}}: {cp1252}\nnote: {{}}: cells are separated by semicolons, as Excel saves CSV where the \
                 decimal mark is a comma\n"
            ),
        ),
        (
            "excel-unicode-text.txt",
            concat!(
                "note: {}: read as UTF-16 (little-endian), as Excel's \"Unicode Text\" is saved; every character ",
                "came through\nnote: {}: cells are separated by tabs, as Excel's \"Unicode Text\" and \"Text (Tab ",
                "delimited)\" are saved\n"
            )
            .to_string(),
        ),
        (
            "extra-column.csv",
            "warning: {}: column \"notes\" is not read: the explorer has no place for it, and every row still reads\n"
                .to_string(),
        ),
    ];
    for (name, said) in cases {
        let (_, bytes) = exports::exports().into_iter().find(|(n, _)| *n == name).unwrap();
        let file = temp(name);
        std::fs::write(&file, bytes).unwrap();
        let (code, out, err) = data(&["check", &file]);
        assert_eq!(code, 0, "{name}: ready, notes and warnings allowed");
        assert_eq!(out, format!("{file}: 11 partnerships ready, none need fixing\n"));
        assert_eq!(err, said.replace("{}", &file), "{name}");
        let json = temp(&format!("{name}.json"));
        let (code, _, _) = data(&["import", &file, "-o", &json]);
        assert_eq!(code, 0);
        let imported: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        assert_eq!(imported, bundled, "{name}");
    }
}

#[test]
fn a_problem_in_a_windows_1252_file_points_at_its_line_and_cell_as_read() {
    let rows = exports::rows();
    let text = exports::write(&rows, b';', true).replacen(";LA;", ";Colo.;", 1);
    let file = temp("broken-1252.csv");
    std::fs::write(&file, exports::windows_1252(&text)).unwrap();
    let (code, out, err) = data(&["check", &file]);
    assert_eq!(code, 1);
    assert_eq!(out, format!("{file}: 10 partnerships ready, 1 needs fixing\n"));
    let lines: Vec<&str> = err.lines().collect();
    let said = r#"error: row 2, column "state": unknown state code "Colo." (expected a USPS code of the 50 states"#;
    assert!(lines[2].starts_with(said), "{err}");
    let place = lines[3].trim_start().strip_prefix(&format!("--> {file}:")).unwrap();
    let (line, column) = place.split_once(':').unwrap();
    let source = text.lines().nth(line.parse::<usize>().unwrap() - 1).unwrap();
    let column: usize = column.parse().unwrap();
    assert_eq!(source.chars().skip(column - 1).take(5).collect::<String>(), "Colo.", "{err}");
}

#[test]
fn export_writes_no_live_formula_and_import_gives_the_list_back() {
    let mut list: Value = serde_json::from_str(&std::fs::read_to_string(BUNDLED).unwrap()).unwrap();
    list["partnerships"][0]["name"] = Value::from("=HYPERLINK(\"https://evil.example\",\"Click\")");
    list["partnerships"][1]["region"] = Value::from("@SUM(A1:A9)");
    let (json, csv, back) = (temp("formulas.json"), temp("formulas.csv"), temp("formulas-back.json"));
    std::fs::write(&json, serde_json::to_string_pretty(&list).unwrap()).unwrap();
    assert_eq!(data(&["export", &json, "-o", &csv]).0, 0);
    let written = std::fs::read_to_string(&csv).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(written.trim_start_matches('\u{feff}').as_bytes());
    let names: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_string()).collect();
    assert_eq!(names[0], "'=HYPERLINK(\"https://evil.example\",\"Click\")");
    assert!(written.contains(",'@SUM(A1:A9),"), "{written}");
    assert_eq!(data(&["import", &csv, "-o", &back]).0, 0);
    let again: Value = serde_json::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
    assert_eq!(again, list);
}

/// `data bundle` (the first half of `./run data publish`): a list with
/// problems is refused with exit 1, each problem located as `check` says it,
/// and nothing is written; `--keep-valid` writes the ready entries and says
/// how many were left out; a valid spreadsheet gets its title and source.
#[test]
fn bundle_refuses_a_list_with_problems_naming_each_and_keeps_the_valid_entries_when_asked() {
    let file = format!("{FIXTURES}some-entries-bad.json");
    let out = temp("bundle-refused");
    let (code, _, err) = data(&["bundle", &file, "--out", &out]);
    assert_eq!(code, 1, "{err}");
    let (_, _, checked) = data(&["check", &file]);
    // Every problem as `check` locates it, then the refusal.
    assert!(err.starts_with(&checked), "{err}");
    assert_eq!(err.matches("error: ").count(), 3, "{err}");
    assert!(err.contains("3 need fixing; nothing published"), "{err}");
    assert!(!std::path::Path::new(&out).join("partnerships.json").exists());

    let (code, _, err) = data(&["bundle", &file, "--out", &out, "--keep-valid"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.ends_with("publishing 8 ready partnerships; 3 left out (--keep-valid)\n"), "{err}");
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(std::path::Path::new(&out).join("partnerships.json")).unwrap())
            .unwrap();
    assert_eq!(written["partnerships"].as_array().unwrap().len(), 8);
    let csv = std::fs::read_to_string(std::path::Path::new(&out).join("partnerships.csv")).unwrap();
    assert_eq!(csv.lines().filter(|l| l.starts_with("northeast-louisiana-healthcare-partnership,")).count(), 0);
}

#[test]
fn bundle_gives_a_spreadsheet_the_partners_title_and_source_checked_by_the_datasets_rules() {
    let csv = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/partnerships.csv");
    let out = temp("bundle-titled");
    let title = "Colorado sector partnerships";
    let (code, _, err) = data(&["bundle", csv, "--out", &out, "--title", title, "--source", "Colorado Workforce"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.ends_with("publishing 11 partnerships\n"), "{err}");
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(std::path::Path::new(&out).join("partnerships.json")).unwrap())
            .unwrap();
    assert_eq!(written["title"], title);
    assert_eq!(written["source"], serde_json::json!({ "name": "Colorado Workforce", "url": null }));
    let (code, _, err) = data(&["bundle", csv, "--out", &out, "--source-url", "http://example.org/"]);
    assert_eq!(code, 2);
    assert!(err.contains("--source-url: \"http://example.org/\" is not an https:// address"), "{err}");
}

/// A list saved on one line (as `JSON.stringify` and most exporters write it)
/// shows the part of the line around each problem, never the whole line, and
/// its caret still stands under the value (issue 28).
#[test]
fn a_one_line_list_shows_the_part_around_each_problem() {
    let mut list: Value = serde_json::from_str(&std::fs::read_to_string(BUNDLED).unwrap()).unwrap();
    let model = list["partnerships"][0].clone();
    let entries: Vec<Value> = (0..40)
        .map(|i| {
            let mut entry = model.clone();
            entry["id"] = format!("entry-{i}").into();
            entry["name"] = format!("Entry {i}").into();
            entry
        })
        .collect();
    list["partnerships"] = entries.into();
    list["partnerships"][25]["state"] = "ZZ".into();
    let one_line = serde_json::to_string(&list).unwrap();
    assert!(one_line.len() > 8_000 && !one_line.contains('\n'));
    let file = temp("one-line.json");
    std::fs::write(&file, &one_line).unwrap();
    let (code, _, err) = data(&["check", &file]);
    assert_eq!(code, 1, "{err}");
    let widest = err.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 200, "a line of {widest} characters:\n{err}");
    let lines: Vec<&str> = err.lines().collect();
    let excerpt = lines.iter().position(|l| l.starts_with("1 | ")).unwrap();
    let (shown, caret) = (lines[excerpt].strip_prefix("1 | ").unwrap(), lines[excerpt + 1].trim_start_matches(' '));
    let caret = caret.strip_prefix("| ").unwrap();
    let at = caret.find('^').unwrap();
    assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
    assert_eq!(shown.chars().skip(at).take(4).collect::<String>(), "\"ZZ\"", "{err}");
    assert_eq!(caret.trim(), "^^^^", "{err}");
}

/// A partner's value is quoted as they wrote it, even where it holds words
/// that are also Rust's type names (issue 28: `u32` was once rewritten).
#[test]
fn a_partners_value_is_quoted_exactly_as_written() {
    let mut list: Value = serde_json::from_str(&std::fs::read_to_string(BUNDLED).unwrap()).unwrap();
    list["partnerships"][0]["website"] = "http://u32.example/a sequence".into();
    let file = temp("u32-website.json");
    std::fs::write(&file, serde_json::to_string_pretty(&list).unwrap()).unwrap();
    let (code, _, err) = data(&["check", &file]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(r#""http://u32.example/a sequence" is not an https:// address"#), "{err}");
    assert!(!err.contains("a whole number"), "{err}");
}
