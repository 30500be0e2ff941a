//! Story families: verified pairs grouped, each with its likely first source.
//!
//! The rule:
//!
//! 1. Pairs at the Jaccard threshold (copies of the same story, whole or nearly) join their
//!    documents' families without condition.
//! 2. A pair reported only for containment (one document lifting passages of the other) joins
//!    them too, unless one of the two is a **digest** not dated before the other. A digest is a
//!    document whose containment partners that it is not dated before fall apart into two or
//!    more groups when connected only by the pairs among themselves: it quotes stories that
//!    share nothing with each other, as a round-up or a live blog does. Joined through it,
//!    unrelated stories would chain into one family. A document lifting from several copies of
//!    one story is no digest (the copies pair with each other), and neither is a long original
//!    that several articles lift from (it is dated before them). An undated document is never
//!    dated before another. A digest's pairs are still reported.
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
    by_date_path(&members[x], &members[y]).then(x.cmp(&y))
}

/// Orders two documents by date (undated last), then path.
pub(crate) fn by_date_path(a: &Member<'_>, b: &Member<'_>) -> Ordering {
    let date = match (a.date, b.date) {
        (Some(p), Some(q)) => p.cmp(&q),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    date.then_with(|| a.path.cmp(b.path))
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
/// threshold.
pub(crate) struct Edge {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) near_duplicate: bool,
}

/// Whether `group` falls into two or more parts when linked only by the pairs among its own
/// members.
fn splits(group: &[usize], adjacency: &[Vec<usize>]) -> bool {
    if group.len() < 2 {
        return false;
    }
    let mut sorted = group.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let position = |doc: usize| sorted.binary_search(&doc).ok();
    let mut parts = Sets::new(sorted.len());
    for (i, &doc) in sorted.iter().enumerate() {
        for &other in &adjacency[doc] {
            if let Some(j) = position(other) {
                parts.union(i, j);
            }
        }
    }
    let first = parts.find(0);
    (1..sorted.len()).any(|i| parts.find(i) != first)
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
    // Step 2: each document's containment partners it is not dated before.
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in edges {
        adjacency[e.a].push(e.b);
        adjacency[e.b].push(e.a);
    }
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in edges.iter().filter(|e| !e.near_duplicate) {
        for (hub, partner) in [(e.a, e.b), (e.b, e.a)] {
            if !dated_before(members, hub, partner) {
                partners[hub].push(partner);
            }
        }
    }
    let digests: Vec<bool> = partners.iter().map(|p| splits(p, &adjacency)).collect();
    let blocked = |hub: usize, partner: usize| digests[hub] && !dated_before(members, hub, partner);
    for e in edges.iter().filter(|e| !e.near_duplicate) {
        if !blocked(e.a, e.b) && !blocked(e.b, e.a) {
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
