//! N-grams of 2 to 5 terms within sentences, counted over a corpus in one parallel pass.
//!
//! # How n-grams are formed
//!
//! - Text comes from an article's [segments](dateline_text::segments()) (title, headings, paragraphs),
//!   tokenized by [`dateline_text::tokens`]. An n-gram never crosses a
//!   sentence or a segment: each segment and each sentence start a new run of tokens.
//! - Every token becomes a term the way [`TermOptions`] says (case folding, possessives, numbers,
//!   stemming), **with stopwords kept**: `Minister of Foreign Affairs` is a 4-gram. Forming
//!   n-grams after taking stopwords out would join words that were never next to each other
//!   (`minister foreign affairs`).
//! - A number token that the options leave out (`TermOptions::numbers(false)`) breaks the run,
//!   as a sentence end does, for the same reason.
//! - With [`StopwordEdges::Drop`] (the default) an n-gram that starts or ends with a stopword of
//!   the options' list is not counted (`of the`, `the talks`, `talks in`), as is usual for news
//!   phrase lists; stopwords inside are kept (`minister of foreign affairs`). For a bigram this
//!   drops every pair with a stopword in it, as NLTK's `apply_word_filter` with a stopword
//!   test does. [`StopwordEdges::Keep`] counts every n-gram.
//! - The unigram counts ([`NgramCounts::term_freq`]) and the token total
//!   ([`NgramCounts::tokens`]) count every term token of the runs, stopwords included: they are
//!   the marginals that [`collocations`](mod@crate::collocations) scores bigrams with.
//!
//! Each thread counts with its own interned ids; the counters are merged at the end and the ids
//! renumbered in term order, so the result does not depend on how the work was split.

mod frequent;
mod sharded;

use std::cmp::Reverse;

use dateline_model::Article;
use rayon::prelude::*;
use serde::Serialize;

use dateline_text::{DocMeta, FinishedTerms, TermId, TermOptions, TermReader, Vocabulary};

use sharded::ShardedCounts;

pub use frequent::count_frequent_ngrams;

/// The shortest n-gram counted.
pub const MIN_SIZE: usize = 2;
/// The longest n-gram counted.
pub const MAX_SIZE: usize = 5;

/// A sequence of 2 to 5 term ids, as a small value: counting allocates nothing per n-gram.
///
/// N-grams order by size, then term by term; since a finished [`Vocabulary`] numbers terms in
/// sort order, n-grams of one size order as their case-folded terms do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ngram {
    size: u8,
    ids: [TermId; MAX_SIZE],
}

impl Ngram {
    /// The n-gram of `ids`, or `None` unless there are 2 to 5 of them.
    #[must_use]
    pub fn new(ids: &[TermId]) -> Option<Self> {
        if !(MIN_SIZE..=MAX_SIZE).contains(&ids.len()) {
            return None;
        }
        let mut array = [0; MAX_SIZE];
        array[..ids.len()].copy_from_slice(ids);
        Some(Self { size: u8::try_from(ids.len()).ok()?, ids: array })
    }

    /// How many terms: 2 to 5.
    #[must_use]
    pub const fn size(&self) -> usize {
        self.size as usize
    }

    /// The term ids, in order.
    #[must_use]
    pub fn ids(&self) -> &[TermId] {
        &self.ids[..self.size()]
    }
}

/// Whether n-grams that start or end with a stopword are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StopwordEdges {
    /// Leave out n-grams whose first or last term is a stopword (`of the`, `talks in`).
    #[default]
    Drop,
    /// Count every n-gram.
    Keep,
}

/// A configuration the n-gram counter cannot work with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NgramError {
    /// The sizes are not `2 <= min <= max <= 5`.
    #[error("n-gram sizes must be from {MIN_SIZE} to {MAX_SIZE} with min <= max, got {min} to {max}")]
    Sizes {
        /// The smallest size asked for.
        min: usize,
        /// The largest size asked for.
        max: usize,
    },
}

