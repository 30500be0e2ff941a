//! Frequent n-grams in bounded memory: the n-grams seen at least `min_count` times, found
//! without ever holding every distinct n-gram of the corpus at once.
//!
//! Counting every distinct n-gram takes memory in proportion to the corpus: real text has
//! nearly as many distinct 5-grams as it has tokens, most of them seen once, and a thread
//! counting half of it holds most of the frequent ones again. So:
//!
//! 1. The corpus is read once, in parallel. Each thread keeps its sentences' runs of term ids
//!    packed: one to three bytes per token (LEB128 of the id and whether this token is a
//!    stopword; terms are numbered as first met, so frequent ones have small ids), a zero byte
//!    between runs. Threads' runs are not copied together: each keeps the map from its ids to
//!    the final ones.
//! 2. The n-grams are then counted in parts: part `p` of `P` counts only the n-grams whose
//!    first two terms hash to `p`, every size at once, and keeps those seen `min_count` times
//!    (with `top`, only the best `top` so far). Parts are counted in parallel, one table set
//!    per thread. Two things are never counted: an n-gram with a stopword at either edge when
//!    the report drops those, and an n-gram with a term seen fewer than `min_count` times in
//!    the whole corpus (it cannot occur more often than its rarest term), which leaves out
//!    most of the n-grams seen once.
//! 3. `P` is chosen so that each thread's tables stay within its share of the budget
//!    ([`table_budget`]: as many bytes as the packed runs, at least 32 MB): a first count of
//!    one part in 64 estimates the bytes of every entry. A part that still outgrows its share
//!    starts the counting again in twice as many parts (twice at most: see [`MOST_RESTARTS`]).
//!
//! The result is exact: the same n-grams and counts as counting everything and keeping those
//! seen `min_count` times. Memory is the packed runs (about a third of the text's bytes), the
//! tables within the budget, and what the report keeps; with `min_count` 1 every n-gram is
//! kept, and memory grows with the distinct n-grams, as the output itself does. What it costs
//! is time: each part reads the packed runs again, hashing the first pair of every n-gram,
//! and the estimate reads them once more. On the real-text tree of `benches/` the parts
//! together take about the time counting everything in one table did, whose every insert
//! missed the cache.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::ControlFlow;

use dateline_model::Article;
use rayon::prelude::*;

use super::sharded::{ShardedCounts, entry_bytes};
use super::{MAX_SIZE, Ngram, NgramCounts, NgramOptions, StopwordEdges};
use dateline_text::{DocMeta, FinishedTerms, TermId, TermReader};

/// Counts the n-grams of `(meta, article)` pairs seen at least `options.min_count()` times, in
/// bounded memory (see the module's documentation). The counts hold only those n-grams (of
/// the sizes asked for, without stopword edges unless the options keep them), and when the
/// options keep the first `top` rows of a report, only those `top`; everything else is as
/// [`count_ngrams`](super::count_ngrams) gives it, and so is the report.
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

/// [`count_frequent_ngrams`] with the counting tables held to `budget` bytes (`None`:
/// [`table_budget`]), and how many parts the counting ended in.
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

/// One thread's reading: its terms, its runs of term ids, packed, and the runs of the
/// readings merged into it, each with the map from its ids to this reader's.
struct Recorder<'o> {
    options: &'o NgramOptions,
    reader: TermReader<'o>,
    tokens: u64,
    sentences: u64,
    runs: Runs,
    merged: Vec<(Runs, Vec<TermId>)>,
}

