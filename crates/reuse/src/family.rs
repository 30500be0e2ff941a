//! Story families: verified pairs grouped, each with its likely first source.
//!
//! The rule, in two steps:
//!
//! 1. Pairs at the Jaccard threshold (copies of the same story, whole or nearly) join their
//!    documents' families without condition.
//! 2. A pair reported only for containment (a document lifting passages of another) joins them
//!    unless the larger document is a **digest**: one that contains passages of two or more
//!    families of step 1 that it is not dated before. A digest, a round-up quoting several
//!    stories, would otherwise chain unrelated stories into one family; its pairs are still
//!    reported, and its containment pairs with documents it is dated before (it was lifted
//!    from, it lifted nothing) still join. An undated document is never dated before another.
//!
//! Each family's first source is its earliest-dated document; ties, and undated documents
//! (which come after dated ones), go by path, then by input position.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::Serialize;

/// One story family: documents connected by reported pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Family {
    /// Its documents, as indices into the input, first source first, then by date and path.
    pub members: Vec<usize>,
    /// The likely first source: the earliest-dated member (ties by path).
    pub first: usize,
}

/// What the family rule needs of a document.
pub(crate) struct Member<'a> {
    pub(crate) date: Option<NaiveDate>,
    pub(crate) path: &'a str,
}

/// Orders documents by date (undated last), then path, then input position.
pub(crate) fn by_date_then_path(members: &[Member<'_>], x: usize, y: usize) -> Ordering {
    let (a, b) = (&members[x], &members[y]);
    let date = match (a.date, b.date) {
        (Some(p), Some(q)) => p.cmp(&q),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    date.then_with(|| a.path.cmp(b.path)).then(x.cmp(&y))
}

/// Union-find over document indices, by size, with path halving.
struct Sets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Self { parent: (0..n).collect(), size: vec![1; n] }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, x: usize, y: usize) {
        let (mut x, mut y) = (self.find(x), self.find(y));
        if x == y {
            return;
        }
        if self.size[x] < self.size[y] {
            std::mem::swap(&mut x, &mut y);
        }
        self.parent[y] = x;
        self.size[x] += self.size[y];
    }
}

/// An edge of the family graph: two documents, and whether the pair reached the Jaccard
/// threshold; for a containment-only pair, which one is the larger.
pub(crate) struct Edge {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) near_duplicate: bool,
    /// For a containment-only pair: the document with more shingles (the container).
    pub(crate) larger: usize,
}

/// Whether `x` is dated strictly before `y`.
fn dated_before(members: &[Member<'_>], x: usize, y: usize) -> bool {
    matches!((members[x].date, members[y].date), (Some(p), Some(q)) if p < q)
}

pub(crate) fn families(members: &[Member<'_>], edges: &[Edge]) -> Vec<Family> {
    let n = members.len();
    let mut sets = Sets::new(n);
    let mut in_pair = vec![false; n];
    for e in edges {
        in_pair[e.a] = true;
        in_pair[e.b] = true;
        if e.near_duplicate {
            sets.union(e.a, e.b);
        }
    }
    // Step 2: the families each container would pull in without being dated before them.
    let mut pulls: Vec<(usize, usize)> = edges
        .iter()
        .filter(|e| !e.near_duplicate)
        .filter_map(|e| {
            let smaller = if e.larger == e.a { e.b } else { e.a };
            (!dated_before(members, e.larger, smaller)).then(|| (e.larger, sets.find(smaller)))
        })
        .collect();
    pulls.sort_unstable();
    pulls.dedup();
    let mut digests = vec![false; n];
    for group in pulls.chunk_by(|x, y| x.0 == y.0) {
        let own = sets.find(group[0].0);
        if group.iter().filter(|(_, family)| *family != own).count() >= 2 {
            digests[group[0].0] = true;
        }
    }
    for e in edges.iter().filter(|e| !e.near_duplicate) {
        let smaller = if e.larger == e.a { e.b } else { e.a };
        if !digests[e.larger] || dated_before(members, e.larger, smaller) {
            sets.union(e.a, e.b);
        }
    }

    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); n];
    for doc in (0..n).filter(|&d| in_pair[d]) {
        let root = sets.find(doc);
        groups[root].push(doc);
    }
    let mut out: Vec<Family> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|mut g| {
            g.sort_by(|&x, &y| by_date_then_path(members, x, y));
            Family { first: g[0], members: g }
        })
        .collect();
    out.sort_by(|x, y| by_date_then_path(members, x.first, y.first));
    out
}
