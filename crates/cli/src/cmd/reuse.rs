//! `dateline reuse`: pairs of articles sharing text, their aligned passages, story families;
//! and the first pass of `--dedup`, which finds the families the statistics commands count
//! once.
//!
//! Both read the corpus twice: the first pass reports every document and keeps only a small
//! sketch of each article; the finder then asks for the articles of its candidate pairs
//! again, and these are read from their files a second time. Memory grows with the number of
//! files, never with their pairs.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io;
use std::path::Path;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;
use dateline_model::Document;
use dateline_parse::{ArticleParser, CorpusReader, STDIN_PATH};
use dateline_reuse::{
    Family, OptionsError, ReuseDoc, ReuseFinder, ReuseOptions, ReusePair, ReuseReader, ReuseReport, Sketch,
};
use rayon::prelude::*;
use serde_json::{Value, json};

use super::Documents;
use crate::args::reuse::ReuseArgs;
use crate::config::DateRange;
use crate::output::report::{Cell, Column, Report, Streamed, Table};
use crate::output::top::{Top, TopDefault};
use crate::output::{Format, Writer};
use crate::report::Reporter;

/// What `dateline reuse` finds and reports.
#[derive(Debug)]
pub(crate) struct ReuseConfig {
    pub(crate) format: Format,
    /// `--top`: pairs or families shown (20 in tables unless given).
    top: Top,
    dates: DateRange,
    options: ReuseOptions,
    clusters: bool,
}

impl ReuseConfig {
    pub(crate) fn from_args(args: &ReuseArgs) -> Result<Self> {
        let options = ReuseOptions::new()
            .min_jaccard(args.min_jaccard)
            .min_containment(args.min_containment)
            .window_days(args.window)
            .max_df(args.max_df);
        // The library names its settings; the user typed options.
        options.validate().map_err(|err| match err {
            OptionsError::Threshold { name, value } => {
                anyhow!("--{} must be above 0 and at most 1, not {value}", name.replace('_', "-"))
            }
            OptionsError::MaxDf(n) => anyhow!("--max-df must be at least 2 articles, not {n}"),
            other => anyhow!(other),
        })?;
        let top = Top::new(args.top, TopDefault::InTables, args.format == Format::Table);
        Ok(Self { format: args.format, top, dates: DateRange::new(args.dates)?, options, clusters: args.clusters })
    }
}

thread_local! {
    /// One term stream per worker thread: each distinct word is folded and hashed once per
    /// thread, not once per file.
    static READER: RefCell<ReuseReader> = RefCell::new(ReuseReader::new());
}

/// The first pass over a corpus: a sketch of each article in the date range, and what is
/// needed to read it again.
struct Sketched {
    sketches: Vec<Sketch>,
    /// Per sketch, its document's place among all the documents read.
    index: Vec<usize>,
    /// Per sketch, the document itself when its file cannot be opened again by its shown
    /// path (standard input, a name shown escaped).
    held: Vec<Option<ReuseDoc>>,
    /// Every document's path, in order.
    paths: Vec<String>,
    /// Articles left out by the date range.
    outside: usize,
}

/// Reads `documents` once, handing each to `seen` (which reports it), and sketches every
/// article in `dates` on all threads.
fn sketch_corpus<I, F>(documents: I, dates: DateRange, finder: &ReuseFinder, mut seen: F) -> Sketched
where
    I: Iterator<Item = Document> + Send,
    F: FnMut(&Document) + Send,
{
    let mut outside = 0usize;
    let mut paths = Vec::new();
    let articles = documents.enumerate().filter_map(|(index, doc)| {
        seen(&doc);
        paths.push(doc.path.clone());
        let article = doc.article?;
        let date = article.published.as_ref().map(|p| p.date);
        if !dates.contains(date) {
            outside += 1;
            return None;
        }
        Some((index, doc.path, date, article))
    });
    let mut sketched: Vec<(usize, Sketch, Option<ReuseDoc>)> = articles
        .par_bridge()
        .map(|(index, path, date, article)| {
            let doc = READER.with_borrow_mut(|reader| reader.read_dated(path, date, &article));
            let sketch = finder.sketch(&doc);
            (index, sketch, (!can_read_again(&doc.path)).then_some(doc))
        })
        .collect();
    sketched.sort_unstable_by_key(|(index, ..)| *index);
    let mut out = Sketched { sketches: Vec::new(), index: Vec::new(), held: Vec::new(), paths, outside };
    for (index, sketch, held) in sketched {
        out.index.push(index);
        out.sketches.push(sketch);
        out.held.push(held);
    }
    out
}

