//! TF-IDF: each article's distinctive terms, with formulas that reproduce other tools.
//!
//! A term's score in a document is `tf × idf`, then, for some presets, the document's row of
//! scores is scaled to unit length. With `n` the term's count in the document, `len` the
//! document's counted terms, `N` the number of documents and `df` the number of documents the
//! term occurs in:
//!
//! | [`Preset`] | terms | tf | idf | row |
//! |---|---|---|---|---|
//! | [`News`](Preset::News) (default) | ours ([`TermOptions`]) | `n` | `ln((1 + N) / (1 + df)) + 1` | L2 |
//! | [`Sklearn`](Preset::Sklearn) | scikit-learn's ([`sklearn_tokens`](dateline_text::sklearn::sklearn_tokens)) | `n` | `ln((1 + N) / (1 + df)) + 1` | L2 |
//! | [`Gensim`](Preset::Gensim) | ours | `n` | `log2(N / df)` | L2 |
//! | [`Quanteda`](Preset::Quanteda) | ours | `n` | `log10(N / df)` | none |
//! | [`Tidytext`](Preset::Tidytext) | ours | `n / len` | `ln(N / df)` | none |
//!
//! "L2" divides each score by `sqrt(Σ score²)` over the document's row. A term whose score is
//! zero (one that occurs in every document, under the presets without smoothing) is never
//! listed: it says nothing about what is distinctive.
//!
//! [`min_df`](TfIdfBuilder::min_df) and [`max_df`](TfIdfBuilder::max_df) drop terms from the
//! vocabulary before weighting, as scikit-learn's do: a dropped term is as if it had never been
//! counted (it is left out of the L2 norm and of tidytext's `len`), while `N` and the `df` of
//! the kept terms stay as they were.
//!
//! # Which counts each preset needs
//!
//! The sklearn preset reproduces `TfidfVectorizer().fit_transform` only over scikit-learn's own
//! tokens: lower-cased text, tokens are runs of two or more Python `\w` characters, no
//! stopwords. [`count_sklearn`] counts those over the same text scikit-learn would be given,
//! [`sklearn_text`](dateline_text::sklearn::sklearn_text) (title, headings and paragraphs joined with `\n`). The other presets weight
//! our news-aware terms from [`count_parallel`], so `Iran's` counts as `iran`, `Rasht-Astara`
//! is one term, and stopwords are left out as the [`TermOptions`] say; they reproduce gensim,
//! quanteda and tidytext given those same term counts. [`TfIdf::count`] picks the right
//! counting for the preset.
//!
//! Python's `\w` is not Rust's [`char::is_alphanumeric`]: it takes letters and characters with
//! a numeric value but no combining marks, so a decomposed `é` (`e` + U+0301) or a Devanagari
//! vowel sign ends a token in scikit-learn, and here. [`is_python_word_char`](dateline_text::sklearn::is_python_word_char) looks characters
//! up in a table generated from Python 3.11 (Unicode 14.0) by
//! `crates/text/src/sklearn/python_word_table.py`. The preset is checked against
//! scikit-learn's own output to 1e-9 by the integration tests (`tests/reference/`).
//!
//! # Example
//!
//! ```
//! use dateline_analyze::{DocMeta, TermOptions, TfIdf, tfidf::Preset};
//!
//! let docs = [
//!     ("a.txt", " date 2024-01-10 Lavrov met Araghchi in Moscow. Lavrov spoke of grain."),
//!     ("b.txt", " date 2024-01-11 Grain exports from Moscow rose."),
//!     ("c.txt", " date 2024-01-12 Araghchi visited Beijing."),
//! ];
//! let articles = docs.iter().map(|(path, text)| {
//!     let meta = DocMeta { path: (*path).into(), date: None };
//!     (meta, dateline_parse::parse_article(text).expect("parses"))
//! });
//! let tfidf = TfIdf::builder().preset(Preset::News).top(2).build()?;
//! let counts = tfidf.count(&TermOptions::new(), articles);
//! let report = tfidf.report(&counts)?;
//! assert_eq!(report.rows[0].path, "a.txt");
//! assert_eq!(report.rows[0].terms[0].term, "Lavrov");
//! assert_eq!(report.rows[0].terms.len(), 2);
//! # Ok::<(), dateline_analyze::TfIdfError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use dateline_model::Article;
use rayon::prelude::*;
use serde::Serialize;

use crate::counts::{Counts, DocCounts, count_parallel};
pub use dateline_text::DfBound;
use dateline_text::{Analyzer, DfBoundsProblem, DocMeta, TermId, TermOptions, Vocabulary};

