//! Trends: how often given terms occur in each period, and a line chart of it.
//!
//! Each term is counted per period ([`Period`]) as raw occurrences and as a rate per 10,000
//! tokens, where the tokens are all the word and number tokens of the period's articles,
//! stopwords included (the same base as the term tables' `rate`). Every period from the first
//! dated one to the last is listed, those without articles with zero counts (unless that would
//! be more than [`MAX_FILLED_PERIODS`]), so that a chart's time axis is even. Undated articles
//! form a last `undated` period in the table; the chart leaves it out, as it has no place on
//! a time axis.
//!
//! # Example
//!
//! ```
//! use dateline_analyze::period::Period;
//! use dateline_analyze::trends::{ChartOptions, trends, write_svg};
//! use dateline_analyze::{DocMeta, TermOptions, count_parallel};
//!
//! let texts = [("2024-01-10", "Gaza aid talks."), ("2024-03-02", "Gaza talks resume. Caspian port.")];
//! let docs = texts.iter().map(|&(date, text)| {
//!     let article = dateline_parse::parse_article(&format!(" date {date} {text}")).unwrap();
//!     (DocMeta { path: format!("{date}.txt"), date: article.published.as_ref().map(|p| p.date) }, article)
//! });
//! let options = TermOptions::new();
//! let counts = count_parallel(&options, docs);
//! let report = trends(&counts, &["gaza", "caspian"], Period::Month);
//! let periods: Vec<String> = report.periods.iter().map(|p| p.period.to_string()).collect();
//! assert_eq!(periods, ["2024-01", "2024-02", "2024-03"]);
//! assert_eq!(report.rows[0].count, 1); // gaza in 2024-01
//! let mut svg = Vec::new();
//! write_svg(&report, &ChartOptions::new(), &mut svg)?;
//! assert!(String::from_utf8(svg).unwrap().contains("Caspian"));
//! # Ok::<(), dateline_analyze::trends::ChartError>(())
//! ```

use std::io::{self, Write};
use std::path::Path;

use plotters::prelude::*;
use serde::Serialize;

use crate::counts::Counts;
use crate::frequency::per_10k;
use crate::period::{Period, PeriodKey, PeriodTotal, fill_gaps};
use dateline_text::TermId;

/// Above this many periods between the first and the last dated article, only periods that
/// hold an article are listed.
pub const MAX_FILLED_PERIODS: usize = 10_000;

/// A term asked for, and what it was counted as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrendTerm {
    /// The term as given.
    pub query: String,
    /// How it is labelled: the display form of the counted term (`Gaza`), or the query when
    /// the term never occurs (or is a stopword).
    pub label: String,
    /// Occurrences over the whole corpus.
    pub total: u64,
}

/// One term in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendRow {
    /// The period (`2024-09`, `undated`).
    pub period: PeriodKey,
    /// The term's label ([`TrendTerm::label`]).
    pub term: String,
    /// Occurrences in the period.
    pub count: u64,
    /// Word and number tokens in the period, stopwords included.
    pub tokens: u64,
    /// Occurrences per 10,000 of those tokens; 0 when the period has none.
    pub rate: f64,
}

/// Counts of given terms per period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trends {
    /// The period length.
    pub by: Period,
    /// The terms, in the order given.
    pub terms: Vec<TrendTerm>,
    /// The periods in order, `undated` last if there are undated articles.
    pub periods: Vec<PeriodTotal>,
    /// One row per period and term: periods in order, terms in the order given within each.
    pub rows: Vec<TrendRow>,
}

impl Trends {
    /// The rows of term number `term` (in [`Trends::terms`]), one per period, in period order.
    pub fn series(&self, term: usize) -> impl Iterator<Item = &TrendRow> {
        let n = self.terms.len();
        self.rows.iter().skip(term).step_by(n.max(1)).take(if term < n { usize::MAX } else { 0 })
    }
}

