//! The finder: sketches, candidates, verification and alignment, families.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::align::{Passage, align, covered_share};
use crate::candidates::candidates;
use crate::doc::ReuseDoc;
use crate::family::{Edge, Family, Member, by_date_path, families};
use crate::options::{OptionsError, ReuseOptions};
use crate::sketch::{Sketch, Sketcher};
use crate::verify::{Scores, Shingled};

/// Finds reused text in a corpus. Build one per set of options; it is cheap to share across
/// threads.
#[derive(Debug, Clone)]
pub struct ReuseFinder {
    options: ReuseOptions,
    sketcher: Sketcher,
}

/// One reported pair of documents, verified.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReusePair {
    /// The first document (an index into the input): the earlier when both are dated, else a
    /// dated one before an undated one, else the first by path.
    pub a: usize,
    /// The second document.
    pub b: usize,
    /// Jaccard similarity of the two shingle sets.
    pub jaccard: f64,
    /// Containment: the share of the smaller shingle set found in the larger.
    pub containment: f64,
    /// Distinct shingles in both.
    pub shared: usize,
    /// Distinct shingles of `a`.
    pub a_shingles: usize,
    /// Distinct shingles of `b`.
    pub b_shingles: usize,
    /// The reused passages, in `a`'s reading order.
    pub passages: Vec<Passage>,
    /// The share of `a`'s tokens inside a passage.
    pub a_reused: f64,
    /// The share of `b`'s tokens inside a passage.
    pub b_reused: f64,
}

/// Everything found in one corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReuseReport {
    /// Documents read.
    pub documents: usize,
    /// Candidate pairs verified (every one of them exactly).
    pub candidates: usize,
    /// Pairs at a threshold, sorted by `a`'s then `b`'s date and path.
    pub pairs: Vec<ReusePair>,
    /// Story families (see the [`family`](crate#families) rule), sorted by their first source.
    pub families: Vec<Family>,
}

impl ReuseReport {
    /// The `dedup` selection: for each input document, whether it is kept, that is, it is in
    /// no family or is its family's first source.
    #[must_use]
    pub fn dedup_keep(&self) -> Vec<bool> {
        let mut keep = vec![true; self.documents];
        for family in &self.families {
            for &member in &family.members {
                if member != family.first {
                    keep[member] = false;
                }
            }
        }
        keep
    }
}

impl ReuseFinder {
    /// A finder for these options.
    ///
    /// # Errors
    ///
    /// When the options do not validate ([`ReuseOptions::validate`]).
    pub fn new(options: ReuseOptions) -> Result<Self, OptionsError> {
        options.validate()?;
        Ok(Self { options, sketcher: Sketcher::new(options) })
    }

    /// The options it was built with.
    #[must_use]
    pub const fn options(&self) -> &ReuseOptions {
        &self.options
    }

    /// The first pass over one document: what is kept of it until verification.
    #[must_use]
    pub fn sketch(&self, doc: &ReuseDoc) -> Sketch {
        self.sketcher.sketch(doc)
    }

    /// Finds the reuse in documents held in memory, in parallel on the current rayon pool.
    #[must_use]
    pub fn find(&self, docs: &[ReuseDoc]) -> ReuseReport {
        let sketches: Vec<Sketch> = docs.par_iter().map(|d| self.sketch(d)).collect();
        let loaded: Result<ReuseReport, std::convert::Infallible> =
            self.find_with(&sketches, |i| Ok(Cow::Borrowed(&docs[i])));
        match loaded {
            Ok(report) => report,
            Err(never) => match never {},
        }
    }

