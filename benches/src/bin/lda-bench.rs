//! `lda-bench`: dateline's side of the topics row of `benches/run`.
//!
//! ```text
//! lda-bench --docs 250 --tokens tokens.txt --train --words dateline.json
//! lda-bench --docs 250 --score tomotopy.json
//! lda-bench --dir speeches --stopwords none --min-df 1 --max-df 1.0 --train
//! ```
//!
//! Makes a corpus of long themed articles with the seeded generator (in memory, the same
//! every time), or reads the articles of a folder (`--dir`), parses and counts it as
//! `dateline topics` does (`TermOptions::new()`: default stopwords, unless `--stopwords none`), prunes the vocabulary by the LDA's own document-frequency bounds, and then, as
//! asked: writes the pruned documents as tokens for the peer (`--tokens`), trains dateline's
//! LDA and times it (`--train`), and scores topics' top words with dateline's UMass
//! (`--score`, e.g. the peer's topics, so that both are measured by one implementation).
//! Results go to standard output as `key=value` lines for the script.

use std::collections::HashSet;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dateline_analyze::tfidf::DfBound;
use dateline_analyze::topic_stats::{UMass, resolve_topics};
use dateline_analyze::topics::{Lda, LdaModel};
use dateline_analyze::{Counts, DocMeta, Stopwords, TermId, TermOptions, count_parallel};
use dateline_benches::corpus::{Generator, Themes};
use dateline_parse::{ArticleParser, CorpusReader, Input};

const USAGE: &str = "\
usage: lda-bench [CORPUS OPTIONS] [--tokens FILE] [--train [MODEL OPTIONS]] [--score FILE]...

