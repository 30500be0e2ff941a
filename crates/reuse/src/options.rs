//! What the finder is asked to find.

use thiserror::Error;

/// Options of the reuse finder: a few settings with defaults, set by value and checked by
/// [`ReuseOptions::validate`] (which every entry point calls).
///
/// ```
/// use dateline_reuse::ReuseOptions;
///
/// let options = ReuseOptions::new().min_jaccard(0.6).window_days(Some(7));
/// assert!(options.validate().is_ok());
/// assert!(ReuseOptions::new().min_containment(1.5).validate().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReuseOptions {
    pub(crate) shingle_size: usize,
    pub(crate) min_jaccard: f64,
    pub(crate) min_containment: f64,
    pub(crate) window_days: Option<u32>,
    pub(crate) max_df: usize,
    pub(crate) seed: u64,
}

impl Default for ReuseOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ReuseOptions {
    /// The defaults: 5-gram shingles, a pair reported when its Jaccard similarity or its
    /// containment is at least 0.5, any dates, `max_df` 100, seed 0.
    #[must_use]
    pub const fn new() -> Self {
        Self { shingle_size: 5, min_jaccard: 0.5, min_containment: 0.5, window_days: None, max_df: 100, seed: 0 }
    }

    /// Words per shingle (default 5; at least 1).
    #[must_use]
    pub const fn shingle_size(mut self, n: usize) -> Self {
        self.shingle_size = n;
        self
    }

    /// Report a pair whose Jaccard similarity of shingle sets is at least this (default 0.5).
    #[must_use]
    pub const fn min_jaccard(mut self, threshold: f64) -> Self {
        self.min_jaccard = threshold;
        self
    }

    /// Report a pair whose containment, the share of the smaller shingle set found in the
    /// larger, is at least this (default 0.5).
    #[must_use]
    pub const fn min_containment(mut self, threshold: f64) -> Self {
        self.min_containment = threshold;
        self
    }

    /// Pair only documents both dated, at most this many days apart (default: any dates, and
    /// undated documents too).
    #[must_use]
    pub const fn window_days(mut self, days: Option<u32>) -> Self {
        self.window_days = days;
        self
    }

    /// A fingerprint or an LSH bucket shared by more than this many documents is site
    /// template, not a story, and proposes no candidates (default 100, passim's `--max-df`).
    /// Scores are still computed over every shingle.
    #[must_use]
    pub const fn max_df(mut self, documents: usize) -> Self {
        self.max_df = documents;
        self
    }

    /// The hash seed (default 0): another seed draws other shingle hashes and permutations,
    /// so candidates (never scores) may differ.
    #[must_use]
    pub const fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Checks the settings.
    ///
    /// # Errors
    ///
    /// When a threshold is not a number in `(0, 1]`, the shingle size is 0, or `max_df` is
    /// below 2 (no pair could ever be proposed).
    pub fn validate(&self) -> Result<(), OptionsError> {
        for (name, value) in [("min_jaccard", self.min_jaccard), ("min_containment", self.min_containment)] {
            if !(value > 0.0 && value <= 1.0) {
                return Err(OptionsError::Threshold { name, value });
            }
        }
        if self.shingle_size == 0 {
            return Err(OptionsError::ShingleSize);
        }
        if self.max_df < 2 {
            return Err(OptionsError::MaxDf(self.max_df));
        }
        Ok(())
    }
}

/// A setting of [`ReuseOptions`] that cannot be used.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum OptionsError {
    /// A similarity threshold outside `(0, 1]`.
    #[error("{name} must be above 0 and at most 1, not {value}")]
    Threshold {
        /// Which threshold.
        name: &'static str,
        /// The value given.
        value: f64,
    },
    /// A shingle size of 0.
    #[error("shingle size must be at least 1 word")]
    ShingleSize,
    /// A `max_df` below 2.
    #[error("max_df must be at least 2 documents, not {0}")]
    MaxDf(usize),
}
