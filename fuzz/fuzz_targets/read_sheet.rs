//! Any bytes given to the spreadsheet reader, in any encoding: never a panic;
//! every problem located (a row's at its line and column in the text as
//! read, the file's as the file); whatever is read is a valid dataset that
//! the CSV writer and reader give back unchanged.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use partnership_explorer::data::sheet::{decode, from_csv, to_csv};
use partnership_explorer::data::{parse_dataset, Dataset, Issue, Place};

fn bundled() -> &'static Dataset {
    static BUNDLED: OnceLock<Dataset> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let text = include_str!("../../public/data/partnerships.json");
        parse_dataset(text).map(|l| l.dataset).unwrap_or_else(|e| panic!("the bundled dataset: {e}"))
    })
}

fuzz_target!(|bytes: &[u8]| {
    let sheet = from_csv(bytes, bundled());
    let lines = decode(bytes).text.split('\n').count();
    let problems = match &sheet.read {
        Ok(loaded) => &loaded.problems,
        Err(unusable) => {
            assert!(!unusable.problems.is_empty());
            &unusable.problems
        }
    };
    for p in problems {
        assert!(!p.message().is_empty());
        match p.place {
            Place::File => {}
            Place::Row(_) if matches!(p.issue, Issue::Record { .. }) => {}
            Place::Row(_) => {
                let at = p.at.unwrap_or_else(|| panic!("a row's problem has no place: {p}"));
                assert!(at.line >= 1 && at.line <= lines && at.column >= 1, "{p}: {at:?} of {lines} lines");
            }
            _ => panic!("a spreadsheet's problem is placed by row: {p}"),
        }
    }
    if let Ok(loaded) = &sheet.read {
        let again = from_csv(to_csv(&loaded.dataset).as_bytes(), bundled());
        let same = again.read.as_ref().is_ok_and(|l| l.dataset == loaded.dataset && l.problems.is_empty());
        assert!(same, "{:#?}", again.read);
    }
});
