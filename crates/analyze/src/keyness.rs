//! Keyness: which terms a target subcorpus uses more (or less) than a reference corpus.
//!
//! The model is quanteda's `textstat_keyness`, and the numbers are quanteda's where the
//! formulas are the same. For each term the two subcorpora make a 2×2 table:
//!
//! |             | target | reference |
//! |-------------|--------|-----------|
//! | the term    | `a`    | `b`       |
//! | other terms | `c`    | `d`       |
//!
//! with `N = a + b + c + d`. The totals `a + c` and `b + d` are the subcorpora's counted term
//! tokens (what quanteda's `dfm` row sums are): stopwords, and numbers if so configured, do
//! not count. With `TermOptions::new().stopwords(Stopwords::None)` the tables are those of a
//! quanteda `dfm` of the same tokens.
//!
//! - **Sign**: positive when the term is relatively more frequent in the target
//!   (`a / (a + c) > b / (b + d)`, which is quanteda's `a > E11`), negative otherwise.
//! - **Yates correction**, quanteda's default for both `chi2` and `lr` (its C++ code applies
//!   it when `correction = "default"` for both measures, although its manual says Williams'
//!   correction is the default for `lr`; we follow the code, which makes the numbers users
//!   see): `δ = 0.5` when `|ad − bc| ≥ N/2` and some expected cell count is below 5, else
//!   `δ = 0`. [`Correction::None`] turns it off.
//! - **chi²** = `N (|ad − bc| − N δ)² / ((a+b)(c+d)(a+c)(b+d))`, signed.
//! - **G²** (log-likelihood, Dunning 1993) = `2 Σ O ln(O / E + ε)` over the four cells, with
//!   `E = row total × column total / N` and `ε = 10⁻⁹` as in quanteda (which makes G² about
//!   `2·10⁻⁹ N` larger than the textbook value). With Yates' δ each cell moves half a unit
//!   towards independence first (`a` and `d` down, `b` and `c` up when `ad > bc`; the other
//!   way round otherwise), as quanteda does. Signed.
//! - **p-values**: the upper tail of the χ² distribution with one degree of freedom at `|G²|`
//!   and at `|chi²|`, `erfc(√(x/2))` ([`chi_squared_1df_p`]). quanteda computes
//!   `1 - pchisq(x, 1)`, which rounds to 0 above about 75; ours keeps the small values.
//! - **Log ratio** (Hardie 2014, "Log Ratio – an informal introduction", CASS):
//!   `log2((a / (a+c)) / (b / (b+d)))`, the binary log of the ratio of relative frequencies;
//!   +1 means twice as frequent in the target. A zero count is taken as 0.5 before dividing
//!   (Hardie's suggested adjustment), so the ratio stays finite.
//!
//! When the table has an empty margin (a term that is every token of both subcorpora) there
//! is no association to measure: chi² and G² are 0 and the p-values 1.
//!
//! # Example
//!
//! ```
//! use dateline_analyze::keyness::{KeynessOptions, Selection, keyness};
//! use dateline_analyze::{DocMeta, TermOptions, count_parallel};
//!
//! let texts = [("a/1.txt", "Gaza talks. Gaza aid."), ("b/2.txt", "Caspian talks."), ("b/3.txt", "Caspian port.")];
//! let docs = texts.iter().map(|&(path, text)| {
//!     let article = dateline_parse::parse_article(&format!(" date 2024-01-10 {text}")).unwrap();
//!     (DocMeta { path: path.into(), date: None }, article)
//! });
//! let counts = count_parallel(&TermOptions::new(), docs);
//! let target = Selection::builder().folder("a").build()?;
//! let report = keyness(&counts, &target, &KeynessOptions::new())?;
//! assert_eq!(report.rows[0].term, "Gaza");
//! assert!(report.rows[0].g2 > 0.0);
//! assert_eq!(report.rows.last().map(|r| r.term.as_str()), Some("Caspian"));
//! # Ok::<(), dateline_analyze::keyness::KeynessError>(())
//! ```

use std::path::{Component, Path};

use chrono::NaiveDate;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Serialize;

use dateline_model::Article;
use rayon::prelude::*;

use crate::counts::Counts;
use dateline_text::{DocMeta, FinishedTerms, SortedIds, TermId, TermOptions, Vocabulary};

/// What can go wrong selecting subcorpora or comparing them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeynessError {
    /// A path pattern is not a valid glob.
    #[error("invalid path pattern `{pattern}`: {message}")]
    Glob {
        /// The pattern as given.
        pattern: String,
        /// Why it is invalid.
        message: String,
    },
    /// The target subcorpus holds no counted term.
    #[error("the target subcorpus is empty ({documents} documents, no counted terms)")]
    EmptyTarget {
        /// Documents selected as target.
        documents: usize,
    },
    /// The reference subcorpus holds no counted term.
    #[error("the reference subcorpus is empty ({documents} documents, no counted terms)")]
    EmptyReference {
        /// Documents selected as reference.
        documents: usize,
    },
}

