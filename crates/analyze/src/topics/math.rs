//! Special functions and random numbers for the sampler.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

/// What a generator's draws are for; part of its seed, so no two purposes share a stream.
#[derive(Debug, Clone, Copy)]
pub(super) enum Purpose {
    /// The initial random topics.
    Init = 1,
    /// A training sweep of one shard.
    Sweep = 2,
    /// Inference for one document.
    Infer = 3,
}

/// A generator for `(seed, purpose, stream, step)`: ChaCha is a pseudo-random function of its
/// key, so generators keyed by neighbouring numbers are as independent as any two.
pub(super) fn generator(seed: u64, purpose: Purpose, stream: u64, step: u64) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&(purpose as u64).to_le_bytes());
    key[16..24].copy_from_slice(&stream.to_le_bytes());
    key[24..].copy_from_slice(&step.to_le_bytes());
    ChaCha8Rng::from_seed(key)
}

/// A uniform draw from `[0, 1)` with 53 random bits.
#[inline]
pub(super) fn unit(rng: &mut ChaCha8Rng) -> f64 {
    const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
    (rng.next_u64() >> 11) as f64 * SCALE
}

/// A uniform draw from `0..n`, `n >= 1`, by Lemire's multiply-shift (a bias below `n / 2^64`).
#[inline]
pub(super) fn below(rng: &mut ChaCha8Rng, n: u32) -> u32 {
    #[allow(clippy::cast_possible_truncation, reason = "the high half of a u32 × u64 product is below n")]
    let draw = ((u128::from(rng.next_u64()) * u128::from(n)) >> 64) as u32;
    draw
}

/// `ln Γ(x)` for `x > 0`, to about 1e-15 relative: Stirling's series after shifting `x` to
/// 20 or more with `Γ(x) = Γ(x + n) / (x (x + 1) ... (x + n - 1))`.
pub(super) fn ln_gamma(x: f64) -> f64 {
    debug_assert!(x > 0.0, "ln_gamma({x})");
    let mut x = x;
    let mut product = 1.0;
    while x < 20.0 {
        product *= x;
        x += 1.0;
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    // 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷) + 1/(1188x⁹)
    let series =
        inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 * (1.0 / 1680.0 - inv2 / 1188.0))));
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + series - product.ln()
}

/// The digamma function `ψ(x) = d/dx ln Γ(x)` for `x > 0`: the asymptotic series after
/// shifting `x` to 20 or more with `ψ(x) = ψ(x + 1) - 1/x`.
pub(super) fn digamma(x: f64) -> f64 {
    debug_assert!(x > 0.0, "digamma({x})");
    let mut x = x;
    let mut shift = 0.0;
    while x < 20.0 {
        shift += 1.0 / x;
        x += 1.0;
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    // 1/(12x²) - 1/(120x⁴) + 1/(252x⁶) - 1/(240x⁸) + 1/(132x¹⁰)
    let series =
        inv2 * (1.0 / 12.0 - inv2 * (1.0 / 120.0 - inv2 * (1.0 / 252.0 - inv2 * (1.0 / 240.0 - inv2 / 132.0))));
    x.ln() - 0.5 * inv - series - shift
}

/// `ψ(n + a) - ψ(a)` = `Σ_{i<n} 1/(a + i)`, summed exactly for small `n`.
pub(super) fn digamma_difference(n: u32, a: f64) -> f64 {
    if n <= 16 { (0..n).map(|i| 1.0 / (a + f64::from(i))).sum() } else { digamma(f64::from(n) + a) - digamma(a) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance * b.abs().max(1.0)
    }

    #[test]
    fn ln_gamma_matches_known_values() {
        assert!(close(ln_gamma(1.0), 0.0, 1e-15));
        assert!(close(ln_gamma(2.0), 0.0, 1e-15));
        assert!(close(ln_gamma(0.5), std::f64::consts::PI.sqrt().ln(), 1e-14));
        assert!(close(ln_gamma(10.0), 362_880f64.ln(), 1e-14));
        assert!(close(ln_gamma(0.01), 4.599_479_878_042_021, 1e-13));
        assert!(close(ln_gamma(1e-4), 9.210_282_658_633_962, 1e-13));
        // ln Γ(1000.5), from the recurrence on ln Γ(0.5).
        let recurrence: f64 = (0..1000).map(|i| (0.5 + f64::from(i)).ln()).sum::<f64>() + ln_gamma(0.5);
        assert!(close(ln_gamma(1000.5), recurrence, 1e-13));
    }

    #[test]
    fn digamma_matches_known_values() {
        let euler = 0.577_215_664_901_532_9;
        assert!(close(digamma(1.0), -euler, 1e-14));
        assert!(close(digamma(0.5), -euler - 2.0 * 2f64.ln(), 1e-14));
        assert!(close(digamma(0.01), -100.560_885_457_868_7, 1e-13));
        assert!(close(digamma_difference(3, 0.5), 2.0 + 2.0 / 3.0 + 0.4, 1e-15));
        assert!(close(digamma_difference(40, 0.1), (0..40).map(|i| 1.0 / (0.1 + f64::from(i))).sum(), 1e-13));
    }

    #[test]
    fn draws_are_in_range_and_depend_on_every_part_of_the_key() {
        let mut rng = generator(1, Purpose::Sweep, 0, 0);
        for _ in 0..1000 {
            let u = unit(&mut rng);
            assert!((0.0..1.0).contains(&u));
            assert!(below(&mut rng, 7) < 7);
        }
        let first = |seed, purpose, stream, step| generator(seed, purpose, stream, step).next_u64();
        let base = first(1, Purpose::Sweep, 2, 3);
        assert_ne!(base, first(2, Purpose::Sweep, 2, 3));
        assert_ne!(base, first(1, Purpose::Init, 2, 3));
        assert_ne!(base, first(1, Purpose::Sweep, 3, 3));
        assert_ne!(base, first(1, Purpose::Sweep, 2, 4));
        assert_eq!(base, first(1, Purpose::Sweep, 2, 3));
    }
}
