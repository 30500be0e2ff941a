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

    /// A vocabulary of `terms` in the given order, with their display forms.
    pub(crate) fn from_sorted(terms: Vec<Box<str>>, display: Vec<Box<str>>) -> Self {
        let index = terms.iter().cloned().zip(0..).collect();
        Self { terms, display, index }
    }
}
