//! A plain configuration, built from the command line before any work starts.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use dateline_analyze::kwic::Query;
use dateline_analyze::topics::Lda;
use dateline_analyze::{
    CollocationOptions, Correction, KeynessMeasure, KeynessOptions, NgramOptions, Period, Preset, Selection,
    StopwordEdges, Stopwords, TermOptions, TfIdf,
};
use dateline_parse::{ArticleParser, DateOrder, Input};

use crate::output::Format;
use crate::output::top::{Top, TopDefault};

use crate::args::check::CheckArgs;
use crate::args::collocations::CollocationsArgs;
use crate::args::keyness::{KeynessArgs, KeynessSort};
use crate::args::kwic::KwicArgs;
use crate::args::ngrams::NgramsArgs;
use crate::args::parse::ParseArgs;
use crate::args::stats::StatsArgs;
use crate::args::terms::{GroupBy, TermsArgs};
use crate::args::tfidf::TfidfArgs;
use crate::args::topics::{TopicsAction, TopicsArgs};
use crate::args::trends::TrendsArgs;
use crate::args::{CorpusArgs, DateOrderArg, DateRangeArgs, InputArgs};
use crate::cli::{Cli, Command};

/// What to do, decided once from the command line.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) command: CommandConfig,
    pub(crate) inputs: Vec<Input>,
    pub(crate) parser: ArticleParser,
    pub(crate) threads: Option<usize>,
    pub(crate) quiet: bool,
    /// `--output FILE`; `None` (or `-`) is standard output.
    pub(crate) output: Option<PathBuf>,
    /// `--dedup`: story families are found first among the articles in this date range, and
    /// only the earliest of each is counted.
    pub(crate) dedup: Option<DateRange>,
}

#[derive(Debug)]
pub(crate) enum CommandConfig {
    Parse {
        format: Format,
    },
    Check {
        format: Format,
    },
    Stats(StatsConfig, Period),
    Terms(StatsConfig, Option<GroupBy>),
    Tfidf(StatsConfig, TfIdf),
    Ngrams(StatsConfig, NgramOptions),
    Collocations(StatsConfig, CollocationOptions),
    Keyness(StatsConfig, KeynessConfig),
    Topics(StatsConfig, TopicsConfig),
    TopicsInfer(StatsConfig, InferConfig),
    Kwic(StatsConfig, Query, usize),
    Trends(StatsConfig, TrendsConfig),
    Actors(crate::cmd::actors::ActorsConfig, Format, Option<Period>),
    Quotes(crate::cmd::actors::ActorsConfig, Format),
    /// Writes graph formats of its own (GEXF, GraphML) besides tables: see `cmd::network`.
    Network(crate::cmd::actors::ActorsConfig, crate::cmd::network::NetworkConfig),
    Reuse(crate::cmd::reuse::ReuseConfig),
    /// Writes one HTML file of its own: see `cmd::report`.
    Report(crate::cmd::report::ReportConfig),
}

impl CommandConfig {
    /// The output format asked for.
    pub(crate) const fn format(&self) -> Format {
        match self {
            Self::Parse { format } | Self::Check { format } | Self::Actors(_, format, _) | Self::Quotes(_, format) => {
                *format
            }
            Self::Stats(stats, _)
            | Self::Terms(stats, _)
            | Self::Tfidf(stats, _)
            | Self::Ngrams(stats, _)
            | Self::Collocations(stats, _)
            | Self::Keyness(stats, _)
            | Self::Topics(stats, _)
            | Self::TopicsInfer(stats, _)
            | Self::Kwic(stats, _, _)
            | Self::Trends(stats, _) => stats.format,
            Self::Network(_, network) => network.report_format(),
            Self::Reuse(reuse) => reuse.format,
            Self::Report(_) => Format::Table,
        }
    }
}

/// How `dateline topics` trains and reports.
#[derive(Debug)]
pub(crate) struct TopicsConfig {
    pub(crate) lda: Lda,
    pub(crate) iterations: u32,
    pub(crate) words: usize,
    pub(crate) by: Period,
    pub(crate) save_model: Option<PathBuf>,
}

/// What `dateline topics infer` reads.
#[derive(Debug)]
pub(crate) struct InferConfig {
    pub(crate) model: PathBuf,
    pub(crate) iterations: u32,
    pub(crate) seed: u64,
}

/// What `dateline keyness` compares.
#[derive(Debug)]
pub(crate) struct KeynessConfig {
    pub(crate) target: Selection,
    /// `None`: the rest of the corpus.
    pub(crate) reference: Option<Selection>,
    pub(crate) options: KeynessOptions,
}