/// Whether a document's shown path opens its file: not standard input, and not a name the
/// corpus reader had to escape (it shows a backslash, a control character or bytes that are
/// not UTF-8 with a backslash).
fn can_read_again(path: &str) -> bool {
    path != STDIN_PATH && !path.contains('\\')
}

/// The second pass: the finder verifies its candidates, reading their files again.
fn find(sketched: &Sketched, finder: &ReuseFinder, parser: &ArticleParser) -> Result<ReuseReport> {
    let reader = CorpusReader::new(parser.clone());
    finder.find_with(&sketched.sketches, |i| match &sketched.held[i] {
        Some(doc) => Ok(Cow::Borrowed(doc)),
        None => read_again(&reader, &sketched.sketches[i]).map(Cow::Owned),
    })
}

fn read_again(reader: &CorpusReader, sketch: &Sketch) -> Result<ReuseDoc> {
    let doc = reader.read_file(Path::new(&sketch.path));
    let Some(article) = doc.article else {
        let why = doc.diagnostics.first().map_or("it holds no article any more", |d| d.message.as_str());
        bail!("{}: changed while it was being read: {why}", sketch.path);
    };
    Ok(READER.with_borrow_mut(|reader| reader.read_dated(doc.path, sketch.date, &article)))
}

pub(crate) fn run(
    documents: Documents<'_>,
    config: &ReuseConfig,
    parser: &ArticleParser,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let finder = ReuseFinder::new(config.options)?;
    let sketched = sketch_corpus(documents, config.dates, &finder, |doc| reporter.document(doc));
    if sketched.outside > 0 {
        let outside = sketched.outside;
        reporter.note(&format!("{outside} articles outside --since/--until (or undated) were left out"));
    }
    if sketched.sketches.is_empty() {
        reporter.note("no articles to compare");
    }
    let report = find(&sketched, &finder, parser)?;
    let dates: Vec<Option<NaiveDate>> = sketched.sketches.iter().map(|s| s.date).collect();
    let paths: Vec<&str> = sketched.sketches.iter().map(|s| s.path.as_str()).collect();
    let found = Found { report: &report, paths: &paths, dates: &dates, top: config.top };
    if config.clusters {
        out.report(&Families(found))?;
    } else {
        out.streamed(&Pairs::new(found))?;
    }
    Ok(())
}

/// What both reports read: the finder's report, and each sketched article's path and date.
struct Found<'a> {
    report: &'a ReuseReport,
    paths: &'a [&'a str],
    dates: &'a [Option<NaiveDate>],
    top: Top,
}

impl<'a> Found<'a> {
    fn date(&self, doc: usize) -> Option<NaiveDate> {
        self.dates[doc]
    }

    fn caption(&self) -> String {
        let r = self.report;
        format!(
            "{} pairs in {} story families among {} articles ({} candidate pairs verified)",
            r.pairs.len(),
            r.families.len(),
            r.documents,
            r.candidates
        )
    }

    /// The note under a table cut short by `--top`.
    fn more(&self, rows: usize, what: &str) -> Option<String> {
        let shown = self.top.shown(rows);
        (shown < rows).then(|| format!("{} more {what} not shown (--top 0 shows all)", rows - shown))
    }