/// How n-grams are counted and reported. Made with [`NgramOptions::builder`]; the default
/// counts bigrams and trigrams with [`TermOptions::new`], drops stopword edges, and reports
/// n-grams seen at least twice.
#[derive(Debug, Clone)]
pub struct NgramOptions {
    terms: TermOptions,
    min_size: usize,
    max_size: usize,
    stopword_edges: StopwordEdges,
    min_count: u64,
    top: Option<usize>,
}

impl Default for NgramOptions {
    fn default() -> Self {
        NgramOptionsBuilder::new().build_unchecked()
    }
}

impl NgramOptions {
    /// A builder starting from the defaults.
    ///
    /// ```
    /// use dateline_analyze::ngrams::{NgramOptions, StopwordEdges};
    ///
    /// let options = NgramOptions::builder().sizes(2, 4).stopword_edges(StopwordEdges::Keep).min_count(3).build()?;
    /// assert_eq!(options.sizes(), (2, 4));
    /// assert!(NgramOptions::builder().sizes(1, 6).build().is_err());
    /// # Ok::<(), dateline_analyze::ngrams::NgramError>(())
    /// ```
    #[must_use]
    pub fn builder() -> NgramOptionsBuilder {
        NgramOptionsBuilder::new()
    }

    /// The smallest and largest size counted.
    #[must_use]
    pub const fn sizes(&self) -> (usize, usize) {
        (self.min_size, self.max_size)
    }

    /// How tokens become terms.
    #[must_use]
    pub const fn terms(&self) -> &TermOptions {
        &self.terms
    }

    /// Whether n-grams with a stopword at either end are counted.
    #[must_use]
    pub const fn stopword_edges(&self) -> StopwordEdges {
        self.stopword_edges
    }

    /// The fewest occurrences an n-gram needs to be reported.
    #[must_use]
    pub const fn min_count(&self) -> u64 {
        self.min_count
    }

    /// How many rows a report keeps (`None`: all).
    #[must_use]
    pub const fn top(&self) -> Option<usize> {
        self.top
    }
}

/// Builds [`NgramOptions`]; see [`NgramOptions::builder`].
#[derive(Debug, Clone)]
pub struct NgramOptionsBuilder {
    terms: TermOptions,
    min_size: usize,
    max_size: usize,
    stopword_edges: StopwordEdges,
    min_count: u64,
    top: Option<usize>,
}

impl Default for NgramOptionsBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl NgramOptionsBuilder {
    /// The defaults: [`TermOptions::new`], sizes 2 to 3, [`StopwordEdges::Drop`], minimum count
    /// 2, every row.
    #[must_use]
    pub fn new() -> Self {
        Self {
            terms: TermOptions::new(),
            min_size: 2,
            max_size: 3,
            stopword_edges: StopwordEdges::Drop,
            min_count: 2,
            top: None,
        }
    }

    /// How tokens become terms; its stopword list decides [`StopwordEdges::Drop`].
    #[must_use]
    pub fn terms(mut self, terms: TermOptions) -> Self {
        self.terms = terms;
        self
    }

    /// Count n-grams of `min` to `max` terms (checked by [`build`](Self::build)).
    #[must_use]
    pub const fn sizes(mut self, min: usize, max: usize) -> Self {
        self.min_size = min;
        self.max_size = max;
        self
    }

    /// Whether n-grams with a stopword at either end are counted.
    #[must_use]
    pub const fn stopword_edges(mut self, edges: StopwordEdges) -> Self {
        self.stopword_edges = edges;
        self
    }

    /// Report only n-grams seen at least `min_count` times.
    #[must_use]
    pub const fn min_count(mut self, min_count: u64) -> Self {
        self.min_count = min_count;
        self
    }

    /// Keep the first `top` rows of a report (`None`: all).
    #[must_use]
    pub const fn top(mut self, top: Option<usize>) -> Self {
        self.top = top;
        self
    }

    /// The options, or an error when the sizes are not `2 <= min <= max <= 5`.
    ///
    /// # Errors
    ///
    /// [`NgramError::Sizes`].
    pub fn build(self) -> Result<NgramOptions, NgramError> {
        if MIN_SIZE <= self.min_size && self.min_size <= self.max_size && self.max_size <= MAX_SIZE {
            Ok(self.build_unchecked())
        } else {
            Err(NgramError::Sizes { min: self.min_size, max: self.max_size })
        }
    }