impl<'o> Recorder<'o> {
    fn new(options: &'o NgramOptions) -> Self {
        Self {
            options,
            reader: options.terms.reader().keep_stopwords(),
            tokens: 0,
            sentences: 0,
            runs: Runs::default(),
            merged: Vec::new(),
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

    /// Adds `other`'s terms and runs to these. Its runs are kept as they are, with their ids'
    /// map: copying them into these would hold both copies at once.
    fn merge(mut self, mut other: Self) -> Self {
        let remap = self.reader.merge(&other.reader);
        other.runs.bytes.shrink_to_fit();
        for (runs, map) in other.merged {
            let map = map.iter().map(|&id| remap[id as usize]).collect();
            self.merged.push((runs, map));
        }
        self.merged.push((other.runs, remap));
        self.tokens += other.tokens;
        self.sentences += other.sentences;
        self
    }

    /// The frequent n-grams, the counting tables within `budget` bytes (`None`:
    /// [`table_budget`]), and how many parts the counting ended in.
    fn finish(self, budget: Option<usize>) -> (NgramCounts, u64) {
        let Self { options, reader, tokens, sentences, mut runs, merged } = self;
        let terms = reader.options().clone();
        let FinishedTerms { vocab, term_freq, ids } = reader.finish();
        let new_id = ids.new_ids();
        runs.bytes.shrink_to_fit();
        // Every reading's runs with the map from its ids to the final ones.
        let mut readings = vec![(runs, new_id.to_vec())];
        readings.extend(merged.into_iter().map(|(runs, map)| {
            let map = map.iter().map(|&id| new_id[id as usize]).collect();
            (runs, map)
        }));
        let plan = Plan {
            sizes: (options.min_size, options.max_size),
            drop_edges: options.stopword_edges == StopwordEdges::Drop,
            min_count: options.min_count,
            top: options.top,
            term_freq: &term_freq,
        };
        let packed: usize = readings.iter().map(|(runs, _)| runs.bytes.len()).sum();
        let budget = budget.unwrap_or_else(|| table_budget(packed));
        let threads = u64::try_from(rayon::current_num_threads()).unwrap_or(1).max(1);
        let (kept, parts) = count_in_parts(&readings, &plan, budget, threads);
        (NgramCounts { terms, vocab, term_freq, tokens, sentences, ngrams: kept.into_sorted() }, parts)
    }
}

/// What is counted and kept.
struct Plan<'a> {
    sizes: (usize, usize),
    drop_edges: bool,
    min_count: u64,
    top: Option<usize>,
    /// Occurrences of each term, by final id.
    term_freq: &'a [u64],
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

    fn extend(mut self, other: Self) -> Self {
        if other.heap.len() > self.heap.len() {
            return other.extend(self);
        }
        for (Reverse(n), ngram) in other.heap {
            self.push(ngram, n);
        }
        self
    }

    /// The kept n-grams with their counts, in [`Ngram`] order.
    fn into_sorted(self) -> Vec<(Ngram, u64)> {
        let mut ngrams: Vec<(Ngram, u64)> = self.heap.into_iter().map(|(Reverse(n), ngram)| (ngram, n)).collect();
        ngrams.sort_unstable();
        ngrams
    }
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

    /// Calls `each` with every run's tokens (term id translated by `map`, stopword), in order,
    /// until `each` breaks.
    fn each_run(&self, map: &[TermId], mut each: impl FnMut(&[(TermId, bool)]) -> ControlFlow<()>) -> ControlFlow<()> {
        let mut run = Vec::new();
        let (mut value, mut shift) = (0u64, 0u32);
        for &byte in &self.bytes {
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 != 0 {
                shift += 7;
                continue;
            }
            if value == 0 {
                each(&run)?;
                run.clear();
            } else {
                let code = value - 1;
                #[allow(clippy::cast_possible_truncation, reason = "pushed from a TermId")]
                let id = (code >> 1) as TermId;
                run.push((map.get(id as usize).copied().unwrap_or(id), code & 1 == 1));
            }
            (value, shift) = (0, 0);
        }
        if run.is_empty() { ControlFlow::Continue(()) } else { each(&run) }
    }
}

/// The bytes the counting tables of all threads may take together: about twice the packed
/// runs (so that with them the count stays near a half of the text's bytes), and at least
/// 32 MB, so that small corpora count in one pass per thread.
fn table_budget(packed: usize) -> usize {
    packed.max(32 << 20)
}

/// Which of `parts` (at most 2^32) parts counts the n-grams that start with terms `first`,
/// `second`. Every
/// n-gram with the same first two terms falls in one part, so a part is decided once for all
/// the sizes starting at a token, with one multiply. The heaviest first pairs of news
/// (`United States`, `White House`) start tens of thousands of distinct n-grams, not
/// millions: the parts stay near equal.
fn part_of(first: TermId, second: TermId, parts: u64) -> u64 {
    // Fibonacci hashing of the pair; its top 32 bits depend on every bit of both ids, and are
    // scaled to 0..parts by a multiply (Lemire's range reduction).
    let mixed = (u64::from(first) | u64::from(second) << 32).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32;
    (mixed * parts) >> 32
}

/// The fewest bytes a part's tables may take: a few entries of any size.
const MIN_SHARE: usize = 4 * entry_bytes::<MAX_SIZE>();

/// How many times the counting starts again in twice as many parts before it lets a part
/// outgrow its share: splitting cannot help a part whose one first pair starts more distinct
/// n-grams than the share holds.
const MOST_RESTARTS: u32 = 2;

/// The parts whose first [`part_of`] counting estimates how many bytes every n-gram's entry
/// would take: one part in 64 is counted, and its bytes times 64 are the estimate.
const SAMPLE_PARTS: u64 = 64;

/// The kept n-grams of every part, counted `threads` parts at a time, each part's tables
/// within `budget / threads` bytes; and how many parts that took.
///
/// How many parts are needed is estimated first, by counting a sample of them: with one
/// thread, one part in [`SAMPLE_PARTS`]; with more, as many such parts as threads. When a part
/// still outgrows its share, the counting starts again in twice as many parts, at most
/// [`MOST_RESTARTS`] times; the last time no part is held to its share (only a part whose
/// single first pair starts more distinct n-grams than the share holds then outgrows it).
fn count_in_parts(readings: &[(Runs, Vec<TermId>)], plan: &Plan<'_>, budget: usize, threads: u64) -> (Kept, u64) {
    // A share holds a few entries at least, so that splitting a part always helps.
    let share = (budget / usize::try_from(threads).unwrap_or(1).max(1)).max(MIN_SHARE);
    let samples = threads.clamp(1, SAMPLE_PARTS);
    let sampled: usize = (0..samples)
        .into_par_iter()
        .map(|part| count_part(readings, plan, (part, SAMPLE_PARTS), usize::MAX).map_or(0, |(_, used)| used))
        .sum();
    let estimate = sampled.saturating_mul(usize::try_from(SAMPLE_PARTS / samples).unwrap_or(1));
    // A tenth more than the estimate, and whole rounds of `threads` parts.
    let needed = u64::try_from(estimate.saturating_add(estimate / 10).div_ceil(share)).unwrap_or(u64::MAX);
    let mut parts = needed.div_ceil(threads).saturating_mul(threads).clamp(threads, u64::from(u32::MAX));
    let mut restarts = 0;
    loop {
        let limit = if restarts >= MOST_RESTARTS { usize::MAX } else { share };
        let counted = (0..parts)
            .into_par_iter()
            .map(|part| count_part(readings, plan, (part, parts), limit).map(|(tables, _)| tables.kept(plan)))
            .try_reduce(|| Kept::new(plan.top), |a, b| Ok(a.extend(b)));
        match counted {
            Ok(kept) => return (kept, parts),
            Err(()) => {
                restarts += 1;
                parts = parts.saturating_mul(2).min(u64::from(u32::MAX));
            }
        }
    }
}

/// One part's counts: a table per size.
#[derive(Default)]
struct Tables {
    two: ShardedCounts<2>,
    three: ShardedCounts<3>,
    four: ShardedCounts<4>,
    five: ShardedCounts<5>,
}

impl Tables {
    /// Counts one occurrence of `gram`; the bytes a new entry takes, or 0.
    #[inline]
    fn add(&mut self, gram: &[(TermId, bool)]) -> usize {
        #[inline]
        fn bump<const N: usize>(counts: &mut ShardedCounts<N>, gram: &[(TermId, bool)]) -> usize {
            let mut key = [0; N];
            for (slot, &(id, _)) in key.iter_mut().zip(gram) {
                *slot = id;
            }
            if counts.add(key, 1) { entry_bytes::<N>() } else { 0 }
        }
        match gram.len() {
            2 => bump(&mut self.two, gram),
            3 => bump(&mut self.three, gram),
            4 => bump(&mut self.four, gram),
            _ => bump(&mut self.five, gram),
        }
    }

