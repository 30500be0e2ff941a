//! Bigram collocations: which adjacent word pairs occur together more than chance would have
//! them, scored with the association measures of NLTK's `BigramAssocMeasures` and quanteda's
//! `textstat_collocations`.
//!
//! # The table
//!
//! Each bigram `(w1, w2)` is scored from four counts, NLTK's marginals ([`BigramTable`]):
//!
//! | count | meaning | in a report row |
//! |---|---|---|
//! | `n_ii` | the bigram `w1 w2`, within sentences | `count` |
//! | `n_ix` | `w1` anywhere | `left_count` |
//! | `n_xi` | `w2` anywhere | `right_count` |
//! | `n_xx` | all term tokens, stopwords included | `total_tokens` |
//!
//! NLTK's `BigramCollocationFinder.from_words` counts the same way (`word_fd` and its total
//! `N`), except that it pairs words across sentence ends; dateline's bigrams never cross a
//! sentence ([`ngrams`](mod@crate::ngrams)). The contingency table is NLTK's
//! `_contingency`: `n_oi = n_xi - n_ii` (`w2` after another word), `n_io = n_ix - n_ii` (`w1`
//! before another word), `n_oo = n_xx - n_ii - n_oi - n_io`.
//!
//! # The measures
//!
//! With `ε = 1e-20` (NLTK's `_SMALL`), in the order and floating-point arithmetic NLTK uses
//! (`nltk/metrics/association.py`; `n_ii` is a float there, as `score_ngram` divides it by
//! `window_size - 1`):
//!
//! - `pmi = log2(n_ii·n_xx) − log2(n_ix·n_xi)` (Manning and Schütze 5.4).
//! - `likelihood_ratio = 2 · Σ o·ln(o / (e + ε) + ε)` over the four cells `o` in NLTK's order
//!   `(n_ii, n_oi, n_io, n_oo)`, with expected counts `e` = row total × column total / `n_xx`
//!   (Manning and Schütze 5.3.4; Dunning's G²). Empty cells add nothing.
//! - `student_t = (n_ii − n_ix·n_xi / n_xx) / (n_ii + ε)^0.5` (Manning and Schütze 5.3.1).
//! - `chi_sq = n_xx · phi²`, `phi² = (n_ii·n_oo − n_io·n_oi)² / (n_xi·n_ix·(n_xx − n_ix)·(n_xx −
//!   n_xi))` with each factor summed from the cells as NLTK does (Manning and Schütze 5.3.3).
//!   Undefined (NLTK raises `ZeroDivisionError`) when a word is every token: NaN here.
//! - `dice = 2·n_ii / (n_ix + n_xi)`.
//! - quanteda's `lambda` for size 2: the log odds ratio of the table with `0.5` added to each
//!   cell, `λ = ln(n_ii + ½) − ln(n_io + ½) − ln(n_oi + ½) + ln(n_oo + ½)`, and
//!   `z = λ / sqrt(Σ 1/(n + ½))` over the four cells (`lambda_all` and `sigma_all` in quanteda's
//!   `src/collocations_mt.cpp`, Blaheta and Johnson 2001). quanteda fills its table from
//!   bigram *positions* (every pair of adjacent tokens it counts, so its total is about the
//!   number of bigrams, not of tokens); here the formula is applied to the same table as the
//!   other measures. [`lambda_and_z`] takes any four cells, quanteda's included.
//!
//! The formulas are checked against NLTK itself to 1e-9 by `tests/integration/collocations.rs`
//! with expected values made by `tests/reference/make_collocation_reference.sh`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use dateline_model::Article;
use serde::Serialize;

use crate::ngrams::{NgramCounts, NgramOptions, StopwordEdges, count_ngrams};
use dateline_text::DocMeta;
use dateline_text::TermOptions;

/// NLTK's `_SMALL`, which keeps its logarithms and divisions finite.
const SMALL: f64 = 1e-20;

/// quanteda's default `smoothing`, added to each cell before `lambda` and `z`.
pub const QUANTEDA_SMOOTHING: f64 = 0.5;

