//! Boolean sliding windows over articles' terms, as NPMI counts them.

use dateline_model::Article;
use dateline_text::{TermId, TermOptions, TermReader, Vocabulary, segments};
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{EPSILON, TopicStatsError, float};

/// Which runs of text sliding windows stay inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowScope {
    /// Each title, heading and paragraph is a text of its own: windows never join two of them.
    #[default]
    Segment,
    /// The article is one text, its segments joined in reading order (gensim's view of a
    /// tokenized document).
    Document,
}

/// Boolean sliding-window counts of a set of words, as gensim 4's `p_boolean_sliding_window`
/// makes them for `c_npmi`.
///
/// Each text (a sequence of terms, `None` for a term that is none of the words) is cut into
/// the windows `text[i..i + W]` for every `i` from 0 to `len − W`; a text shorter than `W`,
/// even an empty one, is one window. Every window is a virtual document and counts toward the
/// total, whether or not it holds any of the words (gensim 4 counts them all; gensim 3 skipped
/// texts without any). Each window counts once for every word it contains (however often),
/// and once for every pair of distinct words it contains.
///
/// The counting is exact per window. gensim's accumulator updates its window incrementally
/// (`WordOccurrenceAccumulator._slide_window`): when the word leaving a window at the left also
/// occurs inside the next window, it is dropped from that window all the same. Its counts can
/// therefore be lower than these where a word repeats within `W` tokens; on the reference
/// corpus the mean NPMI differs by less than 0.005 (`tests/integration/topic_stats.rs` checks
/// these against an exact count, and reproduces gensim's figures by emulating its update).
///
/// ```
/// use dateline_analyze::topic_stats::WindowCounts;
///
/// let mut counts = WindowCounts::new(3, &[1, 2])?;
/// counts.add_text(&[Some(1), None, Some(2), None]); // windows [1, _, 2] and [_, 2, _]
/// assert_eq!((counts.windows(), counts.occurrences(1), counts.occurrences(2)), (2, 1, 2));
/// assert_eq!(counts.co_occurrences(1, 2), 1);
/// # Ok::<(), dateline_analyze::topic_stats::TopicStatsError>(())
/// ```
#[derive(Debug, Clone)]
pub struct WindowCounts {
    window: usize,
    windows: u64,
    slot_of: FxHashMap<TermId, u32>,
    occurrences: Vec<u64>,
    /// Keyed by `(smaller slot, larger slot)`.
    pairs: FxHashMap<(u32, u32), u64>,
    /// Scratch: the slots of the current text's words with their positions, and of one window.
    positions: Vec<(usize, u32)>,
    present: Vec<u32>,
}

/// Equal counts of the same words over windows of the same length (scratch space aside).
impl PartialEq for WindowCounts {
    fn eq(&self, other: &Self) -> bool {
        (self.window, self.windows, &self.slot_of, &self.occurrences, &self.pairs)
            == (other.window, other.windows, &other.slot_of, &other.occurrences, &other.pairs)
    }
}

impl Eq for WindowCounts {}

impl WindowCounts {
    /// Empty counts for windows of `window` tokens over `words` (duplicates ignored).
    ///
    /// # Errors
    ///
    /// [`TopicStatsError::Window`] when `window` is 0.
    pub fn new(window: usize, words: &[TermId]) -> Result<Self, TopicStatsError> {
        if window == 0 {
            return Err(TopicStatsError::Window);
        }
        let mut slot_of = FxHashMap::default();
        for &word in words {
            let next = u32::try_from(slot_of.len()).unwrap_or(u32::MAX);
            slot_of.entry(word).or_insert(next);
        }
        let occurrences = vec![0; slot_of.len()];
        Ok(Self {
            window,
            windows: 0,
            slot_of,
            occurrences,
            pairs: FxHashMap::default(),
            positions: Vec::new(),
            present: Vec::new(),
        })
    }

    /// The window length in tokens.
    #[must_use]
    pub const fn window(&self) -> usize {
        self.window
    }

    /// Windows counted (gensim's `num_docs`).
    #[must_use]
    pub const fn windows(&self) -> u64 {
        self.windows
    }

    /// Windows containing `word` (0 for a word not counted).
    #[must_use]
    pub fn occurrences(&self, word: TermId) -> u64 {
        self.slot_of.get(&word).map_or(0, |&s| self.occurrences[s as usize])
    }

    /// Windows containing both `a` and `b`; for `a == b`, those containing `a`.
    #[must_use]
    pub fn co_occurrences(&self, a: TermId, b: TermId) -> u64 {
        let (Some(&a), Some(&b)) = (self.slot_of.get(&a), self.slot_of.get(&b)) else { return 0 };
        if a == b {
            return self.occurrences[a as usize];
        }
        self.pairs.get(&(a.min(b), a.max(b))).copied().unwrap_or(0)
    }