/// Counts `terms` per `by` period. Each term is read the way counting read the text, with the
/// options the counts keep (case-folded, possessive off, stemmed if they stem).
#[must_use]
pub fn trends<S: AsRef<str>>(counts: &Counts, terms: &[S], by: Period) -> Trends {
    let ids: Vec<Option<TermId>> =
        terms.iter().map(|t| counts.options.term_of_word(t.as_ref()).and_then(|term| counts.vocab.id(&term))).collect();
    let trend_terms: Vec<TrendTerm> = terms
        .iter()
        .zip(&ids)
        .map(|(query, id)| {
            let query = query.as_ref().trim().to_owned();
            let label = id.map_or_else(|| query.clone(), |id| counts.vocab.display(id).to_owned());
            TrendTerm { total: id.map_or(0, |id| counts.term_freq[id as usize]), query, label }
        })
        .collect();

    let mut groups: std::collections::BTreeMap<PeriodKey, (PeriodTotal, Vec<u64>)> = std::collections::BTreeMap::new();
    for doc in &counts.docs {
        let key = by.key(doc.meta.date);
        let (total, found) = groups
            .entry(key)
            .or_insert_with(|| (PeriodTotal { period: key, documents: 0, tokens: 0 }, vec![0; ids.len()]));
        total.documents += 1;
        total.tokens += doc.tokens;
        for (slot, id) in found.iter_mut().zip(&ids) {
            if let Some(id) = id
                && let Ok(at) = doc.terms.binary_search_by_key(id, |&(term, _)| term)
            {
                *slot += u64::from(doc.terms[at].1);
            }
        }
    }
    let dated: Vec<PeriodKey> = groups.keys().copied().filter(|k| *k != PeriodKey::Undated).collect();
    if let (Some(&first), Some(&last)) = (dated.first(), dated.last())
        && let Some(all) = fill_gaps(first, last, MAX_FILLED_PERIODS)
    {
        for key in all {
            groups
                .entry(key)
                .or_insert_with(|| (PeriodTotal { period: key, documents: 0, tokens: 0 }, vec![0; ids.len()]));
        }
    }

    let mut periods = Vec::with_capacity(groups.len());
    let mut rows = Vec::with_capacity(groups.len() * ids.len());
    for (_, (total, found)) in groups {
        for (term, count) in trend_terms.iter().zip(found) {
            rows.push(TrendRow {
                period: total.period,
                term: term.label.clone(),
                count,
                tokens: total.tokens,
                rate: per_10k(count, total.tokens),
            });
        }
        periods.push(total);
    }
    Trends { by, terms: trend_terms, periods, rows }
}

/// What a chart plots on its vertical axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ChartValue {
    /// Occurrences per 10,000 tokens, which compares periods of different sizes; the default.
    #[default]
    Rate,
    /// Raw occurrences.
    Count,
}

/// How a trend chart looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartOptions {
    width: u32,
    height: u32,
    value: ChartValue,
    title: Option<String>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ChartOptions {
    /// 960 × 540 pixels, rates per 10,000 tokens, no title.
    #[must_use]
    pub const fn new() -> Self {
        Self { width: 960, height: 540, value: ChartValue::Rate, title: None }
    }

    /// The image size in pixels.
    #[must_use]
    pub const fn size(mut self, width: u32, height: u32) -> Self {
        self.width = width;
        self.height = height;
        self
    }

    /// What the vertical axis shows.
    #[must_use]
    pub const fn value(mut self, value: ChartValue) -> Self {
        self.value = value;
        self
    }

    /// A title above the chart.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// Why a chart could not be drawn or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ChartError {
    /// No dated period or no term: nothing to draw.
    #[error("nothing to plot: the chart needs at least one term and one dated period")]
    Empty,
    /// The plotting library failed.
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    /// Writing the SVG failed.
    #[error("cannot write the chart: {0}")]
    Io(#[from] io::Error),
}

/// Renders `trends` as an SVG line chart: one line per term over the dated periods, with axes
/// and a legend.
///
/// # Errors
///
/// [`ChartError::Empty`] when there is no term or no dated period; [`ChartError::Draw`] if
/// plotting fails.
pub fn render_svg(trends: &Trends, options: &ChartOptions) -> Result<String, ChartError> {
    let periods: Vec<PeriodKey> =
        trends.periods.iter().map(|p| p.period).filter(|k| *k != PeriodKey::Undated).collect();
    if periods.is_empty() || trends.terms.is_empty() {
        return Err(ChartError::Empty);
    }
    let value = |row: &TrendRow| match options.value {
        #[allow(clippy::cast_precision_loss, reason = "counts are far below 2^52")]
        ChartValue::Count => row.count as f64,
        ChartValue::Rate => row.rate,
    };
    let series: Vec<Vec<(u32, f64)>> = (0..trends.terms.len())
        .map(|term| {
            trends
                .series(term)
                .filter(|row| row.period != PeriodKey::Undated)
                .zip(0u32..)
                .map(|(row, x)| (x, value(row)))
                .collect()
        })
        .collect();
    let y_max = series.iter().flatten().map(|&(_, y)| y).fold(0.0, f64::max);
    let y_max = if y_max > 0.0 { y_max * 1.1 } else { 1.0 };
    let x_max = u32::try_from(periods.len() - 1).unwrap_or(u32::MAX).max(1);
    let y_desc = match options.value {
        ChartValue::Rate => "per 10,000 tokens",
        ChartValue::Count => "occurrences",
    };
    let draw = |e: &dyn std::fmt::Display| ChartError::Draw(e.to_string());

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (options.width, options.height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| draw(&e))?;
        let mut builder = ChartBuilder::on(&root);
        // The right margin leaves room for the last period's label, centred on the last point.
        builder.margin(16).margin_right(48).x_label_area_size(48).y_label_area_size(64);
        if let Some(title) = &options.title {
            builder.caption(title, ("sans-serif", 22));
        }
        let mut chart = builder.build_cartesian_2d(0u32..x_max, 0f64..y_max).map_err(|e| draw(&e))?;
        let label_count = periods.len().min(12);
        chart
            .configure_mesh()
            .x_labels(label_count)
            .x_label_formatter(&|x| periods.get(*x as usize).map(ToString::to_string).unwrap_or_default())
            .x_desc(trends.by.name())
            .y_desc(y_desc)
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(|e| draw(&e))?;
        for (index, (term, points)) in trends.terms.iter().zip(&series).enumerate() {
            let color = Palette99::pick(index).to_rgba();
            chart
                .draw_series(LineSeries::new(points.iter().copied(), color.stroke_width(2)))
                .map_err(|e| draw(&e))?
                .label(term.label.as_str())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2)));
            chart
                .draw_series(points.iter().map(|&point| Circle::new(point, 3, color.filled())))
                .map_err(|e| draw(&e))?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(|e| draw(&e))?;
        root.present().map_err(|e| draw(&e))?;
    }
    Ok(svg)
}

