//! Story families: the largest on a timeline, and a table of their members.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::{Cell, cut, nothing, section, table};
use crate::budget;
use crate::data::FamilyRow;
use crate::escape;
use crate::svg;

pub(crate) fn view(families: &[FamilyRow]) -> String {
    let shown: Vec<&FamilyRow> = families.iter().take(budget::FAMILIES).collect();
    // One dot per day with a copy, at most the budget's, taken evenly from first to last.
    let days = |f: &FamilyRow| -> Vec<i64> {
        let days: std::collections::BTreeSet<i64> =
            f.members.iter().filter_map(|m| m.date).map(|d| i64::from(d.num_days_from_ce())).collect();
        let days: Vec<i64> = days.into_iter().collect();
        if days.len() <= budget::FAMILY_DAYS {
            return days;
        }
        let last = days.len() - 1;
        (0..budget::FAMILY_DAYS).map(|k| days[k * last / (budget::FAMILY_DAYS - 1)]).collect()
    };
    let all: Vec<i64> = shown.iter().flat_map(|f| days(f)).collect();
    let chart = match (all.iter().min(), all.iter().max()) {
        (Some(&first), Some(&last)) => {
            let rows: Vec<(String, Vec<i64>)> = shown
                .iter()
                .enumerate()
                .map(|(i, f)| (format!("{}. {} copies", i + 1, f.members.len()), days(f)))
                .collect();
            let ticks: Vec<(i64, String)> = (0..=4)
                .map(|k| first + (last - first) * k / 4)
                .filter_map(|day| {
                    let date = NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)?;
                    Some((day, date.to_string()))
                })
                .collect();
            format!(
                "<figure class=\"chart-box\" id=\"families-chart\">{}</figure>",
                svg::timeline("the largest story families over time", &rows, first, last, &ticks)
            )
        }
        _ if shown.is_empty() => nothing("No two articles share enough text to form a story family."),
        _ => nothing("No member of a story family is dated."),
    };
    let rows = shown.iter().enumerate().map(|(i, f)| {
        let first = &f.members[0];
        let mut others = String::from("<ul class=\"members\">");
        for m in f.members.iter().skip(1).take(budget::FAMILY_MEMBERS) {
            let date = m.date.map_or_else(|| "undated".to_owned(), |d| d.to_string());
            let _ =
                write!(others, "<li>{} <small>{date}</small></li>", escape::text(&cut(&m.path, budget::TEXT_CHARS)));
        }
        if f.members.len() > budget::FAMILY_MEMBERS + 1 {
            let _ = write!(others, "<li>and {} more</li>", f.members.len() - budget::FAMILY_MEMBERS - 1);
        }
        others.push_str("</ul>");
        vec![
            Cell::from(i + 1),
            Cell::from(f.members.len()),
            Cell::Text(cut(&first.path, budget::TEXT_CHARS)),
            Cell::Text(first.date.map_or_else(|| "undated".to_owned(), |d| d.to_string())),
            Cell::Html(others),
        ]
    });
    let body = format!(
        "{chart}\n{}",
        table("families-table", &["family", "articles", "first source", "first date", "copies"], rows)
    );
    let caption = format!(
        "Articles republishing the same text, grouped into story families as <code>dateline reuse \
         --clusters</code> finds them (word 5-gram Jaccard or containment of at least 0.5, every pair \
         verified exactly); the {} largest, each with its earliest article as the likely first \
         source and up to {} of its copies. On the timeline a dot is a day with a copy (at most {} a family, evenly spaced).",
        budget::FAMILIES,
        budget::FAMILY_MEMBERS,
        budget::FAMILY_DAYS
    );
    section("families", "Story families", &caption, &body)
}
