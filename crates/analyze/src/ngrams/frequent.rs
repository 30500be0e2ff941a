//! Frequent n-grams in bounded memory: only the n-grams seen at least `min_count` times, found
//! without ever holding every distinct n-gram of the corpus.
//!
//! Counting every distinct n-gram takes memory in proportion to the corpus: real text has
//! nearly as many distinct 5-grams as it has tokens, most of them seen once. A report keeps
//! only the n-grams seen `min_count` times or more, and an n-gram can be seen no more often
//! than the (n-1)-gram it starts with or the one it ends with (the apriori property of
//! frequent itemsets, Agrawal and Srikant 1994; here over contiguous runs). So:
//!
//! 1. The corpus is read once. Each sentence's run of term ids is kept, packed: one to three
//!    bytes per token (LEB128 of the id and whether this token is a stopword; terms are
//!    numbered as first met, so frequent ones have small ids), a zero byte between runs.
//! 2. For each size n from 2 up, the packed runs are read again and an n-gram is counted only
//!    when both its terms are seen `min_count` times (n = 2) or both its (n-1)-grams were
//!    found frequent (n > 2); what falls below `min_count` is then dropped. Each n-gram has
//!    two counts: every occurrence (what longer n-grams are pruned by) and the occurrences
//!    without a stopword at either edge (what a report with [`StopwordEdges::Drop`] shows).
//!    Whether a token is a stopword is the token's, not its term's: with stemming, `others`
//!    and `other` are one term, and only `other` is on the list.
//! 3. When the candidates of a size would take more than [`map_budget`] entries, they are
//!    counted in passes, each over the n-grams whose hash falls in one part of the range,
//!    doubling the parts until each fits.
//!
//! 4. Only the frequent n-grams of the size being counted and of the one before are held; what
//!    a report will show is set aside as each size is done, and when the report keeps its
//!    first `top` rows, only those.
//!
//! The result is exact: the same n-grams and counts as counting everything and keeping those
//! seen `min_count` times. Memory is the packed runs, the frequent n-grams of two sizes and
//! one part's counting map; with `min_count` 1 every n-gram is frequent, and memory grows with
//! the distinct n-grams, as the output itself does.
//!
//! As it stands this takes more memory and time than [`count_ngrams`](super::count_ngrams) on
//! real text, so [`ngram_table`](super::ngram_table) does not use it. On a 207.5 MB tree of
//! real paragraphs (release build, 2 loaded cores): sizes 2 to 3, 309 MB peak against 195 MB;
//! sizes 2 to 5, 558 MB against 408 MB, and 6 to 25 times the time. The frequent (n-1)-grams
//! it must hold to prune include those with a stopword at an edge (`minister of`), which
//! counting everything with [`StopwordEdges::Drop`] never counts, and most frequent n-grams of
//! English are such; each entry is keyed by five ids whatever its size; and a size whose
//! candidates outgrow the budget is read again for every doubling of the parts.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use dateline_model::Article;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{MAX_SIZE, Ngram, NgramCounts, NgramOptions, StopwordEdges};
use dateline_text::{DocMeta, FinishedTerms, TermId, TermReader};

/// Term ids of an n-gram, padded with zeros: maps are per size, so the padding is never
/// mistaken for a term.
type Key = [TermId; MAX_SIZE];

/// Counts the n-grams of `(meta, article)` pairs seen at least `options.min_count()` times, in
/// bounded memory (apriori: an n-gram is counted only when its two (n-1)-grams were
/// frequent). The counts hold only those n-grams (of the sizes asked for, without stopword
/// edges unless the options keep them), and when the options keep the first `top` rows of a
/// report, only those `top`; everything else is as [`count_ngrams`](super::count_ngrams) gives
/// it, and so is the report.
///
/// ```
/// use dateline_analyze::DocMeta;
/// use dateline_analyze::ngrams::{NgramOptions, count_frequent_ngrams, count_ngrams};
///
/// let article = || dateline_parse::parse_article(
///     " date 2024-01-10 The Foreign Minister of Iran met the Foreign Minister. Foreign trade grew.",
/// );
/// let meta = || DocMeta { path: "a.txt".into(), date: None };
/// let options = NgramOptions::builder().sizes(2, 4).min_count(2).build()?;
/// let frequent = count_frequent_ngrams(&options, std::iter::once((meta(), article()?)));
/// let all = count_ngrams(&options, std::iter::once((meta(), article()?)));
/// assert_eq!(frequent.ngrams.len(), 1); // `foreign minister`, twice
/// assert_eq!(frequent.report(&options), all.report(&options));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn count_frequent_ngrams<I>(options: &NgramOptions, docs: I) -> NgramCounts
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    count_within(options, docs, None).0
}

