//! Any bytes given to the dataset parser: never a panic, every problem located,
//! and whatever is accepted re-parses to the same dataset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership_explorer::data::{parse_dataset, parse_dataset_bytes};

fuzz_target!(|bytes: &[u8]| {
    match parse_dataset_bytes(bytes) {
        Ok(loaded) => {
            assert!(loaded.problems.iter().all(|p| !p.location().is_empty()));
            let again = serde_json::to_string(&loaded.dataset).map(|text| parse_dataset(&text));
            assert!(matches!(again, Ok(Ok(ref l)) if l.dataset == loaded.dataset && l.problems.is_empty()));
        }
        Err(unusable) => {
            assert!(!unusable.problems.is_empty());
            assert!(unusable.problems.iter().all(|p| !p.location().is_empty() && !p.message().is_empty()));
        }
    }
});
