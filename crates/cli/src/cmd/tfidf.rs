//! `dateline tfidf`: each article's most distinctive terms.
//!
//! The output has a row per article (more with `--top 0`), so rows are weighted as they are
//! written, a batch of articles at a time, from the compact counts: the weighted rows of a
//! whole corpus are never held, in any format (they once peaked at several times the corpus).

use std::io;

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::{Counts, TfIdf, TfIdfRow, Weighting};
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Cell, Column, Streamed, Table};
use crate::report::Reporter;

/// Articles weighted together, in parallel, before their rows are written in order: enough
/// to keep the threads busy, few enough that their rows take little memory.
const BATCH: usize = 256;

struct TfIdfRows<'c> {
    counts: &'c Counts,
    weighting: Weighting<'c>,
    preset: dateline_analyze::Preset,
}

impl TfIdfRows<'_> {
    /// Hands each article's row to `each`, in input order.
    fn each(&self, each: &mut dyn FnMut(TfIdfRow) -> io::Result<()>) -> io::Result<()> {
        for batch in self.counts.docs.chunks(BATCH) {
            let rows: Vec<TfIdfRow> = batch.par_iter().map(|doc| self.weighting.row(doc)).collect();
            rows.into_iter().try_for_each(&mut *each)?;
        }
        Ok(())
    }
}

impl Streamed for TfIdfRows<'_> {
    fn frame(&self) -> Table {
        let caption = format!("TF-IDF ({} preset) over {} articles", self.preset, self.weighting.documents());
        Table::new(
            vec![Column::text("path"), Column::int("rank"), Column::text("term"), Column::float("score")],
            Vec::new(),
        )
        .caption(caption)
    }

    fn each_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        self.each(&mut |doc| {
            doc.terms.iter().enumerate().try_for_each(|(i, term)| {
                row(vec![doc.path.as_str().into(), (i + 1).into(), term.term.as_str().into(), term.score.into()])
            })
        })
    }

    /// The rows: `path` and `terms` (each `term`, `score`), per DESIGN.md.
    fn each_json(&self, item: &mut dyn FnMut(Value) -> io::Result<()>) -> io::Result<()> {
        self.each(&mut |doc| item(json!(doc)))
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    tfidf: &TfIdf,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let counts =
        super::corpus::with_articles(documents, stats, reporter, |articles| tfidf.count(&stats.terms, articles));
    let weighting = tfidf.weighting(&counts)?;
    out.streamed(&TfIdfRows { counts: &counts, weighting, preset: tfidf.preset() })?;
    Ok(())
}
