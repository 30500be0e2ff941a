//! Actors: the most named, their mentions over time, their co-occurrence network, and who is
//! quoted.

use std::collections::BTreeMap;
use std::fmt::Write;

use dateline_actors::EdgeKind;

use super::{Cell, cut, nothing, section, table};
use crate::budget;
use crate::data::ActorsData;
use crate::escape;
use crate::svg;

/// `labels`: the periods of the time axis.
pub(crate) fn view(actors: &ActorsData, labels: &[String]) -> String {
    let top_rows = actors.totals.iter().take(budget::ACTORS).map(|row| {
        vec![
            Cell::Text(cut(&row.name, budget::TEXT_CHARS)),
            Cell::from(row.kind.as_str()),
            Cell::from(row.articles),
            Cell::from(row.mentions),
            Cell::Text(row.first.clone().unwrap_or_default()),
            Cell::Text(row.last.clone().unwrap_or_default()),
            Cell::Text(cut(&row.roles.join("; "), budget::TEXT_CHARS)),
        ]
    });
    let mut body =
        table("actors-table", &["actor", "type", "articles", "mentions", "first", "last", "roles"], top_rows);

    let followed: Vec<&str> = actors.totals.iter().take(budget::ACTOR_LINES).map(|r| r.name.as_str()).collect();
    let mut per_period: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for row in &actors.by_period {
        if let Some(period) = &row.period {
            per_period.insert((row.name.as_str(), period.as_str()), row.articles);
        }
    }
    let series: Vec<(String, Vec<f64>)> = followed
        .iter()
        .map(|name| {
            let values =
                labels.iter().map(|p| per_period.get(&(*name, p.as_str())).map_or(0.0, |&n| articles(n))).collect();
            (cut(name, budget::TEXT_CHARS), values)
        })
        .collect();
    body.push_str("\n<h3>The most named actors over time</h3>");
    if labels.is_empty() || series.is_empty() {
        body.push_str(&nothing("No dated article names an actor."));
    } else {
        let names: Vec<String> = series.iter().map(|(name, _)| name.clone()).collect();
        let _ = write!(
            body,
            "<figure class=\"chart-box\" id=\"actors-chart\">{}{}</figure>",
            svg::lines("articles naming each actor per period", labels, &series),
            svg::legend(&names)
        );
    }

    body.push_str("\n<h3>Co-occurrence network</h3>");
    body.push_str(&network(actors));

    body.push_str("\n<h3>Quotations by speaker</h3>");
    let speaker_rows = actors.speakers.iter().take(budget::SPEAKERS).map(|s| {
        let mut sample = String::from("<ul class=\"quotes\">");
        for quote in s.sample.iter().take(budget::QUOTES_PER_SPEAKER) {
            let _ = write!(sample, "<li>“{}”</li>", escape::text(&cut(quote, budget::QUOTE_CHARS)));
        }
        sample.push_str("</ul>");
        vec![
            Cell::Text(s.speaker.as_deref().map_or_else(|| "(not said)".to_owned(), |n| cut(n, budget::TEXT_CHARS))),
            Cell::from(s.quotes),
            Cell::from(s.articles),
            Cell::Html(sample),
        ]
    });
    body.push_str(&table("speakers-table", &["speaker", "quotations", "articles", "for example"], speaker_rows));

    let caption = format!(
        "People, organisations and places the articles name (from capitalisation, titles and roles, \
         typed by shipped gazetteers), the top {} by articles naming them; the lines follow the top {} \
         per period. The network joins the {} actors with the heaviest co-occurrence (named in the \
         same paragraph), on a circle in order of weight, edges wider when heavier. Quotations are \
         direct quotations of four or more words, by the speaker the text gives (top {}, with up to {} \
         each).",
        budget::ACTORS,
        budget::ACTOR_LINES,
        budget::NETWORK_NODES,
        budget::SPEAKERS,
        budget::QUOTES_PER_SPEAKER
    );
    section("actors", "Actors, quotations and network", &caption, &body)
}

fn articles(n: u64) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "article counts as chart heights")]
    let n = n as f64;
    n
}

/// The top actors by weighted degree over the corpus-wide co-occurrence edges, and the
/// heaviest edges among them.
fn network(actors: &ActorsData) -> String {
    let edges: Vec<_> =
        actors.edges.iter().filter(|e| e.kind == EdgeKind::Cooccurrence && e.period.is_none()).collect();
    let mut degree: BTreeMap<&str, f64> = BTreeMap::new();
    for e in &edges {
        *degree.entry(e.source.as_str()).or_default() += e.weight;
        *degree.entry(e.target.as_str()).or_default() += e.weight;
    }
    let mut nodes: Vec<(&str, f64)> = degree.into_iter().collect();
    nodes.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    nodes.truncate(budget::NETWORK_NODES);
    let index: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, (name, _))| (*name, i)).collect();
    let mut kept: Vec<(usize, usize, f64)> = edges
        .iter()
        .filter_map(|e| Some((*index.get(e.source.as_str())?, *index.get(e.target.as_str())?, e.weight)))
        .collect();
    kept.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    kept.truncate(budget::NETWORK_EDGES);
    if kept.is_empty() {
        return nothing("No two actors are named together.");
    }
    let nodes: Vec<svg::Node> =
        nodes.iter().map(|(name, degree)| svg::Node { name: cut(name, budget::TEXT_CHARS), degree: *degree }).collect();
    format!(
        "<figure class=\"chart-box\" id=\"network-chart\">{}</figure>",
        svg::network("actor co-occurrence network", &nodes, &kept)
    )
}
