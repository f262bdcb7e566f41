//! Cells as spreadsheets change what was typed in them: a month Excel made a
//! date (`2018-05` becomes `5/1/2018`), a count formatted as a number
//! (`1,200`, `40.0`). Each is read as what was meant, or refused with what to do.

use crate::data::issue::Issue;
use crate::data::launched::Launched;

/// A `launched` cell: `Ok((value, true))` when it was one of Excel's dates
/// for the first of a month, read as that month (`2018-05`).
pub fn launched(text: &str) -> Result<(String, bool), Issue> {
    if Launched::parse(text).is_some() {
        return Ok((text.to_string(), false));
    }
    let form = LaunchForm::of(text).ok_or_else(|| Issue::LaunchDate { text: text.to_string() })?;
    let (year, month, day) = form.parts();
    if day != 1 {
        return Err(Issue::LaunchDay { text: text.to_string() });
    }
    let month = Launched { year, month: Some(month) };
    Ok((format!("{:04}-{:02}", month.year, month.month.unwrap_or(1)), true))
}

/// The forms Excel, LibreOffice and Google Sheets show `2018-05` in once they
/// have made it a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LaunchForm {
    /// `5/1/2018`, `05/01/18`: month/day/year, as Excel shows dates in the US.
    Slashed { month: u8, day: u8, year: u16 },
    /// `01.05.2018`: day.month.year, as Excel shows them in much of Europe.
    Dotted { day: u8, month: u8, year: u16 },
    /// `2018-05-01`: the ISO form (LibreOffice, Google Sheets).
    Iso { year: u16, month: u8, day: u8 },
    /// `May-18`, `May 2018`, `May-2018`: Excel's "mmm-yy" and "mmmm yyyy".
    Named { month: u8, year: u16 },
}

impl LaunchForm {
    fn of(text: &str) -> Option<LaunchForm> {
        let text = text.trim();
        let numbers = |sep: char| -> Option<[u32; 3]> {
            let parts: Vec<&str> = text.split(sep).collect();
            let [a, b, c] = parts.as_slice() else { return None };
            let number = |s: &str| {
                (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| s.parse().ok())
                    .flatten()
            };
            Some([number(a)?, number(b)?, number(c)?])
        };
        let form = if let Some([month, day, year]) = numbers('/') {
            LaunchForm::Slashed { month: small(month)?, day: small(day)?, year: year_of(year)? }
        } else if let Some([day, month, year]) = numbers('.') {
            LaunchForm::Dotted { day: small(day)?, month: small(month)?, year: year_of(year)? }
        } else if let Some([year, month, day]) = numbers('-').filter(|[y, _, _]| *y >= 1000) {
            LaunchForm::Iso { year: u16::try_from(year).ok()?, month: small(month)?, day: small(day)? }
        } else {
            let (name, year) = text.split_once(['-', ' '])?;
            let year = year.trim();
            let year = (year.len() == 2 || year.len() == 4).then(|| year.parse::<u32>().ok()).flatten()?;
            LaunchForm::Named { month: month_named(name)?, year: year_of(year)? }
        };
        let (_, month, day) = form.parts();
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(form)
    }

    fn parts(self) -> (u16, u8, u8) {
        match self {
            LaunchForm::Slashed { month, day, year }
            | LaunchForm::Dotted { day, month, year }
            | LaunchForm::Iso { year, month, day } => (year, month, day),
            LaunchForm::Named { month, year } => (year, month, 1),
        }
    }
}

fn small(n: u32) -> Option<u8> {
    u8::try_from(n).ok()
}

/// A year as Excel shows it: four digits, or two (Excel reads 00–29 as
/// 2000–2029 and 30–99 as 1930–1999).
fn year_of(n: u32) -> Option<u16> {
    let year = match n {
        0..=29 => 2000 + n,
        30..=99 => 1900 + n,
        1000..=9999 => n,
        _ => return None,
    };
    u16::try_from(year).ok()
}

/// `May`, `may`, `September`, `Sept`: a month by its English name or the first three letters.
fn month_named(name: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let name = name.trim().trim_end_matches('.').to_lowercase();
    if name.len() < 3 {
        return None;
    }
    let index = NAMES.iter().position(|full| full.starts_with(&name))?;
    small(u32::try_from(index).ok()? + 1)
}

/// A `members_approx` cell: `Ok((n, true))` when it was written as a
/// spreadsheet formats numbers, with digits grouped (`1,200`, `1 200`) or a
/// fraction of zeros (`40.0`). Which mark groups and which is the decimal
/// follows the file's separator: a file separated by semicolons comes from
/// where the decimal mark is a comma (`1.200`, `40,0`).
pub fn whole_number(text: &str, separator: char) -> Result<(u64, bool), Issue> {
    let refuse = || Issue::NotWholeNumber { text: text.to_string() };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(text) {
        return text.parse().map(|n| (n, false)).map_err(|_| refuse());
    }
    let (decimal, group) = if separator == ';' { (',', '.') } else { ('.', ',') };
    let (whole, fraction) = text.split_once(decimal).unwrap_or((text, ""));
    if !fraction.is_empty() && !fraction.bytes().all(|b| b == b'0') {
        return Err(refuse());
    }
    let mut groups = whole.split([group, ' ', '\u{a0}', '\u{202f}', '\'']);
    let first = groups.next().unwrap_or_default();
    let grouped = (1..=3).contains(&first.len()) && digits(first);
    let rest: Vec<&str> = groups.collect();
    if !(digits(first) && (rest.is_empty() || (grouped && rest.iter().all(|g| g.len() == 3 && digits(g))))) {
        return Err(refuse());
    }
    let number: String = std::iter::once(first).chain(rest).collect();
    number.parse().map(|n| (n, true)).map_err(|_| refuse())
}
