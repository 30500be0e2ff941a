//! Counting terms over a corpus in one pass, in parallel: per-thread counters with their own
//! interned ids, merged at the end into one deterministic result.

use dateline_model::Article;
use rayon::prelude::*;

use dateline_text::{DocMeta, FinishedTerms, SortedIds, TermId, TermOptions, TermReader, Vocabulary};

/// One document's counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocCounts {
    /// Path and date.
    pub meta: DocMeta,
    /// Word and number tokens, stopwords included.
    pub tokens: u64,
    /// Sentences.
    pub sentences: u64,
    /// `(term, count)` for each counted term, sorted by term id; empty when counted by
    /// [`count_totals_parallel`].
    pub terms: Vec<(TermId, u32)>,
}

impl DocCounts {
    /// Tokens counted as terms (stopwords and, if so configured, numbers left out).
    #[must_use]
    pub fn term_tokens(&self) -> u64 {
        self.terms.iter().map(|&(_, n)| u64::from(n)).sum()
    }
}

/// Counts over a whole corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// The options the text was read with: what every later statistic over these counts
    /// reads terms with (looking a word up, reading the articles again).
    pub options: TermOptions,
    /// The terms; ids follow the terms' sort order.
    pub vocab: Vocabulary,
    /// Per document, in input order.
    pub docs: Vec<DocCounts>,
    /// Occurrences of each term over the corpus, indexed by term id.
    pub term_freq: Vec<u64>,
    /// Documents each term occurs in, indexed by term id.
    pub doc_freq: Vec<u32>,
}

impl Counts {
    /// Word and number tokens over the corpus, stopwords included.
    #[must_use]
    pub fn tokens(&self) -> u64 {
        self.docs.iter().map(|d| d.tokens).sum()
    }

    /// Tokens counted as terms over the corpus.
    #[must_use]
    pub fn term_tokens(&self) -> u64 {
        self.term_freq.iter().sum()
    }

    /// Sentences over the corpus.
    #[must_use]
    pub fn sentences(&self) -> u64 {
        self.docs.iter().map(|d| d.sentences).sum()
    }
}

/// Counts `(meta, article)` pairs in parallel on the current rayon pool. The result is the
/// same whatever the number of threads.
pub fn count_parallel<I>(options: &TermOptions, docs: I) -> Counts
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    count_with(|| Counter::new(options), docs)
}

/// Counts like [`count_parallel`] but keeps only the corpus totals: every document's
/// [`DocCounts::terms`] is left empty (its tokens, sentences and metadata are kept). For
/// term and document frequencies over the whole corpus, in less time and memory.
pub fn count_totals_parallel<I>(options: &TermOptions, docs: I) -> Counts
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    count_with(|| Counter::totals_only(options), docs)
}

fn count_with<'o, I>(counter: impl Fn() -> Counter<'o> + Sync + Send, docs: I) -> Counts
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    docs.enumerate()
        .par_bridge()
        .fold(&counter, |mut counter, (index, (meta, article))| {
            counter.add(index, meta, &article);
            counter
        })
        .reduce(&counter, Counter::merge)
        .finish()
}

/// Counts documents one at a time; merge counters from several threads with [`Counter::merge`].
#[derive(Debug, Clone)]
pub struct Counter<'o> {
    reader: TermReader<'o>,
    doc_freq: Vec<u32>,
    docs: Vec<(usize, DocCounts)>,
    /// Per-term counts of the document being counted, and which terms it touched.
    scratch: Vec<u32>,
    touched: Vec<TermId>,
    /// Whether each document keeps its term counts ([`count_totals_parallel`] does not).
    keep_doc_terms: bool,
}

impl<'o> Counter<'o> {
    /// An empty counter.
    #[must_use]
    pub fn new(options: &'o TermOptions) -> Self {
        Self {
            reader: options.reader(),
            doc_freq: Vec::new(),
            docs: Vec::new(),
            scratch: Vec::new(),
            touched: Vec::new(),
            keep_doc_terms: true,
        }
    }

    /// An empty counter that keeps the corpus totals only, as [`count_totals_parallel`] does.
    #[must_use]
    pub fn totals_only(options: &'o TermOptions) -> Self {
        Self { keep_doc_terms: false, ..Self::new(options) }
    }