/// A predicate choosing documents for a subcorpus.
///
/// Implemented by [`Selection`] and by any `Fn(&DocMeta) -> bool`.
pub trait DocFilter {
    /// Whether the document belongs to the subcorpus.
    fn matches(&self, meta: &DocMeta) -> bool;
}

impl<F: Fn(&DocMeta) -> bool> DocFilter for F {
    fn matches(&self, meta: &DocMeta) -> bool {
        self(meta)
    }
}

/// Documents chosen by date range, folder and path pattern.
///
/// A document matches when it passes every kind of criterion given: its date is within the
/// range (both ends inclusive; an undated document never passes a date bound), its path is
/// under one of the folders (whole path components: `reuters` holds `reuters/a.txt`, not
/// `reuters2/a.txt`), and its path matches one of the globs. A selection without criteria
/// matches every document.
///
/// Globs match the path as shown in reports (as given on the command line or found while
/// walking a folder), with `*` matching any run of characters, `/` included, `?` one
/// character, `[abc]` a class, `{a,b}` alternatives and `**` any folders: `*/reuters/*`,
/// `seeds/00[01]_*`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    folders: Vec<String>,
    globs: Option<GlobSet>,
}

impl Selection {
    /// A selection of every document.
    #[must_use]
    pub fn all() -> Self {
        Self::default()
    }

    /// Starts a selection.
    #[must_use]
    pub fn builder() -> SelectionBuilder {
        SelectionBuilder::default()
    }

    /// Whether the selection has no criteria, and so matches every document.
    #[must_use]
    pub fn is_all(&self) -> bool {
        self.since.is_none() && self.until.is_none() && self.folders.is_empty() && self.globs.is_none()
    }

    /// Whether `meta` is selected.
    #[must_use]
    pub fn matches(&self, meta: &DocMeta) -> bool {
        if self.since.is_some() || self.until.is_some() {
            let Some(date) = meta.date else { return false };
            if self.since.is_some_and(|since| date < since) || self.until.is_some_and(|until| date > until) {
                return false;
            }
        }
        if !self.folders.is_empty() && !self.folders.iter().any(|folder| is_under(&meta.path, folder)) {
            return false;
        }
        self.globs.as_ref().is_none_or(|globs| globs.is_match(&meta.path))
    }
}

impl DocFilter for Selection {
    fn matches(&self, meta: &DocMeta) -> bool {
        Self::matches(self, meta)
    }
}

/// Whether `path` lies under `folder`, comparing whole components and ignoring `./`.
fn is_under(path: &str, folder: &str) -> bool {
    let parts = |p: &'_ str| -> Vec<String> {
        Path::new(p)
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let (path, folder) = (parts(path), parts(folder));
    !folder.is_empty() && path.len() > folder.len() && path.starts_with(&folder)
}

/// Builds a [`Selection`]; [`build`](Self::build) checks the globs.
#[derive(Debug, Clone, Default)]
pub struct SelectionBuilder {
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    folders: Vec<String>,
    globs: Vec<String>,
}

impl SelectionBuilder {
    /// Keeps documents dated on or after `date`.
    #[must_use]
    pub const fn since(mut self, date: NaiveDate) -> Self {
        self.since = Some(date);
        self
    }

    /// Keeps documents dated on or before `date`.
    #[must_use]
    pub const fn until(mut self, date: NaiveDate) -> Self {
        self.until = Some(date);
        self
    }

    /// Adds a folder; documents under any of the folders given are kept.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<String>) -> Self {
        self.folders.push(folder.into());
        self
    }

    /// Adds a path glob; documents matching any of the globs given are kept.
    #[must_use]
    pub fn glob(mut self, pattern: impl Into<String>) -> Self {
        self.globs.push(pattern.into());
        self
    }

    /// The selection.
    ///
    /// # Errors
    ///
    /// [`KeynessError::Glob`] when a pattern is not a valid glob.
    pub fn build(self) -> Result<Selection, KeynessError> {
        let globs = if self.globs.is_empty() {
            None
        } else {
            let mut set = GlobSetBuilder::new();
            for pattern in &self.globs {
                let glob = Glob::new(pattern)
                    .map_err(|e| KeynessError::Glob { pattern: pattern.clone(), message: e.kind().to_string() })?;
                set.add(glob);
            }
            Some(
                set.build()
                    .map_err(|e| KeynessError::Glob { pattern: self.globs.join(" "), message: e.to_string() })?,
            )
        };
        Ok(Selection { since: self.since, until: self.until, folders: self.folders, globs })
    }
}

/// Whether a continuity correction is applied to chi² and G².
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Correction {
    /// Yates' correction where quanteda applies it (see the [module docs](self)); the default.
    #[default]
    Yates,
    /// No correction.
    None,
}

