//! One module per command. Each reads documents, writes its output to stdout (or the
//! `--output` file), and reports diagnostics through the [`Reporter`].

pub(crate) mod actors;
mod check;
mod collocations;
mod corpus;
mod keyness;
mod kwic;
pub(crate) mod network;
mod ngrams;
mod parse;
mod quotes;
pub(crate) mod report;
pub(crate) mod reuse;
mod stats;
mod terms;
mod tfidf;
mod topics;
mod trends;

use std::fs::File;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use dateline_model::Document;
use dateline_parse::CorpusReader;

use crate::atomic::AtomicFile;
use crate::config::{CommandConfig, Config};
use crate::output;
use crate::output::report::{Cell, Report, Streamed, Table};
use crate::report::{Reporter, Status};

pub(crate) fn run(config: &Config) -> Result<Status> {
    if let Some(threads) = config.threads {
        rayon::ThreadPoolBuilder::new().num_threads(threads).build_global().context("cannot start worker threads")?;
    }
    // Opened first, so a bad --output fails before any work.
    let mut output = Output::open(config.output.as_deref())?;
    let mut reader = CorpusReader::new(config.parser.clone());
    if let Some(temp) = output.temp_path() {
        // The output may be inside a folder being read; it is not an article.
        reader = reader.exclude(temp).context("cannot write the output")?;
    }
    // --dedup: a first pass finds the story families; the second, below, counts the earliest
    // article of each and every article in none.
    let dedup = match config.dedup {
        Some(dates) => {
            Some(reuse::dedup(Documents::all(reader.documents(config.inputs.clone())), dates, &config.parser)?)
        }
        None => None,
    };
    let changed = Arc::new(AtomicBool::new(false));
    let mut reporter = Reporter::new(config.quiet);
    let documents = match &dedup {
        Some(dedup) => {
            reporter.note(&dedup.note());
            Documents::deduplicated(reader.documents(config.inputs.clone()), dedup, Arc::clone(&changed))
        }
        None => Documents::all(reader.documents(config.inputs.clone())),
    };
    let write_error = output.write_error();
    let mut buffered = BufWriter::with_capacity(1 << 16, &mut output);
    let result = if let CommandConfig::Network(actors, network) = &config.command
        && network.is_graph()
    {
        network::write_graph(documents, actors, network, &mut buffered, &mut reporter)
    } else if let CommandConfig::Report(report) = &config.command {
        report::write(documents, report, dedup.as_ref().map(|d| d.dropped), &mut buffered, &mut reporter)
    } else {
        let note = dedup.as_ref().map(reuse::Dedup::note);
        run_writer(config, documents, note.as_deref(), &mut buffered, &mut reporter)
    };
    result.map_err(|err| if is_write_error(&err) { err.context(write_error.clone()) } else { err })?;
    if changed.load(Ordering::Relaxed) {
        bail!(
            "the files changed between --dedup's two readings of them, so other files than its copies may have been left out: run it again"
        );
    }
    buffered.flush().map_err(|err| anyhow::Error::from(err).context(write_error))?;
    drop(buffered);
    output.commit()?;
    Ok(reporter.finish().status())
}

/// Runs the command through the output layer's writer of its format.
fn run_writer(
    config: &Config,
    documents: Documents<'_>,
    note: Option<&str>,
    buffered: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    let mut writer = output::writer(config.command.format(), buffered, &config.parser);
    if let Some(note) = note {
        writer = Box::new(Noted { writer, note });
    }
    let out = &mut *writer;
    let reporter = &mut *reporter;
    match &config.command {
        CommandConfig::Actors(actors, _, by) => {
            let lines = config.command.format() == output::Format::Jsonl;
            actors::run(documents, actors, *by, lines, out, reporter)
        }
        CommandConfig::Quotes(actors, _) => quotes::run(documents, actors, out, reporter),
        CommandConfig::Network(actors, network) => network::run(documents, actors, network, out, reporter),
        CommandConfig::Parse { .. } => parse::run(documents, out, reporter),
        CommandConfig::Check { .. } => check::run(documents, out, reporter),
        CommandConfig::Stats(stats, by) => stats::run(documents, stats, *by, out, reporter),
        CommandConfig::Terms(stats, by) => terms::run(documents, stats, *by, out, reporter),
        CommandConfig::Ngrams(stats, options) => ngrams::run(documents, stats, options, out, reporter),
        CommandConfig::Collocations(stats, options) => collocations::run(documents, stats, options, out, reporter),
        CommandConfig::Topics(stats, topics) => topics::train(documents, stats, topics, out, reporter),
        CommandConfig::TopicsInfer(stats, infer) => topics::infer(documents, stats, infer, out, reporter),
        CommandConfig::Keyness(stats, keyness) => keyness::run(documents, stats, keyness, out, reporter),
        CommandConfig::Kwic(stats, query, window) => kwic::run(documents, stats, query, *window, out, reporter),
        CommandConfig::Trends(stats, trends) => trends::run(documents, stats, trends, out, reporter),
        CommandConfig::Tfidf(stats, tfidf) => tfidf::run(documents, stats, tfidf, out, reporter),
        CommandConfig::Reuse(reuse) => reuse::run(documents, reuse, &config.parser, out, reporter),
        // Written by `report::write` in `run`, never through a table writer.
        CommandConfig::Report(_) => Err(anyhow::anyhow!("the report is an HTML file, not a table")),
    }
    .and_then(|()| writer.finish().map_err(Into::into))
}

/// The documents a command reads: all of them, or with `--dedup` the later copies of each
/// story family turned into documents without an article, so that their diagnostics are still
/// reported (every file accounted for) and nothing of them is counted.
pub(crate) struct Documents<'r> {
    documents: dateline_parse::Documents<'r>,
    /// `--dedup`'s decision per document, and each one's path as the first pass read it.
    dedup: Option<(&'r [bool], &'r [String])>,
    index: usize,
    /// Set when the second pass meets another file than the first met at the same place.
    changed: Option<Arc<AtomicBool>>,
}

