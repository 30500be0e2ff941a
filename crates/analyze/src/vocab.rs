//! Interned terms: each distinct term gets a small integer id.

use rustc_hash::FxHashMap;

/// The id of a term in a [`Vocabulary`].
pub type TermId = u32;

/// Terms and their display forms, indexed by [`TermId`].
///
/// In a finished [`Counts`](crate::Counts) the ids follow the terms' sort order, so they
/// are the same however the counting was split across threads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    terms: Vec<Box<str>>,
    display: Vec<Box<str>>,
    index: FxHashMap<Box<str>, TermId>,
}

impl Vocabulary {
    /// How many terms.
    #[must_use]
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether there are no terms.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The case-folded term.
    ///
    /// # Panics
    ///
    /// If `id` is not from this vocabulary.
    #[must_use]
    pub fn term(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    /// The term as most often written: `Lavrov`, `INSTC`, `talks`.
    ///
    /// # Panics
    ///
    /// If `id` is not from this vocabulary.
    #[must_use]
    pub fn display(&self, id: TermId) -> &str {
        self.display.get(id as usize).map_or_else(|| self.term(id), |d| &**d)
    }

    /// The id of `term` (case-folded), if it occurs.
    #[must_use]
    pub fn id(&self, term: &str) -> Option<TermId> {
        self.index.get(term).copied()
    }

    /// All `(id, term)` pairs in id order.
    pub fn iter(&self) -> impl Iterator<Item = (TermId, &str)> {
        (0..).zip(self.terms.iter().map(|t| &**t))
    }

    pub(crate) fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.index.get(term) {
            return id;
        }
        let id = TermId::try_from(self.terms.len()).unwrap_or(TermId::MAX);
        self.terms.push(term.into());
        self.index.insert(term.into(), id);
        id
    }

    /// The ids of `other`'s terms in this vocabulary, interning those it lacks:
    /// `remap[other_id] = id`. How counters merge.
    pub(crate) fn absorb(&mut self, other: &Self) -> Vec<TermId> {
        other.iter().map(|(_, term)| self.intern(term)).collect()
    }

    /// A vocabulary of `terms` in the given order, with their display forms.
    pub(crate) fn from_sorted(terms: Vec<Box<str>>, display: Vec<Box<str>>) -> Self {
        let index = terms.iter().cloned().zip(0..).collect();
        Self { terms, display, index }
    }
}

/// A counter's local term ids renumbered into the terms' sort order, so that finished ids do
/// not depend on how the counting was split across threads.
#[derive(Debug)]
pub(crate) struct SortedIds {
    /// `order[new] = old`.
    order: Vec<TermId>,
    /// `new_id[old] = new`.
    new_id: Vec<TermId>,
}

impl SortedIds {
    pub(crate) fn of(vocab: &Vocabulary) -> Self {
        let mut order: Vec<TermId> = (0..).take(vocab.len()).collect();
        order.sort_unstable_by(|&a, &b| vocab.term(a).cmp(vocab.term(b)));
        let mut new_id = vec![0; order.len()];
        for (new, &old) in (0..).zip(&order) {
            new_id[old as usize] = new;
        }
        Self { order, new_id }
    }

    /// The new id of local id `old`.
    pub(crate) fn new_id(&self, old: TermId) -> TermId {
        self.new_id[old as usize]
    }

    /// The new ids of all local ids, indexed by local id.
    pub(crate) fn new_ids(&self) -> &[TermId] {
        &self.new_id
    }

    /// `values` (indexed by local id) in the new order.
    pub(crate) fn permute<T: Clone>(&self, values: &[T]) -> Vec<T> {
        self.order.iter().map(|&old| values[old as usize].clone()).collect()
    }

    /// The finished vocabulary, with each term's display form from `display(local id)`
    /// (none: every term displays as itself).
    pub(crate) fn vocabulary(&self, vocab: &Vocabulary, display: Option<&dyn Fn(TermId) -> Box<str>>) -> Vocabulary {
        let terms = self.order.iter().map(|&old| vocab.term(old).into()).collect();
        let display = display.map_or_else(Vec::new, |display| self.order.iter().map(|&old| display(old)).collect());
        Vocabulary::from_sorted(terms, display)
    }
}