    /// The options without checking the sizes: only for sizes known to be valid.
    pub(crate) fn build_unchecked(self) -> NgramOptions {
        NgramOptions {
            terms: self.terms,
            min_size: self.min_size,
            max_size: self.max_size,
            stopword_edges: self.stopword_edges,
            min_count: self.min_count,
            top: self.top,
        }
    }
}

/// N-gram counts over a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NgramCounts {
    /// The options the text was read with.
    pub terms: TermOptions,
    /// Every term of the counted runs, stopwords included; ids follow the terms' sort order.
    pub vocab: Vocabulary,
    /// Occurrences of each term, indexed by term id (stopwords included).
    pub term_freq: Vec<u64>,
    /// Term tokens in the counted runs, stopwords included (left-out numbers are not).
    pub tokens: u64,
    /// Sentences (each title, heading and paragraph starts one).
    pub sentences: u64,
    /// Every counted n-gram with its count, in [`Ngram`] order.
    pub ngrams: Vec<(Ngram, u64)>,
}

impl NgramCounts {
    /// How often `ngram` occurs.
    #[must_use]
    pub fn count(&self, ngram: &Ngram) -> u64 {
        self.ngrams.binary_search_by(|(n, _)| n.cmp(ngram)).map_or(0, |i| self.ngrams[i].1)
    }

    /// The n-gram of these case-folded terms, if every term occurs.
    #[must_use]
    pub fn ngram(&self, terms: &[&str]) -> Option<Ngram> {
        let mut ids = [0; MAX_SIZE];
        for (slot, term) in ids.iter_mut().zip(terms) {
            *slot = self.vocab.id(term)?;
        }
        Ngram::new(ids.get(..terms.len())?)
    }

    /// How often the n-gram of these case-folded terms occurs.
    #[must_use]
    pub fn count_of(&self, terms: &[&str]) -> u64 {
        self.ngram(terms).map_or(0, |ngram| self.count(&ngram))
    }

    /// The n-gram written with its terms' display forms, separated by spaces: `Foreign Minister`.
    ///
    /// # Panics
    ///
    /// If `ngram` is not from these counts.
    #[must_use]
    pub fn display(&self, ngram: &Ngram) -> String {
        let mut out = String::new();
        for &id in ngram.ids() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.vocab.display(id));
        }
        out
    }

    /// The most frequent n-grams seen at least `options.min_count()` times, most frequent
    /// first; ties by size, then by case-folded terms.
    #[must_use]
    pub fn report(&self, options: &NgramOptions) -> NgramReport {
        NgramReport { tokens: self.tokens, sentences: self.sentences, rows: self.ranked(options).rows().collect() }
    }

    /// The rows [`NgramCounts::report`] would hold, in its order, each made only when asked
    /// for: what a table of every n-gram (`top(None)`) is written from, since its rows' text
    /// would take several times the counts' memory.
    ///
    /// ```
    /// use dateline_analyze::DocMeta;
    /// use dateline_analyze::ngrams::{NgramOptions, count_ngrams};
    ///
    /// let article = dateline_parse::parse_article(" date 2024-01-10 Gaza aid talks. Gaza aid waits.")?;
    /// let meta = DocMeta { path: "a.txt".into(), date: None };
    /// let options = NgramOptions::builder().sizes(2, 2).min_count(1).top(None).build()?;
    /// let counts = count_ngrams(&options, std::iter::once((meta, article)));
    /// let ranked = counts.ranked(&options);
    /// assert_eq!(ranked.len(), 3);
    /// let first = ranked.rows().next().unwrap();
    /// assert_eq!((first.rank, first.ngram.as_str(), first.count), (1, "Gaza aid", 2));
    /// assert_eq!(ranked.rows().collect::<Vec<_>>(), counts.report(&options).rows);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ranked(&self, options: &NgramOptions) -> RankedNgrams<'_> {
        let mut kept: Vec<&(Ngram, u64)> = self.ngrams.iter().filter(|(_, n)| *n >= options.min_count).collect();
        kept.sort_unstable_by_key(|&&(ngram, n)| (Reverse(n), ngram));
        kept.truncate(options.top.unwrap_or(usize::MAX));
        RankedNgrams { counts: self, kept }
    }
}

