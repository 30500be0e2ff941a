//! The command line as clap sees it. Nothing here does work: [`crate::config`] turns it into
//! a plain configuration first.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use dateline_analyze::tfidf::DfBound;
use dateline_analyze::{Measure, Period, Preset};

use crate::output::Format;

const ABOUT: &str = "Parse and analyse corpora of scraped news articles.";

const LONG_ABOUT: &str = "\
Parse and analyse corpora of scraped news articles.

dateline reads plain-text articles in loose formats (a title, a date line, a dateline such as
`TEHRAN –`, sections, paragraphs, site furniture) into a typed model, and reports on them.
Folders are read recursively in sorted order; `-` reads standard input. Only regular files are
read: a FIFO, socket or device is skipped with a warning, never waited on.

Exit status: 0 when all is well, 1 when there were only warnings, 2 when any file failed or on
a usage error, 130 when stopped by Ctrl-C (143 by SIGTERM, 129 by SIGHUP).";

const EXAMPLES: &str = "\
Examples:
  dateline stats seeds                       the corpus at a glance, with its top terms
  dateline terms --top 50 --by month corpus/ the most frequent terms of each month
  dateline tfidf seeds                       each article's most distinctive terms
  dateline collocations seeds                word pairs that belong together
  dateline keyness --target 2024-07-01.. corpus/   what the second half of 2024 says more
  dateline kwic --query Lavrov seeds         every Lavrov in context
  dateline trends --terms Gaza,Lavrov --by quarter seeds
  dateline reuse --clusters corpus/          stories republished, each with its first source
  dateline parse seeds                       what each article is made of
  dateline parse --format jsonl seeds > articles.jsonl
  dateline terms --format csv -o terms.csv corpus/   written whole, or not at all
  dateline check corpus/                     report problems, with file:line:column";

const PARSE_EXAMPLES: &str = "\
Examples:
  dateline parse seeds
  dateline parse --format jsonl corpus/ > articles.jsonl
  dateline parse --format jsonl -o articles.jsonl corpus/
  dateline parse --format parquet -o articles.parquet corpus/   one typed row per file
  dateline parse --format text seeds/002_ff26b561ed4a4f97.txt
  dateline parse --date-order dmy corpus/   read 04/03/2024 as 4 March 2024
  cat article.txt | dateline parse --format json -";

const CHECK_EXAMPLES: &str = "\
Examples:
  dateline check corpus/
  dateline check --quiet corpus/            errors only
  dateline check --format json corpus/ 2>/dev/null";

/// The `dateline` command line.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
#[command(arg_required_else_help = true, propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

const STATS_EXAMPLES: &str = "\
Examples:
  dateline stats seeds
  dateline stats --since 2024-01-01 --format json corpus/
  dateline stats --stopwords none --top 20 corpus/";

const TERMS_EXAMPLES: &str = "\
Examples:
  dateline terms seeds
  dateline terms --top 100 --format csv -o terms.csv corpus/
  dateline terms --top 0 --format parquet -o terms.parquet corpus/
  duckdb -c \"select * from 'terms.parquet' order by count desc limit 5\"
  dateline terms --by month --top 10 corpus/
  dateline terms --stem --stopwords my-stopwords.txt corpus/";

const TFIDF_EXAMPLES: &str = "\
Examples:
  dateline tfidf seeds
  dateline tfidf --preset sklearn --top 5 --format jsonl corpus/
  dateline tfidf --min-df 2 --max-df 0.5 --format csv corpus/ > distinctive.csv";

const KEYNESS_EXAMPLES: &str = "\
Examples:
  dateline keyness --target 2024-01-01..2024-06-30 corpus/
  dateline keyness --target 'reuters/*' --reference 'ap/*' corpus/
  dateline keyness --target tehran-times --sort log-ratio --min-count 5 corpus/";

const KWIC_EXAMPLES: &str = "\
Examples:
  dateline kwic --query Lavrov seeds
  dateline kwic --query 'humanitarian aid' --window 8 corpus/
  dateline kwic --query 'negotiat*' --format csv corpus/ > lines.csv";