/// [`count_frequent_ngrams`] with each pass's counting map held to `budget` entries (`None`:
/// [`map_budget`]), and the most passes any size took.
fn count_within<I>(options: &NgramOptions, docs: I, budget: Option<usize>) -> (NgramCounts, u64)
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    let recorded = docs
        .par_bridge()
        .fold(
            || Recorder::new(options),
            |mut recorder, (_, article)| {
                recorder.add(&article);
                recorder
            },
        )
        .reduce(|| Recorder::new(options), Recorder::merge);
    recorded.finish(budget)
}

/// One thread's reading: its terms, and its runs of term ids, packed.
struct Recorder<'o> {
    options: &'o NgramOptions,
    reader: TermReader<'o>,
    tokens: u64,
    sentences: u64,
    runs: Runs,
}

impl<'o> Recorder<'o> {
    fn new(options: &'o NgramOptions) -> Self {
        Self {
            options,
            reader: options.terms.reader().keep_stopwords(),
            tokens: 0,
            sentences: 0,
            runs: Runs::default(),
        }
    }

    /// Records one article's runs, as [`NgramCounter::add`](super::NgramCounter::add) forms them.
    fn add(&mut self, article: &Article) {
        let Self { reader, tokens, sentences, runs, .. } = self;
        runs.end_run();
        reader.terms(article).for_each(|token| {
            if token.sentence_start || token.segment_start {
                runs.end_run();
            }
            *sentences += u64::from(token.sentence_start);
            // A left-out number breaks the run as a sentence end does.
            let Some(id) = token.term else {
                runs.end_run();
                return;
            };
            *tokens += 1;
            runs.push(id, token.stopword);
        });
    }

    /// Adds `other`'s terms and runs to these (its ids translated to these).
    fn merge(mut self, mut other: Self) -> Self {
        // Re-packing the shorter side's runs is cheaper; the counts come out the same.
        if other.runs.bytes.len() > self.runs.bytes.len() {
            std::mem::swap(&mut self, &mut other);
        }
        let remap = self.reader.merge(&other.reader);
        self.runs.end_run();
        other.runs.each_run(|run| {
            for &(id, stop) in run {
                self.runs.push(remap[id as usize], stop);
            }
            self.runs.end_run();
        });
        self.tokens += other.tokens;
        self.sentences += other.sentences;
        self
    }