/// Which statistic orders the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeynessMeasure {
    /// Signed G², the default.
    #[default]
    G2,
    /// Signed chi².
    Chi2,
    /// Log ratio.
    LogRatio,
}

/// Options of [`keyness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeynessOptions {
    correction: Correction,
    sort_by: KeynessMeasure,
    min_count: u64,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl KeynessOptions {
    /// Yates' correction, rows by signed G², every term that occurs in either subcorpus.
    #[must_use]
    pub const fn new() -> Self {
        Self { correction: Correction::Yates, sort_by: KeynessMeasure::G2, min_count: 1 }
    }

    /// The continuity correction.
    #[must_use]
    pub const fn correction(mut self, correction: Correction) -> Self {
        self.correction = correction;
        self
    }

    /// The statistic that orders the rows, highest (most over-used in the target) first;
    /// ties by term.
    #[must_use]
    pub const fn sort_by(mut self, measure: KeynessMeasure) -> Self {
        self.sort_by = measure;
        self
    }

    /// Leaves out terms occurring fewer than `min_count` times in target and reference together.
    #[must_use]
    pub const fn min_count(mut self, min_count: u64) -> Self {
        self.min_count = min_count;
        self
    }
}

/// The size of one side of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Documents.
    pub documents: usize,
    /// Counted term tokens: the 2×2 tables' column totals.
    pub tokens: u64,
}

/// One term's keyness.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeynessRow {
    /// The term as most often written.
    pub term: String,
    /// Occurrences in the target (`a`).
    pub target_count: u64,
    /// Occurrences in the reference (`b`).
    pub reference_count: u64,
    /// Signed log-likelihood G².
    pub g2: f64,
    /// p-value of `|g2|` (χ², 1 degree of freedom).
    pub g2_p: f64,
    /// Signed chi².
    pub chi2: f64,
    /// p-value of `|chi2|` (χ², 1 degree of freedom).
    pub chi2_p: f64,
    /// Hardie's log ratio: log2 of the target's relative frequency over the reference's.
    pub log_ratio: f64,
}

/// A keyness comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyness {
    /// The target subcorpus.
    pub target: Side,
    /// The reference subcorpus.
    pub reference: Side,
    /// The continuity correction applied.
    pub correction: Correction,
    /// The statistic the rows are ordered by.
    pub sort_by: KeynessMeasure,
    /// One row per term occurring in target or reference (at least `min_count` times).
    pub rows: Vec<KeynessRow>,
}

/// The statistics of one 2×2 table; see the [module docs](self) for the formulas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Signed G².
    pub g2: f64,
    /// Signed chi².
    pub chi2: f64,
    /// Log ratio.
    pub log_ratio: f64,
}

/// quanteda's offset inside G²'s logarithms (`epsilon` in its `keyness.cpp`).
const EPSILON: f64 = 1e-9;

/// Scores a term occurring `a` times in a target of `target_total` counted tokens and `b`
/// times in a reference of `reference_total`.
///
/// Both totals must be positive; `a` must not exceed `target_total`, nor `b` `reference_total`.
#[must_use]
#[allow(
    clippy::cast_precision_loss,
    clippy::many_single_char_names,
    reason = "the 2×2 table's usual names; counts are far below 2^52"
)]
pub fn scores(a: u64, b: u64, target_total: u64, reference_total: u64, correction: Correction) -> Scores {
    let log_ratio = {
        let half_if_zero = |n: u64| if n == 0 { 0.5 } else { n as f64 };
        ((half_if_zero(a) / target_total as f64) / (half_if_zero(b) / reference_total as f64)).log2()
    };
    // Exact in integers: `a / T > b / R`, quanteda's `a > E11`.
    let sign =
        if u128::from(a) * u128::from(reference_total) > u128::from(b) * u128::from(target_total) { 1.0 } else { -1.0 };
    let (c, d) = (target_total.saturating_sub(a), reference_total.saturating_sub(b));
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    let n = a + b + c + d;
    let margins = (a + b) * (c + d) * (a + c) * (b + d);
    if margins == 0.0 {
        return Scores { g2: 0.0, chi2: 0.0, log_ratio };
    }
    let cross = a * d - b * c;
    let delta = match correction {
        Correction::Yates => {
            let expected_below_5 = (a + b) * (a + c) / n < 5.0
                || (a + b) * (b + d) / n < 5.0
                || (a + c) * (c + d) / n < 5.0
                || (c + d) * (b + d) / n < 5.0;
            if cross.abs() >= n / 2.0 && expected_below_5 { 0.5 } else { 0.0 }
        }
        Correction::None => 0.0,
    };
    let chi2 = sign * n * (cross.abs() - n * delta).powi(2) / margins;
    let toward = if cross > 0.0 { -delta } else { delta };
    let (a, b, c, d) = (a + toward, b - toward, c - toward, d + toward);
    let cell = |o: f64, row: f64, column: f64| if o == 0.0 { 0.0 } else { o * (o / (row * column / n) + EPSILON).ln() };
    let g2 =
        sign * 2.0 * (cell(a, a + b, a + c) + cell(b, a + b, b + d) + cell(c, c + d, a + c) + cell(d, c + d, b + d));
    Scores { g2, chi2, log_ratio }
}

