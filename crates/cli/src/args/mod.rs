//! Each command's clap arguments, one module per command (`terms.rs` holds `TermsArgs` and its
//! examples), and here the groups they share: what every command reads ([`InputArgs`]), what
//! every statistics command takes ([`CorpusArgs`]), `--dedup`, and the value parsers. Nothing
//! here does work: [`crate::config`] turns the arguments into a plain configuration first.

pub(crate) mod actors;
pub(crate) mod check;
pub(crate) mod collocations;
pub(crate) mod keyness;
pub(crate) mod kwic;
pub(crate) mod network;
pub(crate) mod ngrams;
pub(crate) mod parse;
pub(crate) mod quotes;
pub(crate) mod report;
pub(crate) mod reuse;
pub(crate) mod stats;
pub(crate) mod terms;
pub(crate) mod tfidf;
pub(crate) mod topics;
pub(crate) mod trends;

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Arg, Args, ValueEnum};
use dateline_analyze::Period;
use dateline_analyze::tfidf::DfBound;

use crate::output::Format;

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
    #[command(flatten)]
    pub(crate) dates: DateRangeArgs,
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

/// `--since` and `--until`, on every command that reads articles by date.
#[derive(Debug, Clone, Copy, Args)]
pub(crate) struct DateRangeArgs {
    /// Only articles published on or after this date (YYYY-MM-DD). With either bound, undated
    /// articles are left out, and how many is said.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) since: Option<NaiveDate>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) until: Option<NaiveDate>,
}

/// `--top` said as it applies to a command whose rows are not simply "rows per table", for
/// `#[command(mut_arg("top", top_help("...")))]`: the argument stays where the shared group
/// puts it, with the command's own words.
pub(crate) fn top_help(help: &'static str) -> impl FnOnce(Arg) -> Arg {
    move |arg| arg.help(help)
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

/// A whole number is a count of articles; a number with a decimal point a fraction of them.
pub(crate) fn parse_df(text: &str) -> Result<DfBound, String> {
    if text.contains('.') {
        text.parse::<f64>().map(DfBound::Fraction).map_err(|err| format!("expected a fraction such as 0.9: {err}"))
    } else {
        text.parse::<u32>().map(DfBound::Count).map_err(|err| format!("expected a number of articles: {err}"))
    }
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|err| format!("expected a date as YYYY-MM-DD: {err}"))
}
