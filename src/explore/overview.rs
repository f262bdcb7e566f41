//! "What these partnerships work on" (issue 22): topics by sector for a view,
//! as the page draws it. The counts are the view's (`Results::overview`, made
//! in the same pass as its other counts); this module keeps
//! the rows and columns that have any, shades each count and gives each cell
//! the address of its view. Plain Rust: the table's component only draws it.

use super::filter::Filter;
use super::query::write_query_keeping;
use crate::data::Dataset;

/// The shades a count is drawn in: 0 (none) to `SHADES` (the most in the table).
pub const SHADES: usize = 4;

/// The overview of one view: the sectors that have any partnership in it
/// (columns), and for each topic that has any (rows) one cell per column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    /// The columns' sector labels.
    pub sectors: Vec<String>,
    pub rows: Vec<OverviewRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewRow {
    pub topic: String,
    pub cells: Vec<OverviewCell>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewCell {
    /// How many partnerships the cell's view shows.
    pub count: usize,
    /// 0 for none, then 1 to `SHADES` as the count nears the table's largest.
    pub shade: usize,
    /// The cell's view (this filter, its sector chosen, its topic added) as an
    /// address query, keeping the page's other parameters (`current`, such as
    /// `?data=`); none for an empty cell, which leads nowhere.
    pub href: Option<String>,
}

impl Overview {
    /// The overview of `filter`'s view, whose counts are `counts`
    /// (`Results::overview`). `current` is the page's query, whose parameters
    /// other than the filter's the links keep.
    pub fn new(counts: &[Vec<usize>], dataset: &Dataset, filter: &Filter, current: &str) -> Overview {
        let has_any = |row: &Vec<usize>| row.iter().any(|&n| n > 0);
        let columns: Vec<usize> = (0..dataset.sectors.len())
            .filter(|&s| counts.iter().any(|row| row.get(s).is_some_and(|&n| n > 0)))
            .collect();
        let most = counts.iter().flatten().copied().max().unwrap_or(0);
        let rows = dataset
            .topics
            .iter()
            .zip(counts)
            .filter(|(_, row)| has_any(row))
            .map(|(topic, row)| OverviewRow {
                topic: topic.label.to_string(),
                cells: columns
                    .iter()
                    .filter_map(|&s| Some((dataset.sectors.get(s)?, row.get(s).copied().unwrap_or(0))))
                    .map(|(sector, count)| OverviewCell {
                        count,
                        shade: shade(count, most),
                        href: (count > 0).then(|| {
                            let view = filter.with_sector_and_topic(&sector.id, &topic.id);
                            match write_query_keeping(&view, current) {
                                query if query.is_empty() => "./".to_string(),
                                query => query,
                            }
                        }),
                    })
                    .collect(),
            })
            .collect();
        let sectors = columns.iter().filter_map(|&s| dataset.sectors.get(s)).map(|s| s.label.to_string()).collect();
        Overview { sectors, rows }
    }
}

/// The shade of `count` in a table whose largest count is `most`.
pub fn shade(count: usize, most: usize) -> usize {
    if count == 0 || most == 0 {
        0
    } else {
        (count * SHADES).div_ceil(most).clamp(1, SHADES)
    }
}