/// What `dateline trends` follows.
#[derive(Debug)]
pub(crate) struct TrendsConfig {
    pub(crate) terms: Vec<String>,
    pub(crate) by: Period,
    pub(crate) plot: Option<PathBuf>,
}

fn edges(keep: bool) -> StopwordEdges {
    if keep { StopwordEdges::Keep } else { StopwordEdges::Drop }
}

/// A `--target`/`--reference` selection from its SPECs: `DATE..DATE`, a glob, or a folder.
fn selection(specs: &[String]) -> Result<Selection> {
    let mut builder = Selection::builder();
    for spec in specs {
        if let Some((since, until)) = spec.split_once("..") {
            let date = |text: &str| -> Result<Option<NaiveDate>> {
                if text.is_empty() {
                    return Ok(None);
                }
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map(Some)
                    .with_context(|| format!("`{spec}`: expected dates as YYYY-MM-DD..YYYY-MM-DD"))
            };
            if let Some(since) = date(since)? {
                builder = builder.since(since);
            }
            if let Some(until) = date(until)? {
                builder = builder.until(until);
            }
        } else if spec.contains(['*', '?', '[', '{']) {
            builder = builder.glob(spec.as_str());
        } else {
            builder = builder.folder(spec.trim_end_matches('/'));
        }
    }
    Ok(builder.build()?)
}

/// What every statistics command shares.
#[derive(Debug)]
pub(crate) struct StatsConfig {
    pub(crate) format: Format,
    /// `--top`: rows per table, or per group.
    pub(crate) top: Top,
    pub(crate) dates: DateRange,
    pub(crate) terms: TermOptions,
}

/// Inclusive bounds on publication dates; with either bound, undated articles are out.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DateRange {
    pub(crate) since: Option<NaiveDate>,
    pub(crate) until: Option<NaiveDate>,
}

impl DateRange {
    /// `--since` and `--until`, checked: a range that no date can fall in is a usage error.
    pub(crate) fn new(DateRangeArgs { since, until }: DateRangeArgs) -> Result<Self> {
        if let (Some(since), Some(until)) = (since, until)
            && since > until
        {
            bail!("--since {since} is after --until {until}: no article can match");
        }
        Ok(Self { since, until })
    }

    pub(crate) fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    pub(crate) fn contains(&self, date: Option<NaiveDate>) -> bool {
        match date {
            None => self.is_open(),
            Some(date) => self.since.is_none_or(|s| date >= s) && self.until.is_none_or(|u| date <= u),
        }
    }
}

/// `--stopwords FILE|none`, or the built-in English list without it.
pub(crate) fn stopwords(path: Option<&std::path::Path>) -> Result<Stopwords> {
    Ok(match path {
        None => Stopwords::English,
        Some(path) if path.as_os_str() == "none" => Stopwords::None,
        Some(path) => Stopwords::from_lines(
            &std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the stopword file {}", path.display()))?,
        ),
    })
}

impl StatsConfig {
    /// `top`: what the command shows without `--top`.
    fn from_args(args: &CorpusArgs, top: TopDefault) -> Result<Self> {
        let dates = DateRange::new(args.dates)?;
        let stopwords = stopwords(args.stopwords.as_deref())?;
        Ok(Self {
            format: args.format,
            top: Top::new(args.top, top, args.format == Format::Table),
            dates,
            terms: TermOptions::new().stopwords(stopwords).numbers(!args.no_numbers).stem(args.stem),
        })
    }
}