const TRENDS_EXAMPLES: &str = "\
Examples:
  dateline trends --terms Gaza,Lavrov --by quarter seeds
  dateline trends --terms sanctions,talks --by month --plot trends.svg corpus/";

const NGRAMS_EXAMPLES: &str = "\
Examples:
  dateline ngrams seeds
  dateline ngrams --min-n 3 --max-n 5 --min-count 3 corpus/
  dateline ngrams --keep-stopword-edges --format csv corpus/ > phrases.csv";

const COLLOCATIONS_EXAMPLES: &str = "\
Examples:
  dateline collocations seeds
  dateline collocations --measure pmi --min-count 5 corpus/
  dateline collocations --measure z --format json corpus/";

const TOPICS_EXAMPLES: &str = "\
Examples:
  dateline topics -k 2 seeds
  dateline topics -k 20 --iterations 500 --by month --save-model news.lda.json corpus/
  dateline topics -k 20 --format json corpus/ > topics.json
  dateline topics infer --model news.lda.json new-articles/";

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant, reason = "made once per run, from the command line")]
pub(crate) enum Command {
    /// The corpus at a glance: articles, dates, tokens, types, sentences, top terms.
    ///
    /// Statistics count the title, the section headings and the paragraphs; never the date
    /// line, the dateline or furniture.
    #[command(after_help = STATS_EXAMPLES)]
    Stats {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The period for the table of articles per period: day, week, month, quarter, year.
        #[arg(long, value_name = "PERIOD", default_value = "month", value_parser = parse_period)]
        by: Period,
    },
    /// Term frequencies: count, documents, rate per 10,000 tokens, rank.
    ///
    /// Terms are case-folded words and numbers, with possessive 's taken off; each is shown
    /// as it is most often written. Tied counts share the lowest rank.
    #[command(after_help = TERMS_EXAMPLES)]
    Terms {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// One table per group: day, week, month, quarter, year (of the publication date;
        /// undated articles form their own group) or folder.
        #[arg(long, value_name = "GROUP", value_parser = parse_group)]
        by: Option<GroupBy>,
    },
    /// Terms over- or under-used in a part of the corpus against the rest, or against
    /// another part: signed G², chi-square, log ratio, p-values and both counts, as
    /// quanteda's textstat_keyness computes them.
    ///
    /// A SPEC is a date range `2024-01-01..2024-06-30` (either end may be left open), a path
    /// glob `*/reuters/*` (matched against the whole path), or a folder name. Several
    /// --target (or --reference) options widen the selection; date ranges narrow it.
    #[command(after_help = KEYNESS_EXAMPLES)]
    Keyness {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The articles to characterise.
        #[arg(long, value_name = "SPEC", required = true)]
        target: Vec<String>,
        /// The articles to compare with [default: all the others].
        #[arg(long, value_name = "SPEC")]
        reference: Vec<String>,
        /// The measure rows are ranked by.
        #[arg(long, value_enum, default_value_t = KeynessSort::G2)]
        sort: KeynessSort,
        /// Leave out terms seen fewer times than this in target and reference together.
        #[arg(long, value_name = "N", default_value_t = 1)]
        min_count: u64,
        /// Do not apply Yates' continuity correction (quanteda applies it by default).
        #[arg(long)]
        no_correction: bool,
    },
    /// Keyword in context: every occurrence of a word, phrase or glob with the words around it.
    ///
    /// Matching is on case-folded tokens (`iran` finds `Iran’s`); a phrase matches
    /// consecutive words within a sentence; `*` and `?` make a glob (`negotiat*`). Each hit
    /// gives the byte offsets of the match in the decoded file. All hits are shown unless
    /// --top is given.
    #[command(after_help = KWIC_EXAMPLES)]
    Kwic {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The word, phrase or glob to find.
        #[arg(long, value_name = "QUERY")]
        query: String,
        /// Words of context on each side.
        #[arg(long, value_name = "N", default_value_t = 5)]
        window: usize,
    },
    /// Counts of terms per period, raw and per 10,000 tokens, optionally drawn as a chart.
    ///
    /// Periods between the first and last date with no articles are listed with zero
    /// counts; undated articles are a period of their own (left out of the chart). All rows
    /// are shown unless --top is given.
    #[command(after_help = TRENDS_EXAMPLES)]
    Trends {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The terms to follow, separated by commas.
        #[arg(long, value_name = "TERM,...", value_delimiter = ',', required = true)]
        terms: Vec<String>,
        /// The period: day, week, month, quarter or year.
        #[arg(long, value_name = "PERIOD", default_value = "month", value_parser = parse_period)]
        by: Period,
        /// Also draw the rates per 10,000 tokens as a line chart in this SVG file.
        #[arg(long, value_name = "FILE.svg")]
        plot: Option<PathBuf>,
    },
    /// Frequent word sequences (n-grams) within sentences.
    ///
    /// N-grams are formed over all words, stopwords included ("minister of foreign affairs"),
    /// never across a sentence, title, heading or paragraph boundary; by default those that
    /// start or end with a stopword are left out. Tied counts share the lowest rank.
    #[command(after_help = NGRAMS_EXAMPLES)]
    Ngrams {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The shortest n-gram, from 2 to 5.
        #[arg(long, value_name = "N", default_value_t = 2)]
        min_n: usize,
        /// The longest n-gram, from 2 to 5.
        #[arg(long, value_name = "N", default_value_t = 3)]
        max_n: usize,
        /// Leave out n-grams seen fewer times than this.
        #[arg(long, value_name = "N", default_value_t = 2)]
        min_count: u64,
        /// Keep n-grams that start or end with a stopword.
        #[arg(long)]
        keep_stopword_edges: bool,
    },
    /// Word pairs that occur together more than chance: bigram association measures.
    ///
    /// Scores use the formulas of NLTK's BigramAssocMeasures, from the pair count, both
    /// words' counts and the total token count:
    ///   likelihood-ratio (default), pmi, student-t, chi-sq, dice;
    /// and quanteda's lambda (log odds ratio, 0.5 added to each cell) and its z. Pairs never
    /// cross a sentence boundary. Every measure is in the JSON and CSV output.
    #[command(after_help = COLLOCATIONS_EXAMPLES, verbatim_doc_comment)]
    Collocations {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The measure rows are ranked by: likelihood-ratio, pmi, student-t, chi-sq, dice,
        /// lambda or z.
        #[arg(long, value_name = "MEASURE", default_value = "likelihood-ratio", value_parser = parse_measure)]
        measure: Measure,
        /// Leave out pairs seen fewer times than this.
        #[arg(long, value_name = "N", default_value_t = 2)]
        min_count: u64,
        /// Keep pairs that start or end with a stopword.
        #[arg(long)]
        keep_stopword_edges: bool,
    },
    /// Topic models: LDA by collapsed Gibbs sampling, with topics over time.
    ///
    /// Prints each topic's top words with weights, a label (its strongest collocation among
    /// the top words) and coherence (UMass as gensim computes it, and NPMI over a 10-word
    /// sliding window); each topic's share of the corpus per period (token-weighted); its
    /// most representative articles; and the log-likelihood. JSON also has every article's
    /// topic mixture. Results are reproducible for a given --seed and --threads.
    ///
    /// Stopwords are removed (see --stopwords), and terms in fewer than --min-df articles or
    /// more than --max-df of them are left out.
    #[command(after_help = TOPICS_EXAMPLES, subcommand_negates_reqs = true, args_conflicts_with_subcommands = true)]
    Topics {
        #[command(subcommand)]
        action: Option<TopicsAction>,
        #[command(flatten)]
        corpus: CorpusArgs,
        #[command(flatten)]
        model: TopicArgs,
    },
    /// Each article's most distinctive terms by TF-IDF.
    ///
    /// Presets reproduce other tools' numbers exactly:
    ///   news      (default) our terms, n × (ln((1+N)/(1+df)) + 1), rows L2-normalised
    ///   sklearn   scikit-learn's TfidfVectorizer defaults, with its own tokens (no stopwords)
    ///   gensim    n × log2(N/df), L2-normalised
    ///   quanteda  n × log10(N/df)
    ///   tidytext  (n / article length) × ln(N/df)
    /// where n is the term's count in the article, N the number of articles and df the
    /// number containing the term. --top is the number of terms per article.
    #[command(after_help = TFIDF_EXAMPLES, verbatim_doc_comment)]
    Tfidf {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The formula: news, sklearn, gensim, quanteda or tidytext.
        #[arg(long, default_value = "news", value_parser = parse_preset)]
        preset: Preset,
        /// Keep only terms in at least this many articles (`2`) or this fraction (`0.01`).
        #[arg(long, value_name = "N|FRACTION", value_parser = parse_df)]
        min_df: Option<DfBound>,
        /// Keep only terms in at most this many articles (`500`) or this fraction (`0.9`).
        #[arg(long, value_name = "N|FRACTION", value_parser = parse_df)]
        max_df: Option<DfBound>,
    },
    /// People, organisations and places each article names, with aliases, roles and spans.
    ///
    /// Names come from capitalisation, titles and roles are taken off them, and their type
    /// from shipped gazetteers (GeoNames, countryinfo) and the context; no model is used.
    #[command(after_help = crate::actors_args::ACTORS_EXAMPLES)]
    Actors(crate::actors_args::ActorsArgs),
    /// Direct quotations of four or more words, with their speakers.
    #[command(after_help = crate::actors_args::QUOTES_EXAMPLES)]
    Quotes(crate::actors_args::QuotesArgs),
    /// Actor co-occurrence networks, and speaker → named-actor edges from quotations.
    #[command(after_help = crate::actors_args::NETWORK_EXAMPLES)]
    Network(crate::actors_args::NetworkArgs),
    /// Text reuse: pairs of articles sharing text, with the reused passages, and story
    /// families.
    ///
    /// Articles are compared over the word 5-grams of their counted text (title, headings,
    /// paragraphs). Candidates come from MinHash bands and winnowed fingerprints; every pair
    /// reported is scored exactly: `jaccard` (shared 5-grams over all of both) and
    /// `containment` (shared over the smaller article's), and reported when either reaches its
    /// threshold. `a` is the article dated first. Passages are aligned byte spans in each file.
    #[command(after_help = crate::reuse_args::REUSE_EXAMPLES)]
    Reuse(crate::reuse_args::ReuseArgs),
    /// One self-contained HTML file to open and explore offline: the overview, articles per
    /// period, top terms and their trends, keyness per period, phrases, topics (with -k),
    /// actors, quotations and their network, story families, and terms in context.
    #[command(after_help = crate::report_args::REPORT_EXAMPLES)]
    Report(crate::report_args::ReportArgs),
    /// Parse articles and print what each is made of.
    ///
    /// One record per input file, in input order: title, date and time, dateline, sections
    /// with their paragraphs, furniture, diagnostics. Diagnostics also go to stderr.
    #[command(after_help = PARSE_EXAMPLES)]
    Parse {
        #[command(flatten)]
        input: InputArgs,
        /// Output format: `table` for people, `text` re-prints each article in canonical
        /// form, `json`/`jsonl` follow the documented JSON contract, `csv` one row per file,
        /// `parquet` (needs -o FILE) one typed row per file: path, title, date, time, place,
        /// region, agency, authors, text (the counted text) and diagnostics.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Check articles and report problems as `path:line:column: severity: message`.
    ///
    /// Prints every diagnostic on stderr and a one-line summary on stdout: files, articles,
    /// warnings, errors.
    #[command(after_help = CHECK_EXAMPLES)]
    Check {
        #[command(flatten)]
        input: InputArgs,
        /// Format of the summary.
        #[arg(long, short, default_value_t = Format::Table, value_parser = report_format())]
        format: Format,
    },
}

/// What every command that reads articles takes.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Files or folders to read; folders recursively in sorted order; `-` is standard input.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<OsString>,
    /// A file of extra furniture lines (one per line) to take off the end of articles,
    /// besides the built-in list (`Leave a Comment`, `Share this`, ...).
    #[arg(long, value_name = "FILE")]
    pub(crate) boilerplate: Option<PathBuf>,
    /// Read year-less dateline dates (`NEW YORK, Feb 26 -`) as the latest such date on or
    /// before this one (YYYY-MM-DD); a warning says so.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) reference_date: Option<NaiveDate>,
    /// Read numeric dates whose day and month could be either way round (`04/03/2024`) day
    /// first (`dmy`) or month first (`mdy`). Without it such a date is not taken, and a warning
    /// gives both readings; `25/03/2024` and `3/25/2024` are read either way.
    #[arg(long, value_name = "ORDER", value_enum)]
    pub(crate) date_order: Option<DateOrderArg>,
    /// Worker threads [default: one per core]. Files are read and parsed ahead of the work on
    /// as many threads again; with 1, everything runs on one thread.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,
    /// Do not print warnings on stderr (errors are always printed).
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Write the output to FILE instead of standard output (`-o terms.csv`). FILE is written
    /// under a temporary name in its folder and renamed into place when the run completes,
    /// so a failed or interrupted run leaves no half-written file, and an existing FILE as it
    /// was. Diagnostics still go to stderr.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TopicsAction {
    /// Topic mixtures of articles under a saved model (made with `topics --save-model`).
    Infer {
        /// The model file.
        #[arg(long, value_name = "FILE")]
        model: PathBuf,
        /// Gibbs sweeps per article.
        #[arg(long, value_name = "N", default_value_t = 100)]
        iterations: u32,
        /// The seed of every random draw.
        #[arg(long, value_name = "N", default_value_t = 1)]
        seed: u64,
        #[command(flatten)]
        corpus: CorpusArgs,
    },
}

