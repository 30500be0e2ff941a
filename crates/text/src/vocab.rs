//! Interned terms: each distinct term gets a small integer id.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// The id of a term in a [`Vocabulary`].
pub type TermId = u32;

/// Terms and their display forms, indexed by [`TermId`].
///
/// A [`TermReader`](crate::TermReader) numbers terms as it meets them; once finished
/// ([`SortedIds`]) the ids follow the terms' sort order, so they are the same however the
/// counting was split across threads.
///
/// The terms are kept end to end in one string and the index holds only ids: a new term
/// costs a copy of its bytes, not an allocation (counters meet tens of thousands).
#[derive(Clone, Default)]
pub struct Vocabulary {
    /// Every term, end to end; term `i` ends at `ends[i]`.
    text: String,
    ends: Vec<usize>,
    display: Vec<Box<str>>,
    index: HashTable<TermId>,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter().map(|(id, term)| (id, (term, self.display(id))))).finish()
    }
}

/// Equal when they hold the same terms under the same ids, displayed the same way.
impl PartialEq for Vocabulary {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b) && {
            let ids = 0..TermId::try_from(self.len()).unwrap_or(TermId::MAX);
            ids.into_iter().all(|id| self.display(id) == other.display(id))
        }
    }
}

impl Eq for Vocabulary {}

fn hash(term: &str) -> u64 {
    FxBuildHasher.hash_one(term)
}

impl Vocabulary {
    /// How many terms.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no terms.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The case-folded term.
    ///
    /// # Panics
    ///
    /// If `id` is not from this vocabulary.
    #[must_use]
    pub fn term(&self, id: TermId) -> &str {
        term_at(&self.text, &self.ends, id)
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
    #[inline]
    pub fn id(&self, term: &str) -> Option<TermId> {
        self.index.find(hash(term), |&id| self.term(id) == term).copied()
    }

    /// All `(id, term)` pairs in id order.
    pub fn iter(&self) -> impl Iterator<Item = (TermId, &str)> {
        (0..).zip(self.ends.iter().scan(0, |start, &end| {
            let term = &self.text[*start..end];
            *start = end;
            Some(term)
        }))
    }

    pub(crate) fn intern(&mut self, term: &str) -> TermId {
        let Self { text, ends, index, .. } = self;
        let hash = hash(term);
        if let Some(&id) = index.find(hash, |&id| term_at(text, ends, id) == term) {
            return id;
        }
        let id = TermId::try_from(ends.len()).unwrap_or(TermId::MAX);
        text.push_str(term);
        ends.push(text.len());
        index.insert_unique(hash, id, |&id| self::hash(term_at(text, ends, id)));
        id
    }

    /// The ids of `other`'s terms in this vocabulary, interning those it lacks:
    /// `remap[other_id] = id`. How counters merge.
    pub(crate) fn absorb(&mut self, other: &Self) -> Vec<TermId> {
        other.iter().map(|(_, term)| self.intern(term)).collect()
    }

    /// A vocabulary of `terms` in the given order, with their display forms.
    pub(crate) fn from_sorted<'t>(terms: impl Iterator<Item = &'t str>, display: Vec<Box<str>>) -> Self {
        let mut vocab = Self { display, ..Self::default() };
        for term in terms {
            vocab.intern(term);
        }
        vocab
    }
}

/// Term `id` of a vocabulary's `text` and `ends`.
fn term_at<'t>(text: &'t str, ends: &[usize], id: TermId) -> &'t str {
    let id = id as usize;
    let start = if id == 0 { 0 } else { ends[id - 1] };
    &text[start..ends[id]]
}

/// A counter's local term ids renumbered into the terms' sort order, so that finished ids do
/// not depend on how the counting was split across threads.
#[derive(Debug, Clone)]
pub struct SortedIds {
    /// `order[new] = old`.
    order: Vec<TermId>,
    /// `new_id[old] = new`.
    new_id: Vec<TermId>,
}

impl SortedIds {
    /// The sort order of `vocab`'s terms.
    #[must_use]
    pub fn of(vocab: &Vocabulary) -> Self {
        let mut order: Vec<TermId> = (0..).take(vocab.len()).collect();
        order.sort_unstable_by(|&a, &b| vocab.term(a).cmp(vocab.term(b)));
        let mut new_id = vec![0; order.len()];
        for (new, &old) in (0..).zip(&order) {
            new_id[old as usize] = new;
        }
        Self { order, new_id }
    }

    /// The new id of local id `old`.
    #[must_use]
    pub fn new_id(&self, old: TermId) -> TermId {
        self.new_id[old as usize]
    }

    /// The new ids of all local ids, indexed by local id.
    #[must_use]
    pub fn new_ids(&self) -> &[TermId] {
        &self.new_id
    }

    /// `values` (indexed by local id) in the new order.
    #[must_use]
    pub fn permute<T: Clone>(&self, values: &[T]) -> Vec<T> {
        self.order.iter().map(|&old| values[old as usize].clone()).collect()
    }

    /// The finished vocabulary, with each term's display form from `display(local id)`
    /// (none: every term displays as itself).
    pub(crate) fn vocabulary(&self, vocab: &Vocabulary, display: Option<&dyn Fn(TermId) -> Box<str>>) -> Vocabulary {
        let terms = self.order.iter().map(|&old| vocab.term(old));
        let display = display.map_or_else(Vec::new, |display| self.order.iter().map(|&old| display(old)).collect());
        Vocabulary::from_sorted(terms, display)
    }
}
