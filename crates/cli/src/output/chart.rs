//! Trend charts: the rates (or counts) of `dateline trends` as an SVG line chart. The analysis
//! only computes the series; drawing is output, here.

use dateline_analyze::period::PeriodKey;
use dateline_analyze::trends::{TrendRow, Trends};
use plotters::prelude::*;

/// How a trend chart looks: 960 × 540 pixels, rates per 10,000 tokens (which compare periods
/// of different sizes), and a title if given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChartOptions {
    width: u32,
    height: u32,
    title: Option<String>,
}

impl ChartOptions {
    pub(crate) const fn new() -> Self {
        Self { width: 960, height: 540, title: None }
    }

    /// A title above the chart.
    pub(crate) fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// Why a chart could not be drawn.
#[derive(Debug)]
pub(crate) enum ChartError {
    /// No dated period or no term: nothing to draw.
    Empty,
    /// The plotting library failed.
    Draw(String),
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str("nothing to plot: the chart needs at least one term and one dated period"),
            Self::Draw(message) => write!(f, "cannot draw the chart: {message}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Renders `trends` as an SVG line chart: one line per term over the dated periods, with axes
/// and a legend.
///
/// # Errors
///
/// [`ChartError::Empty`] when there is no term or no dated period; [`ChartError::Draw`] if
/// plotting fails.
pub(crate) fn render_svg(trends: &Trends, options: &ChartOptions) -> Result<String, ChartError> {
    let periods: Vec<PeriodKey> =
        trends.periods.iter().map(|p| p.period).filter(|k| *k != PeriodKey::Undated).collect();
    if periods.is_empty() || trends.terms.is_empty() {
        return Err(ChartError::Empty);
    }
    let value = |row: &TrendRow| row.rate;
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
    let y_desc = "per 10,000 tokens";
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

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_analyze::{Counter, DocMeta, Period, TermOptions, trends};
    use dateline_model::{Article, Paragraph, Section, Span};

    fn sample() -> Trends {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        let docs = [
            (Some("2024-01-03"), "Gaza aid talks. Gaza ceasefire."),
            (Some("2024-01-20"), "Caspian port talks."),
            (Some("2024-04-02"), "Gaza talks resume in the Caspian"),
            (None, "Gaza again"),
        ];
        for (i, &(date, text)) in docs.iter().enumerate() {
            let paragraph = Paragraph { text: text.to_owned(), span: Span::new(0, text.len()) };
            let section = Section { heading: None, heading_span: None, paragraphs: vec![paragraph] };
            let article = Article { sections: vec![section], ..Article::default() };
            let date = date.and_then(|d| d.parse().ok());
            counter.add(i, DocMeta { path: format!("{i}.txt"), date }, &article);
        }
        trends(&counter.finish(), &["gaza", "caspian"], Period::Month)
    }

    #[test]
    fn the_chart_is_an_svg_with_a_line_and_a_legend_entry_per_term() {
        let report = sample();
        let svg = render_svg(&report, &ChartOptions::new().title("Coverage")).expect("draws");
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        assert!(svg.trim_end().ends_with("</svg>"));
        for text in ["Gaza", "Caspian", "Coverage", "2024-01", "2024-04", "per 10,000 tokens"] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(!svg.contains("undated"));
        assert!(svg.matches("<polyline").count() >= 2);
        assert!(svg.contains("width=\"960\""));
    }

    #[test]
    fn a_corpus_without_dates_has_nothing_to_plot() {
        let mut report = sample();
        report.periods.retain(|p| p.period == PeriodKey::Undated);
        assert!(matches!(render_svg(&report, &ChartOptions::new()), Err(ChartError::Empty)));
    }
}
