//! How each term is written in the text: the spelling it is shown in.

use crate::vocab::TermId;

/// Spelling variants of one term with their counts; the term's own spelling is implicit.
type Surfaces = Vec<(Box<str>, u64)>;

/// Where the occurrences of one surface form of a term are counted: as the term's own
/// spelling, or as its variant number `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spelling {
    Own,
    /// 32 bits, as the form cache keeps a spelling beside every form: a term has no more
    /// variants than there are forms, which the cache numbers in 32 bits.
    Variant(u32),
}

/// How each term is spelled in the text, for its display form: the variants that differ from
/// the term itself (`Iran` for `iran`), each with its count.
///
/// A reader asks [`Spellings::of`] once per distinct surface form (its [`FormCache`](crate::forms::FormCache) keeps
/// the answer), then [`Spellings::count`] per token: a token costs an index, not a string
/// comparison.
#[derive(Debug, Clone, Default)]
pub(crate) struct Spellings(Vec<Surfaces>);

impl Spellings {
    /// Where `surface`, a token of term `id` as written, is counted.
    pub(crate) fn of(&mut self, id: TermId, term: &str, surface: &str) -> Spelling {
        let surface = strip_possessive(surface);
        if surface == term {
            return Spelling::Own;
        }
        let index = id as usize;
        if self.0.len() <= index {
            self.0.resize_with(index + 1, Vec::new);
        }
        let variants = &mut self.0[index];
        let at = variants.iter().position(|(s, _)| **s == *surface).unwrap_or_else(|| {
            variants.push((surface.into(), 0));
            variants.len() - 1
        });
        Spelling::Variant(u32::try_from(at).unwrap_or(u32::MAX))
    }

    /// Counts one occurrence of term `id` spelled as `spelling` (from [`Spellings::of`]).
    pub(crate) fn count(&mut self, id: TermId, spelling: Spelling) {
        if let Spelling::Variant(at) = spelling {
            self.0[id as usize][at as usize].1 += 1;
        }
    }

    /// Counts `n` occurrences of term `id` spelled `spelling`, a spelling as [`Spellings::iter`]
    /// gives it (possessive already dropped, never the term's own).
    pub(crate) fn add(&mut self, id: TermId, spelling: &str, n: u64) {
        let index = id as usize;
        if self.0.len() <= index {
            self.0.resize_with(index + 1, Vec::new);
        }
        let variants = &mut self.0[index];
        match variants.iter_mut().find(|(s, _)| **s == *spelling) {
            Some((_, m)) => *m += n,
            None => variants.push((spelling.into(), n)),
        }
    }

    /// Every spelling that differs from its term, with its term and count.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (TermId, &str, u64)> {
        (0..).zip(&self.0).flat_map(|(id, variants)| variants.iter().map(move |(s, n)| (id, &**s, *n)))
    }

    /// Adds `other`'s spellings, its term `old` becoming `remap[old]` here.
    pub(crate) fn absorb(&mut self, other: &Spellings, remap: &[TermId]) {
        for (old, from) in other.0.iter().enumerate().filter(|(_, from)| !from.is_empty()) {
            let new = remap[old] as usize;
            if self.0.len() <= new {
                self.0.resize_with(new + 1, Vec::new);
            }
            let into = &mut self.0[new];
            for (surface, n) in from {
                match into.iter_mut().find(|(s, _)| s == surface) {
                    Some((_, m)) => *m += n,
                    None => into.push((surface.clone(), *n)),
                }
            }
        }
    }

    /// The display form of term `id` (spelled `term`, seen `total` times): its most frequent
    /// spelling; ties go to the term's own spelling, then the smallest.
    pub(crate) fn display(&self, id: TermId, term: &str, total: u64) -> Box<str> {
        let variants = self.0.get(id as usize).map_or(&[][..], Vec::as_slice);
        let own = total - variants.iter().map(|(_, n)| n).sum::<u64>();
        let mut best: (&str, u64) = (term, own);
        for (surface, n) in variants {
            if *n > best.1 || (*n == best.1 && best.0 != term && **surface < *best.0) {
                best = (surface, *n);
            }
        }
        best.0.into()
    }
}

/// The surface without a possessive `'s` or `’s`: how a term's display form is spelled.
pub(crate) fn strip_possessive(surface: &str) -> &str {
    surface.strip_suffix("’s").or_else(|| surface.strip_suffix("'s")).filter(|s| !s.is_empty()).unwrap_or(surface)
}