Corpus (generated in memory, the same for the same options):
  --docs N             articles (default 250)
  --seed S             generator seed (default 1)
  --bytes MIN-MAX      body size of each article, drawn per article (default 20000-40000)
  --themes T           themes the articles are written about (default 20)
  --theme-words W      made-up words per theme (default 150)
  --theme-share P      percent of nouns and names taken from the article's themes (default 50)
  --dir DIR            read the articles of this folder (walked in sorted order) instead
  --stopwords WHICH    english (default, `dateline topics`' default) or none

  --tokens FILE        write the pruned corpus: one document a line, its terms separated by
                       spaces, each as often as counted, in the order dateline samples them
  --train              train dateline's LDA and time it
  --words FILE         with --train: write each topic's top words as JSON (a list of lists)
  --score FILE         score the topics in FILE (JSON, a list of lists of words) with UMass
                       over the same documents; may be given more than once

Model (--train):
  -k N                 topics (default 20)
  --iterations N       Gibbs sweeps (default 200)
  --threads N          shards, and threads in the pool that runs them (default 2)
  --lda-seed S         the sampler's seed (default 1)
  --likelihood N|none  record the log-likelihood every N iterations (default 10, the library's
                       and `dateline topics`' default; `none`: after the last only)
  --min-df N           keep terms in at least N documents (default 2, the library's)
  --max-df F           and in at most this fraction of them (default 0.5, the library's)
  --top N              top words per topic written and scored (default 10)";

#[derive(Debug)]
struct Options {
    docs: u64,
    seed: u64,
    bytes: (usize, usize),
    themes: usize,
    theme_words: usize,
    theme_share: u32,
    dir: Option<PathBuf>,
    keep_stopwords: bool,
    tokens: Option<PathBuf>,
    train: bool,
    words: Option<PathBuf>,
    score: Vec<PathBuf>,
    k: usize,
    iterations: u32,
    threads: usize,
    lda_seed: u64,
    likelihood: Option<u32>,
    min_df: u32,
    max_df: f64,
    top: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            docs: 250,
            seed: 1,
            bytes: (20_000, 40_000),
            themes: 20,
            theme_words: 150,
            theme_share: 50,
            dir: None,
            keep_stopwords: false,
            tokens: None,
            train: false,
            words: None,
            score: Vec::new(),
            k: 20,
            iterations: 200,
            threads: 2,
            lda_seed: 1,
            likelihood: Some(10),
            min_df: 2,
            max_df: 0.5,
            top: 10,
        }
    }
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lda-bench: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lda-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    fn number<T: std::str::FromStr>(flag: &str, value: Option<String>) -> Result<T, String> {
        let value = value.ok_or_else(|| format!("{flag} needs a value"))?;
        value.parse().map_err(|_| format!("{flag}: `{value}` is not a valid number"))
    }
    let mut options = Options::default();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--docs" => options.docs = number(&arg, args.next())?,
            "--seed" => options.seed = number(&arg, args.next())?,
            "--bytes" => {
                let value = args.next().ok_or("--bytes needs MIN-MAX")?;
                let (low, high) = value.split_once('-').ok_or("--bytes needs MIN-MAX")?;
                let low: usize = number(&arg, Some(low.to_owned()))?;
                let high: usize = number(&arg, Some(high.to_owned()))?;
                if low > high {
                    return Err(format!("--bytes {value}: MIN is above MAX"));
                }
                options.bytes = (low, high);
            }
            "--themes" => options.themes = number(&arg, args.next())?,
            "--theme-words" => options.theme_words = number(&arg, args.next())?,
            "--theme-share" => options.theme_share = number(&arg, args.next())?,
            "--dir" => options.dir = Some(args.next().ok_or("--dir needs a folder")?.into()),
            "--stopwords" => {
                options.keep_stopwords = match args.next().as_deref() {
                    Some("english") => false,
                    Some("none") => true,
                    _ => return Err("--stopwords needs `english` or `none`".into()),
                };
            }
            "--tokens" => options.tokens = Some(args.next().ok_or("--tokens needs a file")?.into()),
            "--train" => options.train = true,
            "--words" => options.words = Some(args.next().ok_or("--words needs a file")?.into()),
            "--score" => options.score.push(args.next().ok_or("--score needs a file")?.into()),
            "-k" => options.k = number(&arg, args.next())?,
            "--iterations" => options.iterations = number(&arg, args.next())?,
            "--threads" => options.threads = number(&arg, args.next())?,
            "--lda-seed" => options.lda_seed = number(&arg, args.next())?,
            "--likelihood" => {
                options.likelihood = match args.next().as_deref() {
                    Some("none") => None,
                    value => Some(number(&arg, value.map(str::to_owned))?),
                };
            }
            "--min-df" => options.min_df = number(&arg, args.next())?,
            "--max-df" => options.max_df = number(&arg, args.next())?,
            "--top" => options.top = number(&arg, args.next())?,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if options.docs == 0 || options.themes == 0 || options.theme_words == 0 || options.theme_share > 100 {
        return Err("--docs, --themes and --theme-words must be at least 1, --theme-share at most 100".into());
    }
    if options.threads == 0 {
        return Err("--threads must be at least 1".into());
    }
    if options.words.is_some() && !options.train {
        return Err("--words needs --train".into());
    }
    Ok(Some(options))
}

fn run(options: &Options) -> Result<(), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|err| format!("cannot start {} threads: {err}", options.threads))?;

    let mut term_options = TermOptions::new();
    if options.keep_stopwords {
        term_options = term_options.stopwords(Stopwords::None);
    }
    let (counts, bytes, generate_s, count_s) = match &options.dir {
        Some(dir) => {
            let started = Instant::now();
            let (counts, bytes) = pool.install(|| read_dir(dir, &term_options))?;
            (counts, bytes, 0.0, started.elapsed().as_secs_f64())
        }
        None => {
            let started = Instant::now();
            let texts = generate(options);
            let generate_s = started.elapsed().as_secs_f64();
            let bytes: u64 = texts.iter().map(|text| text.len() as u64).sum();
            let started = Instant::now();
            let counts = pool.install(|| {
                let docs = texts.iter().enumerate().map(|(i, text)| {
                    let (article, _diagnostics) = dateline_parse::parse_article_lenient(text);
                    let date = article.published.as_ref().map(|p| p.date);
                    (DocMeta { path: format!("doc-{i:04}"), date }, article)
                });
                count_parallel(&term_options, docs)
            });
            (counts, bytes, generate_s, started.elapsed().as_secs_f64())
        }
    };

    let kept = kept_terms(&counts, options.min_df, options.max_df);
    let tokens: u64 = counts
        .docs
        .iter()
        .flat_map(|doc| &doc.terms)
        .filter(|&&(id, _)| kept[id as usize])
        .map(|&(_, count)| u64::from(count))
        .sum();
    println!("docs={}", counts.docs.len());
    println!("bytes={bytes}");
    println!("generate_s={generate_s:.4}");
    println!("parse_count_s={count_s:.4}");
    println!("all_tokens={}", counts.term_tokens());
    println!("all_types={}", counts.vocab.len());
    println!("types={}", kept.iter().filter(|&&k| k).count());
    println!("tokens={tokens}");

    if let Some(path) = &options.tokens {
        write_tokens(path, &counts, &kept).map_err(|err| format!("writing {}: {err}", path.display()))?;
    }

    if options.train {
        let lda = Lda::builder()
            .topics(options.k)
            .iterations(options.iterations)
            .threads(options.threads)
            .seed(options.lda_seed)
            .likelihood_interval(options.likelihood)
            .min_df(options.min_df)
            .max_df(options.max_df)
            .build()
            .map_err(|err| err.to_string())?;
        let started = Instant::now();
        let model = pool.install(|| lda.fit(&counts)).map_err(|err| err.to_string())?;
        let train_s = started.elapsed().as_secs_f64();
        check_vocabulary(&model, &counts, &kept)?;
        println!("train_s={train_s:.4}");
        if let Some(last) = model.log_likelihood().last() {
            println!("log_likelihood_per_token={:.6}", last.log_likelihood / tokens as f64);
        }
        let topics: Vec<Vec<String>> = (0..model.topics())
            .map(|t| model.top_words(t, options.top).into_iter().map(|(w, _)| model.term(w).to_owned()).collect())
            .collect();
        let coherence = umass(&counts, &topics, options.top)?;
        println!("umass={:.6}", coherence.0);
        println!("umass_per_topic={}", coherence.1);
        if let Some(path) = &options.words {
            let json = serde_json::to_string_pretty(&topics).map_err(|err| err.to_string())?;
            std::fs::write(path, json + "\n").map_err(|err| format!("writing {}: {err}", path.display()))?;
        }
    }

    for path in &options.score {
        let text = std::fs::read_to_string(path).map_err(|err| format!("reading {}: {err}", path.display()))?;
        let topics: Vec<Vec<String>> = serde_json::from_str(&text)
            .map_err(|err| format!("{}: not a list of lists of words: {err}", path.display()))?;
        let coherence = umass(&counts, &topics, options.top)?;
        println!("score_file={}", path.display());
        println!("score_umass={:.6}", coherence.0);
        println!("score_umass_per_topic={}", coherence.1);
    }
    Ok(())
}