    /// The pairs shown: most similar first (Jaccard, then containment), then in the finder's
    /// order (by `a`'s date and path), the same in every format, cut to `--top`.
    fn pairs(&self) -> Vec<&'a ReusePair> {
        let mut pairs: Vec<&'a ReusePair> = self.report.pairs.iter().collect();
        pairs.sort_by(|p, q| q.jaccard.total_cmp(&p.jaccard).then(q.containment.total_cmp(&p.containment)));
        self.top.keep(&mut pairs);
        pairs
    }

    /// The families shown, in the finder's order, cut to `--top`.
    fn families(&self) -> &[Family] {
        let families = &self.report.families;
        &families[..self.top.shown(families.len())]
    }
}

/// `[[a_start, a_end], [b_start, b_end]]` per passage, as `a` and `b`.
fn passages_json(pair: &ReusePair) -> Value {
    pair.passages.iter().map(|p| json!({ "a": p.a, "b": p.b })).collect()
}

/// One object per pair, as DESIGN.md's contract names them. With `--top 0` on a large corpus
/// there are many pairs, each with its passages: rows are made as they are written, from the
/// finder's report, never held all at once as cells or JSON.
struct Pairs<'a> {
    found: Found<'a>,
    /// The pairs shown, in their order.
    shown: Vec<&'a ReusePair>,
}

impl<'a> Pairs<'a> {
    fn new(found: Found<'a>) -> Self {
        let shown = found.pairs();
        Self { found, shown }
    }
}

impl Streamed for Pairs<'_> {
    fn frame(&self) -> Table {
        let f = &self.found;
        let columns = vec![
            Column::text("a"),
            Column::date("a date").nullable(),
            Column::text("b"),
            Column::date("b date").nullable(),
            Column::float("jaccard"),
            Column::float("containment"),
            Column::int("passages"),
        ];
        Table::new(columns, Vec::new()).caption(f.caption()).note(f.more(f.report.pairs.len(), "pairs"))
    }

    fn each_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        let f = &self.found;
        self.shown.iter().try_for_each(|p| {
            row(vec![
                f.paths[p.a].into(),
                f.date(p.a).into(),
                f.paths[p.b].into(),
                f.date(p.b).into(),
                p.jaccard.into(),
                p.containment.into(),
                p.passages.len().into(),
            ])
        })
    }

    /// Every pair, a row each; passages as `a_start-a_end:b_start-b_end`, separated by `;`.
    fn csv_frame(&self) -> Table {
        let columns = vec![
            Column::text("a"),
            Column::text("b"),
            Column::date("a_date").nullable(),
            Column::date("b_date").nullable(),
            Column::float("jaccard"),
            Column::float("containment"),
            Column::int("shared"),
            Column::float("a_reused"),
            Column::float("b_reused"),
            Column::list("passages", ";"),
        ];
        Table::new(columns, Vec::new())
    }

    fn each_csv_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        let f = &self.found;
        self.shown.iter().try_for_each(|p| {
            let passages: Vec<String> =
                p.passages.iter().map(|s| format!("{}-{}:{}-{}", s.a.start, s.a.end, s.b.start, s.b.end)).collect();
            row(vec![
                f.paths[p.a].into(),
                f.paths[p.b].into(),
                f.date(p.a).into(),
                f.date(p.b).into(),
                p.jaccard.into(),
                p.containment.into(),
                p.shared.into(),
                p.a_reused.into(),
                p.b_reused.into(),
                Cell::List(passages),
            ])
        })
    }

    fn each_json(&self, item: &mut dyn FnMut(Value) -> io::Result<()>) -> io::Result<()> {
        let f = &self.found;
        self.shown.iter().try_for_each(|p| {
            item(json!({
                "a": f.paths[p.a],
                "b": f.paths[p.b],
                "a_date": f.date(p.a),
                "b_date": f.date(p.b),
                "jaccard": p.jaccard,
                "containment": p.containment,
                "shared": p.shared,
                "a_shingles": p.a_shingles,
                "b_shingles": p.b_shingles,
                "a_reused": p.a_reused,
                "b_reused": p.b_reused,
                "passages": passages_json(p),
            }))
        })
    }
}