    /// The NPMI of `a` and `b` (see the [module documentation](super)), or NaN when either
    /// occurs in no window.
    #[must_use]
    pub fn npmi(&self, a: TermId, b: TermId) -> f64 {
        let (n_a, n_b) = (self.occurrences(a), self.occurrences(b));
        if n_a == 0 || n_b == 0 {
            return f64::NAN;
        }
        let n = float(self.windows);
        let joint = float(self.co_occurrences(a, b)) / n + EPSILON;
        (joint / ((float(n_a) / n) * (float(n_b) / n))).ln() / -joint.ln()
    }

    /// Counts the windows of one text.
    pub fn add_text(&mut self, text: &[Option<TermId>]) {
        self.positions.clear();
        for (position, word) in text.iter().enumerate() {
            if let Some(&slot) = word.as_ref().and_then(|w| self.slot_of.get(w)) {
                self.positions.push((position, slot));
            }
        }
        let starts = text.len().saturating_sub(self.window) + 1;
        self.windows += starts as u64;
        if self.positions.is_empty() {
            return;
        }
        // The words at positions[first..last] are those inside the window starting at `start`.
        let (mut first, mut last) = (0, 0);
        for start in 0..starts {
            while first < self.positions.len() && self.positions[first].0 < start {
                first += 1;
            }
            while last < self.positions.len() && self.positions[last].0 < start + self.window {
                last += 1;
            }
            if first == last {
                continue;
            }
            self.present.clear();
            self.present.extend(self.positions[first..last].iter().map(|&(_, slot)| slot));
            self.present.sort_unstable();
            self.present.dedup();
            for (i, &a) in self.present.iter().enumerate() {
                self.occurrences[a as usize] += 1;
                for &b in &self.present[i + 1..] {
                    *self.pairs.entry((a, b)).or_insert(0) += 1;
                }
            }
        }
    }

    /// Adds `other`'s counts, made over the same words and window, to these.
    #[must_use]
    pub fn merge(mut self, other: Self) -> Self {
        debug_assert_eq!((self.window, &self.slot_of), (other.window, &other.slot_of));
        self.windows += other.windows;
        for (mine, theirs) in self.occurrences.iter_mut().zip(&other.occurrences) {
            *mine += theirs;
        }
        for (pair, n) in other.pairs {
            *self.pairs.entry(pair).or_insert(0) += n;
        }
        self
    }
}

/// One thread's window counting over articles: the text of each scope as term ids.
pub(super) struct ArticleWindows<'a> {
    vocab: &'a Vocabulary,
    reader: TermReader<'a>,
    /// The reader's terms in `vocab` (`None`: not there), filled as the reader meets them.
    in_vocab: Vec<Option<TermId>>,
    /// The article's terms by the reader's ids, each with its segment.
    terms: Vec<(usize, TermId)>,
    text: Vec<Option<TermId>>,
    counts: WindowCounts,
}

impl<'a> ArticleWindows<'a> {
    pub(super) fn new(terms: &'a TermOptions, vocab: &'a Vocabulary, counts: WindowCounts) -> Self {
        Self { vocab, reader: terms.reader(), in_vocab: Vec::new(), terms: Vec::new(), text: Vec::new(), counts }
    }

    pub(super) fn into_counts(self) -> WindowCounts {
        self.counts
    }

    pub(super) fn add(&mut self, article: &Article, scope: WindowScope) {
        let terms = &mut self.terms;
        self.reader.terms(article).for_each(|token| {
            if let Some(id) = token.term {
                terms.push((token.segment, id));
            }
        });
        let met = self.reader.vocab();
        for id in self.in_vocab.len()..met.len() {
            let term = met.term(TermId::try_from(id).unwrap_or(TermId::MAX));
            self.in_vocab.push(self.vocab.id(term));
        }
        // With `Segment` scope each segment is a text of its own, one without any term too.
        let texts = match scope {
            WindowScope::Segment => segments(article).count(),
            WindowScope::Document => 1,
        };
        let mut next = self.terms.iter().peekable();
        for text in 0..texts {
            while let Some(&&(segment, id)) = next.peek() {
                if scope == WindowScope::Segment && segment != text {
                    break;
                }
                self.text.push(self.in_vocab[id as usize]);
                next.next();
            }
            self.counts.add_text(&self.text);
            self.text.clear();
        }
        self.terms.clear();
    }
}
