//! `dateline topics`: LDA topics with labels, coherence, shares over time and representative
//! articles; `dateline topics infer`: mixtures of new articles under a saved model.

use std::io::IsTerminal;
use std::path::Path;

use crate::cmd::Documents;
use anyhow::{Context, Result};
use dateline_analyze::topic_stats::{RepresentativeRow, TopicShareRow};
use dateline_analyze::topics::{DocumentTopics, LdaModel, ReportOptions, TopicsReport};
use dateline_analyze::{DocMeta, count_parallel};
use dateline_model::Article;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};

use crate::atomic::AtomicFile;
use crate::config::{InferConfig, StatsConfig, TopicsConfig};
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

/// Representative articles listed per topic.
const REPRESENTATIVE: usize = 3;

struct TopicsTable(TopicsReport);

impl Report for TopicsTable {
    fn tables(&self) -> Vec<Table> {
        let rows = self
            .0
            .topics
            .iter()
            .map(|t| {
                let words: Vec<String> = t.words.iter().map(|w| w.term.clone()).collect();
                vec![t.id.into(), t.label.as_str().into(), t.share.into(), t.umass.into(), t.npmi.into(), words.into()]
            })
            .collect();
        let note = self
            .0
            .log_likelihood
            .last()
            .map(|last| format!("log-likelihood after {} sweeps: {:.4} per token", last.iteration, last.per_token));
        vec![
            Table::new(
                vec![
                    Column::int("id"),
                    Column::text("label"),
                    Column::float("share"),
                    Column::float("umass"),
                    Column::float("npmi"),
                    Column::list("words", " "),
                ],
                rows,
            ),
            shares_table(&self.0.shares),
            representative_table(&self.0.representative).note(note),
        ]
    }

    fn json(&self) -> Value {
        json!(self.0)
    }

    /// One line per topic.
    fn json_lines(&self) -> Vec<Value> {
        self.0.topics.iter().map(|t| json!(t)).collect()
    }
}

/// Each topic's share of each period.
fn shares_table(shares: &[TopicShareRow]) -> Table {
    let rows = shares
        .iter()
        .map(|r| vec![r.period.to_string().into(), r.topic.into(), r.share.into(), r.documents.into()])
        .collect();
    let columns = vec![Column::text("period"), Column::int("topic"), Column::float("share"), Column::int("documents")];
    Table::new(columns, rows)
}

/// Each topic's most representative articles.
fn representative_table(representative: &[RepresentativeRow]) -> Table {
    let rows = representative
        .iter()
        .map(|r| vec![r.topic.into(), r.rank.into(), r.weight.into(), r.path.as_str().into()])
        .collect();
    Table::new(vec![Column::int("topic"), Column::int("rank"), Column::float("weight"), Column::text("path")], rows)
}

fn training_progress(iterations: u32) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(u64::from(iterations));
    bar.set_style(
        ProgressStyle::with_template("training {bar:30} {pos}/{len} sweeps, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

fn save(model: &LdaModel, path: &Path) -> Result<()> {
    // A failed or interrupted run leaves no half-written model.
    AtomicFile::create(path)
        .map_err(anyhow::Error::from)
        .and_then(|mut file| {
            model.save(&mut file)?;
            Ok(file.commit()?)
        })
        .with_context(|| format!("cannot save the model to {}", path.display()))
}

pub(crate) fn train(
    documents: Documents<'_>,
    stats: &StatsConfig,
    config: &TopicsConfig,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    // Coherence and labels read the articles again, so they are kept.
    let articles: Vec<(DocMeta, Article)> =
        super::corpus::with_articles(documents, stats, reporter, |articles| articles.collect());
    let counts = count_parallel(&stats.terms, articles.iter().cloned());
    let mut trainer = config.lda.trainer(&counts)?;
    let progress = training_progress(config.iterations);
    while !trainer.is_done() {
        trainer.sweep();
        progress.inc(1);
    }
    progress.finish_and_clear();
    let model = trainer.into_model();
    if let Some(path) = &config.save_model {
        save(&model, path)?;
        reporter.note(&format!("model saved to {}", path.display()));
    }
    let options = ReportOptions::new().words(config.words).by(config.by).representatives(REPRESENTATIVE);
    let result = TopicsTable(TopicsReport::describe(&model, &counts, articles.iter().cloned(), &options)?);
    out.report(&result)?;
    Ok(())
}

struct Mixtures(Vec<DocumentTopics>);

impl Report for Mixtures {
    fn tables(&self) -> Vec<Table> {
        let k = self.0.first().map_or(0, |d| d.weights.len());
        let columns: Vec<Column> =
            std::iter::once(Column::text("path")).chain((0..k).map(|t| Column::float(format!("topic_{t}")))).collect();
        let rows = self
            .0
            .iter()
            .map(|d| {
                let mut cells = vec![d.path.as_str().into()];
                cells.extend(d.weights.iter().map(|&w| w.into()));
                cells
            })
            .collect();
        vec![Table::new(columns, rows)]
    }

    fn json(&self) -> Value {
        json!({ "documents": self.0 })
    }

    fn json_lines(&self) -> Vec<Value> {
        self.0.iter().map(|d| json!(d)).collect()
    }
}

pub(crate) fn infer(
    documents: Documents<'_>,
    stats: &StatsConfig,
    config: &InferConfig,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let file = std::fs::File::open(&config.model)
        .with_context(|| format!("cannot open the model {}", config.model.display()))?;
    let model = LdaModel::load(file).with_context(|| format!("cannot read the model {}", config.model.display()))?;
    let counts = super::corpus::count(documents, stats, reporter);
    let theta = model.infer(&counts, config.iterations, config.seed);
    let rows = DocumentTopics::of_each(&counts, theta);
    out.report(&Mixtures(rows))?;
    Ok(())
}