/// The marginal counts of one bigram, as NLTK's `BigramAssocMeasures` takes them:
/// `score_fn(n_ii, (n_ix, n_xi), n_xx)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct BigramTable {
    /// Occurrences of the bigram `w1 w2`.
    pub n_ii: u64,
    /// Occurrences of `w1`.
    pub n_ix: u64,
    /// Occurrences of `w2`.
    pub n_xi: u64,
    /// All tokens.
    pub n_xx: u64,
}

/// Every measure for one bigram; see the [module documentation](self) for the formulas.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Pointwise mutual information, in bits.
    pub pmi: f64,
    /// Log-likelihood ratio (G²).
    pub likelihood_ratio: f64,
    /// Student's t.
    pub student_t: f64,
    /// Pearson's chi-square.
    pub chi_sq: f64,
    /// Dice's coefficient.
    pub dice: f64,
    /// quanteda's λ: the smoothed log odds ratio.
    pub lambda: f64,
    /// quanteda's z: λ over its standard error.
    pub z: f64,
}

impl Scores {
    /// The score for `measure`.
    #[must_use]
    pub const fn get(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Pmi => self.pmi,
            Measure::LikelihoodRatio => self.likelihood_ratio,
            Measure::StudentT => self.student_t,
            Measure::ChiSq => self.chi_sq,
            Measure::Dice => self.dice,
            Measure::Lambda => self.lambda,
            Measure::Z => self.z,
        }
    }
}

#[allow(clippy::cast_precision_loss, reason = "counts are far below 2^53, where f64 is exact")]
fn float(n: u64) -> f64 {
    n as f64
}

#[allow(clippy::cast_precision_loss, reason = "a product of two counts; NLTK converts it the same way")]
fn float_wide(n: u128) -> f64 {
    n as f64
}

impl BigramTable {
    /// The table of a bigram seen `n_ii` times, its words `n_ix` and `n_xi` times, among
    /// `n_xx` tokens. A table from real counts has `n_ii <= n_ix, n_xi` and
    /// `n_ix + n_xi - n_ii <= n_xx`; others are scored with the same arithmetic, unchecked.
    #[must_use]
    pub const fn new(n_ii: u64, n_ix: u64, n_xi: u64, n_xx: u64) -> Self {
        Self { n_ii, n_ix, n_xi, n_xx }
    }

    /// The four cells in NLTK's order: `(n_ii, n_oi, n_io, n_oo)`.
    #[must_use]
    pub fn cells(&self) -> [f64; 4] {
        let n_ii = float(self.n_ii);
        let n_oi = float(self.n_xi) - n_ii;
        let n_io = float(self.n_ix) - n_ii;
        let n_oo = float(self.n_xx) - n_ii - n_oi - n_io;
        [n_ii, n_oi, n_io, n_oo]
    }

    fn unigram_product(&self) -> f64 {
        float_wide(u128::from(self.n_ix) * u128::from(self.n_xi))
    }

    /// Pointwise mutual information: `log2(n_ii·n_xx) − log2(n_ix·n_xi)`.
    #[must_use]
    pub fn pmi(&self) -> f64 {
        (float(self.n_ii) * float(self.n_xx)).log2() - self.unigram_product().log2()
    }

    /// Log-likelihood ratio: `2 · Σ o·ln(o / (e + ε) + ε)` over the cells.
    #[must_use]
    pub fn likelihood_ratio(&self) -> f64 {
        let cells = self.cells();
        let total: f64 = cells.iter().sum();
        let mut sum = 0.0;
        for (i, &observed) in cells.iter().enumerate() {
            let expected = (observed + cells[i ^ 1]) * (observed + cells[i ^ 2]) / total;
            sum += observed * (observed / (expected + SMALL) + SMALL).ln();
        }
        2.0 * sum
    }

    /// Student's t: `(n_ii − n_ix·n_xi / n_xx) / (n_ii + ε)^0.5`.
    #[must_use]
    pub fn student_t(&self) -> f64 {
        let n_ii = float(self.n_ii);
        (n_ii - self.unigram_product() / float(self.n_xx)) / (n_ii + SMALL).powf(0.5)
    }