    fn grow(&mut self, need: usize) {
        if self.scratch.len() < need {
            self.scratch.resize(need, 0);
            self.doc_freq.resize(need, 0);
        }
    }

    /// Counts one article; `index` is its place in the input, which orders the result.
    pub fn add(&mut self, index: usize, meta: DocMeta, article: &Article) {
        let (mut n_tokens, mut sentences) = (0, 0);
        let (scratch, touched, doc_freq) = (&mut self.scratch, &mut self.touched, &mut self.doc_freq);
        self.reader.terms(article).for_each(|token| {
            n_tokens += 1;
            sentences += u64::from(token.sentence_start);
            let Some(id) = token.term else { return };
            if scratch.len() <= id as usize {
                scratch.resize(id as usize + 1, 0);
                doc_freq.resize(id as usize + 1, 0);
            }
            let slot = &mut scratch[id as usize];
            if *slot == 0 {
                touched.push(id);
            }
            *slot += 1;
        });
        // Local ids are renumbered in `finish`, which sorts each document's terms once then.
        let mut terms = Vec::with_capacity(if self.keep_doc_terms { self.touched.len() } else { 0 });
        for &id in &self.touched {
            let n = std::mem::take(&mut self.scratch[id as usize]);
            if self.keep_doc_terms {
                terms.push((id, n));
            }
            self.doc_freq[id as usize] += 1;
        }
        self.touched.clear();
        self.docs.push((index, DocCounts { meta, tokens: n_tokens, sentences, terms }));
    }

    /// Adds `other`'s counts to these. Merging in any order gives the same finished counts.
    #[must_use]
    pub fn merge(mut self, other: Self) -> Self {
        let remap = self.reader.merge(&other.reader);
        self.grow(self.reader.vocab().len());
        for (old, &new) in remap.iter().enumerate() {
            self.doc_freq[new as usize] += other.doc_freq.get(old).copied().unwrap_or(0);
        }
        self.docs.extend(other.docs.into_iter().map(|(index, mut doc)| {
            for (id, _) in &mut doc.terms {
                *id = remap[*id as usize];
            }
            (index, doc)
        }));
        self
    }

    /// The finished counts: term ids in sort order, documents in input order.
    #[must_use]
    pub fn finish(self) -> Counts {
        let Self { reader, mut doc_freq, docs, .. } = self;
        let options = reader.options().clone();
        let FinishedTerms { vocab, term_freq, ids } = reader.finish();
        doc_freq.resize(vocab.len(), 0);
        Counts { options, vocab, docs: renumber_docs(&ids, docs), term_freq, doc_freq: ids.permute(&doc_freq) }
    }
}

