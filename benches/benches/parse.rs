//! Criterion benches of `dateline-parse`, named `parse/<operation>/<input>`, each measured in
//! bytes per second (`Throughput::Bytes`) so they read against the target of at least 1 GB/s
//! per core on typical articles (DESIGN.md, "Targets").
//!
//! - `parse/article/*`: `parse_article_lenient` on one thread: the four seeds, a generated
//!   article of typical size, a mix of 100 generated articles in every format, and a 1 MiB one.
//! - `parse/decode/*`: `decode` on a typical article with CRLF and with LF line endings.
//! - `parse/corpus/*`: `CorpusReader` over a generated tree on disk (file reads, decoding and
//!   parsing on every core, in order).
//! - `parse/malformed/<input>/1MiB`, `.../8MiB`: `CorpusReader::parse_bytes` (decoding and
//!   parsing one file) on each pathological input of `dateline_benches::malformed`, at n and 8n
//!   bytes. The `linear-check` binary prints the ratio of the two and flags one above 10.
//!
//! `cargo bench -p dateline-benches -- parse/article` runs one group.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_benches::corpus::{Generator, Limits, LineEnding, TYPICAL_BYTES};
use dateline_benches::malformed;
use dateline_parse::{ArticleParser, CorpusReader, Input, decode, parse_article_lenient};

/// The seed of every generated input, so figures compare across runs and machines.
const SEED: u64 = 1;

/// The generated article used as "typical", at 7 KiB: shaped like seed 002, with a title, a
/// `March 8, 2024 - 7:48` date line, an `ANKARA - ` dateline, one-line paragraphs, two
/// `=====` sections and `Leave a Comment`.
const TYPICAL_INDEX: u64 = 1127;

/// The seed articles, as `(seed-NNN, text)`, read from the workspace's `seeds/` at run time.
fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
            let text = decode(&bytes).expect("seeds are text").text.into_owned();
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let number = stem.split('_').next().unwrap_or(&stem).to_owned();
            (format!("seed-{number}"), text)
        })
        .collect()
}

fn bytes_of(text: &str) -> Throughput {
    Throughput::Bytes(text.len() as u64)
}

fn article(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse/article");
    for (id, text) in seeds() {
        group.throughput(bytes_of(&text));
        group.bench_function(id, |b| b.iter(|| parse_article_lenient(black_box(&text))));
    }

    let generator = Generator::new(SEED);
    let typical = generator.article_sized(TYPICAL_INDEX, TYPICAL_BYTES).text;
    group.throughput(bytes_of(&typical));
    group.bench_function("generated-typical", |b| b.iter(|| parse_article_lenient(black_box(&typical))));

    // Every header style, dateline style and layout, in the corpus's proportions.
    let mix: Vec<String> = (0..100).map(|i| generator.article(i).text).collect();
    group.throughput(Throughput::Bytes(mix.iter().map(|t| t.len() as u64).sum()));
    group.bench_function("generated-mix-100", |b| {
        b.iter(|| {
            for text in &mix {
                black_box(parse_article_lenient(black_box(text)));
            }
        });
    });

    let large = generator.article_sized(1, 1 << 20).text;
    group.throughput(bytes_of(&large));
    group.bench_function("generated-large-1mib", |b| b.iter(|| parse_article_lenient(black_box(&large))));
    group.finish();
}

fn decoding(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse/decode");
    let typical = Generator::new(SEED).article_sized(TYPICAL_INDEX, TYPICAL_BYTES);
    for (id, ending) in [("crlf-typical", LineEnding::CrLf), ("lf-typical", LineEnding::Lf)] {
        let bytes = typical.clone().with_line_ending(ending).to_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(id, |b| b.iter(|| decode(black_box(&bytes))));
    }
    group.finish();
}

fn corpus(c: &mut Criterion) {
    const FILES: u64 = 200;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let summary = Generator::new(SEED).write_tree(dir.path(), Limits::files(FILES)).expect("the tree is written");
    let reader = CorpusReader::new(ArticleParser::new());
    let mut group = c.benchmark_group("parse/corpus");
    group.throughput(Throughput::Bytes(summary.bytes));
    group.sample_size(20);
    group.bench_function(format!("tree-{FILES}-files"), |b| {
        b.iter(|| reader.documents(vec![Input::Path(dir.path().to_path_buf())]).map(black_box).count());
    });
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let reader = CorpusReader::new(ArticleParser::new());
    let mut group = c.benchmark_group("parse/malformed");
    // 34 benches of up to 8 MiB each: short runs, or the group takes many minutes.
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    for input in malformed::ALL {
        for (size, bytes) in [("1MiB", 1 << 20), ("8MiB", 8 << 20)] {
            let file = input.build(bytes);
            group.throughput(Throughput::Bytes(file.len() as u64));
            group.bench_function(format!("{}/{size}", input.name), |b| {
                b.iter(|| reader.parse_bytes(String::from("pathological.txt"), black_box(&file)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, article, decoding, corpus, pathological);
criterion_main!(benches);