    /// Pearson's chi-square: `n_xx · phi²`; NaN when a word is every token.
    #[must_use]
    pub fn chi_sq(&self) -> f64 {
        // NLTK's `phi_sq` names the second and third cells the other way round; the formula
        // is symmetric in them, and the factors are multiplied in its order.
        let [n_ii, n_io, n_oi, n_oo] = self.cells();
        let denominator = (n_ii + n_io) * (n_ii + n_oi) * (n_io + n_oo) * (n_oi + n_oo);
        if denominator == 0.0 {
            return f64::NAN;
        }
        let cross = n_ii * n_oo - n_io * n_oi;
        float(self.n_xx) * (cross * cross / denominator)
    }

    /// Dice's coefficient: `2·n_ii / (n_ix + n_xi)`.
    #[must_use]
    pub fn dice(&self) -> f64 {
        2.0 * float(self.n_ii) / float(self.n_ix + self.n_xi)
    }

    /// quanteda's λ and z with `smoothing` added to each cell (quanteda's default is
    /// [`QUANTEDA_SMOOTHING`]).
    #[must_use]
    pub fn lambda_and_z(&self, smoothing: f64) -> (f64, f64) {
        let [n_ii, n_oi, n_io, n_oo] = self.cells();
        lambda_and_z([n_ii, n_io, n_oi, n_oo], smoothing)
    }

    /// Every measure, with quanteda's default smoothing for λ and z.
    #[must_use]
    pub fn scores(&self) -> Scores {
        let (lambda, z) = self.lambda_and_z(QUANTEDA_SMOOTHING);
        Scores {
            pmi: self.pmi(),
            likelihood_ratio: self.likelihood_ratio(),
            student_t: self.student_t(),
            chi_sq: self.chi_sq(),
            dice: self.dice(),
            lambda,
            z,
        }
    }
}

/// quanteda's λ and z for a bigram from the four cells of its table: `[both, first word only,
/// second word only, neither]`, each with `smoothing` added.
///
/// `λ = ln(both) − ln(first only) − ln(second only) + ln(neither)`, the log odds ratio, and
/// `z = λ / sqrt(Σ 1/cell)`; summed in quanteda's cell order (neither, first only, second
/// only, both).
///
/// ```
/// use dateline_analyze::collocations::lambda_and_z;
///
/// let (lambda, z) = lambda_and_z([9.0, 1.0, 1.0, 89.0], 0.5);
/// assert!((lambda - (9.5f64 * 89.5 / (1.5 * 1.5)).ln()).abs() < 1e-12);
/// assert!((z - lambda / (1.0 / 9.5 + 2.0 / 1.5 + 1.0 / 89.5f64).sqrt()).abs() < 1e-12);
/// ```
#[must_use]
pub fn lambda_and_z(cells: [f64; 4], smoothing: f64) -> (f64, f64) {
    let [both, first, second, neither] = cells.map(|n| n + smoothing);
    let lambda = neither.ln() - first.ln() - second.ln() + both.ln();
    let sigma = (1.0 / neither + 1.0 / first + 1.0 / second + 1.0 / both).sqrt();
    (lambda, lambda / sigma)
}

/// An association measure to rank collocations by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Pointwise mutual information (favours rare pairs).
    Pmi,
    /// Log-likelihood ratio, G² (the default: robust for rare and frequent pairs alike).
    #[default]
    LikelihoodRatio,
    /// Student's t (favours frequent pairs).
    StudentT,
    /// Pearson's chi-square.
    ChiSq,
    /// Dice's coefficient.
    Dice,
    /// quanteda's λ.
    Lambda,
    /// quanteda's z (quanteda's own ranking).
    Z,
}

impl Measure {
    /// Every measure, in documentation order.
    pub const ALL: [Self; 7] =
        [Self::Pmi, Self::LikelihoodRatio, Self::StudentT, Self::ChiSq, Self::Dice, Self::Lambda, Self::Z];

    /// The measure's name, as NLTK spells its function (`pmi`, `likelihood_ratio`, `student_t`,
    /// `chi_sq`, `dice`) or quanteda its column (`lambda`, `z`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Pmi => "pmi",
            Self::LikelihoodRatio => "likelihood_ratio",
            Self::StudentT => "student_t",
            Self::ChiSq => "chi_sq",
            Self::Dice => "dice",
            Self::Lambda => "lambda",
            Self::Z => "z",
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A measure name that [`Measure::from_str`] does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown association measure `{0}` (expected pmi, likelihood_ratio, student_t, chi_sq, dice, lambda or z)")]
pub struct UnknownMeasure(pub String);

impl FromStr for Measure {
    type Err = UnknownMeasure;

