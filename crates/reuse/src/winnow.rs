//! Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): from every window of
//! [`WINDOW`] consecutive shingles, keep the one of least hash as a fingerprint.
//!
//! The guarantee that makes it the containment detector: two documents that share a run of at
//! least `WINDOW + n - 1` tokens (24 with 5-gram shingles: about one sentence) share at least
//! one fingerprint, wherever the run stands in each, however long the documents are. The
//! fingerprints are about `2 / (WINDOW + 1)` of the shingles (one in ten or so).

use std::collections::VecDeque;

use crate::hash::fold32;
use crate::shingle::Shingle;

/// Shingles per winnowing window.
pub const WINDOW: usize = 20;

/// The distinct fingerprints of a shingle sequence, sorted. A sequence shorter than the window
/// gives its least hash. Ties go to the rightmost shingle, as the paper's robust winnowing does,
/// so a run of equal hashes yields one fingerprint, not many.
pub(crate) fn fingerprints(shingles: &[Shingle], window: usize) -> Vec<u32> {
    let window = window.max(1);
    let mut out = Vec::with_capacity(shingles.len() * 2 / (window + 1) + 1);
    // Indices of shingles whose hashes increase from front to back: the front is the least in
    // the current window.
    let mut queue: VecDeque<usize> = VecDeque::with_capacity(window);
    let mut last_taken = usize::MAX;
    let value = |i: usize| fold32(shingles[i].hash);
    for i in 0..shingles.len() {
        while queue.back().is_some_and(|&j| value(j) >= value(i)) {
            queue.pop_back();
        }
        queue.push_back(i);
        if queue.front().is_some_and(|&j| j + window <= i) {
            queue.pop_front();
        }
        let window_full = i + 1 >= window || i + 1 == shingles.len();
        if let Some(&least) = queue.front().filter(|&&least| window_full && least != last_taken) {
            out.push(value(least));
            last_taken = least;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::fmix64;

    fn sequence(values: impl Iterator<Item = u64>) -> Vec<Shingle> {
        values.enumerate().map(|(i, v)| Shingle { hash: fmix64(v), start: crate::shingle::to_u32(i), len: 5 }).collect()
    }

    #[test]
    fn a_shared_run_of_a_window_always_shares_a_fingerprint() {
        // The shared run (values 1000..1000+WINDOW) sits at different places in long texts.
        for offset in [0u64, 7, 33] {
            let a = sequence((0..offset).chain(1000..1000 + WINDOW as u64).chain(5000..5100));
            let b = sequence((9000..9050).chain(1000..1000 + WINDOW as u64).chain(7000..7000 + offset));
            let fa = fingerprints(&a, WINDOW);
            let fb = fingerprints(&b, WINDOW);
            assert!(fa.iter().any(|f| fb.binary_search(f).is_ok()), "offset {offset}");
        }
    }

    #[test]
    fn density_is_about_two_in_window_plus_one() {
        let s = sequence(0..20_000);
        let density = fingerprints(&s, WINDOW).len() as f64 / s.len() as f64;
        let expected = 2.0 / (WINDOW as f64 + 1.0);
        assert!((density - expected).abs() < 0.2 * expected, "{density}");
    }

    #[test]
    fn a_short_sequence_keeps_its_least_hash() {
        let s = sequence(0..3);
        let least = s.iter().map(|s| fold32(s.hash)).min();
        assert_eq!(fingerprints(&s, WINDOW), least.into_iter().collect::<Vec<_>>());
        assert!(fingerprints(&[], WINDOW).is_empty());
    }
}
