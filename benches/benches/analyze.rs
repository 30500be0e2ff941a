//! Criterion benches of `dateline-analyze`, named `analyze/<operation>/<input>`, each measured in
//! bytes of article text per second (`Throughput::Bytes`), so they read against the parser's
//! figures and against the `dateline stats` target in DESIGN.md ("Targets").
//!
//! - `analyze/tokenize/*`: `dateline_text::tokens` on one thread over generated article text: a
//!   typical 7 KiB article, a mix of 100 articles in every format, and a 1 MiB one.
//! - `analyze/count/*`: `count_parallel` with `TermOptions::new()` over 1,000 parsed generated
//!   articles, on one thread and on every core. The throughput is the bytes of the articles'
//!   files; parsing is done beforehand and not timed, but handing the articles over by value
//!   (as `dateline stats` does) is: each iteration counts fresh copies made outside the timer.
//!
//! `cargo bench -p dateline-benches --bench analyze -- analyze/count` runs one group.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dateline_analyze::{DocMeta, TermOptions, count_parallel};
use dateline_benches::corpus::{Generator, TYPICAL_BYTES};
use dateline_model::Article;
use dateline_parse::parse_article_lenient;
use dateline_text::tokens;

/// The seed of every generated input, so figures compare across runs and machines.
const SEED: u64 = 1;

/// The same "typical" 7 KiB article as `parse/article/generated-typical`.
const TYPICAL_INDEX: u64 = 1127;

/// Articles in the `analyze/count` batch: about 7 MB of text.
const COUNT_ARTICLES: u64 = 1000;

fn bytes_of(text: &str) -> Throughput {
    Throughput::Bytes(text.len() as u64)
}

/// Every token of `text`, consumed; returns how many so the work cannot be optimised away.
fn token_count(text: &str) -> usize {
    tokens(black_box(text)).map(black_box).count()
}

fn tokenize(c: &mut Criterion) {
    let generator = Generator::new(SEED);
    let mut group = c.benchmark_group("analyze/tokenize");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));

    let typical = generator.article_sized(TYPICAL_INDEX, TYPICAL_BYTES).text;
    group.throughput(bytes_of(&typical));
    group.bench_function("generated-typical", |b| b.iter(|| token_count(&typical)));

    // Every header style, dateline style and layout, in the corpus's proportions.
    let mix: Vec<String> = (0..100).map(|i| generator.article(i).text).collect();
    group.throughput(Throughput::Bytes(mix.iter().map(|t| t.len() as u64).sum()));
    group.bench_function("generated-mix-100", |b| b.iter(|| mix.iter().map(|t| token_count(t)).sum::<usize>()));

    let large = generator.article_sized(1, 1 << 20).text;
    group.throughput(bytes_of(&large));
    group.bench_function("generated-large-1mib", |b| b.iter(|| token_count(&large)));
    group.finish();
}

fn count(c: &mut Criterion) {
    let generator = Generator::new(SEED);
    let mut bytes = 0u64;
    let docs: Vec<(DocMeta, Article)> = (0..COUNT_ARTICLES)
        .map(|i| {
            let text = generator.article(i).text;
            bytes += text.len() as u64;
            let (article, _diagnostics) = parse_article_lenient(&text);
            let date = article.published.as_ref().map(|p| p.date);
            (DocMeta { path: format!("{i:06}.txt"), date }, article)
        })
        .collect();
    let options = TermOptions::new();

    let mut group = c.benchmark_group("analyze/count");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));

    let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a one-thread pool");
    group.bench_function(format!("generated-{COUNT_ARTICLES}-1-thread"), |b| {
        b.iter_batched(
            || docs.clone(),
            |docs| one_thread.install(|| count_parallel(&options, docs.into_iter())),
            BatchSize::LargeInput,
        );
    });
    group.bench_function(format!("generated-{COUNT_ARTICLES}"), |b| {
        b.iter_batched(|| docs.clone(), |docs| count_parallel(&options, docs.into_iter()), BatchSize::LargeInput);
    });
    group.finish();
}

criterion_group!(benches, tokenize, count);
criterion_main!(benches);