/// An n-gram table's rows in order, made one at a time from the counts; see
/// [`NgramCounts::ranked`].
#[derive(Debug, Clone)]
pub struct RankedNgrams<'c> {
    counts: &'c NgramCounts,
    kept: Vec<&'c (Ngram, u64)>,
}

impl RankedNgrams<'_> {
    /// How many rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// The rows, most frequent first, each ranked and written out as it comes.
    pub fn rows(&self) -> impl Iterator<Item = NgramRow> + '_ {
        let mut rank = 0;
        let mut previous = None;
        self.kept.iter().enumerate().map(move |(position, &&(ngram, count))| {
            if previous != Some(count) {
                rank = position + 1;
                previous = Some(count);
            }
            NgramRow { rank, ngram: self.counts.display(&ngram), n: ngram.size(), count }
        })
    }
}

/// One row of an n-gram table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NgramRow {
    /// Rank by count; tied n-grams share the lowest rank ("min" ranking: 1, 2, 2, 4).
    pub rank: usize,
    /// The terms' display forms separated by spaces.
    pub ngram: String,
    /// How many terms.
    pub n: usize,
    /// Occurrences.
    pub count: u64,
}

/// An n-gram table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NgramReport {
    /// Term tokens counted, stopwords included.
    pub tokens: u64,
    /// Sentences counted.
    pub sentences: u64,
    /// The n-grams, most frequent first.
    pub rows: Vec<NgramRow>,
}

/// Counts the n-grams of `(meta, article)` pairs in parallel on the current rayon pool. The
/// result is the same whatever the number of threads.
///
/// ```
/// use dateline_analyze::DocMeta;
/// use dateline_analyze::ngrams::{NgramOptions, count_ngrams};
///
/// let article = dateline_parse::parse_article(
///     " date 2024-01-10 The Foreign Minister of Iran met the Foreign Minister. Foreign trade grew.",
/// )?;
/// let meta = DocMeta { path: "a.txt".into(), date: None };
/// let options = NgramOptions::builder().sizes(2, 4).build()?;
/// let counts = count_ngrams(&options, std::iter::once((meta, article)));
/// assert_eq!(counts.count_of(&["foreign", "minister"]), 2);
/// assert_eq!(counts.count_of(&["foreign", "minister", "of", "iran"]), 1);
/// assert_eq!(counts.count_of(&["minister", "foreign"]), 0); // across a sentence end
/// assert_eq!(counts.count_of(&["the", "foreign"]), 0); // starts with a stopword
/// let report = counts.report(&options);
/// assert_eq!((report.rows[0].ngram.as_str(), report.rows[0].count), ("Foreign Minister", 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn count_ngrams<I>(options: &NgramOptions, docs: I) -> NgramCounts
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    docs.par_bridge()
        .fold(
            || NgramCounter::new(options),
            |mut counter, (_, article)| {
                counter.add(&article);
                counter
            },
        )
        .reduce(|| NgramCounter::new(options), NgramCounter::merge)
        .finish()
}

/// Counts and reports in one call: the same table as [`count_ngrams`] then
/// [`NgramCounts::report`], counted by [`count_frequent_ngrams`], which holds only what the
/// report can show and counts in parts within a memory budget.
pub fn ngram_table<I>(options: &NgramOptions, docs: I) -> NgramReport
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    count_frequent_ngrams(options, docs).report(options)
}

/// Counts articles one at a time; merge counters from several threads with
/// [`NgramCounter::merge`].
#[derive(Debug, Clone)]
pub struct NgramCounter<'o> {
    options: &'o NgramOptions,
    /// Stopwords come through as terms, marked: they stay inside n-grams.
    reader: TermReader<'o>,
    tokens: u64,
    sentences: u64,
    ngrams: SizeMaps,
}