/// How `dateline topics` trains.
#[derive(Debug, Args)]
pub(crate) struct TopicArgs {
    /// The number of topics.
    #[arg(short = 'k', long = "topics", value_name = "N", default_value_t = 10)]
    pub(crate) k: usize,
    /// Gibbs sweeps over the corpus.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub(crate) iterations: u32,
    /// The seed of every random draw.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) seed: u64,
    /// The symmetric document-topic prior α.
    #[arg(long, value_name = "X", default_value_t = 0.1)]
    pub(crate) alpha: f64,
    /// The symmetric topic-word prior β.
    #[arg(long, value_name = "X", default_value_t = 0.01)]
    pub(crate) beta: f64,
    /// Re-estimate α (one per topic, Minka's fixed point) every N sweeps after the burn-in,
    /// as MALLET's --optimize-interval does.
    #[arg(long, value_name = "N")]
    pub(crate) optimize_interval: Option<u32>,
    /// Sweeps before the first re-estimation.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub(crate) burn_in: u32,
    /// Keep only terms in at least this many articles (`2`) or this fraction (`0.01`).
    #[arg(long, value_name = "N|FRACTION", default_value = "2", value_parser = parse_df)]
    pub(crate) min_df: DfBound,
    /// Keep only terms in at most this many articles (`500`) or this fraction (`0.5`).
    #[arg(long, value_name = "N|FRACTION", default_value = "0.5", value_parser = parse_df)]
    pub(crate) max_df: DfBound,
    /// Top words shown per topic.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub(crate) words: usize,
    /// The period of the topic shares over time: day, week, month, quarter or year.
    #[arg(long, value_name = "PERIOD", default_value = "month", value_parser = parse_period)]
    pub(crate) by: Period,
    /// Save the model to this file, for `dateline topics infer`.
    #[arg(long, value_name = "FILE")]
    pub(crate) save_model: Option<PathBuf>,
}

