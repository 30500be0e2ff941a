//! Topic mixtures of new documents against a fitted model.
//!
//! Each new document is sampled on its own with the model's topic-word counts held fixed, so
//! a token's topic is drawn from `(α_t + n_td) (n_wt + β) / (n_t + Vβ)` with only `n_td`
//! changing: the same three SparseLDA buckets as training, of which `s` is now a constant.
//! The mixture is averaged over the second half of the sweeps, after half of them have let the
//! document forget its random start (MALLET's inferencer likewise averages after a burn-in).

use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::math::{Purpose, below, generator, unit};
use super::model::LdaModel;
use crate::counts::Counts;

impl LdaModel {
    /// The topic mixture `θ` of every document of `counts`, in order: `iterations` Gibbs
    /// sweeps per document against the model's fixed topics, seeded by `seed` and the
    /// document's index, in parallel on the current rayon pool (the result does not depend on
    /// the pool's size). Terms are matched to the model's vocabulary by their case-folded
    /// form; terms the model does not know are ignored, and a document with no known term
    /// gets the prior's mean `α_t / Σα`.
    ///
    /// `θ_t = (n̄_t + α_t) / (n + Σα)`, with `n̄_t` the document's tokens in topic `t`
    /// averaged over the last `iterations - iterations / 2` sweeps (the random start when
    /// `iterations` is 0).
    #[must_use]
    pub fn infer(&self, counts: &Counts, iterations: u32, seed: u64) -> Vec<Vec<f64>> {
        let word_of: Vec<Option<u32>> = counts.vocab.iter().map(|(_, term)| self.word(term)).collect();
        counts
            .docs
            .par_iter()
            .enumerate()
            .map(|(index, doc)| {
                let mut words = Vec::new();
                for &(id, count) in &doc.terms {
                    if let Some(&Some(word)) = word_of.get(id as usize) {
                        words.extend(std::iter::repeat_n(word, count as usize));
                    }
                }
                words.sort_unstable();
                self.infer_words(&words, iterations, &mut generator(seed, Purpose::Infer, index as u64, 0))
            })
            .collect()
    }

    /// As [`infer`](Self::infer), for documents given as `(case-folded term, count)` pairs.
    #[must_use]
    pub fn infer_terms<S: AsRef<str> + Sync>(
        &self,
        docs: &[Vec<(S, u32)>],
        iterations: u32,
        seed: u64,
    ) -> Vec<Vec<f64>> {
        docs.par_iter()
            .enumerate()
            .map(|(index, terms)| {
                let mut words = Vec::new();
                for (term, count) in terms {
                    if let Some(word) = self.word(term.as_ref()) {
                        words.extend(std::iter::repeat_n(word, *count as usize));
                    }
                }
                words.sort_unstable();
                self.infer_words(&words, iterations, &mut generator(seed, Purpose::Infer, index as u64, 0))
            })
            .collect()
    }

