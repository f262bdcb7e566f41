//! The 50 states and DC: one table, the single source of state codes, names and
//! tile-map positions.
//!
//! Tile positions follow the Washington Post / statebins grid (12 columns by 8
//! rows, Alaska and Hawaii at the bottom left), 0-based.

/// A state (or DC) by USPS code, with its tile on the map grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub code: &'static str,
    pub name: &'static str,
    pub row: u8,
    pub col: u8,
}

pub const GRID_ROWS: u8 = 8;
pub const GRID_COLS: u8 = 12;

const fn s(code: &'static str, name: &'static str, row: u8, col: u8) -> State {
    State { code, name, row, col }
}

/// Alphabetical by code.
pub const STATES: [State; 51] = [
    s("AK", "Alaska", 6, 0),
    s("AL", "Alabama", 6, 7),
    s("AR", "Arkansas", 5, 5),
    s("AZ", "Arizona", 5, 2),
    s("CA", "California", 4, 1),
    s("CO", "Colorado", 4, 3),
    s("CT", "Connecticut", 3, 10),
    s("DC", "District of Columbia", 5, 9),
    s("DE", "Delaware", 4, 10),
    s("FL", "Florida", 7, 9),
    s("GA", "Georgia", 6, 8),
    s("HI", "Hawaii", 7, 0),
    s("IA", "Iowa", 3, 5),
    s("ID", "Idaho", 2, 2),
    s("IL", "Illinois", 2, 6),
    s("IN", "Indiana", 3, 6),
    s("KS", "Kansas", 5, 4),
    s("KY", "Kentucky", 4, 6),
    s("LA", "Louisiana", 6, 5),
    s("MA", "Massachusetts", 2, 10),
    s("MD", "Maryland", 4, 9),
    s("ME", "Maine", 0, 11),
    s("MI", "Michigan", 2, 7),
    s("MN", "Minnesota", 2, 5),
    s("MO", "Missouri", 4, 5),
    s("MS", "Mississippi", 6, 6),
    s("MT", "Montana", 2, 3),
    s("NC", "North Carolina", 5, 7),
    s("ND", "North Dakota", 2, 4),
    s("NE", "Nebraska", 4, 4),
    s("NH", "New Hampshire", 1, 11),
    s("NJ", "New Jersey", 3, 9),
    s("NM", "New Mexico", 5, 3),
    s("NV", "Nevada", 3, 2),
    s("NY", "New York", 2, 9),
    s("OH", "Ohio", 3, 7),
    s("OK", "Oklahoma", 6, 4),
    s("OR", "Oregon", 3, 1),
    s("PA", "Pennsylvania", 3, 8),
    s("RI", "Rhode Island", 3, 11),
    s("SC", "South Carolina", 5, 8),
    s("SD", "South Dakota", 3, 4),
    s("TN", "Tennessee", 5, 6),
    s("TX", "Texas", 7, 4),
    s("UT", "Utah", 4, 2),
    s("VA", "Virginia", 4, 8),
    s("VT", "Vermont", 1, 10),
    s("WA", "Washington", 2, 1),
    s("WI", "Wisconsin", 1, 6),
    s("WV", "West Virginia", 4, 7),
    s("WY", "Wyoming", 3, 3),
];

/// The state with this USPS code (exact, upper case).
pub fn state(code: &str) -> Option<&'static State> {
    let i = STATES.binary_search_by(|st| st.code.cmp(code)).ok()?;
    STATES.get(i)
}

/// The full name for a code, or the code itself when it is unknown.
pub fn state_name(code: &str) -> &str {
    state(code).map_or(code, |st| st.name)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_complete() {
        assert!(STATES.windows(2).all(|w| w[0].code < w[1].code), "STATES must be sorted by code");
        assert_eq!(STATES.len(), 51);
        for st in STATES {
            assert_eq!(state(st.code), Some(&st));
        }
    }

    #[test]
    fn tiles_fit_the_grid_without_overlap() {
        let mut seen = std::collections::HashSet::new();
        for st in STATES {
            assert!(st.row < GRID_ROWS && st.col < GRID_COLS, "{} is off the grid", st.code);
            assert!(seen.insert((st.row, st.col)), "{} overlaps another tile", st.code);
        }
        // Alaska and Hawaii at the bottom left; Maine top right.
        assert_eq!(state("AK").map(|s| (s.row, s.col)), Some((6, 0)));
        assert_eq!(state("HI").map(|s| (s.row, s.col)), Some((7, 0)));
        assert_eq!(state("ME").map(|s| (s.row, s.col)), Some((0, 11)));
    }

    #[test]
    fn unknown_codes_are_rejected() {
        for code in ["", "ZZ", "la", "PR", "LAX"] {
            assert_eq!(state(code), None, "{code}");
        }
        assert_eq!(state_name("ZZ"), "ZZ");
        assert_eq!(state_name("LA"), "Louisiana");
    }
}