    /// Finds the reuse from the sketches of a corpus (one per document, in input order),
    /// asking `load` again for the documents of the candidate pairs: only these are shingled in
    /// full, a group of connected candidates at a time per thread, so memory holds the
    /// sketches and the groups being verified, never the whole corpus. `load(i)` must give the
    /// document sketched as `sketches[i]`.
    ///
    /// # Errors
    ///
    /// The first error `load` returns (in input order of the documents that failed).
    pub fn find_with<'d, L, E>(&self, sketches: &[Sketch], load: L) -> Result<ReuseReport, E>
    where
        L: Fn(usize) -> Result<Cow<'d, ReuseDoc>, E> + Sync,
        E: Send,
    {
        let candidate_pairs = candidates(sketches, &self.options);
        let groups = connected_groups(sketches.len(), &candidate_pairs);
        let n = self.options.shingle_size;
        let seed = self.options.seed;
        // Groups in parallel, and inside each its documents and pairs: one connected group can
        // hold most of a corpus whose articles share stock phrases.
        let verified: Vec<Result<Vec<ReusePair>, (usize, E)>> = groups
            .par_iter()
            .map(|group| {
                let loaded: Vec<Result<Cow<'d, ReuseDoc>, (usize, E)>> =
                    group.docs.par_iter().map(|&doc| load(doc).map_err(|e| (doc, e))).collect();
                let loaded: Vec<Cow<'d, ReuseDoc>> = loaded.into_iter().collect::<Result<_, _>>()?;
                let shingled: Vec<Shingled<'_>> = loaded.par_iter().map(|d| Shingled::new(d, n, seed)).collect();
                let position = |doc: usize| group.docs.binary_search(&doc).unwrap_or(0);
                Ok(group
                    .pairs
                    .par_iter()
                    .filter_map(|&(x, y)| {
                        let (x, y) = (x as usize, y as usize);
                        let (a, b) = if by_sketch(sketches, x, y).is_le() { (x, y) } else { (y, x) };
                        self.verify(a, b, &shingled[position(a)], &shingled[position(b)])
                    })
                    .collect())
            })
            .collect();
        let mut pairs = Vec::new();
        let mut first_error: Option<(usize, E)> = None;
        for result in verified {
            match result {
                Ok(group_pairs) => pairs.extend(group_pairs),
                Err((doc, e)) => {
                    if first_error.as_ref().is_none_or(|(d, _)| doc < *d) {
                        first_error = Some((doc, e));
                    }
                }
            }
        }
        if let Some((_, e)) = first_error {
            return Err(e);
        }
        pairs.sort_by(|p, q| by_sketch(sketches, p.a, q.a).then_with(|| by_sketch(sketches, p.b, q.b)));

        let members: Vec<Member<'_>> = sketches.iter().map(|s| Member { date: s.date, path: &s.path }).collect();
        let edges: Vec<Edge> = pairs
            .iter()
            .map(|p| Edge { a: p.a, b: p.b, near_duplicate: p.jaccard >= self.options.min_jaccard })
            .collect();
        let families = families(&members, &edges);
        Ok(ReuseReport { documents: sketches.len(), candidates: candidate_pairs.len(), pairs, families })
    }

    fn verify(&self, a: usize, b: usize, da: &Shingled<'_>, db: &Shingled<'_>) -> Option<ReusePair> {
        let scores = Scores::of(&da.set, &db.set);
        if !scores.passes(self.options.min_jaccard, self.options.min_containment) {
            return None;
        }
        let alignment = align(da, db, self.options.shingle_size);
        Some(ReusePair {
            a,
            b,
            jaccard: scores.jaccard(),
            containment: scores.containment(),
            shared: scores.shared,
            a_shingles: scores.a_shingles,
            b_shingles: scores.b_shingles,
            a_reused: covered_share(&alignment.a_ranges, da.doc.tokens.len()),
            b_reused: covered_share(&alignment.b_ranges, db.doc.tokens.len()),
            passages: alignment.passages,
        })
    }
}

fn by_sketch(sketches: &[Sketch], x: usize, y: usize) -> std::cmp::Ordering {
    let [a, b] = [x, y].map(|i| Member { date: sketches[i].date, path: &sketches[i].path });
    by_date_path(&a, &b).then(x.cmp(&y))
}

/// Candidate pairs split by connected component: each is verified on its own, with only its
/// documents loaded.
struct Group {
    /// Its documents, sorted.
    docs: Vec<usize>,
    pairs: Vec<(u32, u32)>,
}

fn connected_groups(n: usize, pairs: &[(u32, u32)]) -> Vec<Group> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(a, b) in pairs {
        let (ra, rb) = (find(&mut parent, a as usize), find(&mut parent, b as usize));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut slot = vec![usize::MAX; n];
    let mut groups: Vec<Group> = Vec::new();
    for &(a, b) in pairs {
        let root = find(&mut parent, a as usize);
        if slot[root] == usize::MAX {
            slot[root] = groups.len();
            groups.push(Group { docs: Vec::new(), pairs: Vec::new() });
        }
        let group = &mut groups[slot[root]];
        group.docs.extend([a as usize, b as usize]);
        group.pairs.push((a, b));
    }
    for group in &mut groups {
        group.docs.sort_unstable();
        group.docs.dedup();
    }
    // The largest first, so the pool is never left waiting on one big group at the end.
    groups.sort_by_key(|g| std::cmp::Reverse(g.pairs.len()));
    groups
}