/// The probability that a χ² variable with one degree of freedom exceeds `x`:
/// `erfc(√(x/2))`. 1 for `x ≤ 0`.
#[must_use]
pub fn chi_squared_1df_p(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    erfc((x / 2.0).sqrt())
}

/// The complementary error function for `x ≥ 0`, to about 1e-15 relative error: a series
/// without cancellation for erf below 2, a continued fraction (modified Lentz) above.
fn erfc(x: f64) -> f64 {
    const FRAC_1_SQRT_PI: f64 = 0.564_189_583_547_756_3;
    if x < 2.0 {
        // erf(x) = 2/√π · e^(−x²) · Σ (2x²)ⁿ x / (1·3·5···(2n+1)), all terms positive.
        let (mut term, mut sum, mut k) = (x, x, 1.0);
        while term > sum * 1e-17 {
            term *= 2.0 * x * x / (2.0 * k + 1.0);
            sum += term;
            k += 1.0;
        }
        1.0 - 2.0 * FRAC_1_SQRT_PI * (-x * x).exp() * sum
    } else {
        // erfc(x) = e^(−x²)/√π / (x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))).
        let tiny = 1e-300;
        let (mut f, mut c, mut d) = (x, x, 0.0);
        for n in 1..10_000 {
            let a = f64::from(n) / 2.0;
            d = x + a * d;
            d = if d == 0.0 { 1.0 / tiny } else { 1.0 / d };
            c = x + a / c;
            if c == 0.0 {
                c = tiny;
            }
            let step = c * d;
            f *= step;
            if (step - 1.0).abs() < 1e-16 {
                break;
            }
        }
        FRAC_1_SQRT_PI * (-x * x).exp() / f
    }
}

/// Compares `target` against the rest of the corpus.
///
/// # Errors
///
/// [`KeynessError::EmptyTarget`] or [`KeynessError::EmptyReference`] when a side has no
/// counted term.
pub fn keyness(counts: &Counts, target: &impl DocFilter, options: &KeynessOptions) -> Result<Keyness, KeynessError> {
    keyness_against(counts, target, &|_: &DocMeta| true, options)
}

/// Compares `target` against the documents `reference` selects. A document selected by both
/// belongs to the target only.
///
/// # Errors
///
/// [`KeynessError::EmptyTarget`] or [`KeynessError::EmptyReference`] when a side has no
/// counted term.
pub fn keyness_against(
    counts: &Counts,
    target: &impl DocFilter,
    reference: &impl DocFilter,
    options: &KeynessOptions,
) -> Result<Keyness, KeynessError> {
    let mut sides = Sides::new(counts.vocab.len());
    for doc in &counts.docs {
        let Some(side) = Sides::side_of(&doc.meta, target, reference) else { continue };
        sides.sides[side].documents += 1;
        for &(id, n) in &doc.terms {
            sides.add(side, id, u64::from(n));
        }
    }
    sides.rank(&counts.vocab, options)
}

/// [`keyness_against`] (or with `reference` `None`, [`keyness`]) counted as the documents are
/// read, in parallel on the current rayon pool: only each side's term totals are kept, never
/// a document's terms, so memory is the vocabulary's, not the corpus's. The same result as
/// [`count_parallel`](crate::count_parallel) then [`keyness_against`]: every document is read
/// (those on neither side too, for the terms' display forms).
///
/// # Errors
///
/// As [`keyness_against`].
pub fn keyness_parallel<I, T, R>(
    terms: &TermOptions,
    docs: I,
    target: &T,
    reference: Option<&R>,
    options: &KeynessOptions,
) -> Result<Keyness, KeynessError>
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
    T: DocFilter + Sync,
    R: DocFilter + Sync,
{
    let side_of = |meta: &DocMeta| match reference {
        Some(reference) => Sides::side_of(meta, target, reference),
        None => Sides::side_of(meta, target, &|_: &DocMeta| true),
    };
    let new = || (terms.reader(), Sides::new(0));
    let (reader, sides) = docs
        .par_bridge()
        .fold(new, |(mut reader, mut sides), (meta, article)| {
            let side = side_of(&meta);
            if let Some(side) = side {
                sides.sides[side].documents += 1;
            }
            reader.terms(&article).for_each(|token| {
                if let (Some(side), Some(id)) = (side, token.term) {
                    sides.add(side, id, 1);
                }
            });
            (reader, sides)
        })
        .reduce(new, |(mut reader, mut sides), (other_reader, other_sides)| {
            let remap = reader.merge(&other_reader);
            sides.absorb(other_sides, &remap);
            (reader, sides)
        });
    let FinishedTerms { vocab, ids, .. } = reader.finish();
    sides.renumber(&ids, vocab.len()).rank(&vocab, options)
}