/// The articles' texts: article `i` of the generator, themed, with a body size drawn from
/// `--bytes` by an integer hash of the seed and `i`.
fn generate(options: &Options) -> Vec<String> {
    let generator = Generator::new(options.seed);
    let themes = Themes::new(options.themes, options.theme_words, options.theme_share);
    let (low, high) = options.bytes;
    let span = (high - low + 1) as u64;
    (0..options.docs)
        .map(|i| {
            let size = low + usize::try_from(splitmix(options.seed ^ (i << 20)) % span).unwrap_or(0);
            let (article, _mix) = generator.themed_article(i, size, &themes);
            article.text
        })
        .collect()
}

/// Counts the articles of a folder, and their size in bytes. A file without an article (one
/// that cannot be read, or holds no text) is an error: a benchmark that silently dropped it
/// would time another corpus than the peer's.
fn read_dir(dir: &Path, term_options: &TermOptions) -> Result<(Counts, u64), String> {
    let reader = CorpusReader::new(ArticleParser::new());
    let mut bytes = 0;
    let mut missing = None;
    let docs = reader.documents(vec![Input::Path(dir.to_owned())]).map_while(|doc| {
        let Some(article) = doc.article else {
            let why = doc.diagnostics.first().map_or_else(|| "no article".to_owned(), |d| d.message.clone());
            missing = Some(format!("{}: {why}", doc.path));
            return None;
        };
        bytes += std::fs::metadata(&doc.path).map_or(0, |m| m.len());
        let date = article.published.as_ref().map(|p| p.date);
        Some((DocMeta { path: doc.path, date }, article))
    });
    let counts = count_parallel(term_options, docs);
    if let Some(message) = missing {
        return Err(message);
    }
    if counts.docs.is_empty() {
        return Err(format!("{}: no articles", dir.display()));
    }
    Ok((counts, bytes))
}