/// One object per story family: `cluster` (numbered from 1, in the order of their first
/// sources' dates), `paths` (the first source first), `first`.
struct Families<'a>(Found<'a>);

impl Report for Families<'_> {
    fn tables(&self) -> Vec<Table> {
        let f = &self.0;
        let rows = f
            .families()
            .iter()
            .enumerate()
            .map(|(i, family)| {
                let others: Vec<&str> =
                    family.members.iter().filter(|&&m| m != family.first).map(|&m| f.paths[m]).collect();
                let shown = others.iter().take(3).copied().collect::<Vec<_>>().join(", ");
                let others = match others.len() {
                    0..=3 => shown,
                    n => format!("{shown} and {} more", n - 3),
                };
                vec![
                    (i + 1).into(),
                    family.members.len().into(),
                    f.paths[family.first].into(),
                    f.date(family.first).into(),
                    others.into(),
                ]
            })
            .collect();
        let columns = vec![
            Column::int("cluster"),
            Column::int("articles"),
            Column::text("first"),
            Column::date("first date").nullable(),
            Column::text("others"),
        ];
        vec![Table::new(columns, rows).caption(f.caption()).note(f.more(f.report.families.len(), "families"))]
    }

    /// A row per member of every family shown: tidy, for spreadsheets and data frames.
    fn csv(&self) -> Table {
        let f = &self.0;
        let rows = f
            .families()
            .iter()
            .enumerate()
            .flat_map(|(i, family)| {
                family.members.iter().map(move |&m| {
                    vec![
                        (i + 1).into(),
                        f.paths[m].into(),
                        f.date(m).into(),
                        Cell::Text(if m == family.first { "true" } else { "false" }.to_owned()),
                    ]
                })
            })
            .collect();
        let columns =
            vec![Column::int("cluster"), Column::text("path"), Column::date("date").nullable(), Column::text("first")];
        Table::new(columns, rows)
    }

    fn json(&self) -> Value {
        let f = &self.0;
        f.families()
            .iter()
            .enumerate()
            .map(|(i, family)| {
                let paths: Vec<&str> = family.members.iter().map(|&m| f.paths[m]).collect();
                json!({
                    "cluster": i + 1,
                    "paths": paths,
                    "first": f.paths[family.first],
                    "first_date": f.date(family.first),
                })
            })
            .collect()
    }
}

/// What `--dedup`'s first pass decided: per document read, whether it is counted.
pub(crate) struct Dedup {
    /// Per document, in the order the corpus reader gives them: false for a later copy.
    pub(crate) keep: Vec<bool>,
    /// Per document, its path, to tell that the second pass reads the same corpus.
    pub(crate) paths: Vec<String>,
    pub(crate) dropped: usize,
    pub(crate) families: usize,
}

impl Dedup {
    /// The line `--dedup` adds under tables and on stderr.
    pub(crate) fn note(&self) -> String {
        let (dropped, families) = (self.dropped, self.families);
        let copies = if dropped == 1 { "copy" } else { "copies" };
        let family = if families == 1 { "family" } else { "families" };
        format!(
            "--dedup: {dropped} later {copies} left out; the earliest article of each of {families} story {family} counted"
        )
    }
}

/// `--dedup`'s first pass: the story families among the articles in `dates`, with the default
/// thresholds of `dateline reuse`. Documents are not reported here; the second pass, which
/// counts, reports each one once.
pub(crate) fn dedup(documents: Documents<'_>, dates: DateRange, parser: &ArticleParser) -> Result<Dedup> {
    let finder = ReuseFinder::new(ReuseOptions::new())?;
    let sketched = sketch_corpus(documents, dates, &finder, |_| {});
    let report = find(&sketched, &finder, parser)?;
    let mut keep = vec![true; sketched.paths.len()];
    let mut dropped = 0;
    for (sketch, kept) in report.dedup_keep().into_iter().enumerate() {
        if !kept {
            keep[sketched.index[sketch]] = false;
            dropped += 1;
        }
    }
    Ok(Dedup { keep, paths: sketched.paths, dropped, families: report.families.len() })
}