impl<'o> NgramCounter<'o> {
    /// An empty counter.
    #[must_use]
    pub fn new(options: &'o NgramOptions) -> Self {
        Self {
            options,
            reader: options.terms.reader().keep_stopwords(),
            tokens: 0,
            sentences: 0,
            ngrams: SizeMaps::default(),
        }
    }

    /// Counts the n-grams of one article.
    pub fn add(&mut self, article: &Article) {
        let (min_size, max_size) = (self.options.min_size, self.options.max_size);
        let drop_edges = self.options.stopword_edges == StopwordEdges::Drop;
        // The last `run` terms of the current sentence, newest last, each with whether it is a
        // stopword.
        let mut window = [(0, false); MAX_SIZE];
        let mut run = 0;
        let (tokens, sentences, ngrams) = (&mut self.tokens, &mut self.sentences, &mut self.ngrams);
        self.reader.terms(article).for_each(|token| {
            if token.sentence_start || token.segment_start {
                run = 0;
            }
            *sentences += u64::from(token.sentence_start);
            // A left-out number breaks the run as a sentence end does.
            let Some(id) = token.term else {
                run = 0;
                return;
            };
            *tokens += 1;
            window.copy_within(1.., 0);
            window[MAX_SIZE - 1] = (id, token.stopword);
            run = (run + 1).min(MAX_SIZE);
            for size in min_size..=max_size.min(run) {
                let gram = &window[MAX_SIZE - size..];
                if drop_edges && (gram[0].1 || gram[size - 1].1) {
                    continue;
                }
                ngrams.add(gram);
            }
        });
    }

    /// Adds `other`'s counts to these. Merging in any order gives the same finished counts.
    #[must_use]
    pub fn merge(mut self, mut other: Self) -> Self {
        // The result is the same either way round; re-keying the smaller side is cheaper.
        if other.ngrams.len() > self.ngrams.len() {
            std::mem::swap(&mut self, &mut other);
        }
        let remap = self.reader.merge(&other.reader);
        self.tokens += other.tokens;
        self.sentences += other.sentences;
        self.ngrams.merge(other.ngrams, &remap);
        self
    }

    /// The finished counts: term ids in sort order, n-grams sorted.
    #[must_use]
    pub fn finish(self) -> NgramCounts {
        let terms = self.reader.options().clone();
        let FinishedTerms { vocab, term_freq, ids } = self.reader.finish();
        let ngrams = self.ngrams.finish(ids.new_ids());
        NgramCounts { terms, vocab, term_freq, tokens: self.tokens, sentences: self.sentences, ngrams }
    }
}

/// One thread's n-gram counts: counts per size, each keyed by exactly as many ids, so that
/// short n-grams take short keys.
#[derive(Debug, Clone, Default)]
struct SizeMaps {
    two: ShardedCounts<2>,
    three: ShardedCounts<3>,
    four: ShardedCounts<4>,
    five: ShardedCounts<5>,
}

impl SizeMaps {
    fn len(&self) -> usize {
        self.two.len() + self.three.len() + self.four.len() + self.five.len()
    }

    /// Counts one occurrence of the n-gram of `gram`'s ids.
    fn add(&mut self, gram: &[(TermId, bool)]) {
        fn bump<const N: usize>(counts: &mut ShardedCounts<N>, gram: &[(TermId, bool)]) {
            let mut key = [0; N];
            for (slot, &(id, _)) in key.iter_mut().zip(gram) {
                *slot = id;
            }
            counts.add(key, 1);
        }
        match gram.len() {
            2 => bump(&mut self.two, gram),
            3 => bump(&mut self.three, gram),
            4 => bump(&mut self.four, gram),
            _ => bump(&mut self.five, gram),
        }
    }

    /// Adds `other`'s counts, its ids translated by `remap`.
    fn merge(&mut self, other: Self, remap: &[TermId]) {
        fn merge_counts<const N: usize>(into: &mut ShardedCounts<N>, from: ShardedCounts<N>, remap: &[TermId]) {
            for (key, n) in from.into_counts() {
                into.add(key.map(|id| remap[id as usize]), n);
            }
        }
        merge_counts(&mut self.two, other.two, remap);
        merge_counts(&mut self.three, other.three, remap);
        merge_counts(&mut self.four, other.four, remap);
        merge_counts(&mut self.five, other.five, remap);
    }