/// SplitMix64's finaliser: a well-mixed integer from an integer.
fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Which terms the LDA keeps: the rule of the sampler's own pruning (a document frequency of
/// at least 1, from `min_df` to `max_df` of the documents), checked after training against the
/// model's vocabulary.
fn kept_terms(counts: &Counts, min_df: u32, max_df: f64) -> Vec<bool> {
    let n = counts.docs.len();
    let (low, high) = (DfBound::Count(min_df).documents(n), DfBound::Fraction(max_df).documents(n));
    (0..counts.vocab.len())
        .map(|id| {
            let df = counts.doc_freq.get(id).copied().unwrap_or(0);
            df > 0 && f64::from(df) >= low && f64::from(df) <= high
        })
        .collect()
}

/// The model's vocabulary must be the terms this program kept, or the peer trains on
/// another corpus.
fn check_vocabulary(model: &LdaModel, counts: &Counts, kept: &[bool]) -> Result<(), String> {
    let ours: HashSet<&str> = counts.vocab.iter().filter(|&(id, _)| kept[id as usize]).map(|(_, term)| term).collect();
    let theirs: HashSet<&str> =
        (0..model.vocabulary_len()).map(|w| model.term(u32::try_from(w).unwrap_or(0))).collect();
    if ours == theirs {
        Ok(())
    } else {
        Err(format!(
            "the model kept {} terms, this program {} ({} in common): the pruning rules differ",
            theirs.len(),
            ours.len(),
            ours.intersection(&theirs).count()
        ))
    }
}

/// Each document's kept terms, each as often as counted, in the order of `doc.terms` (the
/// order the sampler lays out a document's tokens in).
fn write_tokens(path: &PathBuf, counts: &Counts, kept: &[bool]) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    for doc in &counts.docs {
        let mut first = true;
        for &(id, count) in &doc.terms {
            if !kept[id as usize] {
                continue;
            }
            let term = counts.vocab.term(id);
            for _ in 0..count {
                if !first {
                    out.write_all(b" ")?;
                }
                out.write_all(term.as_bytes())?;
                first = false;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Mean UMass (gensim's `u_mass`) of the topics' first `top` words, and the per-topic scores
/// as a comma-separated list.
fn umass(counts: &Counts, topics: &[Vec<String>], top: usize) -> Result<(f64, String), String> {
    let ids: Vec<Vec<TermId>> = resolve_topics(&counts.vocab, topics).map_err(|err| err.to_string())?;
    let coherence = UMass::new().top_n(top).score(counts, &ids).map_err(|err| err.to_string())?;
    let per_topic = coherence.per_topic.iter().map(|s| format!("{s:.4}")).collect::<Vec<_>>().join(",");
    Ok((coherence.mean, per_topic))
}