impl<'r> Documents<'r> {
    pub(crate) fn all(documents: dateline_parse::Documents<'r>) -> Self {
        Self { documents, dedup: None, index: 0, changed: None }
    }

    fn deduplicated(
        documents: dateline_parse::Documents<'r>,
        dedup: &'r reuse::Dedup,
        changed: Arc<AtomicBool>,
    ) -> Self {
        Self { documents, dedup: Some((&dedup.keep, &dedup.paths)), index: 0, changed: Some(changed) }
    }
}

impl Iterator for Documents<'_> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let mut doc = self.documents.next()?;
        if let Some((keep, paths)) = self.dedup {
            let index = self.index;
            if paths.get(index) != Some(&doc.path) {
                if let Some(changed) = &self.changed {
                    changed.store(true, Ordering::Relaxed);
                }
            } else if !keep[index] {
                doc.article = None;
            }
        }
        self.index += 1;
        Some(doc)
    }
}

/// A writer whose tables carry one more line under the last of them (`--dedup`'s count); the
/// JSON, JSON lines and CSV stay as the command writes them.
struct Noted<'w> {
    writer: Box<dyn output::Writer + 'w>,
    note: &'w str,
}

impl output::Writer for Noted<'_> {
    fn report(&mut self, report: &dyn Report) -> io::Result<()> {
        self.writer.report(&WithNote { report, note: self.note })
    }

    fn document(&mut self, doc: &Document) -> io::Result<()> {
        self.writer.document(doc)
    }

    fn streamed(&mut self, report: &dyn Streamed) -> io::Result<()> {
        self.writer.streamed(&StreamedWithNote { report, note: self.note })
    }

    fn finish(&mut self) -> io::Result<()> {
        self.writer.finish()
    }
}

/// A note under the table, as [`WithNote`] for reports held whole.
fn add_note(table: &mut Table, note: &str) {
    table.note = Some(match table.note.take() {
        Some(old) => format!("{old}\n{note}"),
        None => note.to_owned(),
    });
}

struct StreamedWithNote<'a> {
    report: &'a dyn Streamed,
    note: &'a str,
}

impl Streamed for StreamedWithNote<'_> {
    fn frame(&self) -> Table {
        let mut frame = self.report.frame();
        add_note(&mut frame, self.note);
        frame
    }

    fn each_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        self.report.each_row(row)
    }

    fn each_json(&self, item: &mut dyn FnMut(serde_json::Value) -> io::Result<()>) -> io::Result<()> {
        self.report.each_json(item)
    }
}

struct WithNote<'a> {
    report: &'a dyn Report,
    note: &'a str,
}

impl Report for WithNote<'_> {
    fn tables(&self) -> Vec<Table> {
        let mut tables = self.report.tables();
        if let Some(last) = tables.last_mut() {
            add_note(last, self.note);
        }
        tables
    }

    fn csv(&self) -> Table {
        self.report.csv()
    }

    fn json(&self) -> serde_json::Value {
        self.report.json()
    }

    fn json_lines(&self) -> Vec<serde_json::Value> {
        self.report.json_lines()
    }
}

/// Where a command's output goes.
enum Output {
    Stdout(StdoutLock<'static>),
    /// `--output FILE`: written whole, or not at all.
    File(AtomicFile),
    /// `--output` naming something other than a regular file or a folder, such as
    /// `/dev/null` or a FIFO: written to as it is, as a shell's `>` would.
    Special(File, PathBuf),
}

impl Output {
    fn open(path: Option<&Path>) -> Result<Self> {
        let Some(path) = path else { return Ok(Self::Stdout(io::stdout().lock())) };
        let context = || format!("cannot write the output to {}", path.display());
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => Err(anyhow::anyhow!("it is a folder")).with_context(context),
            Ok(meta) if !meta.is_file() => {
                let file = std::fs::OpenOptions::new().write(true).open(path).with_context(context)?;
                Ok(Self::Special(file, path.to_owned()))
            }
            _ => Ok(Self::File(AtomicFile::create(path).with_context(context)?)),
        }
    }

    /// The temporary file being written, if any.
    fn temp_path(&self) -> Option<&Path> {
        match self {
            Self::File(file) => file.temp_path(),
            Self::Stdout(_) | Self::Special(..) => None,
        }
    }

    /// What a failed write says.
    fn write_error(&self) -> String {
        match self {
            Self::Stdout(_) => "cannot write the output".to_owned(),
            Self::File(file) => format!("cannot write the output to {}", file.path().display()),
            Self::Special(_, path) => format!("cannot write the output to {}", path.display()),
        }
    }

    /// Puts the written file in place.
    fn commit(self) -> Result<()> {
        match self {
            Self::File(file) => {
                let path = file.path().to_owned();
                file.commit().with_context(|| format!("cannot write the output to {}", path.display()))
            }
            Self::Stdout(_) | Self::Special(..) => Ok(()),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(out) => out.write(buf),
            Self::File(file) => file.write(buf),
            Self::Special(file, _) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(out) => out.flush(),
            Self::File(file) => file.flush(),
            Self::Special(file, _) => file.flush(),
        }
    }
}

/// Whether an error came straight from writing the output (stdout closed or full), rather
/// than from the work itself, which says what went wrong on its own.
fn is_write_error(err: &anyhow::Error) -> bool {
    err.chain().next().is_some_and(|outermost| {
        outermost.is::<std::io::Error>() || outermost.is::<serde_json::Error>() || outermost.is::<csv::Error>()
    })
}