/// Writes the SVG chart of `trends` (see [`render_svg`]) to `out`.
///
/// # Errors
///
/// As [`render_svg`], and [`ChartError::Io`] when writing fails.
pub fn write_svg<W: Write>(trends: &Trends, options: &ChartOptions, mut out: W) -> Result<(), ChartError> {
    let svg = render_svg(trends, options)?;
    out.write_all(svg.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Writes the SVG chart of `trends` (see [`render_svg`]) to the file at `path`, replacing it.
///
/// # Errors
///
/// As [`render_svg`], and [`ChartError::Io`] when the file cannot be written.
pub fn save_svg(trends: &Trends, options: &ChartOptions, path: &Path) -> Result<(), ChartError> {
    let svg = render_svg(trends, options)?;
    std::fs::write(path, svg)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Counter, DocMeta, TermOptions};
    use chrono::NaiveDate;
    use dateline_model::{Article, Paragraph, Section, Span};

    fn corpus(docs: &[(Option<&str>, &str)]) -> Counts {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        for (i, &(date, text)) in docs.iter().enumerate() {
            let article = Article {
                sections: vec![Section {
                    heading: None,
                    heading_span: None,
                    paragraphs: vec![Paragraph { text: text.to_owned(), span: Span::new(0, text.len()) }],
                }],
                ..Article::default()
            };
            let date = date.map(|d| d.parse::<NaiveDate>().expect("date"));
            counter.add(i, DocMeta { path: format!("{i}.txt"), date }, &article);
        }
        counter.finish()
    }

    fn sample() -> Counts {
        corpus(&[
            (Some("2024-01-03"), "Gaza aid talks. Gaza ceasefire."),
            (Some("2024-01-20"), "Caspian port talks."),
            (Some("2024-04-02"), "Gaza talks resume in the Caspian"),
            (None, "Gaza again"),
        ])
    }

    #[test]
    fn counts_and_rates_per_period_with_gaps_and_undated() {
        let report = trends(&sample(), &["Gaza", "caspian's", "the", "nowhere"], Period::Month);
        let periods: Vec<(String, usize, u64)> =
            report.periods.iter().map(|p| (p.period.to_string(), p.documents, p.tokens)).collect();
        assert_eq!(
            periods,
            [
                ("2024-01".into(), 2, 8),
                ("2024-02".into(), 0, 0),
                ("2024-03".into(), 0, 0),
                ("2024-04".into(), 1, 6),
                ("undated".into(), 1, 2)
            ]
        );
        let labels: Vec<&str> = report.terms.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Gaza", "Caspian", "the", "nowhere"]);
        assert_eq!(report.terms[0].total, 4);
        let gaza: Vec<(String, u64)> = report.series(0).map(|r| (r.period.to_string(), r.count)).collect();
        assert_eq!(
            gaza,
            [
                ("2024-01".into(), 2),
                ("2024-02".into(), 0),
                ("2024-03".into(), 0),
                ("2024-04".into(), 1),
                ("undated".into(), 1)
            ]
        );
        let january_gaza = &report.rows[0];
        assert!((january_gaza.rate - 2.0 * 10_000.0 / 8.0).abs() < 1e-9);
        assert_eq!(report.series(1).map(|r| r.count).sum::<u64>(), 2);
        assert!(report.series(2).chain(report.series(3)).all(|r| r.count == 0 && r.rate == 0.0));
        assert_eq!(report.series(4).count(), 0);
    }

    #[test]
    fn stemmed_counts_are_looked_up_by_stem() {
        let options = TermOptions::new().stem(true);
        let mut counter = Counter::new(&options);
        let text = "Talks went on; more talks followed.";
        let article = Article {
            sections: vec![Section {
                heading: None,
                heading_span: None,
                paragraphs: vec![Paragraph { text: text.into(), span: Span::new(0, text.len()) }],
            }],
            ..Article::default()
        };
        counter.add(0, DocMeta { path: "a".into(), date: NaiveDate::from_ymd_opt(2024, 1, 1) }, &article);
        let report = trends(&counter.finish(), &["talks"], Period::Year);
        assert_eq!(report.rows[0].count, 2);
    }

    #[test]
    fn the_chart_is_an_svg_with_a_line_and_a_legend_entry_per_term() {
        let report = trends(&sample(), &["gaza", "caspian"], Period::Month);
        let svg = render_svg(&report, &ChartOptions::new().title("Coverage")).expect("draws");
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        assert!(svg.trim_end().ends_with("</svg>"));
        for text in ["Gaza", "Caspian", "Coverage", "2024-01", "2024-04", "per 10,000 tokens"] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(!svg.contains("undated"));
        assert!(svg.matches("<polyline").count() >= 2);

        let mut out = Vec::new();
        write_svg(&report, &ChartOptions::new().value(ChartValue::Count).size(400, 300), &mut out).expect("writes");
        let written = String::from_utf8(out).expect("utf-8");
        assert!(written.contains("width=\"400\"") && written.contains("occurrences"));

        let dir = std::env::temp_dir().join(format!("dateline-trends-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("chart.svg");
        save_svg(&report, &ChartOptions::new(), &path).expect("saves");
        assert!(std::fs::read_to_string(&path).expect("reads").contains("Caspian"));
        std::fs::remove_dir_all(&dir).expect("cleans up");
    }

    #[test]
    fn seeds_by_quarter() {
        let seeds = crate::kwic::tests::seeds();
        let options = TermOptions::new();
        let counts = crate::count_parallel(&options, seeds.into_iter().map(|(meta, article, _)| (meta, article)));
        let report = trends(&counts, &["gaza", "Caspian"], Period::Quarter);
        let gaza: Vec<(String, u64)> = report.series(0).map(|r| (r.period.to_string(), r.count)).collect();
        assert_eq!(gaza, [("2023-Q4".into(), 7), ("2024-Q1".into(), 4), ("2024-Q2".into(), 0), ("2024-Q3".into(), 1)]);
        assert_eq!(report.periods.iter().map(|p| p.tokens).sum::<u64>(), counts.tokens());
        let svg = render_svg(&report, &ChartOptions::new()).expect("draws");
        assert!(svg.contains("Gaza") && svg.contains("Caspian") && svg.contains("2023-Q4"));
    }

    #[test]
    fn a_corpus_without_dates_has_nothing_to_plot() {
        let report = trends(&corpus(&[(None, "Gaza aid")]), &["gaza"], Period::Week);
        assert_eq!(report.periods.len(), 1);
        assert_eq!(report.rows[0].period, PeriodKey::Undated);
        assert!(matches!(render_svg(&report, &ChartOptions::new()), Err(ChartError::Empty)));
        let single = trends(&corpus(&[(Some("2024-02-02"), "Gaza aid")]), &["gaza"], Period::Week);
        assert!(render_svg(&single, &ChartOptions::new()).expect("one period draws").contains("2024-W05"));
    }
}
