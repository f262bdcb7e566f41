//! A launch date as the explorer reads it: a year, or a year and month. A
//! module of its own, below both of its users: the rule a `launched` value
//! keeps (`super::text::LaunchRule`), which the model's types import, and the
//! spreadsheet's reading of Excel's dates (`super::sheet`). In the model it
//! made `model` and `text` import each other.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A validated launch date: a year, or a year and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Launched {
    pub year: u16,
    /// 1..=12 when known.
    pub month: Option<u8>,
}

impl Launched {
    /// Parses "YYYY" or "YYYY-MM"; `None` for anything else.
    pub fn parse(text: &str) -> Option<Launched> {
        let (year, month) = match text.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (text, None),
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let month = match month {
            None => None,
            Some(m) if digits(m, 2) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            Some(_) => return None,
        };
        Some(Launched { year, month })
    }

    /// "May 2018" or "2015".
    pub fn display(&self) -> String {
        let month = self.month.and_then(|m| MONTHS.get(usize::from(m).checked_sub(1)?));
        match month {
            Some(name) => format!("{name} {}", self.year),
            None => self.year.to_string(),
        }
    }
}
