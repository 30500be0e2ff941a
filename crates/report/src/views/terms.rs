//! Articles per period, the top terms with their trends, and each period's keyness.

use std::fmt::Write;

use dateline_analyze::{PeriodKey, TermGroup, Trends};
use serde_json::{Value, json};

use super::{Cell, cut, nothing, section, table};
use crate::budget;
use crate::data::PeriodKeyness;
use crate::escape;
use crate::svg;

/// The dated periods of the time axis: the latest [`budget::PERIODS`], as indices into
/// `trends.periods`.
pub(crate) fn axis(trends: &Trends) -> Vec<usize> {
    let dated: Vec<usize> =
        (0..trends.periods.len()).filter(|&i| trends.periods[i].period != PeriodKey::Undated).collect();
    let skip = dated.len().saturating_sub(budget::PERIODS);
    dated[skip..].to_vec()
}

/// Whether the axis was cut to the budget, as a sentence for a caption.
fn axis_note(trends: &Trends, axis: &[usize]) -> String {
    let dated = trends.periods.iter().filter(|p| p.period != PeriodKey::Undated).count();
    if dated > axis.len() {
        format!(" Only the latest {} of {dated} periods are drawn.", axis.len())
    } else {
        String::new()
    }
}

pub(crate) fn periods_view(trends: &Trends) -> String {
    let axis = axis(trends);
    let labels: Vec<String> = axis.iter().map(|&i| trends.periods[i].period.to_string()).collect();
    let values: Vec<f64> = axis.iter().map(|&i| count(trends.periods[i].documents)).collect();
    let undated = trends.periods.iter().find(|p| p.period == PeriodKey::Undated).map_or(0, |p| p.documents);
    let chart = if axis.is_empty() {
        nothing("No article has a date, so there is no time series.")
    } else {
        svg::bars("articles per period", &labels, &values)
    };
    let rows = axis.iter().rev().map(|&i| {
        let p = &trends.periods[i];
        vec![Cell::Text(p.period.to_string()), Cell::from(p.documents), Cell::from(p.tokens)]
    });
    let body = format!(
        "<figure class=\"chart-box\" id=\"periods-chart\">{chart}</figure>\n<details><summary>Table</summary>{}</details>",
        table("periods-table", &["period", "articles", "tokens"], rows)
    );
    let caption = format!(
        "Articles by publication date, per {}: every period from the first dated article to the last, \
         empty ones included. {} undated articles are not on the time axis.{}",
        trends.by,
        undated,
        axis_note(trends, &axis)
    );
    section("periods", "Articles per period", &caption, &body)
}