/// A named TF-IDF formula; see the [module documentation](self) for the table of formulas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// The default: our news-aware terms (possessives folded, hyphenated names whole,
    /// stopwords left out), raw counts, scikit-learn's smooth idf `ln((1 + N) / (1 + df)) + 1`,
    /// rows L2-normalised.
    ///
    /// Why this one: the smooth idf is defined and positive for every corpus, so a single
    /// article, or a term found in every article of a small collection, still gets a ranking
    /// instead of a row of zeros; L2 rows make scores comparable between a 150-word brief and a
    /// 2,000-word feature; and with stopwords gone and names kept whole, the top of each row is
    /// people, places and subjects (`Lavrov`, `Rasht-Astara`, `INSTC`) rather than the function
    /// words scikit-learn's defaults must rely on idf alone to push down. The numbers read like
    /// scikit-learn's, which most analysts have met.
    #[default]
    News,
    /// scikit-learn's `TfidfVectorizer()` defaults: its own tokens (lower-cased, runs of two or
    /// more `\w` characters, no stopwords), raw counts, idf `ln((1 + N) / (1 + df)) + 1`
    /// (`smooth_idf=True`), rows L2-normalised. Use with [`count_sklearn`].
    Sklearn,
    /// gensim's `TfidfModel` defaults: raw counts, idf `log2(N / df)`, rows L2-normalised.
    Gensim,
    /// quanteda's `dfm_tfidf` defaults (`scheme_tf = "count"`, `scheme_df = "inverse"`,
    /// `base = 10`): `n × log10(N / df)`, no normalisation.
    Quanteda,
    /// tidytext's `bind_tf_idf`: `(n / len) × ln(N / df)`, where `len` is the document's
    /// counted terms; no normalisation.
    Tidytext,
}

impl Preset {
    /// Every preset, default first.
    pub const ALL: [Self; 5] = [Self::News, Self::Sklearn, Self::Gensim, Self::Quanteda, Self::Tidytext];

    /// The preset's name as written on the command line: `news`, `sklearn`, ...
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::News => "news",
            Self::Sklearn => "sklearn",
            Self::Gensim => "gensim",
            Self::Quanteda => "quanteda",
            Self::Tidytext => "tidytext",
        }
    }

    /// The terms the preset is meant to weight.
    #[must_use]
    pub const fn analyzer(self) -> Analyzer {
        match self {
            Self::Sklearn => Analyzer::Sklearn,
            Self::News | Self::Gensim | Self::Quanteda | Self::Tidytext => Analyzer::News,
        }
    }

    /// Whether rows are scaled to unit L2 length.
    const fn l2(self) -> bool {
        matches!(self, Self::News | Self::Sklearn | Self::Gensim)
    }

    /// The idf of a term in `df` of `n` documents, `1 <= df <= n`. Each is written as the
    /// tool computes it, so results agree to the last few bits.
    fn idf(self, n: u64, df: u64) -> f64 {
        #[allow(clippy::cast_precision_loss, reason = "document counts stay far below 2^52")]
        let (n, df) = (n as f64, df as f64);
        match self {
            // sklearn: np.log(n_samples / df) + 1 after adding 1 to both.
            Self::News | Self::Sklearn => ((n + 1.0) / (df + 1.0)).ln() + 1.0,
            // gensim's df2idf: np.log(totaldocs / docfreq) / np.log(2.0).
            Self::Gensim => (n / df).ln() / 2f64.ln(),
            // R's log(x, base = 10) calls log10.
            Self::Quanteda => (n / df).log10(),
            Self::Tidytext => (n / df).ln(),
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Preset {
    type Err = TfIdfError;

    fn from_str(name: &str) -> Result<Self, TfIdfError> {
        Self::ALL
            .into_iter()
            .find(|preset| preset.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| TfIdfError::UnknownPreset(name.to_owned()))
    }
}

/// What can be wrong with a TF-IDF configuration.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum TfIdfError {
    /// `max_df` keeps no term: a count of 0, or a fraction not in `(0, 1]`.
    #[error("max_df must be a count of at least 1 document or a fraction in (0, 1], not {0}")]
    InvalidMaxDf(DfBound),
    /// `min_df` is a fraction not in `[0, 1]`.
    #[error("min_df must be a count of documents or a fraction in [0, 1], not {0}")]
    InvalidMinDf(DfBound),
    /// `min_df` is above `max_df`, both counts or both fractions.
    #[error("min_df ({min}) is above max_df ({max}), so no term could be kept")]
    MinDfAboveMaxDf {
        /// The lower bound.
        min: DfBound,
        /// The upper bound.
        max: DfBound,
    },
    /// `top(0)`.
    #[error("top must be at least 1 term per document")]
    ZeroTop,
    /// One bound is a count and the other a fraction, and over this corpus the fraction
    /// comes out on the wrong side of the count, as `min_df(5)` with the default `max_df` of
    /// `1.0` over 3 documents (scikit-learn raises the same error).
    #[error("over {documents} documents, max_df ({max}) allows fewer documents than min_df ({min}) asks for")]
    EmptyDocFrequencyRange {
        /// The lower bound.
        min: DfBound,
        /// The upper bound.
        max: DfBound,
        /// The number of documents.
        documents: usize,
    },
    /// A preset name that is not one of [`Preset::ALL`].
    #[error("unknown TF-IDF preset `{0}`: expected news, sklearn, gensim, quanteda or tidytext")]
    UnknownPreset(String),
}

/// Builds a validated [`TfIdf`]: `TfIdf::builder().preset(Preset::Sklearn).min_df(2).build()?`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TfIdfBuilder {
    preset: Preset,
    min_df: DfBound,
    max_df: DfBound,
    top: Option<usize>,
}

