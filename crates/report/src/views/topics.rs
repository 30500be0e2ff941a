//! Topics: top words and labels, shares over time as stacked areas, representative articles.

use std::collections::BTreeMap;
use std::fmt::Write;

use dateline_analyze::topics::TopicsReport;

use super::{Cell, cut, nothing, section, table};
use crate::budget;
use crate::escape;
use crate::svg;

/// `labels`: the periods of the time axis, as [`super::terms::axis`] picks them.
pub(crate) fn view(report: &TopicsReport, labels: &[String]) -> String {
    let topics: Vec<_> = report.topics.iter().take(budget::TOPICS).collect();
    let mut share: BTreeMap<(String, usize), f64> = BTreeMap::new();
    for row in &report.shares {
        share.insert((row.period.to_string(), row.topic), row.share);
    }
    // The largest topics each an area, the rest one more: the palette has ten colours. When
    // only one topic would be left over, it is drawn as itself.
    let mut largest: Vec<usize> = (0..report.topics.len()).collect();
    largest.sort_by(|&a, &b| report.topics[b].share.total_cmp(&report.topics[a].share).then(a.cmp(&b)));
    let areas = if report.topics.len() == budget::TOPIC_AREAS + 1 { report.topics.len() } else { budget::TOPIC_AREAS };
    let drawn: Vec<usize> = largest.iter().copied().take(areas).collect();
    let drawn_ids: Vec<usize> = drawn.iter().map(|&t| report.topics[t].id).collect();
    let shares = |p: &String, id: usize| share.get(&(p.clone(), id)).copied().unwrap_or(0.0);
    let mut series: Vec<(String, Vec<f64>)> = drawn
        .iter()
        .map(|&t| {
            let topic = &report.topics[t];
            let values = labels.iter().map(|p| shares(p, topic.id)).collect();
            (format!("{}: {}", topic.id, cut(&topic.label, budget::TEXT_CHARS)), values)
        })
        .collect();
    if report.topics.len() > drawn.len() {
        let values = labels
            .iter()
            .map(|p| report.topics.iter().filter(|t| !drawn_ids.contains(&t.id)).map(|t| shares(p, t.id)).sum())
            .collect();
        series.push((format!("the other {} topics", report.topics.len() - drawn.len()), values));
    }
    let chart = if labels.is_empty() || series.is_empty() {
        nothing("No dated article, so no shares over time.")
    } else {
        let names: Vec<String> = series.iter().map(|(name, _)| name.clone()).collect();
        format!("{}{}", svg::stacked_areas("topic shares per period", labels, &series), svg::legend(&names))
    };
    let rows = topics.iter().map(|t| {
        let colour = drawn.iter().position(|&d| report.topics[d].id == t.id).unwrap_or(budget::TOPIC_AREAS);
        let words: Vec<String> =
            t.words.iter().take(budget::TOPIC_WORDS).map(|w| cut(&w.term, budget::TEXT_CHARS)).collect();
        let mut representative = String::from("<ol>");
        for r in report.representative.iter().filter(|r| r.topic == t.id).take(budget::REPRESENTATIVE) {
            let _ = write!(representative, "<li>{}</li>", escape::text(&cut(&r.path, budget::TEXT_CHARS)));
        }
        representative.push_str("</ol>");
        vec![
            Cell::Html(format!("<span class=\"swatch c{}\"></span>{}", colour % svg::PALETTE.len(), t.id)),
            Cell::Text(cut(&t.label, budget::TEXT_CHARS)),
            Cell::Text(words.join(" ")),
            Cell::Float(t.share, 3),
            Cell::Float(t.umass, 2),
            Cell::Html(representative),
        ]
    });
    let body = format!(
        "<figure class=\"chart-box\" id=\"topics-chart\">{chart}</figure>\n{}",
        table("topics-table", &["topic", "label", "top words", "share", "UMass", "representative articles"], rows)
    );
    let stacked = if drawn.len() == report.topics.len() {
        "every topic apart".to_owned()
    } else {
        format!("the {} largest topics apart and the others as one", budget::TOPIC_AREAS)
    };
    let caption = format!(
        "An LDA topic model (collapsed Gibbs sampling) of {} topics: each topic's top {} words, a \
         label (its strongest collocation among them), its share of all words, its UMass coherence, \
         and its {} most representative articles; the chart stacks each topic's share of the words \
         of each period, {stacked}.",
        report.topics.len(),
        budget::TOPIC_WORDS,
        budget::REPRESENTATIVE,
    );
    section("topics", "Topics", &caption, &body)
}