    /// A [`Measure::name`], with `-` for `_` allowed, or one of `llr`, `g2`, `t`, `chi2`.
    fn from_str(s: &str) -> Result<Self, UnknownMeasure> {
        let name = s.trim().to_ascii_lowercase().replace('-', "_");
        if let Some(&measure) = Self::ALL.iter().find(|m| m.name() == name) {
            return Ok(measure);
        }
        match name.as_str() {
            "llr" | "g2" => Ok(Self::LikelihoodRatio),
            "t" => Ok(Self::StudentT),
            "chi2" => Ok(Self::ChiSq),
            _ => Err(UnknownMeasure(s.to_owned())),
        }
    }
}

/// How collocations are counted, scored and reported.
///
/// ```
/// use dateline_analyze::collocations::{CollocationOptions, Measure};
///
/// let options = CollocationOptions::new().measure(Measure::Pmi).min_count(3).top(Some(20));
/// assert_eq!(options.get_measure(), Measure::Pmi);
/// ```
#[derive(Debug, Clone)]
pub struct CollocationOptions {
    terms: TermOptions,
    stopword_edges: StopwordEdges,
    measure: Measure,
    min_count: u64,
    top: Option<usize>,
}

impl Default for CollocationOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl CollocationOptions {
    /// [`TermOptions::new`], pairs with a stopword left out ([`StopwordEdges::Drop`]),
    /// ranked by [`Measure::LikelihoodRatio`], pairs seen at least twice (quanteda's default
    /// `min_count`), every row.
    #[must_use]
    pub fn new() -> Self {
        Self {
            terms: TermOptions::new(),
            stopword_edges: StopwordEdges::Drop,
            measure: Measure::LikelihoodRatio,
            min_count: 2,
            top: None,
        }
    }

    /// How tokens become terms; its stopword list decides which pairs are left out.
    #[must_use]
    pub fn terms(mut self, terms: TermOptions) -> Self {
        self.terms = terms;
        self
    }

    /// Whether pairs with a stopword in them are scored.
    #[must_use]
    pub const fn stopword_edges(mut self, edges: StopwordEdges) -> Self {
        self.stopword_edges = edges;
        self
    }

    /// The measure rows are ranked by and whose value is `score`.
    #[must_use]
    pub const fn measure(mut self, measure: Measure) -> Self {
        self.measure = measure;
        self
    }

    /// Score only pairs seen at least `min_count` times (the marginals still count every token).
    #[must_use]
    pub const fn min_count(mut self, min_count: u64) -> Self {
        self.min_count = min_count;
        self
    }

    /// Keep the first `top` rows (`None`: all).
    #[must_use]
    pub const fn top(mut self, top: Option<usize>) -> Self {
        self.top = top;
        self
    }

    /// The measure rows are ranked by.
    #[must_use]
    pub const fn get_measure(&self) -> Measure {
        self.measure
    }

    /// The n-gram options that count what these options score: bigrams only, every count kept.
    #[must_use]
    pub fn ngram_options(&self) -> NgramOptions {
        NgramOptions::builder()
            .terms(self.terms.clone())
            .sizes(2, 2)
            .stopword_edges(self.stopword_edges)
            .min_count(self.min_count)
            .top(self.top)
            .build_unchecked()
    }
}

/// One scored bigram. `ngram`, `count`, `left_count`, `right_count`, `total_tokens` and `score`
/// are the JSON contract; every measure follows by name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollocationRow {
    /// The two words' display forms separated by a space.
    pub ngram: String,
    /// Occurrences of the pair within sentences (`n_ii`).
    pub count: u64,
    /// Occurrences of the first word (`n_ix`).
    pub left_count: u64,
    /// Occurrences of the second word (`n_xi`).
    pub right_count: u64,
    /// Term tokens in the corpus, stopwords included (`n_xx`).
    pub total_tokens: u64,
    /// The chosen measure's value.
    pub score: f64,
    /// Pointwise mutual information.
    pub pmi: f64,
    /// Log-likelihood ratio.
    pub likelihood_ratio: f64,
    /// Student's t.
    pub student_t: f64,
    /// Pearson's chi-square (NaN, written as JSON `null`, when undefined).
    pub chi_sq: f64,
    /// Dice's coefficient.
    pub dice: f64,
    /// quanteda's λ.
    pub lambda: f64,
    /// quanteda's z.
    pub z: f64,
}

