//! The search box over terms: KWIC lines of a bounded sample, embedded as JSON and shown by
//! the page's script; without scripts the section says what it would do.

use serde_json::{Value, json};

use super::{cut, section};
use crate::budget;
use crate::data::KwicTerm;

pub(crate) fn view(kwic: &[KwicTerm], data: &mut serde_json::Map<String, Value>) -> String {
    let mut lines = serde_json::Map::new();
    for term in kwic.iter().take(budget::KWIC_TERMS) {
        let hits: Vec<Value> = term
            .hits
            .iter()
            .take(budget::KWIC_LINES)
            .map(|h| {
                json!([
                    tail(&h.left, budget::KWIC_CHARS),
                    cut(&h.keyword, budget::TEXT_CHARS),
                    cut(&h.right, budget::KWIC_CHARS),
                    cut(&h.path, budget::TEXT_CHARS),
                    h.date.map(|d| d.to_string()),
                ])
            })
            .collect();
        lines.entry(cut(&term.term, budget::TEXT_CHARS)).or_insert(Value::Array(hits));
    }
    let terms = lines.len();
    data.insert("kwic".into(), Value::Object(lines));
    let body = "<form class=\"search\" id=\"kwic-form\" hidden><label for=\"kwic-query\">Term</label> \
        <input type=\"search\" id=\"kwic-query\" list=\"kwic-terms\" autocomplete=\"off\" spellcheck=\"false\">\
        <datalist id=\"kwic-terms\"></datalist> <span id=\"kwic-status\" role=\"status\"></span></form>\n\
        <div class=\"scroll\"><table id=\"kwic-table\" class=\"kwic\" hidden><thead><tr><th scope=\"col\">left</th>\
        <th scope=\"col\">term</th><th scope=\"col\">right</th><th scope=\"col\">article</th></tr></thead>\
        <tbody></tbody></table></div>\n\
        <noscript><p class=\"empty\">The search box needs JavaScript; the lines are in the page's data.</p></noscript>";
    let caption = format!(
        "Keyword in context over a bounded sample: for each of the {terms} most frequent terms, up to \
         {} lines from different articles, found by visiting articles spread evenly over the corpus \
         (at most {} articles), with up to eight words on each side. Type a term to see its lines.",
        budget::KWIC_LINES,
        budget::KWIC_ARTICLES
    );
    section("search", "Search terms in context", &caption, body)
}

/// The last `max` characters of `s`, with an ellipsis when cut: left contexts keep the words
/// next to the match.
fn tail(s: &str, max: usize) -> String {
    let len = s.chars().count();
    if len <= max {
        return s.to_owned();
    }
    let skip = len - max;
    let at = s.char_indices().nth(skip).map_or(s.len(), |(at, _)| at);
    format!("…{}", &s[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail("abcdé", 2), "…dé");
        assert_eq!(tail("ab", 2), "ab");
    }
}
