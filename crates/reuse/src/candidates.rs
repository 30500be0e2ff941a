//! The second pass: pairs of documents worth verifying, from the sketches alone.
//!
//! Two sources, merged: documents that share an LSH band (near-duplicates, by Jaccard), and
//! documents that share winnowed fingerprints (a passage in common, by containment).
//!
//! A fingerprint found in more than `max_df` documents is a site's template (or boilerplate the
//! parser left in), and proposes nothing; nor does a band key shared that widely. A template
//! also sways the MinHash signatures of every document that carries it, so that small groups
//! of them share bands; a band pair is therefore kept only when the two documents also share a
//! fingerprint that is not template. Near-duplicates share many; articles that share only the
//! template share none.

use rayon::prelude::*;

use crate::minhash::BANDS;
use crate::options::ReuseOptions;
use crate::sketch::Sketch;

/// Fingerprints two documents must share to be candidates. One shared fingerprint is one shared
/// sentence-long run of words, which unrelated articles quoting the same official phrase have;
/// two are a passage. A short document (fewer than [`SHORT_FINGERPRINTS`] fingerprints, about
/// 80 words) needs one: two lifted paragraphs of a few lines may guarantee no more.
pub const MIN_SHARED_FINGERPRINTS: usize = 2;

/// Below this many fingerprints, a document is short, and one shared fingerprint makes a
/// candidate.
pub const SHORT_FINGERPRINTS: usize = 8;

/// The candidate pairs `(a, b)`, `a < b`, as indices into `sketches`, sorted and distinct.
pub(crate) fn candidates(sketches: &[Sketch], options: &ReuseOptions) -> Vec<(u32, u32)> {
    let (mut pairs, template) = fingerprint_pairs(sketches, options.max_df);
    let mut bands = band_pairs(sketches, options.max_df);
    bands.par_sort_unstable();
    bands.dedup();
    bands.retain(|&(a, b)| {
        shares_a_story_fingerprint(&sketches[a as usize].fingerprints, &sketches[b as usize].fingerprints, &template)
    });
    pairs.extend(bands);
    pairs.par_sort_unstable();
    pairs.dedup();
    if let Some(days) = options.window_days {
        pairs.retain(|&(a, b)| within_window(&sketches[a as usize], &sketches[b as usize], days));
    }
    pairs
}

/// Whether two documents are both dated, at most `days` apart.
pub(crate) fn within_window(a: &Sketch, b: &Sketch, days: u32) -> bool {
    match (a.date, b.date) {
        (Some(x), Some(y)) => (x - y).num_days().unsigned_abs() <= u64::from(days),
        _ => false,
    }
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Every pair of documents inside each group of equal keys, for groups of 2 to `max_df`.
/// `entries` must be sorted by key.
fn pairs_in_groups(entries: &[(u32, u32)], max_df: usize, mut emit: impl FnMut(u32, u32)) {
    for group in entries.chunk_by(|x, y| x.0 == y.0) {
        if group.len() < 2 || group.len() > max_df {
            continue;
        }
        for (i, &(_, a)) in group.iter().enumerate() {
            for &(_, b) in &group[i + 1..] {
                // A document's keys are distinct, so a != b; entries sorted by (key, doc) keep a < b.
                emit(a, b);
            }
        }
    }
}

fn band_pairs(sketches: &[Sketch], max_df: usize) -> Vec<(u32, u32)> {
    (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut entries: Vec<(u32, u32)> = sketches
                .iter()
                .enumerate()
                .filter_map(|(doc, s)| s.bands.as_ref().map(|keys| (keys[band], index(doc))))
                .collect();
            entries.sort_unstable();
            let mut pairs = Vec::new();
            pairs_in_groups(&entries, max_df, |a, b| pairs.push((a, b)));
            pairs
        })
        .collect()
}

/// Whether two sorted fingerprint lists share one that is not in `template` (sorted).
fn shares_a_story_fingerprint(a: &[u32], b: &[u32], template: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if template.binary_search(&a[i]).is_err() {
                    return true;
                }
                i += 1;
                j += 1;
            }
        }
    }
    false
}

/// The pairs sharing enough fingerprints, and the template fingerprints (in more than `max_df`
/// documents), sorted.
fn fingerprint_pairs(sketches: &[Sketch], max_df: usize) -> (Vec<(u32, u32)>, Vec<u32>) {
    let mut entries: Vec<(u32, u32)> =
        sketches.iter().enumerate().flat_map(|(doc, s)| s.fingerprints.iter().map(move |&f| (f, index(doc)))).collect();
    entries.par_sort_unstable();
    // The posting lists that may propose pairs (2 to max_df documents): their fingerprints,
    // sorted, and where each list starts in `entries`.
    let mut keys: Vec<u32> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut template: Vec<u32> = Vec::new();
    let mut at = 0;
    for group in entries.chunk_by(|x, y| x.0 == y.0) {
        if group.len() > max_df {
            template.push(group[0].0);
        } else if group.len() >= 2 {
            keys.push(group[0].0);
            starts.push(at);
        }
        at += group.len();
    }
    let list = |k: usize| {
        let start = starts[k];
        let fingerprint = keys[k];
        entries[start..].iter().take_while(move |e| e.0 == fingerprint).map(|e| e.1)
    };
    // Per document, the later documents sharing its fingerprints, counted: many small sorts in
    // parallel rather than one sort of every co-occurrence, and the pairs come out in order.
    let pairs = (0..sketches.len())
        .into_par_iter()
        .flat_map_iter(|a| {
            let a32 = index(a);
            let mut partners: Vec<u32> = Vec::new();
            for fingerprint in &sketches[a].fingerprints {
                if let Ok(k) = keys.binary_search(fingerprint) {
                    partners.extend(list(k).filter(|&b| b > a32));
                }
            }
            partners.sort_unstable();
            let mine = sketches[a].fingerprints.len();
            partners
                .chunk_by(|x, y| x == y)
                .filter(|run| {
                    let smaller = mine.min(sketches[run[0] as usize].fingerprints.len());
                    let needed = if smaller < SHORT_FINGERPRINTS { 1 } else { MIN_SHARED_FINGERPRINTS };
                    run.len() >= needed
                })
                .map(|run| (a32, run[0]))
                .collect::<Vec<_>>()
        })
        .collect();
    (pairs, template)
}