/// A collocation table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollocationReport {
    /// The measure rows are ranked by.
    pub measure: Measure,
    /// Term tokens in the corpus, stopwords included.
    pub total_tokens: u64,
    /// Bigrams, best first: by score (NaN last), then count, then case-folded words.
    pub rows: Vec<CollocationRow>,
}

/// Higher scores first; NaN after every number.
fn best_first(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (false, false) => b.total_cmp(&a),
        (a_nan, b_nan) => a_nan.cmp(&b_nan),
    }
}

/// Scores the bigrams of `counts` (other sizes are ignored) seen at least
/// `options.min_count` times.
#[must_use]
pub fn score_bigrams(counts: &NgramCounts, options: &CollocationOptions) -> CollocationReport {
    let mut scored: Vec<_> = counts
        .ngrams
        .iter()
        .filter(|(ngram, n)| ngram.size() == 2 && *n >= options.min_count)
        .map(|&(ngram, n_ii)| {
            let [left, right] = [ngram.ids()[0], ngram.ids()[1]].map(|id| counts.term_freq[id as usize]);
            let table = BigramTable::new(n_ii, left, right, counts.tokens);
            (ngram, table, table.scores())
        })
        .collect();
    let measure = options.measure;
    scored.sort_unstable_by(|a, b| {
        best_first(a.2.get(measure), b.2.get(measure)).then(b.1.n_ii.cmp(&a.1.n_ii)).then(a.0.cmp(&b.0))
    });
    let rows = scored
        .into_iter()
        .take(options.top.unwrap_or(usize::MAX))
        .map(|(ngram, table, scores)| CollocationRow {
            ngram: counts.display(&ngram),
            count: table.n_ii,
            left_count: table.n_ix,
            right_count: table.n_xi,
            total_tokens: table.n_xx,
            score: scores.get(measure),
            pmi: scores.pmi,
            likelihood_ratio: scores.likelihood_ratio,
            student_t: scores.student_t,
            chi_sq: scores.chi_sq,
            dice: scores.dice,
            lambda: scores.lambda,
            z: scores.z,
        })
        .collect();
    CollocationReport { measure, total_tokens: counts.tokens, rows }
}