/// What every statistics command takes.
#[derive(Debug, Args)]
pub(crate) struct CorpusArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Output format: `table` for people, `json`/`jsonl` for scripts, `csv` for spreadsheets,
    /// `parquet` (needs -o FILE) the CSV's columns typed, zstd-compressed, for DuckDB,
    /// polars, pandas, Spark and R.
    #[arg(long, short, default_value_t = Format::Table, value_parser = report_format())]
    pub(crate) format: Format,
    /// How many rows to show per table [default: 20; 0 shows all].
    #[arg(long, short = 'n', value_name = "N")]
    pub(crate) top: Option<usize>,
    /// Only articles published on or after this date (YYYY-MM-DD); undated articles are left
    /// out, and counted on stderr.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) since: Option<NaiveDate>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) until: Option<NaiveDate>,
    /// Stopwords to leave out: a file with one word per line (`#` starts a comment), which
    /// replaces the built-in English list, or `none` to keep every word [default: the
    /// built-in list].
    #[arg(long, value_name = "FILE|none")]
    pub(crate) stopwords: Option<PathBuf>,
    /// Reduce terms to their English Snowball stem (`talks`, `talked` → `talk`).
    #[arg(long)]
    pub(crate) stem: bool,
    /// Leave numbers (`100`, `2.4`) out of the terms.
    #[arg(long)]
    pub(crate) no_numbers: bool,
    #[command(flatten)]
    pub(crate) dedup: DedupArg,
}

