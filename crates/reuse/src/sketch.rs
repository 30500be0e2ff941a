//! The first pass: what is kept of each document while the whole corpus is read.

use chrono::NaiveDate;

use crate::doc::ReuseDoc;
use crate::minhash::{BANDS, Permutations, band_keys};
use crate::options::ReuseOptions;
use crate::shingle::shingles;
use crate::winnow::{WINDOW, fingerprints};

/// What the finder keeps of one document between reading it and verifying its candidates:
/// its path and date, its LSH band keys, and its winnowed fingerprints. The tokens and
/// shingles are dropped; verification asks for the document again.
///
/// Its size is about `230 + path + 0.38 × shingles` bytes (160 for the band keys, 4 per
/// fingerprint, about one shingle in ten; [`Sketch::bytes`] counts it): 560 bytes for a
/// generated 6.5 KB article of 1,000 words, so memory grows with the number of documents and
/// never with the number of pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    /// The document's path.
    pub path: String,
    /// The document's date.
    pub date: Option<NaiveDate>,
    /// The LSH band keys; `None` for a document without shingles, which pairs with nothing.
    pub(crate) bands: Option<Box<[u32; BANDS]>>,
    /// Distinct fingerprints, sorted.
    pub(crate) fingerprints: Box<[u32]>,
}

impl Sketch {
    /// Bytes this sketch holds, on the heap and inline: what the per-document memory figure
    /// counts.
    #[must_use]
    pub fn bytes(&self) -> usize {
        size_of::<Self>()
            + self.path.capacity()
            + self.bands.as_ref().map_or(0, |_| size_of::<[u32; BANDS]>())
            + self.fingerprints.len() * size_of::<u32>()
    }
}

/// Sketches documents for one set of options.
#[derive(Debug, Clone)]
pub(crate) struct Sketcher {
    options: ReuseOptions,
    permutations: Permutations,
}

impl Sketcher {
    pub(crate) fn new(options: ReuseOptions) -> Self {
        Self { options, permutations: Permutations::new(options.seed) }
    }

    pub(crate) fn sketch(&self, doc: &ReuseDoc) -> Sketch {
        let shingles = shingles(&doc.tokens, self.options.shingle_size, self.options.seed);
        let signature = self.permutations.signature(shingles.iter().map(|s| s.hash));
        Sketch {
            path: doc.path.clone(),
            date: doc.date,
            bands: signature.map(|s| Box::new(band_keys(&s))),
            fingerprints: fingerprints(&shingles, WINDOW).into_boxed_slice(),
        }
    }
}