/// The top terms' table and trends: a static chart of the first few, and the data of all for
/// the term picker.
pub(crate) fn terms_view(terms: &TermGroup, trends: &Trends, data: &mut serde_json::Map<String, Value>) -> String {
    let axis = axis(trends);
    let labels: Vec<String> = axis.iter().map(|&i| trends.periods[i].period.to_string()).collect();
    let n = trends.terms.len().min(budget::TERMS);
    let rates: Vec<Vec<f64>> = (0..n)
        .map(|t| {
            let series: Vec<f64> = trends.series(t).map(|row| row.rate).collect();
            axis.iter().map(|&i| series.get(i).copied().unwrap_or(0.0)).collect()
        })
        .collect();
    let shown: Vec<(String, Vec<f64>)> = (0..n.min(budget::STATIC_TREND_LINES))
        .map(|t| (cut(&trends.terms[t].label, budget::TEXT_CHARS), rates[t].clone()))
        .collect();
    let chart = if axis.is_empty() || shown.is_empty() {
        nothing("No dated article holds a counted term, so there are no trends to draw.")
    } else {
        let names: Vec<String> = shown.iter().map(|(name, _)| name.clone()).collect();
        format!("{}{}", svg::lines("top terms per 10,000 tokens", &labels, &shown), svg::legend(&names))
    };
    let starts: Vec<Value> =
        axis.iter().map(|&i| json!(trends.periods[i].period.first_day().map(|d| d.to_string()))).collect();
    let series: Vec<Value> = (0..n)
        .map(|t| {
            let rounded: Vec<Value> = rates[t].iter().map(|&r| json!(round(r))).collect();
            json!({ "term": cut(&trends.terms[t].label, budget::TEXT_CHARS), "rates": rounded })
        })
        .collect();
    data.insert("trends".into(), json!({ "periods": labels, "starts": starts, "series": series }));

    let rows = terms.terms.iter().take(budget::TERMS).map(|row| {
        vec![
            Cell::from(row.rank),
            Cell::Text(cut(&row.term, budget::TEXT_CHARS)),
            Cell::from(row.count),
            Cell::from(row.doc_count),
            Cell::Float(row.rate, 2),
        ]
    });
    let mut body = String::new();
    let _ = write!(
        body,
        "<figure class=\"chart-box\" id=\"terms-chart\">{chart}</figure>\n\
         <div class=\"picker\" id=\"term-picker\" hidden><p>Pick terms to draw their lines:</p>\
         <div id=\"term-choices\" class=\"choices\"></div><div id=\"term-plot\" class=\"plot\"></div></div>\n{}",
        table("terms-table", &["rank", "term", "count", "articles", "per 10,000 tokens"], rows)
    );
    let caption = format!(
        "The {} most frequent terms (case-folded words and numbers, stopwords left out), each shown as \
         it is most often written, with the number of articles holding it and its rate per 10,000 \
         tokens. The chart draws the first {} per {} as rates per 10,000 tokens of that period; with \
         JavaScript on, any of them can be picked and drawn.{}",
        budget::TERMS,
        budget::STATIC_TREND_LINES,
        trends.by,
        axis_note(trends, &axis)
    );
    section("terms", "Top terms and their trends", &caption, &body)
}

pub(crate) fn keyness_view(keyness: &[PeriodKeyness]) -> String {
    let mut body = String::new();
    if keyness.is_empty() {
        body.push_str(&nothing("Keyness needs at least two periods with articles."));
    }
    body.push_str("<div class=\"columns wide\">");
    for (i, period) in keyness.iter().take(budget::KEYNESS_PERIODS).enumerate() {
        let k = &period.keyness;
        let rows = k.rows.iter().filter(|r| r.g2 > 0.0).take(budget::KEYNESS_TERMS).map(|r| {
            vec![
                Cell::Text(cut(&r.term, budget::TEXT_CHARS)),
                Cell::from(r.target_count),
                Cell::from(r.reference_count),
                Cell::Float(r.g2, 1),
                Cell::Float(r.log_ratio, 2),
            ]
        });
        let _ = write!(
            body,
            "<div><h3>{} <small>({} article{})</small></h3>{}</div>",
            escape::text(&period.period.to_string()),
            k.target.documents,
            if k.target.documents == 1 { "" } else { "s" },
            table(&format!("keyness-{i}"), &["term", "here", "elsewhere", "G²", "log ratio"], rows)
        );
    }
    body.push_str("</div>");
    let caption = format!(
        "For each of the latest {} periods, the {} terms most over-used in it against all other \
         articles: signed log-likelihood G² with Yates' correction (as quanteda's textstat_keyness), \
         and the log ratio (base 2) of the two relative frequencies.",
        budget::KEYNESS_PERIODS,
        budget::KEYNESS_TERMS
    );
    section("keyness", "What each period says more", &caption, &body)
}

#[expect(clippy::cast_precision_loss, reason = "article counts as chart heights")]
fn count(n: usize) -> f64 {
    n as f64
}

/// Four decimals are plenty for a rate per 10,000 tokens, and keep the JSON small and stable.
pub(crate) fn round(v: f64) -> f64 {
    if v.is_finite() { (v * 10_000.0).round() / 10_000.0 } else { 0.0 }
}