    /// The mixture of one document given as the model's word ids.
    fn infer_words(&self, words: &[u32], iterations: u32, rng: &mut ChaCha8Rng) -> Vec<f64> {
        let alpha = self.alpha();
        let k = alpha.len();
        let beta = self.beta();
        let beta_sum = self.beta_sum();
        let alpha_sum: f64 = alpha.iter().sum();
        #[allow(clippy::cast_precision_loss, reason = "document lengths stay far below 2^52")]
        let length = words.len() as f64;
        if words.is_empty() {
            return alpha.iter().map(|&a| a / alpha_sum).collect();
        }
        let k32 = u32::try_from(k).unwrap_or(u32::MAX);
        let inverse: Vec<f64> = (0..k).map(|t| 1.0 / (f64::from(self.topic_tokens(t)) + beta_sum)).collect();
        let smoothing: f64 = (0..k).map(|t| alpha[t] * beta * inverse[t]).sum();

        let mut topics: Vec<u32> = words.iter().map(|_| below(rng, k32)).collect();
        let mut row = vec![0u32; k];
        let mut nonzero: Vec<u32> = Vec::with_capacity(k);
        for &t in &topics {
            if row[t as usize] == 0 {
                nonzero.push(t);
            }
            row[t as usize] += 1;
        }
        let mut coefficient: Vec<f64> = (0..k).map(|t| (alpha[t] + f64::from(row[t])) * inverse[t]).collect();
        let mut document: f64 = nonzero.iter().map(|&t| f64::from(row[t as usize]) * beta * inverse[t as usize]).sum();
        let mut q_terms = vec![0.0; k];
        let mut sum = vec![0u64; k];
        let burn_in = iterations / 2;

        for iteration in 1..=iterations {
            for (&word, topic) in words.iter().zip(topics.iter_mut()) {
                let old = *topic as usize;
                row[old] -= 1;
                document -= beta * inverse[old];
                coefficient[old] = (alpha[old] + f64::from(row[old])) * inverse[old];
                if row[old] == 0 {
                    let at = nonzero.iter().position(|&t| t as usize == old).unwrap_or(0);
                    nonzero.swap_remove(at);
                }

                let list = self.word_topics(word);
                let mut word_mass = 0.0;
                for (&(t, n), term) in list.iter().zip(q_terms.iter_mut()) {
                    *term = coefficient[t as usize] * f64::from(n);
                    word_mass += *term;
                }
                let mut u = unit(rng) * (smoothing + document + word_mass);
                let new = if u < word_mass {
                    let mut j = 0;
                    while j + 1 < list.len() {
                        u -= q_terms[j];
                        if u < 0.0 {
                            break;
                        }
                        j += 1;
                    }
                    list[j].0
                } else {
                    u -= word_mass;
                    if u < document && !nonzero.is_empty() {
                        let mut chosen = nonzero[nonzero.len() - 1];
                        for &t in &nonzero {
                            u -= f64::from(row[t as usize]) * beta * inverse[t as usize];
                            if u < 0.0 {
                                chosen = t;
                                break;
                            }
                        }
                        chosen
                    } else {
                        u -= document;
                        let mut chosen = k32 - 1;
                        for t in 0..k32 {
                            u -= alpha[t as usize] * beta * inverse[t as usize];
                            if u < 0.0 {
                                chosen = t;
                                break;
                            }
                        }
                        chosen
                    }
                };

                let n = new as usize;
                if row[n] == 0 {
                    nonzero.push(new);
                }
                row[n] += 1;
                document += beta * inverse[n];
                coefficient[n] = (alpha[n] + f64::from(row[n])) * inverse[n];
                *topic = new;
            }
            if iteration > burn_in {
                for (s, &n) in sum.iter_mut().zip(&row) {
                    *s += u64::from(n);
                }
            }
        }

        let samples = iterations - burn_in;
        let denominator = length + alpha_sum;
        (0..k)
            .map(|t| {
                #[allow(clippy::cast_precision_loss, reason = "token counts stay far below 2^52")]
                let mean = if samples == 0 { f64::from(row[t]) } else { sum[t] as f64 / f64::from(samples) };
                (mean + alpha[t]) / denominator
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::Lda;
    use super::super::math::ln_gamma;
    use crate::counts::Counter;
    use crate::test_support::article;
    use dateline_text::DocMeta;
    use dateline_text::TermOptions;

    #[test]
    fn inference_averages_the_exact_posterior_mixture() {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        for (i, text) in ["grain wheat grain harvest", "drone strike drone", "wheat drone grain"].iter().enumerate() {
            counter.add(i, DocMeta { path: i.to_string(), date: None }, &article(text));
        }
        let lda = Lda::builder().topics(2).alpha_per_topic(vec![0.4, 0.9]).beta(0.3).min_df(1).max_df(1.0);
        let model = lda.iterations(20).seed(5).build().expect("valid").fit(&counter.finish()).expect("fits");
        let (alpha, beta, k) = (model.alpha().to_vec(), model.beta(), model.topics());
        let phi = |t: usize, term: &str| {
            let word = model.word(term).expect("known");
            (f64::from(model.topic_word_count(t, word)) + beta) / (f64::from(model.topic_tokens(t)) + model.beta_sum())
        };
        // The new document: grain, grain, drone. Its 8 states, weighted by
        // Π_t Γ(n_t + α_t) / Γ(α_t) × Π_i φ(z_i, w_i).
        let terms = ["grain", "grain", "drone"];
        let mut expected = [0.0; 2];
        let mut total = 0.0;
        for state in 0..8usize {
            let topics: Vec<usize> = (0..3).map(|i| (state >> i) & 1).collect();
            let mut n = [0.0; 2];
            let mut weight = 1.0;
            for (i, &t) in topics.iter().enumerate() {
                n[t] += 1.0;
                weight *= phi(t, terms[i]);
            }
            weight *= (0..k).map(|t| (ln_gamma(n[t] + alpha[t]) - ln_gamma(alpha[t])).exp()).product::<f64>();
            total += weight;
            for t in 0..k {
                expected[t] += weight * n[t];
            }
        }
        let alpha_sum: f64 = alpha.iter().sum();
        let theta: Vec<f64> = (0..k).map(|t| (expected[t] / total + alpha[t]) / (3.0 + alpha_sum)).collect();
        let inferred = &model.infer_terms(&[vec![("grain", 2), ("drone", 1), ("unknown", 5)]], 200_000, 9)[0];
        for t in 0..k {
            assert!((inferred[t] - theta[t]).abs() < 0.003, "topic {t}: inferred {inferred:?}, exact {theta:?}");
        }
    }
}