impl Default for TfIdfBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl TfIdfBuilder {
    /// The default preset, every term kept (`min_df = 1`, `max_df = 1.0`), the top 10 terms
    /// per document.
    #[must_use]
    pub const fn new() -> Self {
        Self { preset: Preset::News, min_df: DfBound::Count(1), max_df: DfBound::Fraction(1.0), top: Some(10) }
    }

    /// The formula.
    #[must_use]
    pub const fn preset(mut self, preset: Preset) -> Self {
        self.preset = preset;
        self
    }

    /// Keep only terms found in at least this many documents (`2`) or this fraction of them
    /// (`0.01`). scikit-learn's `min_df`.
    #[must_use]
    pub fn min_df(mut self, bound: impl Into<DfBound>) -> Self {
        self.min_df = bound.into();
        self
    }

    /// Keep only terms found in at most this many documents (`500`) or this fraction of them
    /// (`0.9`). scikit-learn's `max_df`.
    #[must_use]
    pub fn max_df(mut self, bound: impl Into<DfBound>) -> Self {
        self.max_df = bound.into();
        self
    }

    /// List the `n` highest-scoring terms of each document (at least 1).
    #[must_use]
    pub const fn top(mut self, n: usize) -> Self {
        self.top = Some(n);
        self
    }

    /// List every term with a score above zero.
    #[must_use]
    pub const fn all_terms(mut self) -> Self {
        self.top = None;
        self
    }

    /// The configuration, if it can keep any term.
    ///
    /// # Errors
    ///
    /// [`TfIdfError`] when `max_df` is not positive or a fraction above 1, `min_df` is a
    /// fraction outside `[0, 1]`, `min_df` is above `max_df`, or `top` is 0.
    pub fn build(self) -> Result<TfIdf, TfIdfError> {
        let Self { preset, min_df, max_df, top } = self;
        DfBound::check_pair(min_df, max_df).map_err(|problem| match problem {
            DfBoundsProblem::MaxDf => TfIdfError::InvalidMaxDf(max_df),
            DfBoundsProblem::MinDf => TfIdfError::InvalidMinDf(min_df),
            DfBoundsProblem::MinAboveMax => TfIdfError::MinDfAboveMaxDf { min: min_df, max: max_df },
        })?;
        if top == Some(0) {
            return Err(TfIdfError::ZeroTop);
        }
        Ok(TfIdf { preset, min_df, max_df, top })
    }
}

/// A validated TF-IDF configuration; see the [module documentation](self).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TfIdf {
    preset: Preset,
    min_df: DfBound,
    max_df: DfBound,
    top: Option<usize>,
}

impl Default for TfIdf {
    /// [`TfIdfBuilder::new`]'s settings.
    fn default() -> Self {
        Self { preset: Preset::News, min_df: DfBound::Count(1), max_df: DfBound::Fraction(1.0), top: Some(10) }
    }
}

/// One document's weighted terms: `(term, score)`, every score finite and above zero.
pub type WeightedRow = Vec<(TermId, f64)>;

impl TfIdf {
    /// A builder with the defaults of [`TfIdfBuilder::new`].
    #[must_use]
    pub const fn builder() -> TfIdfBuilder {
        TfIdfBuilder::new()
    }