impl Config {
    pub(crate) fn from_cli(cli: Cli) -> Result<Self> {
        let dedup = dedup_range(&cli.command)?;
        let (command, input) = match cli.command {
            Command::Parse(ParseArgs { input, format }) => (CommandConfig::Parse { format }, input),
            Command::Actors(args) => {
                let table = args.format == Format::Table;
                let config = crate::cmd::actors::ActorsConfig::from_args(&args.common, table)?;
                (CommandConfig::Actors(config, args.format, args.by), args.common.input)
            }
            Command::Quotes(args) => (
                CommandConfig::Quotes(
                    crate::cmd::actors::ActorsConfig::from_args(&args.common, args.format == Format::Table)?,
                    args.format,
                ),
                args.common.input,
            ),
            Command::Network(args) => {
                let table = args.format == crate::args::network::NetworkFormat::Table;
                let config = crate::cmd::actors::ActorsConfig::from_args(&args.common, table)?;
                let network = crate::cmd::network::NetworkConfig::from_args(&args);
                (CommandConfig::Network(config, network), args.common.input)
            }
            Command::Check(CheckArgs { input, format }) => (CommandConfig::Check { format }, input),
            Command::Reuse(args) => {
                (CommandConfig::Reuse(crate::cmd::reuse::ReuseConfig::from_args(&args)?), args.input)
            }
            Command::Report(args) => {
                (CommandConfig::Report(crate::cmd::report::ReportConfig::from_args(&args)?), args.input)
            }
            Command::Stats(StatsArgs { corpus, by }) => {
                (CommandConfig::Stats(StatsConfig::from_args(&corpus, TopDefault::Rows)?, by), corpus.input)
            }
            Command::Terms(TermsArgs { corpus, by }) => {
                (CommandConfig::Terms(StatsConfig::from_args(&corpus, TopDefault::Rows)?, by), corpus.input)
            }
            Command::Ngrams(NgramsArgs { corpus, min_n, max_n, min_count, keep_stopword_edges }) => {
                let stats = StatsConfig::from_args(&corpus, TopDefault::Rows)?;
                let options = NgramOptions::builder()
                    .terms(stats.terms.clone())
                    .sizes(min_n, max_n)
                    .min_count(min_count)
                    .stopword_edges(edges(keep_stopword_edges))
                    .top(stats.top.limit())
                    .build()?;
                (CommandConfig::Ngrams(stats, options), corpus.input)
            }
            Command::Collocations(CollocationsArgs { corpus, measure, min_count, keep_stopword_edges }) => {
                let stats = StatsConfig::from_args(&corpus, TopDefault::Rows)?;
                let options = CollocationOptions::new()
                    .terms(stats.terms.clone())
                    .measure(measure)
                    .min_count(min_count)
                    .stopword_edges(edges(keep_stopword_edges))
                    .top(stats.top.limit());
                (CommandConfig::Collocations(stats, options), corpus.input)
            }
            Command::Topics(TopicsArgs {
                action: Some(TopicsAction::Infer { model, iterations, seed, corpus }),
                ..
            }) => {
                no_top(&corpus, "topics infer", "it lists every article's mixture")?;
                let stats = StatsConfig::from_args(&corpus, TopDefault::All)?;
                (CommandConfig::TopicsInfer(stats, InferConfig { model, iterations, seed }), corpus.input)
            }
            Command::Topics(TopicsArgs { action: None, corpus, model }) => {
                no_top(&corpus, "topics", "it shows every topic, and --words N sets the words shown per topic")?;
                let stats = StatsConfig::from_args(&corpus, TopDefault::All)?;
                // The sampler's shards are part of what makes a run reproducible: one per
                // thread asked for, else one per core.
                let shards = corpus.input.threads.map_or_else(
                    || std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
                    usize::from,
                );
                let mut lda = Lda::builder()
                    .topics(model.k)
                    .iterations(model.iterations)
                    .seed(model.seed)
                    .threads(shards)
                    .alpha(model.alpha)
                    .beta(model.beta)
                    .optimize_interval(model.optimize_interval)
                    .min_df(model.min_df)
                    .max_df(model.max_df);
                if model.optimize_interval.is_some() {
                    lda = lda.burn_in(model.burn_in);
                }
                let topics = TopicsConfig {
                    lda: lda.build()?,
                    iterations: model.iterations,
                    words: model.words.max(1),
                    by: model.by,
                    save_model: model.save_model,
                };
                (CommandConfig::Topics(stats, topics), corpus.input)
            }
            Command::Keyness(KeynessArgs { corpus, target, reference, sort, min_count, no_correction }) => {
                let options = KeynessOptions::new()
                    .sort_by(match sort {
                        KeynessSort::G2 => KeynessMeasure::G2,
                        KeynessSort::Chi2 => KeynessMeasure::Chi2,
                        KeynessSort::LogRatio => KeynessMeasure::LogRatio,
                    })
                    .min_count(min_count)
                    .correction(if no_correction { Correction::None } else { Correction::Yates });
                let keyness = KeynessConfig {
                    target: selection(&target)?,
                    reference: if reference.is_empty() { None } else { Some(selection(&reference)?) },
                    options,
                };
                (CommandConfig::Keyness(StatsConfig::from_args(&corpus, TopDefault::Rows)?, keyness), corpus.input)
            }
            Command::Kwic(KwicArgs { corpus, query, window }) => {
                let stats = StatsConfig::from_args(&corpus, TopDefault::All)?;
                (CommandConfig::Kwic(stats, Query::new(&query)?, window), corpus.input)
            }
            Command::Trends(TrendsArgs { corpus, terms, by, plot }) => {
                let stats = StatsConfig::from_args(&corpus, TopDefault::All)?;
                let terms: Vec<String> = terms.iter().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
                if terms.is_empty() {
                    bail!("--terms needs at least one term");
                }
                (CommandConfig::Trends(stats, TrendsConfig { terms, by, plot }), corpus.input)
            }
            Command::Tfidf(TfidfArgs { corpus, preset, min_df, max_df }) => {
                if preset == Preset::Sklearn && (corpus.stopwords.is_some() || corpus.stem || corpus.no_numbers) {
                    bail!(
                        "--preset sklearn uses scikit-learn's own tokens: --stopwords, --stem and --no-numbers do not apply"
                    );
                }
                let stats = StatsConfig::from_args(&corpus, TopDefault::Rows)?;
                let mut builder = TfIdf::builder().preset(preset);
                builder = match stats.top.limit() {
                    Some(n) => builder.top(n),
                    None => builder.all_terms(),
                };
                if let Some(bound) = min_df {
                    builder = builder.min_df(bound);
                }
                if let Some(bound) = max_df {
                    builder = builder.max_df(bound);
                }
                (CommandConfig::Tfidf(stats, builder.build()?), corpus.input)
            }
        };
        let config = Self { dedup, ..Self::with_input(command, input)? };
        if config.dedup.is_some() && config.inputs.contains(&Input::Stdin) {
            bail!("--dedup reads the articles twice, and standard input can be read only once: save it to a file");
        }
        Ok(config)
    }