    /// The frequent n-grams, each pass's map within `budget` entries (`None`: [`map_budget`]),
    /// and the most passes any size took.
    fn finish(self, budget: Option<usize>) -> (NgramCounts, u64) {
        let Self { options, reader, tokens, sentences, runs } = self;
        let local_freq = reader.term_freq().to_vec();
        let terms = reader.options().clone();
        let FinishedTerms { vocab, term_freq, ids } = reader.finish();
        let new_id = ids.new_ids();
        let drop_edges = options.stopword_edges == StopwordEdges::Drop;
        let min_count = options.min_count;
        // What the report may show: the sizes asked for, counted as the options say (without
        // the occurrences with a stopword edge, unless kept) at least `min_count` times; the
        // rest was counted only to find longer n-grams.
        let reported = |size: usize, key: &Key, counts: Counts| -> Option<(Ngram, u64)> {
            let n = if drop_edges { counts.clean } else { counts.all };
            if size < options.min_size || n < min_count {
                return None;
            }
            let mut ids = [0; MAX_SIZE];
            for (slot, &old) in ids.iter_mut().zip(&key[..size]) {
                *slot = new_id[old as usize];
            }
            Some((Ngram::new(&ids[..size])?, n))
        };
        let mut kept = Kept::new(options.top);
        let budget = budget.unwrap_or_else(|| map_budget(&runs));
        let mut most_passes = 1;
        let mut shorter: FxHashMap<Key, Counts> = FxHashMap::default();
        for size in 2..=options.max_size {
            let candidate = |gram: &[TermId]| -> bool {
                if min_count <= 1 {
                    true
                } else if size == 2 {
                    gram.iter().all(|&id| local_freq.get(id as usize).is_some_and(|&n| n >= min_count))
                } else {
                    shorter.contains_key(&key_of(&gram[..size - 1])) && shorter.contains_key(&key_of(&gram[1..]))
                }
            };
            if size < options.max_size {
                let (frequent, passes) =
                    count_in_parts(&runs, size, budget, candidate, FxHashMap::default, |map, key, counts| {
                        (counts.all >= min_count).then(|| map.insert(key, counts));
                    });
                most_passes = most_passes.max(passes);
                for (key, &counts) in &frequent {
                    if let Some((ngram, n)) = reported(size, key, counts) {
                        kept.push(ngram, n);
                    }
                }
                shorter = frequent;
            } else {
                // The longest size is needed by no other: only what the report keeps is held.
                let (longest, passes) = count_in_parts(
                    &runs,
                    size,
                    budget,
                    candidate,
                    || Kept::new(options.top),
                    |longest, key, counts| {
                        if let Some((ngram, n)) = reported(size, &key, counts) {
                            longest.push(ngram, n);
                        }
                    },
                );
                most_passes = most_passes.max(passes);
                kept.extend(longest);
            }
        }
        (NgramCounts { terms, vocab, term_freq, tokens, sentences, ngrams: kept.into_sorted() }, most_passes)
    }
}

/// The n-grams a report will show: with `top`, only the first `top` in the report's order
/// (most frequent first, ties in n-gram order), which is all a report of `top` rows reads.
struct Kept {
    top: Option<usize>,
    /// The worst kept n-gram on top, to be dropped when a better one comes.
    heap: BinaryHeap<(Reverse<u64>, Ngram)>,
}

impl Kept {
    fn new(top: Option<usize>) -> Self {
        Self { top, heap: BinaryHeap::new() }
    }

    fn push(&mut self, ngram: Ngram, n: u64) {
        self.heap.push((Reverse(n), ngram));
        if self.top.is_some_and(|top| self.heap.len() > top) {
            self.heap.pop();
        }
    }

    fn extend(&mut self, other: Self) {
        for (Reverse(n), ngram) in other.heap {
            self.push(ngram, n);
        }
    }

    /// The kept n-grams with their counts, in [`Ngram`] order.
    fn into_sorted(self) -> Vec<(Ngram, u64)> {
        let mut ngrams: Vec<(Ngram, u64)> = self.heap.into_iter().map(|(Reverse(n), ngram)| (ngram, n)).collect();
        ngrams.sort_unstable();
        ngrams
    }
}

/// An n-gram's occurrences: all of them, and those without a stopword token at either edge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    all: u64,
    clean: u64,
}

/// Runs of tokens packed as LEB128 of `2 id + stopword + 1`, each run ended by a zero byte.
#[derive(Debug, Default)]
struct Runs {
    bytes: Vec<u8>,
}

impl Runs {
    /// Adds a token of term `id`, a stopword or not, to the current run.
    fn push(&mut self, id: TermId, stopword: bool) {
        let mut value = (u64::from(id) << 1 | u64::from(stopword)) + 1;
        while value >= 0x80 {
            // Truncation keeps the low seven bits, which is the point.
            #[allow(clippy::cast_possible_truncation, reason = "masked to seven bits")]
            self.bytes.push((value as u8 & 0x7f) | 0x80);
            value >>= 7;
        }
        #[allow(clippy::cast_possible_truncation, reason = "below 0x80")]
        self.bytes.push(value as u8);
    }

    /// Ends the current run; runs are never empty.
    fn end_run(&mut self) {
        if self.bytes.last().is_some_and(|&b| b != 0) {
            self.bytes.push(0);
        }
    }