    /// Every n-gram with its count, ids translated by `new_id`, sorted.
    fn finish(self, new_id: &[TermId]) -> Vec<(Ngram, u64)> {
        fn push<const N: usize>(out: &mut Vec<(Ngram, u64)>, from: ShardedCounts<N>, new_id: &[TermId]) {
            out.extend(
                from.into_counts()
                    .filter_map(|(key, n)| Ngram::new(&key.map(|id| new_id[id as usize])).map(|g| (g, n))),
            );
        }
        let mut out = Vec::with_capacity(self.len());
        push(&mut out, self.two, new_id);
        push(&mut out, self.three, new_id);
        push(&mut out, self.four, new_id);
        push(&mut out, self.five, new_id);
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::article_with;
    use dateline_text::Stopwords;

    fn count(options: &NgramOptions, articles: &[Article]) -> NgramCounts {
        let mut counter = NgramCounter::new(options);
        for a in articles {
            counter.add(a);
        }
        counter.finish()
    }

    fn keep_all(min: usize, max: usize) -> NgramOptions {
        NgramOptions::builder()
            .terms(TermOptions::new().stopwords(Stopwords::None))
            .stopword_edges(StopwordEdges::Keep)
            .sizes(min, max)
            .min_count(1)
            .build()
            .expect("valid sizes")
    }

    #[test]
    fn sizes_are_checked() {
        assert!(NgramOptions::builder().sizes(2, 5).build().is_ok());
        for (min, max) in [(1, 3), (3, 2), (2, 6), (0, 0)] {
            assert_eq!(NgramOptions::builder().sizes(min, max).build().err(), Some(NgramError::Sizes { min, max }));
        }
        assert_eq!(NgramOptions::default().sizes(), (2, 3));
        assert_eq!(Ngram::new(&[1]), None);
        assert_eq!(Ngram::new(&[1, 2, 3, 4, 5, 6]), None);
        assert_eq!(Ngram::new(&[4, 2]).map(|n| n.ids().to_vec()), Some(vec![4, 2]));
    }

    #[test]
    fn ngrams_stay_inside_sentences_and_segments() {
        let options = keep_all(2, 3);
        let counts =
            count(&options, &[article_with(Some("Gaza talks"), &["Aid arrives. Talks resume", "Gaza aid waits"])]);
        // Title, first sentence, second sentence, second paragraph.
        assert_eq!(counts.sentences, 4);
        assert_eq!(counts.tokens, 9);
        assert_eq!(counts.count_of(&["gaza", "talks"]), 1);
        assert_eq!(counts.count_of(&["talks", "aid"]), 0, "title to paragraph");
        assert_eq!(counts.count_of(&["arrives", "talks"]), 0, "across a full stop");
        assert_eq!(counts.count_of(&["resume", "gaza"]), 0, "paragraph to paragraph");
        assert_eq!(counts.count_of(&["gaza", "aid", "waits"]), 1);
        // A run of L tokens holds L - n + 1 n-grams: runs of 2, 2, 2, 3 tokens.
        let bigrams: u64 = counts.ngrams.iter().filter(|(g, _)| g.size() == 2).map(|(_, n)| n).sum();
        let trigrams: u64 = counts.ngrams.iter().filter(|(g, _)| g.size() == 3).map(|(_, n)| n).sum();
        assert_eq!((bigrams, trigrams), (5, 1));
    }

    #[test]
    fn stopwords_are_kept_inside_and_dropped_at_the_edges() {
        let text = ["The Minister of Foreign Affairs met the press"];
        let drop = NgramOptions::builder().sizes(2, 5).min_count(1).build().expect("valid sizes");
        let counts = count(&drop, &[article_with(None, &text)]);
        assert_eq!(counts.count_of(&["minister", "of", "foreign", "affairs"]), 1);
        assert_eq!(counts.count_of(&["foreign", "affairs"]), 1);
        assert_eq!(counts.count_of(&["minister", "of"]), 0);
        assert_eq!(counts.count_of(&["the", "minister"]), 0);
        assert_eq!(counts.count_of(&["affairs", "met", "the"]), 0);
        // Stopwords are still terms and tokens: the collocation marginals need them.
        assert_eq!(counts.tokens, 8);
        assert_eq!(counts.term_freq[counts.vocab.id("the").expect("kept") as usize], 2);
        let keep = count(&keep_all(2, 5), &[article_with(None, &text)]);
        assert_eq!(keep.count_of(&["minister", "of"]), 1);
        assert_eq!(keep.count_of(&["the", "minister", "of", "foreign", "affairs"]), 1);
        // Removing stopwords first would have made this pair; n-grams never do.
        assert_eq!(keep.count_of(&["minister", "foreign"]), 0);
    }

    #[test]
    fn left_out_numbers_break_runs() {
        let options = NgramOptions::builder()
            .terms(TermOptions::new().numbers(false))
            .min_count(1)
            .sizes(2, 2)
            .build()
            .expect("valid sizes");
        let counts = count(&options, &[article_with(None, &["Trucks carried 100 tonnes of grain"])]);
        assert_eq!(counts.count_of(&["carried", "tonnes"]), 0);
        assert_eq!(counts.count_of(&["trucks", "carried"]), 1);
        assert_eq!(counts.tokens, 5);
    }

    #[test]
    fn display_forms_and_stemming() {
        let options = NgramOptions::builder().terms(TermOptions::new().stem(true)).min_count(1).build().expect("ok");
        let counts = count(&options, &[article_with(None, &["Lavrov’s talks. Lavrov talks. lavrov talked"])]);
        let ngram = counts.ngram(&["lavrov", "talk"]).expect("stemmed bigram");
        assert_eq!(counts.count(&ngram), 3);
        assert_eq!(counts.display(&ngram), "Lavrov talks");
    }

    #[test]
    fn reports_rank_by_count_then_size_then_terms() {
        let options = NgramOptions::builder().sizes(2, 3).min_count(2).top(Some(3)).build().expect("valid sizes");
        let text = ["Gaza aid convoy. Gaza aid convoy. Iran oil. Iran oil. Iran oil. Ceasefire talks"];
        let report = count(&options, &[article_with(None, &text)]).report(&options);
        let rows: Vec<(usize, &str, usize, u64)> =
            report.rows.iter().map(|r| (r.rank, r.ngram.as_str(), r.n, r.count)).collect();
        assert_eq!(rows, [(1, "Iran oil", 2, 3), (2, "aid convoy", 2, 2), (2, "Gaza aid", 2, 2)]);
        let all = NgramOptions::builder().sizes(2, 3).min_count(2).build().expect("valid sizes");
        let report = count(&all, &[article_with(None, &text)]).report(&all);
        assert_eq!(report.rows.len(), 4);
        assert_eq!(report.rows[3].ngram, "Gaza aid convoy");
    }

    #[test]
    fn merging_in_either_order_gives_the_same_counts() {
        let options = keep_all(2, 4);
        let articles = [
            article_with(Some("Iran and Russia talk"), &["Russia trades grain with Iran."]),
            article_with(None, &["Grain talks in Iran stall. Russia and Iran talk again."]),
            article_with(None, &["The INSTC corridor links Russia and Iran."]),
        ];
        let single = count(&options, &articles);
        let split = |order: [usize; 3]| {
            order
                .iter()
                .map(|&i| {
                    let mut c = NgramCounter::new(&options);
                    c.add(&articles[i]);
                    c
                })
                .reduce(NgramCounter::merge)
                .expect("three")
                .finish()
        };
        assert_eq!(split([0, 1, 2]), single);
        assert_eq!(split([2, 0, 1]), single);
        assert_eq!(single.count_of(&["russia", "and", "iran"]), 2);
        assert_eq!(single.vocab.display(single.vocab.id("instc").expect("term")), "INSTC");
    }
}
