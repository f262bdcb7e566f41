//! The 50 states and DC: one table, the single source of state codes and names.

/// A state (or DC) by USPS code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub code: &'static str,
    pub name: &'static str,
}

const fn s(code: &'static str, name: &'static str) -> State {
    State { code, name }
}

/// Alphabetical by code.
pub const STATES: [State; 51] = [
    s("AK", "Alaska"), s("AL", "Alabama"), s("AR", "Arkansas"), s("AZ", "Arizona"),
    s("CA", "California"), s("CO", "Colorado"), s("CT", "Connecticut"),
    s("DC", "District of Columbia"), s("DE", "Delaware"), s("FL", "Florida"),
    s("GA", "Georgia"), s("HI", "Hawaii"), s("IA", "Iowa"), s("ID", "Idaho"),
    s("IL", "Illinois"), s("IN", "Indiana"), s("KS", "Kansas"), s("KY", "Kentucky"),
    s("LA", "Louisiana"), s("MA", "Massachusetts"), s("MD", "Maryland"), s("ME", "Maine"),
    s("MI", "Michigan"), s("MN", "Minnesota"), s("MO", "Missouri"), s("MS", "Mississippi"),
    s("MT", "Montana"), s("NC", "North Carolina"), s("ND", "North Dakota"),
    s("NE", "Nebraska"), s("NH", "New Hampshire"), s("NJ", "New Jersey"),
    s("NM", "New Mexico"), s("NV", "Nevada"), s("NY", "New York"), s("OH", "Ohio"),
    s("OK", "Oklahoma"), s("OR", "Oregon"), s("PA", "Pennsylvania"),
    s("RI", "Rhode Island"), s("SC", "South Carolina"), s("SD", "South Dakota"),
    s("TN", "Tennessee"), s("TX", "Texas"), s("UT", "Utah"), s("VA", "Virginia"),
    s("VT", "Vermont"), s("WA", "Washington"), s("WI", "Wisconsin"),
    s("WV", "West Virginia"), s("WY", "Wyoming"),
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
    fn unknown_codes_are_rejected() {
        for code in ["", "ZZ", "la", "PR", "LAX"] {
            assert_eq!(state(code), None, "{code}");
        }
        assert_eq!(state_name("ZZ"), "ZZ");
        assert_eq!(state_name("LA"), "Louisiana");
    }
}
