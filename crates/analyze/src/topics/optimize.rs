//! Hyperparameter optimisation: Minka's fixed-point iteration for the Dirichlet-multinomial,
//! with a weak Gamma prior.
//!
//! For documents with `n_d` tokens, `n_dt` of them in topic `t`, Minka (2000, "Estimating a
//! Dirichlet distribution", eq. 55) maximises the likelihood of `α` by iterating
//!
//! ```text
//! α_t ← α_t Σ_d [ψ(n_dt + α_t) - ψ(α_t)] / Σ_d [ψ(n_d + α₀) - ψ(α₀)],   α₀ = Σ_t α_t.
//! ```
//!
//! A Gamma(shape `a`, scale `b`) prior on each `α_t` adds `a - 1` to the numerator and `1/b` to
//! the denominator (the same lower bounds, plus the prior's log density). With `a = 1.001`,
//! `b = 1` the estimates are those of the likelihood to within a rounding error, but a topic
//! no document uses keeps an `α_t` above zero. The sums run over histograms of the counts
//! (Wallach 2008, §2.4), so each step costs the number of distinct counts, not documents.

use super::math::digamma_difference;

/// The prior's shape `a`.
const SHAPE: f64 = 1.001;
/// The prior's scale `b`.
const SCALE: f64 = 1.0;
/// Fixed-point steps per optimisation, at most.
const STEPS: usize = 50;
/// Stop when no value changes by more than this fraction.
const TOLERANCE: f64 = 1e-7;

/// Distinct positive counts and how many times each occurs, in increasing order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Histogram(Vec<(u32, u32)>);

impl Histogram {
    /// The histogram of `sorted` (increasing); zeros are left out, as `ψ(0 + a) - ψ(a) = 0`.
    pub(super) fn from_sorted(sorted: &[u32]) -> Self {
        let runs = sorted
            .chunk_by(|a, b| a == b)
            .filter(|run| run[0] > 0)
            .map(|run| (run[0], u32::try_from(run.len()).unwrap_or(u32::MAX)))
            .collect();
        Self(runs)
    }

    /// `Σ_i [ψ(x_i + a) - ψ(a)]` over the counted values `x_i`.
    fn digamma_sum(&self, a: f64) -> f64 {
        self.0.iter().map(|&(value, times)| f64::from(times) * digamma_difference(value, a)).sum()
    }
}

/// Re-estimates `alpha` from each topic's histogram of per-document counts and the histogram
/// of document lengths; with `symmetric`, one value shared by every topic.
pub(super) fn optimize_alpha(alpha: &mut [f64], topics: &[Histogram], lengths: &Histogram, symmetric: bool) {
    #[allow(clippy::cast_precision_loss, reason = "topic counts are small")]
    let k = alpha.len() as f64;
    for _ in 0..STEPS {
        let alpha_sum: f64 = alpha.iter().sum();
        let denominator = lengths.digamma_sum(alpha_sum);
        let mut change: f64 = 0.0;
        if symmetric {
            let a = alpha[0];
            let numerator: f64 = topics.iter().map(|h| h.digamma_sum(a)).sum();
            let new = (a * numerator + SHAPE - 1.0) / (k * denominator + 1.0 / SCALE);
            if new.is_finite() && new > 0.0 {
                change = ((new - a) / a).abs();
                alpha.fill(new);
            }
        } else {
            for (a, histogram) in alpha.iter_mut().zip(topics) {
                let new = (*a * histogram.digamma_sum(*a) + SHAPE - 1.0) / (denominator + 1.0 / SCALE);
                if new.is_finite() && new > 0.0 {
                    change = change.max(((new - *a) / *a).abs());
                    *a = new;
                }
            }
        }
        if change < TOLERANCE {
            break;
        }
    }
}

/// Re-estimates a symmetric `beta` from the histogram of non-zero topic-word counts and that of
/// tokens per topic, over a vocabulary of `vocabulary` words.
pub(super) fn optimize_beta(beta: f64, word_counts: &Histogram, topic_totals: &Histogram, vocabulary: usize) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "vocabulary sizes stay far below 2^52")]
    let v = vocabulary as f64;
    let mut beta = beta;
    for _ in 0..STEPS {
        let numerator = word_counts.digamma_sum(beta);
        let denominator = topic_totals.digamma_sum(v * beta);
        let new = (beta * numerator + SHAPE - 1.0) / (v * denominator + 1.0 / SCALE);
        if !(new.is_finite() && new > 0.0) {
            break;
        }
        let change = ((new - beta) / beta).abs();
        beta = new;
        if change < TOLERANCE {
            break;
        }
    }
    beta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_count_distinct_positive_values() {
        assert_eq!(Histogram::from_sorted(&[0, 0, 1, 3, 3, 3, 7]).0, [(1, 1), (3, 3), (7, 1)]);
        assert_eq!(Histogram::from_sorted(&[]).0, []);
    }

    #[test]
    fn alpha_moves_towards_the_topics_documents_use() {
        // 100 documents of 10 tokens: topic 0 has all of them in 50, topic 1 in the others,
        // topic 2 in none. Sparse mixtures: α should shrink, and most for topic 2.
        let topics =
            [Histogram::from_sorted(&[10; 50]), Histogram::from_sorted(&[10; 50]), Histogram::from_sorted(&[])];
        let lengths = Histogram::from_sorted(&[10; 100]);
        let mut alpha = [1.0, 1.0, 1.0];
        optimize_alpha(&mut alpha, &topics, &lengths, false);
        assert!(alpha[0] < 1.0 && (alpha[0] - alpha[1]).abs() < 1e-12, "{alpha:?}");
        assert!(alpha[2] > 0.0 && alpha[2] < alpha[0] / 10.0, "{alpha:?}");
        let mut symmetric = [1.0, 1.0, 1.0];
        optimize_alpha(&mut symmetric, &topics, &lengths, true);
        assert!(symmetric[0] < 1.0 && symmetric.iter().all(|&a| a == symmetric[0]), "{symmetric:?}");
    }

    #[test]
    fn alpha_at_the_fixed_point_of_evenly_mixed_documents_grows() {
        // Every document has 5 tokens of each of 2 topics: an even mixture, so a large α fits.
        let topics = [Histogram::from_sorted(&[5; 40]), Histogram::from_sorted(&[5; 40])];
        let lengths = Histogram::from_sorted(&[10; 40]);
        let mut alpha = [0.1, 0.1];
        optimize_alpha(&mut alpha, &topics, &lengths, false);
        assert!(alpha[0] > 1.0, "{alpha:?}");
    }

    #[test]
    fn beta_stays_positive_and_finite() {
        let beta = optimize_beta(0.01, &Histogram::from_sorted(&[1, 1, 2, 5, 9]), &Histogram::from_sorted(&[8, 10]), 5);
        assert!(beta.is_finite() && beta > 0.0);
    }
}
