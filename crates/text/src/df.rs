//! Document-frequency bounds: which terms are common or rare enough to keep, as scikit-learn's
//! `min_df` and `max_df` say it. TF-IDF and topic models apply the same rules.

use std::fmt;

/// A document-frequency bound, as scikit-learn takes them: a number of documents, or a
/// fraction of the corpus. `2` converts to a count, `0.9` to a fraction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DfBound {
    /// A number of documents.
    Count(u32),
    /// A fraction of the documents, from 0 to 1.
    Fraction(f64),
}

impl DfBound {
    /// The bound in documents over a corpus of `n` (a fraction times `n`, not rounded).
    #[must_use]
    pub fn documents(self, n: usize) -> f64 {
        match self {
            Self::Count(count) => f64::from(count),
            #[allow(clippy::cast_precision_loss, reason = "document counts stay far below 2^52")]
            Self::Fraction(fraction) => fraction * n as f64,
        }
    }

    /// Checks a `min_df`/`max_df` pair before any corpus is seen, as scikit-learn does: the
    /// one rule set TF-IDF and LDA both apply. NaN fails every check.
    ///
    /// # Errors
    ///
    /// The [`DfBoundsProblem`] that makes the pair impossible.
    pub fn check_pair(min: Self, max: Self) -> Result<(), DfBoundsProblem> {
        let fraction_in = |f: f64, zero_ok: bool| (f > 0.0 || (zero_ok && f == 0.0)) && f <= 1.0;
        match max {
            Self::Count(0) => return Err(DfBoundsProblem::MaxDf),
            Self::Fraction(f) if !fraction_in(f, false) => return Err(DfBoundsProblem::MaxDf),
            _ => {}
        }
        if let Self::Fraction(f) = min
            && !fraction_in(f, true)
        {
            return Err(DfBoundsProblem::MinDf);
        }
        let above = match (min, max) {
            (Self::Count(lo), Self::Count(hi)) => lo > hi,
            (Self::Fraction(lo), Self::Fraction(hi)) => lo > hi,
            _ => false,
        };
        if above { Err(DfBoundsProblem::MinAboveMax) } else { Ok(()) }
    }

    /// The document frequencies `[low, high]` a term may have over `n` documents, or `None`
    /// when a count and a fraction leave no room between them.
    #[must_use]
    pub fn window(min: Self, max: Self, n: usize) -> Option<(f64, f64)> {
        let (low, high) = (min.documents(n), max.documents(n));
        (n == 0 || low <= high).then_some((low, high))
    }
}

/// Which setting makes a `min_df`/`max_df` pair impossible; each caller names it in its own
/// error type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DfBoundsProblem {
    /// `max_df` keeps no term: a count of 0, or a fraction not in `(0, 1]`.
    MaxDf,
    /// `min_df` is a fraction not in `[0, 1]`.
    MinDf,
    /// `min_df` is above `max_df`, both counts or both fractions.
    MinAboveMax,
}

impl From<u32> for DfBound {
    fn from(count: u32) -> Self {
        Self::Count(count)
    }
}

impl From<f64> for DfBound {
    fn from(fraction: f64) -> Self {
        Self::Fraction(fraction)
    }
}

impl fmt::Display for DfBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Count(count) => write!(f, "{count}"),
            // `{:?}` keeps the point, so a fraction of 1 reads `1.0`, never like a count.
            Self::Fraction(fraction) => write!(f, "{fraction:?}"),
        }
    }
}