/// `--dedup`, on every command that counts over the corpus.
#[derive(Debug, Clone, Copy, Args)]
pub(crate) struct DedupArg {
    /// Count each story family once: of articles republishing the same text (as `dateline
    /// reuse --clusters` finds them), only the earliest is read; how many were dropped is
    /// said on stderr and under the table. The files are read twice.
    #[arg(long)]
    pub(crate) dedup: bool,
}

/// How `dateline terms --by` groups articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GroupBy {
    Period(Period),
    Folder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum KeynessSort {
    G2,
    Chi2,
    LogRatio,
}

/// `--date-order`: which number of a numeric date comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DateOrderArg {
    /// Day, month, year: `04/03/2024` is 4 March 2024.
    Dmy,
    /// Month, day, year: `04/03/2024` is 3 April 2024.
    Mdy,
}

/// `--format` of the commands that write reports: every format but `text`.
pub(crate) fn report_format() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Format::REPORTS)
        .map(|name: String| Format::from_str(&name, false).unwrap_or(Format::Table))
}

pub(crate) fn parse_period(text: &str) -> Result<Period, String> {
    text.parse().map_err(|_| format!("expected day, week, month, quarter or year, not `{text}`"))
}

fn parse_group(text: &str) -> Result<GroupBy, String> {
    if text.eq_ignore_ascii_case("folder") {
        Ok(GroupBy::Folder)
    } else {
        text.parse()
            .map(GroupBy::Period)
            .map_err(|_| format!("expected day, week, month, quarter, year or folder, not `{text}`"))
    }
}

fn parse_measure(text: &str) -> Result<Measure, String> {
    text.parse()
        .map_err(|_| format!("expected likelihood-ratio, pmi, student-t, chi-sq, dice, lambda or z, not `{text}`"))
}

fn parse_preset(text: &str) -> Result<Preset, String> {
    text.parse().map_err(|err: dateline_analyze::TfIdfError| err.to_string())
}

/// A whole number is a count of articles; a number with a decimal point a fraction of them.
fn parse_df(text: &str) -> Result<DfBound, String> {
    if text.contains('.') {
        text.parse::<f64>().map(DfBound::Fraction).map_err(|err| format!("expected a fraction such as 0.9: {err}"))
    } else {
        text.parse::<u32>().map(DfBound::Count).map_err(|err| format!("expected a number of articles: {err}"))
    }
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|err| format!("expected a date as YYYY-MM-DD: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
