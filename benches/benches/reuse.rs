//! Criterion benches of `dateline-reuse`, named `reuse/<operation>/<input>`, measured in bytes
//! of article files per second (`Throughput::Bytes`), so they read against the parser's and the
//! counters' figures.
//!
//! - `reuse/sketch/*`: the first pass alone (shingles, the 120-value MinHash signature and its
//!   bands, winnowed fingerprints) over the documents of a reuse corpus, on every core.
//! - `reuse/find/*`: the whole finder over documents held in memory (sketches, candidates,
//!   exact verification, alignment, families), on one thread and on every core.
//!
//! Documents are read and tokenized beforehand (`dateline_benches::reuse::reuse_doc`), not
//! timed. `cargo bench -p dateline-benches --bench reuse -- reuse/find` runs one group.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_benches::reuse::{reuse_corpus, reuse_doc};
use dateline_reuse::{ReuseDoc, ReuseFinder, ReuseOptions, Sketch};
use rayon::prelude::*;

/// The seed of every generated input, so figures compare across runs and machines.
const SEED: u64 = 1;

/// Documents of the benched corpus: about 14 MB of files.
const DOCS: usize = 2000;

fn corpus() -> (Vec<ReuseDoc>, u64) {
    let articles = reuse_corpus(SEED, DOCS);
    let bytes = articles.iter().map(|a| a.text.len() as u64).sum();
    (articles.iter().map(|a| reuse_doc(&a.relative_path, a.text.as_bytes())).collect(), bytes)
}

fn sketch(c: &mut Criterion) {
    let (docs, bytes) = corpus();
    let finder = ReuseFinder::new(ReuseOptions::new()).expect("the default options");
    let mut group = c.benchmark_group("reuse/sketch");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    group.bench_function(format!("generated-{DOCS}"), |b| {
        b.iter(|| docs.par_iter().map(|d| finder.sketch(black_box(d))).collect::<Vec<Sketch>>());
    });
    group.finish();
}

fn find(c: &mut Criterion) {
    let (docs, bytes) = corpus();
    let finder = ReuseFinder::new(ReuseOptions::new()).expect("the default options");
    let mut group = c.benchmark_group("reuse/find");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(8));
    let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a one-thread pool");
    group.bench_function(format!("generated-{DOCS}-1-thread"), |b| {
        b.iter(|| one_thread.install(|| finder.find(black_box(&docs))));
    });
    group.bench_function(format!("generated-{DOCS}"), |b| b.iter(|| finder.find(black_box(&docs))));
    group.finish();
}

criterion_group!(benches, sketch, find);
criterion_main!(benches);