    fn with_input(command: CommandConfig, input: InputArgs) -> Result<Self> {
        let output = input.output.filter(|path| path.as_os_str() != "-");
        if command.format() == Format::Parquet && output.is_none() {
            bail!("--format parquet needs an output file (-o FILE): a Parquet file is not for a terminal or a pipe");
        }
        let order = input.date_order.map(|order| match order {
            DateOrderArg::Dmy => DateOrder::Dmy,
            DateOrderArg::Mdy => DateOrder::Mdy,
        });
        let mut parser = ArticleParser::new().reference_date(input.reference_date).date_order(order);
        if let Some(path) = &input.boilerplate {
            let lines = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the boilerplate file {}", path.display()))?;
            parser = parser.boilerplate(lines.lines());
        }
        Ok(Self {
            command,
            inputs: input.paths.into_iter().map(|arg| Input::from_arg(&arg)).collect(),
            parser,
            threads: input.threads.map(usize::from),
            quiet: input.quiet,
            output,
            dedup: None,
        })
    }
}

/// `topics` and `topics infer` take no `--top` (clap still reads it, hidden, so that a user
/// who types it learns why rather than being offered `--topics`). `--top 0`, all rows, is
/// what they show anyway, so scripts that pass it to every command keep working.
fn no_top(corpus: &CorpusArgs, command: &str, why: &str) -> Result<()> {
    if corpus.top.is_some_and(|n| n > 0) {
        bail!("{command} takes no --top: {why}");
    }
    Ok(())
}

/// `--dedup`'s date range (the command's `--since`/`--until`), when it is given.
fn dedup_range(command: &Command) -> Result<Option<DateRange>> {
    let (dedup, dates) = match command {
        Command::Stats(StatsArgs { corpus, .. })
        | Command::Terms(TermsArgs { corpus, .. })
        | Command::Keyness(KeynessArgs { corpus, .. })
        | Command::Kwic(KwicArgs { corpus, .. })
        | Command::Trends(TrendsArgs { corpus, .. })
        | Command::Ngrams(NgramsArgs { corpus, .. })
        | Command::Collocations(CollocationsArgs { corpus, .. })
        | Command::Topics(TopicsArgs { action: Some(TopicsAction::Infer { corpus, .. }), .. })
        | Command::Topics(TopicsArgs { corpus, .. })
        | Command::Tfidf(TfidfArgs { corpus, .. }) => (corpus.dedup.dedup, corpus.dates),
        Command::Actors(args) => (args.common.dedup.dedup, args.common.dates),
        Command::Quotes(args) => (args.common.dedup.dedup, args.common.dates),
        Command::Network(args) => (args.common.dedup.dedup, args.common.dates),
        Command::Report(args) => (args.dedup.dedup, args.dates),
        Command::Reuse(_) | Command::Parse(_) | Command::Check(_) => return Ok(None),
    };
    if !dedup {
        return Ok(None);
    }
    Ok(Some(DateRange::new(dates)?))
}