/// Counts the bigrams of `(meta, article)` pairs in parallel and scores them.
///
/// ```
/// use dateline_analyze::DocMeta;
/// use dateline_analyze::collocations::{CollocationOptions, Measure, collocation_table};
///
/// let text = " date 2024-01-10 Foreign Minister Lavrov met Foreign Minister Wang. The talks were long. \
///             Lavrov said the talks went well.";
/// let article = dateline_parse::parse_article(text)?;
/// let meta = DocMeta { path: "a.txt".into(), date: None };
/// let options = CollocationOptions::new().measure(Measure::Pmi);
/// let report = collocation_table(&options, std::iter::once((meta, article)));
/// let top = &report.rows[0];
/// assert_eq!((top.ngram.as_str(), top.count, top.left_count, top.right_count), ("Foreign Minister", 2, 2, 2));
/// assert_eq!(report.total_tokens, 17);
/// assert!((top.score - (2.0f64 * 17.0 / 4.0).log2()).abs() < 1e-12);
/// # Ok::<(), dateline_parse::ParseError>(())
/// ```
pub fn collocation_table<I>(options: &CollocationOptions, docs: I) -> CollocationReport
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    score_bigrams(&count_ngrams(&options.ngram_options(), docs), options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
    }

    /// `w1` 3 times, `w2` 4 times, together twice, among 20 tokens. Cells (NLTK order):
    /// n_ii = 2, n_oi = 4 − 2 = 2, n_io = 3 − 2 = 1, n_oo = 20 − 2 − 2 − 1 = 15.
    const TABLE: BigramTable = BigramTable::new(2, 3, 4, 20);

    #[test]
    fn cells_follow_nltk_contingency() {
        assert_eq!(TABLE.cells(), [2.0, 2.0, 1.0, 15.0]);
    }

    #[test]
    fn pmi_by_hand() {
        // log2(2·20 / (3·4)) = log2(10/3)
        close(TABLE.pmi(), (10.0f64 / 3.0).log2());
        // A pair that always occurs together among 10 tokens, each word 3 times: log2(10/3).
        close(BigramTable::new(3, 3, 3, 10).pmi(), (10.0f64 / 3.0).log2());
    }

    #[test]
    fn student_t_by_hand() {
        // (2 − 3·4/20) / √2 = 1.4 / √2
        close(TABLE.student_t(), 1.4 / 2.0f64.sqrt());
    }

    #[test]
    fn chi_sq_by_hand() {
        // 20 · (2·15 − 1·2)² / (4·3·17·16) = 20 · 784 / 3264 = 245/51
        close(TABLE.chi_sq(), 245.0 / 51.0);
        // A word that is every token leaves a margin empty: undefined, as in NLTK.
        assert!(BigramTable::new(2, 3, 3, 3).chi_sq().is_nan());
    }

    #[test]
    fn likelihood_ratio_by_hand() {
        // Expected counts: 3·4/20 = 0.6, 4·17/20 = 3.4, 3·16/20 = 2.4, 17·16/20 = 13.6.
        let expected = 2.0
            * (2.0 * (2.0f64 / 0.6).ln()
                + 2.0 * (2.0f64 / 3.4).ln()
                + 1.0 * (1.0f64 / 2.4).ln()
                + 15.0 * (15.0f64 / 13.6).ln());
        close(TABLE.likelihood_ratio(), expected);
        // Empty cells add nothing: cells 3, 0, 0, 7; expected 0.9 and 4.9 for the full ones.
        let perfect = 2.0 * (3.0 * (3.0f64 / 0.9).ln() + 7.0 * (7.0f64 / 4.9).ln());
        close(BigramTable::new(3, 3, 3, 10).likelihood_ratio(), perfect);
    }

    #[test]
    fn dice_by_hand() {
        close(TABLE.dice(), 4.0 / 7.0);
        close(BigramTable::new(3, 3, 3, 10).dice(), 1.0);
    }

    #[test]
    fn quanteda_lambda_and_z_by_hand() {
        // Cells + ½: both 2.5, first only (n_io) 1.5, second only (n_oi) 2.5, neither 15.5.
        let lambda = (2.5f64 * 15.5 / (1.5 * 2.5)).ln();
        let sigma = (1.0 / 2.5 + 1.0 / 1.5 + 1.0 / 2.5 + 1.0f64 / 15.5).sqrt();
        let (l, z) = TABLE.lambda_and_z(QUANTEDA_SMOOTHING);
        close(l, lambda);
        close(z, lambda / sigma);
        // Zero cells are why quanteda smooths: 3, 0, 0, 7 gives ln(3.5·7.5 / 0.25) = ln 105.
        let (l, z) = BigramTable::new(3, 3, 3, 10).lambda_and_z(0.5);
        close(l, 105.0f64.ln());
        close(z, 105.0f64.ln() / (1.0 / 3.5 + 2.0 / 0.5 + 1.0f64 / 7.5).sqrt());
        let scores = TABLE.scores();
        assert_eq!((scores.lambda, scores.z), TABLE.lambda_and_z(0.5));
    }

    #[test]
    fn measures_parse_from_their_names() {
        for measure in Measure::ALL {
            assert_eq!(measure.name().parse::<Measure>(), Ok(measure));
            assert_eq!(measure.to_string(), measure.name());
        }
        assert_eq!("likelihood-ratio".parse::<Measure>(), Ok(Measure::LikelihoodRatio));
        assert_eq!("G2".parse::<Measure>(), Ok(Measure::LikelihoodRatio));
        assert!("mi".parse::<Measure>().is_err());
        assert_eq!(serde_json::to_string(&Measure::StudentT).ok().as_deref(), Some("\"student_t\""));
    }

    #[test]
    fn nan_ranks_last() {
        let mut scores = [1.0, f64::NAN, 3.0, f64::NEG_INFINITY, 2.0];
        scores.sort_by(|a, b| best_first(*a, *b));
        assert_eq!(scores[..4], [3.0, 2.0, 1.0, f64::NEG_INFINITY]);
        assert!(scores[4].is_nan());
    }
}