    /// The formula.
    #[must_use]
    pub const fn preset(&self) -> Preset {
        self.preset
    }

    /// How many terms are listed per document; `None` for all.
    #[must_use]
    pub const fn top(&self) -> Option<usize> {
        self.top
    }

    /// Counts `docs` the way the preset needs: with [`TermOptions::sklearn`] for
    /// [`Preset::Sklearn`] (which ignores `options`), with `options` for the others.
    pub fn count<I>(&self, options: &TermOptions, docs: I) -> Counts
    where
        I: Iterator<Item = (DocMeta, Article)> + Send,
    {
        match self.preset.analyzer() {
            Analyzer::News => count_parallel(options, docs),
            Analyzer::Sklearn => count_sklearn(docs),
        }
    }

    /// Every document's kept terms with their scores above zero, sorted by term id, in the
    /// order of `counts.docs`. Computed in parallel over documents.
    ///
    /// # Errors
    ///
    /// [`TfIdfError::EmptyDocFrequencyRange`] when `min_df` and `max_df` leave no document
    /// frequency over this (non-empty) corpus: one a count and the other a fraction, or a
    /// `min_df` count above the number of documents.
    pub fn weights(&self, counts: &Counts) -> Result<Vec<WeightedRow>, TfIdfError> {
        let idf = self.idf(counts)?;
        Ok(counts.docs.par_iter().map(|doc| self.row(doc, &idf)).collect())
    }

    /// The top terms of every document, in the order of `counts.docs`: highest score first,
    /// ties in term order. Terms are shown in their display form (`Lavrov`, `INSTC`).
    ///
    /// # Errors
    ///
    /// As [`weights`](Self::weights).
    pub fn report(&self, counts: &Counts) -> Result<TfIdfReport, TfIdfError> {
        self.report_docs(counts, &counts.docs)
    }

    /// The top terms of `docs`, weighted by the document frequencies of `corpus` (its
    /// `doc_freq`, and its number of documents as `N`), whose vocabulary numbers `docs`'
    /// terms: for a corpus counted in parts, each part's documents weighted against the
    /// whole ([`report`](Self::report) is this with the corpus's own documents).
    ///
    /// # Errors
    ///
    /// As [`weights`](Self::weights).
    pub fn report_docs(&self, corpus: &Counts, docs: &[DocCounts]) -> Result<TfIdfReport, TfIdfError> {
        let weighting = self.weighting(corpus)?;
        let rows = docs.par_iter().map(|doc| weighting.row(doc)).collect();
        Ok(TfIdfReport { preset: self.preset, documents: weighting.documents(), rows })
    }

    /// The idf of every term of `corpus`, ready to make any document's row on its own: for
    /// writing rows as they are made, never holding every document's row at once (a
    /// [`TfIdfReport`] of a large corpus with every term listed is several times its size).
    ///
    /// ```
    /// use dateline_analyze::{DocMeta, TermOptions, TfIdf};
    ///
    /// let article = dateline_parse::parse_article(" date 2024-01-10 Lavrov met Araghchi.")?;
    /// let meta = DocMeta { path: "a.txt".into(), date: None };
    /// let tfidf = TfIdf::default();
    /// let counts = tfidf.count(&TermOptions::new(), std::iter::once((meta, article)));
    /// let weighting = tfidf.weighting(&counts)?;
    /// let rows: Vec<_> = counts.docs.iter().map(|doc| weighting.row(doc)).collect();
    /// assert_eq!(rows, tfidf.report(&counts)?.rows);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`weights`](Self::weights).
    pub fn weighting<'c>(&self, corpus: &'c Counts) -> Result<Weighting<'c>, TfIdfError> {
        Ok(Weighting { tfidf: *self, idf: self.idf(corpus)?, corpus })
    }

    /// Per term id, its idf, or `None` when `min_df`/`max_df` leave it out.
    fn idf(&self, counts: &Counts) -> Result<Vec<Option<f64>>, TfIdfError> {
        let n = counts.docs.len();
        let (low, high) = DfBound::window(self.min_df, self.max_df, n).ok_or(TfIdfError::EmptyDocFrequencyRange {
            min: self.min_df,
            max: self.max_df,
            documents: n,
        })?;
        let n = n as u64;
        Ok(counts
            .doc_freq
            .iter()
            .map(|&df| {
                let kept = f64::from(df) >= low && f64::from(df) <= high;
                // Counts from this crate have 1 <= df <= n for every counted term; the clamp
                // keeps hand-made counts from producing infinite or negative weights.
                kept.then(|| self.preset.idf(n, u64::from(df).clamp(1, n.max(1))).max(0.0))
            })
            .collect())
    }

    fn row(&self, doc: &DocCounts, idf: &[Option<f64>]) -> WeightedRow {
        let kept = |id: TermId| idf.get(id as usize).copied().flatten();
        let len: u64 = match self.preset {
            Preset::Tidytext => {
                doc.terms.iter().filter(|&&(id, _)| kept(id).is_some()).map(|&(_, n)| u64::from(n)).sum()
            }
            _ => 1,
        };
        #[allow(clippy::cast_precision_loss, reason = "token counts stay far below 2^52")]
        let len = len as f64;
        let mut row: WeightedRow = doc
            .terms
            .iter()
            .filter_map(|&(id, n)| {
                let idf = kept(id)?;
                let tf = match self.preset {
                    Preset::Tidytext => f64::from(n) / len,
                    _ => f64::from(n),
                };
                Some((id, tf * idf))
            })
            .collect();
        if self.preset.l2() {
            let norm = row.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 && norm.is_finite() {
                for (_, w) in &mut row {
                    *w /= norm;
                }
            }
        }
        row.retain(|&(_, w)| w > 0.0 && w.is_finite());
        row
    }
}