/// Documents in input order with their term ids renumbered and sorted.
fn renumber_docs(ids: &SortedIds, mut docs: Vec<(usize, DocCounts)>) -> Vec<DocCounts> {
    docs.sort_unstable_by_key(|&(index, _)| index);
    docs.into_iter()
        .map(|(_, mut doc)| {
            for (id, _) in &mut doc.terms {
                *id = ids.new_id(*id);
            }
            doc.terms.sort_unstable_by_key(|&(id, _)| id);
            doc
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::article_with;

    fn meta(path: &str) -> DocMeta {
        DocMeta { path: path.into(), date: None }
    }

    fn freq(counts: &Counts, term: &str) -> (u64, u32) {
        let id = counts.vocab.id(term).expect(term) as usize;
        (counts.term_freq[id], counts.doc_freq[id])
    }

    #[test]
    fn totals_only_counts_the_same_totals_without_document_terms() {
        let options = TermOptions::new();
        let docs = || {
            ["Lavrov met Lavrov's team. INSTC talks began.", "Talks ended.", "The talks went on and on."]
                .into_iter()
                .enumerate()
                .map(|(i, text)| (meta(&i.to_string()), article_with(None, &[text])))
        };
        let full = count_parallel(&options, docs());
        let totals = count_totals_parallel(&options, docs());
        assert_eq!(totals.vocab, full.vocab);
        assert_eq!((&totals.term_freq, &totals.doc_freq), (&full.term_freq, &full.doc_freq));
        assert_eq!((totals.tokens(), totals.sentences()), (full.tokens(), full.sentences()));
        assert!(full.docs.iter().all(|d| !d.terms.is_empty()));
        assert!(totals.docs.iter().all(|d| d.terms.is_empty()));
    }

    #[test]
    fn counts_terms_documents_and_display_forms() {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        counter.add(
            0,
            meta("a"),
            &article_with(None, &["Lavrov met Lavrov's team. INSTC talks began.", "The talks went on."]),
        );
        counter.add(1, meta("b"), &article_with(None, &["Lavrov left; talks ended."]));
        let counts = counter.finish();
        assert_eq!(freq(&counts, "lavrov"), (3, 2));
        assert_eq!(freq(&counts, "talks"), (3, 2));
        assert_eq!(counts.vocab.display(counts.vocab.id("lavrov").expect("term")), "Lavrov");
        assert_eq!(counts.vocab.display(counts.vocab.id("instc").expect("term")), "INSTC");
        assert_eq!(counts.vocab.display(counts.vocab.id("talks").expect("term")), "talks");
        assert_eq!(counts.docs[0].sentences, 3);
        assert_eq!(counts.docs[0].tokens, 11);
        assert!(counts.vocab.id("the").is_none());
    }

    fn word() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            proptest::sample::select(vec![
                "Iran", "iran", "Russia's", "talks", "Talks", "the", "2.4", "Lavrov", "Gaza"
            ])
            .prop_map(str::to_owned),
            "[a-zA-Z’]{1,8}",
        ]
    }

    fn corpus() -> impl proptest::strategy::Strategy<Value = Vec<String>> {
        use proptest::prelude::*;
        let sentence = proptest::collection::vec(word(), 1..12).prop_map(|words| words.join(" ") + ".");
        let text = proptest::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "));
        proptest::collection::vec(text, 0..12)
    }

    fn count_in_pool(texts: &[String], threads: usize) -> Counts {
        let options = TermOptions::new();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
        let docs: Vec<(DocMeta, Article)> =
            texts.iter().map(|t| (meta(t), article_with(None, &[t.as_str()]))).collect();
        pool.install(|| count_parallel(&options, docs.into_iter()))
    }

    proptest::proptest! {
        #[test]
        fn prop_counts_do_not_depend_on_threads(texts in corpus()) {
            proptest::prop_assert_eq!(count_in_pool(&texts, 1), count_in_pool(&texts, 4));
        }

        #[test]
        fn prop_merging_counters_in_any_order_gives_the_same_counts(
            texts in corpus(),
            order in proptest::collection::vec(proptest::num::usize::ANY, 12),
        ) {
            let options = TermOptions::new();
            let single = {
                let mut counter = Counter::new(&options);
                for (i, t) in texts.iter().enumerate() {
                    counter.add(i, meta(t), &article_with(None, &[t.as_str()]));
                }
                counter.finish()
            };
            // One counter per document, merged in a shuffled order.
            let mut parts: Vec<Counter<'_>> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let mut counter = Counter::new(&options);
                    counter.add(i, meta(t), &article_with(None, &[t.as_str()]));
                    counter
                })
                .collect();
            for (i, key) in order.iter().enumerate().take(parts.len()) {
                let j = key % parts.len();
                parts.swap(i, j);
            }
            let merged = parts.into_iter().fold(Counter::new(&options), Counter::merge).finish();
            proptest::prop_assert_eq!(merged, single);
        }
    }

    #[test]
    fn merging_in_either_order_gives_the_same_counts() {
        let options = TermOptions::new();
        let texts = ["Iran and Russia talk.", "Russia trades grain.", "Grain talks in Iran stall."];
        let single = {
            let mut c = Counter::new(&options);
            for (i, t) in texts.iter().enumerate() {
                c.add(i, meta(t), &article_with(None, &[t]));
            }
            c.finish()
        };
        let split = |order: [usize; 3]| {
            let mut parts: Vec<Counter<'_>> = Vec::new();
            for i in order {
                let mut c = Counter::new(&options);
                c.add(i, meta(texts[i]), &article_with(None, &[texts[i]]));
                parts.push(c);
            }
            parts.into_iter().reduce(Counter::merge).expect("three").finish()
        };
        assert_eq!(split([0, 1, 2]), single);
        assert_eq!(split([2, 0, 1]), single);
    }
}