    /// What a report keeps of these counts.
    fn kept(self, plan: &Plan<'_>) -> Kept {
        fn keep<const N: usize>(kept: &mut Kept, counts: ShardedCounts<N>, min_count: u64) {
            for (key, n) in counts.into_counts() {
                if let Some(ngram) = Ngram::new(&key).filter(|_| n >= min_count) {
                    kept.push(ngram, n);
                }
            }
        }
        let mut kept = Kept::new(plan.top);
        keep(&mut kept, self.two, plan.min_count);
        keep(&mut kept, self.three, plan.min_count);
        keep(&mut kept, self.four, plan.min_count);
        keep(&mut kept, self.five, plan.min_count);
        kept
    }
}

/// The counts of the n-grams of part `part.0` of `part.1` with the bytes their entries take,
/// or `Err` as soon as those are more than `budget`.
fn count_part(
    readings: &[(Runs, Vec<TermId>)],
    plan: &Plan<'_>,
    (part, parts): (u64, u64),
    budget: usize,
) -> Result<(Tables, usize), ()> {
    let (min_size, max_size) = plan.sizes;
    let mut tables = Tables::default();
    let mut used = 0usize;
    // An n-gram occurs no more often than its rarest term: none holding a term seen fewer than
    // `min_count` times is counted.
    let rare = |id: TermId| plan.min_count > 1 && plan.term_freq.get(id as usize).is_none_or(|&n| n < plan.min_count);
    for (runs, map) in readings {
        let flow = runs.each_run(map, |run| {
            // The first rare token at or after `start`, or the run's length.
            let find_rare =
                |from: usize| from + run[from..].iter().position(|&(id, _)| rare(id)).unwrap_or(run.len() - from);
            let mut next_rare = find_rare(0);
            for start in 0..run.len().saturating_sub(1) {
                if next_rare < start {
                    next_rare = find_rare(start);
                }
                if next_rare <= start + 1
                    || (plan.drop_edges && run[start].1)
                    || (parts > 1 && part_of(run[start].0, run[start + 1].0, parts) != part)
                {
                    continue;
                }
                let longest = max_size.min(next_rare - start);
                for size in min_size..=longest {
                    let gram = &run[start..start + size];
                    if !(plan.drop_edges && gram[size - 1].1) {
                        used += tables.add(gram);
                    }
                }
            }
            if used > budget { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        if flow.is_break() {
            return Err(());
        }
    }
    Ok((tables, used))
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
    fn ngrams_with_stopwords_inside_are_found() {
        // `minister of` and `of foreign` are never reported (a stopword at an edge); the
        // 4-gram holding them is.
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
        let readings = [(runs, Vec::new())];
        let term_freq = vec![1000; 100];
        for size in 2..=MAX_SIZE {
            let plan = Plan { sizes: (2, size), drop_edges: true, min_count: 2, top: None, term_freq: &term_freq };
            let count = |budget| count_in_parts(&readings, &plan, budget, 1);
            let ((one, one_part), (many, parts)) = (count(usize::MAX), count(4096));
            assert_eq!(many.into_sorted(), one.into_sorted(), "sizes 2 to {size}");
            assert_eq!(one_part, 1);
            assert!(parts > 2, "sizes 2 to {size}: {parts} parts");
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
        let read = |map: &[TermId]| {
            let mut read = Vec::new();
            let _ = runs.each_run(map, |run| {
                read.push(run.to_vec());
                ControlFlow::Continue(())
            });
            read
        };
        assert_eq!(read(&[]), [written.to_vec(), vec![(5, false)]]);
        // Ids are translated by the map where it has them.
        let map: Vec<TermId> = (0..10).map(|id| 100 + id).collect();
        assert_eq!(read(&map)[1], [(105, false)]);
        assert_eq!(read(&map)[0][..2], [(100, false), (100, true)]);
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
        // Cases whose budget made the counting start again in more parts.
        let partitioned = AtomicU64::new(0);
        let strategy = (
            small_corpus(),
            1u64..=4,
            2usize..=5,
            proptest::bool::ANY,
            proptest::bool::ANY,
            proptest::option::of(1usize..6),
            proptest::option::of(0usize..4000),
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
                let (frequent, parts) = count_within(&options, docs_of(&corpus).into_iter(), budget);
                let all = count_ngrams(&options, docs_of(&corpus).into_iter());
                prop_assert_eq!(frequent.report(&options), all.report(&options));
                prop_assert_eq!((frequent.tokens, frequent.sentences), (all.tokens, all.sentences));
                prop_assert_eq!(&frequent.term_freq, &all.term_freq);
                if top.is_none() {
                    let mut expected = all.ngrams.clone();
                    expected.retain(|&(_, n)| n >= min_count);
                    prop_assert_eq!(&frequent.ngrams, &expected);
                }
                if parts > u64::try_from(rayon::current_num_threads()).unwrap_or(1) {
                    partitioned.fetch_add(1, Ordering::Relaxed);
                }
                Ok(())
            })
            .expect("the frequent n-grams are those of counting everything");
        assert!(partitioned.load(Ordering::Relaxed) > 10, "too few cases counted again in more parts");
    }
}