/// A corpus's idf under one [`TfIdf`]: makes each document's [`TfIdfRow`] on demand. Made
/// by [`TfIdf::weighting`].
#[derive(Debug, Clone)]
pub struct Weighting<'c> {
    tfidf: TfIdf,
    idf: Vec<Option<f64>>,
    corpus: &'c Counts,
}

impl Weighting<'_> {
    /// `N`, the number of documents of the corpus.
    #[must_use]
    pub fn documents(&self) -> usize {
        self.corpus.docs.len()
    }

    /// The top terms of `doc` (a document of the corpus, or counted with its vocabulary):
    /// highest score first, ties in term order, in their display forms.
    #[must_use]
    pub fn row(&self, doc: &DocCounts) -> TfIdfRow {
        let vocab = &self.corpus.vocab;
        let mut row = self.tfidf.row(doc, &self.idf);
        top_terms(&mut row, self.tfidf.top, vocab);
        let terms =
            row.into_iter().map(|(id, score)| ScoredTerm { term: vocab.display(id).to_owned(), score }).collect();
        TfIdfRow { path: doc.meta.path.clone(), terms }
    }
}

/// Keeps the `top` highest scores of `row`, sorted best first, ties in term order.
fn top_terms(row: &mut WeightedRow, top: Option<usize>, vocab: &Vocabulary) {
    let order =
        |a: &(TermId, f64), b: &(TermId, f64)| b.1.total_cmp(&a.1).then_with(|| vocab.term(a.0).cmp(vocab.term(b.0)));
    if let Some(top) = top
        && top < row.len()
    {
        row.select_nth_unstable_by(top, order);
        row.truncate(top);
    }
    row.sort_unstable_by(order);
}

/// TF-IDF over a corpus: each document's top terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TfIdfReport {
    /// The formula used.
    pub preset: Preset,
    /// `N`, the number of documents.
    pub documents: usize,
    /// One row per document, in input order; the `tfidf` table of the JSON contract.
    pub rows: Vec<TfIdfRow>,
}

/// One document's distinctive terms: JSON `{"path": ..., "terms": [{"term": ..., "score": ...}]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TfIdfRow {
    /// The document's path.
    pub path: String,
    /// Its top terms, highest score first, ties in term order.
    pub terms: Vec<ScoredTerm>,
}

/// A term and its TF-IDF score in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredTerm {
    /// The term in its display form.
    pub term: String,
    /// Its score: finite and above zero.
    pub score: f64,
}