/// The two sides' term totals, by term id, as counting goes.
#[derive(Debug)]
struct Sides {
    freq: [Vec<u64>; 2],
    sides: [Side; 2],
}

impl Sides {
    const TARGET: usize = 0;
    const REFERENCE: usize = 1;

    fn new(terms: usize) -> Self {
        Self { freq: [vec![0; terms], vec![0; terms]], sides: [Side { documents: 0, tokens: 0 }; 2] }
    }

    /// The side of a document: a document both select belongs to the target only.
    fn side_of(meta: &DocMeta, target: &impl DocFilter, reference: &impl DocFilter) -> Option<usize> {
        if target.matches(meta) {
            Some(Self::TARGET)
        } else if reference.matches(meta) {
            Some(Self::REFERENCE)
        } else {
            None
        }
    }

    fn add(&mut self, side: usize, id: TermId, n: u64) {
        let freq = &mut self.freq[side];
        if freq.len() <= id as usize {
            freq.resize(id as usize + 1, 0);
        }
        freq[id as usize] += n;
        self.sides[side].tokens += n;
    }

    /// Adds `other`'s totals, its ids translated by `remap`.
    fn absorb(&mut self, other: Self, remap: &[TermId]) {
        for (side, freq) in other.freq.into_iter().enumerate() {
            for (old, n) in freq.into_iter().enumerate().filter(|&(_, n)| n > 0) {
                self.add(side, remap[old], n);
            }
            self.sides[side].documents += other.sides[side].documents;
        }
    }

    /// The totals by finished ids.
    fn renumber(mut self, ids: &SortedIds, terms: usize) -> Self {
        for freq in &mut self.freq {
            freq.resize(terms, 0);
            *freq = ids.permute(freq);
        }
        self
    }