    /// Calls `each` with every run's tokens (term id, stopword), in order.
    fn each_run(&self, mut each: impl FnMut(&[(TermId, bool)])) {
        let mut run = Vec::new();
        let (mut value, mut shift) = (0u64, 0u32);
        for &byte in &self.bytes {
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 != 0 {
                shift += 7;
                continue;
            }
            if value == 0 {
                each(&run);
                run.clear();
            } else {
                let code = value - 1;
                #[allow(clippy::cast_possible_truncation, reason = "pushed from a TermId")]
                run.push(((code >> 1) as TermId, code & 1 == 1));
            }
            (value, shift) = (0, 0);
        }
        if !run.is_empty() {
            each(&run);
        }
    }

    /// Calls `each` with every n-gram of `size` tokens, in order.
    fn each_ngram(&self, size: usize, mut each: impl FnMut(&[(TermId, bool)])) {
        self.each_run(|run| run.windows(size).for_each(&mut each));
    }
}

/// The most entries one pass's counting map may hold: about as many bytes as the packed runs
/// take (an entry is 36 bytes and its share of the table's spare room), and at least a few
/// megabytes, so that small corpora count in one pass.
fn map_budget(runs: &Runs) -> usize {
    (runs.bytes.len() / 48).max(1 << 16)
}