/// Counts `(meta, article)` pairs with scikit-learn's default analyzer
/// ([`TermOptions::sklearn`]), in parallel: what `CountVectorizer()` counts over the same texts
/// ([`sklearn_text`](dateline_text::sklearn::sklearn_text)). Each document's `sentences` is 0 (this analyzer knows no sentences);
/// display forms are the lower-cased terms. The same whatever the number of threads.
pub fn count_sklearn<I>(docs: I) -> Counts
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    count_parallel(&TermOptions::sklearn(), docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Counter;
    use crate::test_support::article;
    use dateline_text::sklearn::sklearn_text;

    /// Three documents; `talks` is in all of them. After stopwords:
    /// A: lavrov 2, met, tehran, talks (5 terms); B: talks, lavrov, visited, moscow (4);
    /// C: moscow, talks, grain 3 (5). N = 3; df: lavrov 2, moscow 2, talks 3, the rest 1.
    fn toy() -> Counts {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        let texts = [
            ("A", "Lavrov met Lavrov in Tehran for talks."),
            ("B", "Talks: Lavrov visited Moscow."),
            ("C", "Moscow talks on grain, grain and grain."),
        ];
        for (index, (path, text)) in texts.into_iter().enumerate() {
            counter.add(index, DocMeta { path: path.into(), date: None }, &article(text));
        }
        counter.finish()
    }

    /// `(term, score)` of every document, in term order.
    fn scores(preset: Preset) -> Vec<Vec<(String, f64)>> {
        let counts = toy();
        let tfidf = TfIdf::builder().preset(preset).build().expect("valid");
        tfidf
            .weights(&counts)
            .expect("weights")
            .into_iter()
            .map(|row| row.into_iter().map(|(id, w)| (counts.vocab.term(id).to_owned(), w)).collect())
            .collect()
    }

    fn assert_scores(preset: Preset, expected: &[&[(&str, f64)]]) {
        let got = scores(preset);
        assert_eq!(got.len(), expected.len());
        for (doc, (got, expected)) in got.iter().zip(expected).enumerate() {
            let got_terms: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
            let expected_terms: Vec<&str> = expected.iter().map(|(t, _)| *t).collect();
            assert_eq!(got_terms, expected_terms, "{preset} document {doc}");
            for ((term, got), (_, expected)) in got.iter().zip(expected.iter()) {
                assert!((got - expected).abs() < 1e-12, "{preset} document {doc} {term}: {got} != {expected}");
            }
        }
    }

    #[test]
    fn a_part_of_the_corpus_reported_against_the_whole_gets_the_whole_corpus_rows() {
        let counts = toy();
        for preset in [Preset::News, Preset::Gensim, Preset::Tidytext] {
            let tfidf = TfIdf::builder().preset(preset).build().expect("valid");
            let whole = tfidf.report(&counts).expect("report");
            let part = tfidf.report_docs(&counts, &counts.docs[1..]).expect("report");
            assert_eq!((part.documents, &part.rows[..]), (3, &whole.rows[1..]), "{preset}");
        }
    }

    #[test]
    fn gensim_is_count_times_log2_idf_l2_normalised() {
        // A: lavrov 2·log2(3/2), met and tehran log2(3), talks 0 (dropped); divided by the norm.
        assert_scores(
            Preset::Gensim,
            &[
                &[
                    ("lavrov", 0.462_708_862_252_224_46),
                    ("met", 0.626_857_443_440_393_5),
                    ("tehran", 0.626_857_443_440_393_5),
                ],
                &[
                    ("lavrov", 0.327_184_574_213_660_04),
                    ("moscow", 0.327_184_574_213_660_04),
                    ("visited", 0.886_510_298_187_929_8),
                ],
                &[("grain", 0.992_517_448_275_439_5), ("moscow", 0.122_102_886_406_548_25)],
            ],
        );
    }

    #[test]
    fn quanteda_is_count_times_log10_idf() {
        assert_scores(
            Preset::Quanteda,
            &[
                &[
                    ("lavrov", 0.352_182_518_111_362_5),
                    ("met", 0.477_121_254_719_662_44),
                    ("tehran", 0.477_121_254_719_662_44),
                ],
                &[
                    ("lavrov", 0.176_091_259_055_681_24),
                    ("moscow", 0.176_091_259_055_681_24),
                    ("visited", 0.477_121_254_719_662_44),
                ],
                &[("grain", 1.431_363_764_158_987_4), ("moscow", 0.176_091_259_055_681_24)],
            ],
        );
    }

    #[test]
    fn tidytext_is_share_of_document_times_ln_idf() {
        // A: lavrov (2/5)·ln(3/2); the 5 counts `talks`, whose own score is 0.
        assert_scores(
            Preset::Tidytext,
            &[
                &[
                    ("lavrov", 0.162_186_043_243_265_77),
                    ("met", 0.219_722_457_733_621_98),
                    ("tehran", 0.219_722_457_733_621_98),
                ],
                &[
                    ("lavrov", 0.101_366_277_027_041_1),
                    ("moscow", 0.101_366_277_027_041_1),
                    ("visited", 0.274_653_072_167_027_45),
                ],
                &[("grain", 0.659_167_373_200_865_8), ("moscow", 0.081_093_021_621_632_89)],
            ],
        );
    }

    #[test]
    fn news_and_sklearn_use_the_smooth_idf_and_keep_terms_in_every_document() {
        let expected: &[&[(&str, f64)]] = &[
            &[
                ("lavrov", 0.704_430_244_702_525_7),
                ("met", 0.463_120_559_117_629_7),
                ("talks", 0.273_526_462_693_260_86),
                ("tehran", 0.463_120_559_117_629_7),
            ],
            &[
                ("lavrov", 0.480_458_397_292_385_8),
                ("moscow", 0.480_458_397_292_385_8),
                ("talks", 0.373_118_805_931_327_7),
                ("visited", 0.631_745_054_276_520_8),
            ],
            &[
                ("grain", 0.952_154_187_555_033_8),
                ("moscow", 0.241_379_267_280_44),
                ("talks", 0.187_452_533_854_763_93),
            ],
        ];
        assert_scores(Preset::News, expected);
        assert_scores(Preset::Sklearn, expected);
    }

    #[test]
    fn min_and_max_df_drop_terms_before_weighting() {
        let counts = toy();
        // Only df 2 is kept: lavrov and moscow. Tidytext's length counts kept terms only.
        let tfidf = TfIdf::builder().preset(Preset::Tidytext).min_df(2).max_df(2).build().expect("valid");
        let rows = tfidf.weights(&counts).expect("weights");
        let ln = (3.0_f64 / 2.0).ln();
        assert_eq!(rows[0].len(), 1);
        assert!((rows[0][0].1 - ln).abs() < 1e-15, "lavrov is all of A's kept terms");
        assert!((rows[1][0].1 - ln / 2.0).abs() < 1e-15);
        assert!((rows[1][1].1 - ln / 2.0).abs() < 1e-15);
        // Gensim over the same: one kept term per row in A and C, so each scores 1.
        let tfidf = TfIdf::builder().preset(Preset::Gensim).min_df(0.5).max_df(0.9).build().expect("valid");
        let rows = tfidf.weights(&counts).expect("weights");
        assert_eq!(rows.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2, 1]);
        assert!((rows[0][0].1 - 1.0).abs() < 1e-15);
    }

    #[test]
    fn report_lists_top_terms_best_first_ties_in_term_order() {
        let counts = toy();
        let tfidf = TfIdf::builder().preset(Preset::Quanteda).top(2).build().expect("valid");
        let report = tfidf.report(&counts).expect("report");
        assert_eq!(report.documents, 3);
        let row = |i: usize| -> Vec<&str> { report.rows[i].terms.iter().map(|t| t.term.as_str()).collect() };
        // A: met and tehran tie above lavrov; `met` comes first.
        assert_eq!(row(0), ["met", "Tehran"]);
        assert_eq!(row(1), ["visited", "Lavrov"]);
        assert_eq!(row(2), ["grain", "Moscow"]);
        assert_eq!(report.rows[1].path, "B");
        let all = TfIdf::builder().preset(Preset::Quanteda).all_terms().build().expect("valid");
        assert_eq!(all.report(&counts).expect("report").rows[0].terms.len(), 3);
    }

    #[test]
    fn report_serialises_to_the_json_contract() {
        let counts = toy();
        let tfidf = TfIdf::builder().preset(Preset::Quanteda).top(1).build().expect("valid");
        let json = serde_json::to_value(tfidf.report(&counts).expect("report")).expect("json");
        assert_eq!(json["preset"], "quanteda");
        assert_eq!(json["rows"][2]["path"], "C");
        assert_eq!(json["rows"][2]["terms"][0]["term"], "grain");
        assert!(json["rows"][2]["terms"][0]["score"].is_f64());
    }

    #[test]
    fn empty_corpus_and_empty_documents_give_empty_rows() {
        let tfidf = TfIdf::default();
        assert!(tfidf.report(&Counts::default()).expect("report").rows.is_empty());
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        counter.add(0, DocMeta { path: "empty".into(), date: None }, &Article::default());
        counter.add(1, DocMeta { path: "stop".into(), date: None }, &article("the and of"));
        let counts = counter.finish();
        for preset in Preset::ALL {
            let tfidf = TfIdf::builder().preset(preset).build().expect("valid");
            let report = tfidf.report(&counts).expect("report");
            assert!(report.rows.iter().all(|row| row.terms.is_empty()), "{preset}");
        }
    }

    #[test]
    fn a_single_article_still_ranks_its_terms_by_default() {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        counter.add(0, DocMeta { path: "one".into(), date: None }, &article("Lavrov met Lavrov in Tehran."));
        let counts = counter.finish();
        let report = TfIdf::default().report(&counts).expect("report");
        assert_eq!(report.rows[0].terms[0].term, "Lavrov");
        let gensim = TfIdf::builder().preset(Preset::Gensim).build().expect("valid");
        assert!(gensim.report(&counts).expect("report").rows[0].terms.is_empty(), "log2(1/1) = 0 for every term");
    }

    #[test]
    fn impossible_settings_are_config_errors() {
        let err = |b: TfIdfBuilder| b.build().expect_err("invalid");
        assert_eq!(err(TfIdf::builder().max_df(0.0)), TfIdfError::InvalidMaxDf(DfBound::Fraction(0.0)));
        assert_eq!(err(TfIdf::builder().max_df(-0.5)), TfIdfError::InvalidMaxDf(DfBound::Fraction(-0.5)));
        assert_eq!(err(TfIdf::builder().max_df(1.5)), TfIdfError::InvalidMaxDf(DfBound::Fraction(1.5)));
        assert_eq!(err(TfIdf::builder().max_df(0)), TfIdfError::InvalidMaxDf(DfBound::Count(0)));
        assert!(matches!(err(TfIdf::builder().max_df(f64::NAN)), TfIdfError::InvalidMaxDf(_)));
        assert_eq!(err(TfIdf::builder().min_df(1.2)), TfIdfError::InvalidMinDf(DfBound::Fraction(1.2)));
        assert_eq!(
            err(TfIdf::builder().min_df(5).max_df(3)),
            TfIdfError::MinDfAboveMaxDf { min: DfBound::Count(5), max: DfBound::Count(3) }
        );
        assert_eq!(
            err(TfIdf::builder().min_df(0.6).max_df(0.5)),
            TfIdfError::MinDfAboveMaxDf { min: DfBound::Fraction(0.6), max: DfBound::Fraction(0.5) }
        );
        assert_eq!(err(TfIdf::builder().top(0)), TfIdfError::ZeroTop);
        assert_eq!(
            err(TfIdf::builder().min_df(0.6).max_df(0.5)).to_string(),
            "min_df (0.6) is above max_df (0.5), so no term could be kept"
        );
        assert!(TfIdf::builder().min_df(0).max_df(1.0).build().is_ok());
        assert!(TfIdf::builder().min_df(0.0).max_df(1).build().is_ok());
    }

    #[test]
    fn mixed_bounds_are_checked_against_the_corpus() {
        // Over 3 documents, max_df 0.5 allows 1.5 documents, below min_df 2.
        let tfidf = TfIdf::builder().min_df(2).max_df(0.5).build().expect("valid until the corpus is known");
        assert_eq!(
            tfidf.report(&toy()).expect_err("empty range"),
            TfIdfError::EmptyDocFrequencyRange { min: DfBound::Count(2), max: DfBound::Fraction(0.5), documents: 3 }
        );
    }

    #[test]
    fn presets_read_their_names() {
        for preset in Preset::ALL {
            assert_eq!(preset.name().parse::<Preset>(), Ok(preset));
        }
        assert_eq!("SKLearn".parse::<Preset>(), Ok(Preset::Sklearn));
        assert_eq!("tfidf".parse::<Preset>(), Err(TfIdfError::UnknownPreset("tfidf".into())));
        assert_eq!(Preset::default(), Preset::News);
    }

    #[test]
    fn sklearn_counts_lower_case_the_joined_segments() {
        let mut article = article("Iran’s ΟΔΟΣ talks. TALKS go on");
        article.title = Some("Talks".into());
        assert_eq!(sklearn_text(&article), "Talks\nIran’s ΟΔΟΣ talks. TALKS go on");
        let counts = count_sklearn(std::iter::once((DocMeta { path: "a".into(), date: None }, article)));
        let terms: Vec<(&str, u32)> = counts.docs[0].terms.iter().map(|&(id, n)| (counts.vocab.term(id), n)).collect();
        // Final sigma lower-cases to ς, as Python's str.lower() does.
        assert_eq!(terms, [("go", 1), ("iran", 1), ("on", 1), ("talks", 3), ("οδος", 1)]);
        assert_eq!(counts.docs[0].tokens, 7);
        assert_eq!(counts.vocab.display(counts.vocab.id("talks").expect("term")), "talks");
    }
}
