//! The overview: what was read, what was counted, where it came from, what went wrong.

use std::fmt::Write;

use dateline_model::Severity;

use super::{Cell, cut, section, table, thousands};
use crate::budget;
use crate::data::{Overview, Tally};
use crate::escape;

pub(crate) fn view(overview: &Overview, settings: &[(String, String)]) -> String {
    let s = &overview.summary;
    let range = match (s.first_date, s.last_date) {
        (Some(first), Some(last)) => format!("{first} to {last}"),
        _ => "no dates".to_owned(),
    };
    let mut facts: Vec<(&str, String)> = vec![
        ("files read", thousands(count(overview.files))),
        ("articles counted", thousands(count(s.articles))),
        ("dated articles", thousands(count(s.dated))),
        ("date range", range),
        ("tokens", thousands(s.tokens)),
        ("counted terms", thousands(s.term_tokens)),
        ("distinct terms", thousands(count(s.types))),
        ("sentences", thousands(s.sentences)),
        ("files with warnings only", thousands(count(overview.warned_files))),
        ("files that failed", thousands(count(overview.failed_files))),
    ];
    if overview.left_out > 0 {
        facts.push(("left out by --since/--until", thousands(count(overview.left_out))));
    }
    if let Some(dropped) = overview.deduplicated {
        facts.push(("later copies left out by --dedup", thousands(count(dropped))));
    }
    let mut body = String::from("<dl class=\"facts\">");
    for (name, value) in &facts {
        let _ = write!(body, "<div><dt>{}</dt><dd>{}</dd></div>", escape::text(name), escape::text(value));
    }
    body.push_str("</dl>\n<div class=\"columns\">");
    body.push_str(&tally("sources", "site (folder)", &overview.sources, budget::SOURCES));
    body.push_str(&tally("places", "dateline place", &overview.places, budget::PLACES));
    body.push_str(&tally("agencies", "dateline agency", &overview.agencies, budget::AGENCIES));
    body.push_str("</div>\n<h3>Diagnostics</h3>\n");
    body.push_str(&table(
        "reasons",
        &["severity", "message", "files"],
        overview.reasons.iter().take(budget::REASONS).map(|r| {
            let severity = match r.severity {
                Severity::Error => "error",
                _ => "warning",
            };
            vec![Cell::from(severity), Cell::Text(cut(&r.message, budget::TEXT_CHARS)), Cell::from(r.files)]
        }),
    ));
    if !settings.is_empty() {
        body.push_str("\n<h3>Settings</h3>\n<dl class=\"settings\">");
        for (name, value) in settings {
            let _ = write!(body, "<div><dt>{}</dt><dd>{}</dd></div>", escape::text(name), escape::text(value));
        }
        body.push_str("</dl>");
    }
    let caption = format!(
        "Every file read is accounted for: files with an article are counted unless a date filter or \
         <code>--dedup</code> left them out. Tokens are the words and numbers of titles, section \
         headings and paragraphs (never date lines, datelines or site furniture); counted terms are \
         the tokens left after stopwords. Sites are the folders holding the files; places and \
         agencies come from the datelines that open articles. Diagnostics are grouped by message, \
         numbers written as #, with the number of files having each (top {}).",
        budget::REASONS
    );
    section("overview", "Overview", &caption, &body)
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

fn tally(id: &str, what: &str, rows: &[Tally], limit: usize) -> String {
    let rows = rows.iter().take(limit).map(|t| vec![Cell::Text(cut(&t.name, budget::TEXT_CHARS)), Cell::from(t.count)]);
    format!("<div>{}</div>", table(id, &[what, "articles"], rows))
}