/// Which of `parts` passes counts `key`: a hash other than the counting map's, so one pass's
/// keys still spread over all of the map's buckets.
fn part_of(key: &[TermId], parts: u64) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3;
    for &id in key {
        h = (h ^ u64::from(id)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    // splitmix64's finaliser: every bit of the key reaches the high bits used here.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    (h >> 32) % parts
}

fn key_of(ids: &[TermId]) -> Key {
    let mut key = [0; MAX_SIZE];
    key[..ids.len()].copy_from_slice(ids);
    key
}

/// The key of a run's tokens.
fn key_of_tokens(tokens: &[(TermId, bool)]) -> Key {
    let mut key = [0; MAX_SIZE];
    for (slot, &(id, _)) in key.iter_mut().zip(tokens) {
        *slot = id;
    }
    key
}

/// The n-grams of `size` that `candidate` lets through, with their counts, each handed to
/// `add` with an accumulator made by `init`, in as many passes as keep each pass's counting
/// map within `budget` entries; and how many passes that took. A pass that outgrows it starts
/// them all again, in twice as many parts, with a new accumulator. Parts stop doubling at
/// 2^32, where every distinct hash has a part of its own: past that a part's map may outgrow
/// the budget (only for more than `budget` keys of one 64-bit hash, which does not happen).
fn count_in_parts<A>(
    runs: &Runs,
    size: usize,
    budget: usize,
    candidate: impl Fn(&[TermId]) -> bool,
    init: impl Fn() -> A,
    mut add: impl FnMut(&mut A, Key, Counts),
) -> (A, u64) {
    let mut parts = 1u64;
    loop {
        let limit = if parts >= MOST_PARTS { usize::MAX } else { budget };
        let counted = (0..parts).try_fold(init(), |mut acc, part| {
            let counts = count_part(runs, size, (part, parts), limit, &candidate)?;
            for (key, n) in counts {
                add(&mut acc, key, n);
            }
            Some(acc)
        });
        match counted {
            Some(acc) => return (acc, parts),
            None => parts *= 2,
        }
    }
}

/// The most parts a size is counted in: one per value of the 32 bits [`part_of`] uses.
const MOST_PARTS: u64 = 1 << 32;

/// The counts of the candidate n-grams of `size` in part `part.0` of `part.1`, or `None` as
/// soon as they take more than `budget` entries.
fn count_part(
    runs: &Runs,
    size: usize,
    (part, parts): (u64, u64),
    budget: usize,
    candidate: &impl Fn(&[TermId]) -> bool,
) -> Option<FxHashMap<Key, Counts>> {
    let mut counts: FxHashMap<Key, Counts> = FxHashMap::default();
    let mut overflow = false;
    runs.each_ngram(size, |gram| {
        if overflow {
            return;
        }
        let key = key_of_tokens(gram);
        if (parts > 1 && part_of(&key[..size], parts) != part) || !candidate(&key[..size]) {
            return;
        }
        let entry = counts.entry(key).or_default();
        entry.all += 1;
        entry.clean += u64::from(!gram[0].1 && !gram[size - 1].1);
        overflow = counts.len() > budget;
    });
    (!overflow).then_some(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ngrams::count_ngrams;
    use crate::test_support::article_with;
    use dateline_text::{Stopwords, TermOptions};
    use proptest::prelude::*;

    fn docs(texts: &[&[&str]]) -> Vec<(DocMeta, Article)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, paragraphs)| (DocMeta { path: format!("{i}.txt"), date: None }, article_with(None, paragraphs)))
            .collect()
    }

    /// The frequent n-grams of everything counted: what the report keeps.
    fn frequent_of_all(options: &NgramOptions, docs: Vec<(DocMeta, Article)>) -> NgramCounts {
        let mut all = count_ngrams(options, docs.into_iter());
        let (min, max) = options.sizes();
        all.ngrams.retain(|(g, n)| *n >= options.min_count() && (min..=max).contains(&g.size()));
        all
    }

    fn corpus() -> Vec<(DocMeta, Article)> {
        docs(&[
            &["The Foreign Minister of Iran met the Foreign Minister of Russia. Foreign trade grew."],
            &["The Foreign Minister of Iran spoke. The Foreign Minister of Iran left.", "Trade grew 100 percent."],
            &["Foreign trade grew again, the Foreign Minister of Russia said."],
        ])
    }

    #[test]
    fn frequent_ngrams_are_those_of_counting_everything() {
        for (min, max, min_count, edges, stopwords) in [
            (2, 5, 2, StopwordEdges::Drop, Stopwords::English),
            (2, 5, 2, StopwordEdges::Keep, Stopwords::None),
            (3, 5, 3, StopwordEdges::Drop, Stopwords::English),
            (2, 3, 1, StopwordEdges::Keep, Stopwords::English),
            (4, 4, 2, StopwordEdges::Keep, Stopwords::English),
        ] {
            let options = NgramOptions::builder()
                .terms(TermOptions::new().stopwords(stopwords.clone()))
                .sizes(min, max)
                .min_count(min_count)
                .stopword_edges(edges)
                .build()
                .expect("valid sizes");
            let frequent = count_frequent_ngrams(&options, corpus().into_iter());
            let expected = frequent_of_all(&options, corpus());
            assert_eq!(frequent, expected, "sizes {min}..={max}, min count {min_count}, {edges:?}");
            assert_eq!(frequent.report(&options), count_ngrams(&options, corpus().into_iter()).report(&options));
            for top in [1, 2, 5] {
                let options = NgramOptions { top: Some(top), ..options.clone() };
                let frequent = count_frequent_ngrams(&options, corpus().into_iter());
                let all = count_ngrams(&options, corpus().into_iter());
                assert_eq!(frequent.report(&options), all.report(&options), "top {top}");
                assert!(frequent.ngrams.len() <= top);
            }
        }
    }

    #[test]
    fn minister_of_foreign_affairs_is_found_through_its_stopword_edged_parts() {
        // `minister of` and `of foreign` are never reported (a stopword at an edge), but they
        // must be counted to find the 4-gram.
        let text: &[&str] = &["The Minister of Foreign Affairs met the Minister of Foreign Affairs."];
        let options = NgramOptions::builder().sizes(4, 4).min_count(2).build().expect("valid sizes");
        let counts = count_frequent_ngrams(&options, docs(&[text]).into_iter());
        assert_eq!(counts.count_of(&["minister", "of", "foreign", "affairs"]), 2);
        assert_eq!(counts.ngrams.len(), 1);
    }

    #[test]
    fn counting_in_parts_gives_the_same_counts_as_one_pass() {
        let mut runs = Runs::default();
        for i in 0..5000u32 {
            runs.push(i % 97, false);
            runs.push(i % 89, i % 3 == 0);
            runs.push(i % 13, false);
            if i % 7 == 0 {
                runs.end_run();
            }
        }
        for size in 2..=MAX_SIZE {
            let count = |budget| {
                count_in_parts(
                    &runs,
                    size,
                    budget,
                    |_| true,
                    FxHashMap::default,
                    |map, key, counts| {
                        (counts.all >= 2).then(|| map.insert(key, counts));
                    },
                )
            };
            let ((one, one_pass), (parts, passes)) = (count(usize::MAX), count(100));
            assert_eq!(parts, one, "size {size}");
            assert!(!one.is_empty());
            assert_eq!(one_pass, 1);
            assert!(passes > 1, "size {size}: {passes} passes");
        }
    }

    #[test]
    fn packed_runs_read_back_as_written() {
        let mut runs = Runs::default();
        runs.end_run();
        let written = [(0, false), (0, true), (63, false), (64, true), (8_191, false), (8_192, true), (u32::MAX, true)];
        for (id, stop) in written {
            runs.push(id, stop);
        }
        runs.end_run();
        runs.end_run();
        runs.push(5, false);
        let mut read = Vec::new();
        runs.each_run(|run| read.push(run.to_vec()));
        assert_eq!(read, [written.to_vec(), vec![(5, false)]]);
    }

    /// A random small corpus: articles of one to three paragraphs over a few words, stopwords,
    /// a number and full stops among them, so that runs break and n-grams repeat.
    fn small_corpus() -> impl Strategy<Value = Vec<Vec<String>>> {
        let word = proptest::sample::select(vec![
            "Iran", "iran", "Russia", "grain", "talks", "minister", "foreign", "the", "of", "and", "100", "talks.",
            "other", "others", "most", "down", "downs",
        ]);
        let paragraph = proptest::collection::vec(word, 0..25).prop_map(|words| words.join(" "));
        let article = proptest::collection::vec(paragraph, 1..4);
        proptest::collection::vec(article, 1..8)
    }

    fn docs_of(corpus: &[Vec<String>]) -> Vec<(DocMeta, Article)> {
        let texts: Vec<Vec<&str>> = corpus.iter().map(|a| a.iter().map(String::as_str).collect()).collect();
        let slices: Vec<&[&str]> = texts.iter().map(Vec::as_slice).collect();
        docs(&slices)
    }

    #[test]
    fn frequent_reports_equal_full_reports_on_random_corpora() {
        use proptest::test_runner::{Config, TestRunner};
        use std::sync::atomic::{AtomicU64, Ordering};
        // Cases whose budget made some size count in more than one pass.
        let partitioned = AtomicU64::new(0);
        let strategy = (
            small_corpus(),
            1u64..=4,
            2usize..=5,
            proptest::bool::ANY,
            proptest::bool::ANY,
            proptest::option::of(1usize..6),
            proptest::option::of(2usize..12),
            proptest::bool::ANY,
        );
        let mut runner = TestRunner::new(Config::with_cases(256));
        runner
            .run(&strategy, |(corpus, min_count, max_n, keep_edges, numbers, top, budget, stem)| {
                let edges = if keep_edges { StopwordEdges::Keep } else { StopwordEdges::Drop };
                let options = NgramOptions::builder()
                    .terms(TermOptions::new().numbers(numbers).stem(stem))
                    .sizes(2, max_n)
                    .min_count(min_count)
                    .stopword_edges(edges)
                    .top(top)
                    .build()
                    .expect("valid sizes");
                let (frequent, passes) = count_within(&options, docs_of(&corpus).into_iter(), budget);
                let all = count_ngrams(&options, docs_of(&corpus).into_iter());
                prop_assert_eq!(frequent.report(&options), all.report(&options));
                prop_assert_eq!((frequent.tokens, frequent.sentences), (all.tokens, all.sentences));
                prop_assert_eq!(&frequent.term_freq, &all.term_freq);
                if top.is_none() {
                    let mut expected = all.ngrams.clone();
                    expected.retain(|&(_, n)| n >= min_count);
                    prop_assert_eq!(&frequent.ngrams, &expected);
                }
                if passes > 1 {
                    partitioned.fetch_add(1, Ordering::Relaxed);
                }
                Ok(())
            })
            .expect("the frequent n-grams are those of counting everything");
        assert!(partitioned.load(Ordering::Relaxed) > 10, "too few cases counted in parts");
    }
}