    /// The keyness table of these totals, counted by `vocab`'s ids (every term has a slot).
    fn rank(self, vocab: &Vocabulary, options: &KeynessOptions) -> Result<Keyness, KeynessError> {
        let Self { freq: [target_freq, reference_freq], sides: [target_side, reference_side] } = self;
        if target_side.tokens == 0 {
            return Err(KeynessError::EmptyTarget { documents: target_side.documents });
        }
        if reference_side.tokens == 0 {
            return Err(KeynessError::EmptyReference { documents: reference_side.documents });
        }
        let mut rows: Vec<(u32, KeynessRow)> = (0u32..)
            .zip(target_freq.iter().zip(&reference_freq))
            .filter(|&(_, (&a, &b))| a + b > 0 && a + b >= options.min_count)
            .map(|(id, (&a, &b))| {
                let s = scores(a, b, target_side.tokens, reference_side.tokens, options.correction);
                let row = KeynessRow {
                    term: vocab.display(id).to_owned(),
                    target_count: a,
                    reference_count: b,
                    g2: s.g2,
                    g2_p: chi_squared_1df_p(s.g2.abs()),
                    chi2: s.chi2,
                    chi2_p: chi_squared_1df_p(s.chi2.abs()),
                    log_ratio: s.log_ratio,
                };
                (id, row)
            })
            .collect();
        let key = |row: &KeynessRow| match options.sort_by {
            KeynessMeasure::G2 => row.g2,
            KeynessMeasure::Chi2 => row.chi2,
            KeynessMeasure::LogRatio => row.log_ratio,
        };
        // Ids follow term order, so ties go by term.
        rows.sort_by(|(ia, a), (ib, b)| key(b).total_cmp(&key(a)).then(ia.cmp(ib)));
        Ok(Keyness {
            target: target_side,
            reference: reference_side,
            correction: options.correction,
            sort_by: options.sort_by,
            rows: rows.into_iter().map(|(_, row)| row).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::article;
    use crate::{Counter, DocMeta, TermOptions};
    use proptest::prelude::*;

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
    }

    macro_rules! assert_close {
        ($actual:expr, $expected:expr) => {{
            let (actual, expected) = ($actual, $expected);
            assert!(close(actual, expected), "{} = {actual}, expected {expected}", stringify!($actual));
        }};
    }

    /// quanteda's own test table (`test-textstat_keyness.R`): target "b b b b b b b a a a",
    /// reference "a a a a a a a b b". For `a`: a = 3, b = 7, c = 7, d = 2, N = 19.
    #[test]
    fn chi2_matches_the_hand_computed_2x2_table() {
        // |ad − bc| = 43 ≥ N/2, and E12 = 10·9/19 < 5: Yates applies.
        let yates = scores(3, 7, 10, 9, Correction::Yates);
        assert_close!(yates.chi2, -19.0 * (43.0f64 - 9.5).powi(2) / (10.0 * 9.0 * 10.0 * 9.0));
        // R's `chisq.test(matrix(c(3, 7, 7, 2), 2))`, which quanteda's test compares against.
        assert_close!(yates.chi2, -2.632_438_271_604_938);
        let none = scores(3, 7, 10, 9, Correction::None);
        assert_close!(none.chi2, -19.0 * 43.0f64.powi(2) / 8100.0);
        // The other feature, `b`, mirrors it with a positive sign.
        assert_close!(scores(7, 2, 10, 9, Correction::Yates).chi2, 2.632_438_271_604_938);
    }

    #[test]
    fn g2_matches_the_hand_computed_2x2_table() {
        let g = |o: f64, e: f64| o * (o / e + 1e-9).ln();
        let n = 19.0;
        // Uncorrected cells 3, 7, 7, 2 against their expected counts.
        let plain = 2.0 * (g(3.0, 100.0 / n) + g(7.0, 90.0 / n) + g(7.0, 90.0 / n) + g(2.0, 81.0 / n));
        assert_close!(scores(3, 7, 10, 9, Correction::None).g2, -plain);
        // The same from 2(Σ O ln O − Σ rows ln rows − Σ columns ln columns + N ln N), plus quanteda's ε.
        assert_close!(plain, 4.534_939_370_256_227);
        // Yates: ad < bc, so a and d move up half a unit, b and c down.
        let yates = 2.0 * (g(3.5, 100.0 / n) + g(6.5, 90.0 / n) + g(6.5, 90.0 / n) + g(2.5, 81.0 / n));
        assert_close!(scores(3, 7, 10, 9, Correction::Yates).g2, -yates);
        assert_close!(scores(7, 2, 10, 9, Correction::Yates).g2, yates);
    }

    #[test]
    fn yates_applies_only_to_small_expected_counts() {
        // Expected counts all above 5: no correction, whatever is asked.
        let (a, b, t, r) = (40, 10, 100, 100);
        assert_eq!(scores(a, b, t, r, Correction::Yates), scores(a, b, t, r, Correction::None));
        assert_close!(
            scores(a, b, t, r, Correction::None).chi2,
            200.0 * (40.0f64 * 90.0 - 10.0 * 60.0).powi(2) / (50.0 * 150.0 * 100.0 * 100.0)
        );
    }

    #[test]
    fn log_ratio_is_log2_of_relative_frequencies_with_half_for_zero() {
        assert_close!(scores(3, 7, 10, 9, Correction::Yates).log_ratio, ((3.0 / 10.0) / (7.0 / 9.0f64)).log2());
        assert_close!(scores(20, 10, 1000, 1000, Correction::Yates).log_ratio, 1.0);
        assert_close!(scores(4, 0, 100, 100, Correction::Yates).log_ratio, 3.0);
        assert_close!(scores(0, 4, 100, 100, Correction::Yates).log_ratio, -3.0);
    }

    #[test]
    fn p_values_are_the_chi_squared_upper_tail() {
        // Reference values: erfc(√(x/2)) from the C library's erfc.
        assert_close!(chi_squared_1df_p(1.0), 0.317_310_507_862_914_04);
        assert_close!(chi_squared_1df_p(3.841_458_820_694_124), 0.05);
        assert_close!(chi_squared_1df_p(10.827_566_170_662_733), 0.001);
        assert_close!(chi_squared_1df_p(8.0), 0.004_677_734_981_047_265);
        assert_close!(chi_squared_1df_p(0.001), 0.974_772_879_369_960_4);
        assert!((chi_squared_1df_p(30.0) / 4.320_463_057_827_492e-8 - 1.0).abs() < 1e-12);
        assert!((chi_squared_1df_p(100.0) / 1.523_970_604_832_099_5e-23 - 1.0).abs() < 1e-12);
        assert!((chi_squared_1df_p(4.0) / 0.045_500_263_896_358_396 - 1.0).abs() < 1e-12);
        assert_eq!(chi_squared_1df_p(0.0), 1.0);
        assert_eq!(chi_squared_1df_p(-1.0), 1.0);
    }

    #[test]
    fn a_term_that_is_every_token_has_no_association() {
        let s = scores(5, 3, 5, 3, Correction::Yates);
        assert_eq!((s.g2, s.chi2), (0.0, 0.0));
        assert_eq!(chi_squared_1df_p(s.g2.abs()), 1.0);
    }

    fn corpus(docs: &[(&str, Option<&str>, &str)]) -> Counts {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        for (i, &(path, date, text)) in docs.iter().enumerate() {
            let date = date.map(|d| d.parse::<NaiveDate>().expect("date"));
            counter.add(i, DocMeta { path: path.into(), date }, &article(text));
        }
        counter.finish()
    }

    #[test]
    fn over_used_terms_come_first_with_positive_sign() {
        let counts = corpus(&[
            ("gaza/1.txt", Some("2023-10-23"), "Gaza aid Gaza aid Gaza talks"),
            ("caspian/2.txt", Some("2024-09-15"), "Caspian port talks Caspian railway talks"),
            ("caspian/3.txt", None, "Caspian railway talks"),
        ]);
        let target = Selection::builder().folder("gaza").build().expect("valid");
        let report = keyness(&counts, &target, &KeynessOptions::new()).expect("two sides");
        assert_eq!((report.target.documents, report.target.tokens), (1, 6));
        assert_eq!((report.reference.documents, report.reference.tokens), (2, 9));
        let terms: Vec<&str> = report.rows.iter().map(|r| r.term.as_str()).collect();
        assert_eq!(terms.first(), Some(&"Gaza"));
        // Yates' correction shrinks Caspian's G² (0 against 3) below port's (0 against 1,
        // where |ad − bc| < N/2 leaves it uncorrected); without it Caspian is the most under-used.
        assert_eq!(terms.last(), Some(&"port"));
        let uncorrected = keyness(&counts, &target, &KeynessOptions::new().correction(Correction::None)).expect("ok");
        assert_eq!(uncorrected.rows.last().map(|r| r.term.as_str()), Some("Caspian"));
        let gaza = &report.rows[0];
        assert_eq!((gaza.target_count, gaza.reference_count), (3, 0));
        assert!(gaza.g2 > 0.0 && gaza.chi2 > 0.0 && gaza.log_ratio > 0.0);
        assert_eq!(gaza.g2, scores(3, 0, 6, 9, Correction::Yates).g2);
        assert!(report.rows.iter().rev().take(1).all(|r| r.g2 < 0.0 && r.log_ratio < 0.0));
    }

    #[test]
    fn subcorpora_select_by_date_glob_and_folder() {
        let counts = corpus(&[
            ("news/reuters/a.txt", Some("2024-01-10"), "grain deal"),
            ("news/ap/b.txt", Some("2024-09-30"), "grain port"),
            ("news/reuters2/c.txt", None, "port strike"),
        ]);
        let pick = |selection: Selection| -> Vec<&str> {
            counts.docs.iter().filter(|d| selection.matches(&d.meta)).map(|d| d.meta.path.as_str()).collect()
        };
        let date = |m, d| NaiveDate::from_ymd_opt(2024, m, d).expect("valid");
        assert_eq!(pick(Selection::builder().since(date(2, 1)).build().expect("ok")), ["news/ap/b.txt"]);
        assert_eq!(pick(Selection::builder().until(date(1, 10)).build().expect("ok")), ["news/reuters/a.txt"]);
        assert_eq!(pick(Selection::builder().folder("news/reuters").build().expect("ok")), ["news/reuters/a.txt"]);
        assert_eq!(pick(Selection::builder().folder("./news/").build().expect("ok")).len(), 3);
        assert_eq!(pick(Selection::builder().glob("*/reuters*/*").build().expect("ok")).len(), 2);
        assert_eq!(
            pick(Selection::builder().glob("*/reuters*/*").since(date(1, 1)).build().expect("ok")),
            ["news/reuters/a.txt"]
        );
        assert_eq!(pick(Selection::all()).len(), 3);
        assert!(matches!(Selection::builder().glob("a[").build(), Err(KeynessError::Glob { .. })));
        let nothing = Selection::builder().folder("elsewhere").build().expect("ok");
        assert_eq!(keyness(&counts, &nothing, &KeynessOptions::new()), Err(KeynessError::EmptyTarget { documents: 0 }));
        assert_eq!(
            keyness(&counts, &Selection::all(), &KeynessOptions::new()),
            Err(KeynessError::EmptyReference { documents: 0 })
        );
        let reference = |meta: &DocMeta| meta.path.contains("/ap/");
        let report = keyness_against(
            &counts,
            &Selection::builder().folder("news/reuters").build().expect("ok"),
            &reference,
            &KeynessOptions::new().min_count(2),
        )
        .expect("two sides");
        assert_eq!(report.reference.documents, 1);
        let terms: Vec<&str> = report.rows.iter().map(|r| r.term.as_str()).collect();
        assert_eq!(terms, ["grain"]);
    }

    #[test]
    fn seed_002_against_the_other_seeds() {
        let seeds = crate::kwic::tests::seeds();
        let counts =
            crate::count_parallel(&TermOptions::new(), seeds.into_iter().map(|(meta, article, _)| (meta, article)));
        let target = Selection::builder().glob("seeds/002_*").build().expect("glob");
        let report = keyness(&counts, &target, &KeynessOptions::new()).expect("two sides");
        assert_eq!((report.target.documents, report.reference.documents), (1, 3));
        assert_eq!(report.target.tokens + report.reference.tokens, counts.term_tokens());
        assert_eq!(report.rows.len(), counts.vocab.len());
        assert_eq!(report.rows.iter().map(|r| r.target_count).sum::<u64>(), report.target.tokens);
        assert_eq!(report.rows.iter().map(|r| r.reference_count).sum::<u64>(), report.reference.tokens);
        assert!(report.rows.windows(2).all(|w| w[0].g2 >= w[1].g2));
        let row = |term: &str| report.rows.iter().find(|r| r.term == term).expect(term);
        let caspian = row("Caspian");
        assert_eq!((caspian.target_count, caspian.reference_count), (4, 0));
        assert!(caspian.g2 > 0.0 && caspian.chi2 > 0.0 && caspian.g2_p < 0.05);
        let gaza = row("Gaza");
        assert_eq!((gaza.target_count, gaza.reference_count), (1, 11));
        assert!(gaza.g2 < 0.0 && gaza.log_ratio < 0.0);
        let json = serde_json::to_value(&report.rows[0]).expect("json");
        let keys: Vec<&str> = json.as_object().expect("object").keys().map(String::as_str).collect();
        assert_eq!(keys, ["term", "target_count", "reference_count", "g2", "g2_p", "chi2", "chi2_p", "log_ratio"]);
    }

    proptest! {
        /// Counting as it reads gives the keyness of counting everything first, with the rest
        /// of the corpus or a reference of its own as the other side.
        #[test]
        fn prop_keyness_counted_as_read_is_that_of_the_counts(
            docs in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["gaza", "caspian", "other"]),
                    proptest::option::of(0u32..700),
                    proptest::collection::vec(
                        proptest::sample::select(vec!["Gaza", "aid", "talks", "Talks", "port", "the", "Iran's", "2024"]),
                        0..20,
                    ),
                ),
                0..10,
            ),
            with_reference in proptest::bool::ANY,
        ) {
            let start = NaiveDate::from_ymd_opt(2023, 6, 1).expect("a date");
            let docs: Vec<(DocMeta, Article)> = docs
                .iter()
                .enumerate()
                .map(|(i, (folder, day, words))| {
                    let date = day.map(|d| start + chrono::Days::new(u64::from(d)));
                    (DocMeta { path: format!("{folder}/{i}.txt"), date }, article(&words.join(" ")))
                })
                .collect();
            let options = TermOptions::new();
            let counts = crate::count_parallel(&options, docs.clone().into_iter());
            let target = Selection::builder().folder("gaza").build().expect("valid");
            let reference = Selection::builder().folder("caspian").build().expect("valid");
            let keyness_options = KeynessOptions::new();
            let (streamed, expected) = if with_reference {
                (
                    keyness_parallel(&options, docs.into_iter(), &target, Some(&reference), &keyness_options),
                    keyness_against(&counts, &target, &reference, &keyness_options),
                )
            } else {
                (
                    keyness_parallel(&options, docs.into_iter(), &target, None::<&Selection>, &keyness_options),
                    keyness(&counts, &target, &keyness_options),
                )
            };
            prop_assert_eq!(streamed, expected);
        }
    }

    proptest! {
        #[test]
        fn prop_signs_follow_the_relative_frequencies(
            a in 0u64..500, c in 0u64..5_000, b in 0u64..500, d in 0u64..5_000, yates in any::<bool>(),
        ) {
            prop_assume!(a + b > 0 && a + c > 0 && b + d > 0 && c + d > 0);
            let correction = if yates { Correction::Yates } else { Correction::None };
            let s = scores(a, b, a + c, b + d, correction);
            // Cross-multiplied relative frequencies: a/(a+c) against b/(b+d).
            let over = u128::from(a) * u128::from(b + d) > u128::from(b) * u128::from(a + c);
            prop_assert!(s.g2.is_finite() && s.chi2.is_finite() && s.log_ratio.is_finite());
            if over {
                prop_assert!(s.g2 >= 0.0 && s.chi2 >= 0.0, "{s:?}");
            } else {
                prop_assert!(s.g2 <= 0.0 && s.chi2 <= 0.0, "{s:?}");
            }
            if a > 0 && b > 0 {
                prop_assert_eq!(s.log_ratio > 0.0, over);
            }
            let p = chi_squared_1df_p(s.g2.abs());
            prop_assert!((0.0..=1.0).contains(&p));
        }

        #[test]
        fn prop_swapping_target_and_reference_flips_the_signs(
            a in 0u64..300, c in 1u64..3_000, b in 0u64..300, d in 1u64..3_000,
        ) {
            prop_assume!(a + b > 0 && a * (b + d) != b * (a + c));
            let s = scores(a, b, a + c, b + d, Correction::Yates);
            let t = scores(b, a, b + d, a + c, Correction::Yates);
            prop_assert!(close(s.g2, -t.g2) && close(s.chi2, -t.chi2) && close(s.log_ratio, -t.log_ratio));
        }
    }
}
