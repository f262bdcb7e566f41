//! One sorting routine for the whole app.
//!
//! Every `sort*` call on a new element or key type compiles another copy of the
//! standard library's sort into the wasm (2 to 3 KB each). Sorting indices with a
//! comparator behind `&dyn` keeps it to one copy.

use std::cmp::Ordering;

/// Sorts `indices` by `cmp`. Not stable: callers break ties themselves.
pub fn sort_indices(indices: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_unstable_by(|a, b| cmp(*a, *b));
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_comparator() {
        let keys = [30, 10, 20];
        let mut order = vec![0, 1, 2];
        sort_indices(&mut order, &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [1, 2, 0]);
    }
}
