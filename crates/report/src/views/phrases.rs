//! Frequent n-grams and collocations, as sortable tables.

use dateline_analyze::{CollocationReport, NgramReport};

use super::{Cell, cut, section, table};
use crate::budget;

pub(crate) fn view(ngrams: &NgramReport, collocations: &CollocationReport) -> String {
    let ngram_rows = ngrams.rows.iter().take(budget::NGRAMS).map(|r| {
        vec![Cell::from(r.rank), Cell::Text(cut(&r.ngram, budget::TEXT_CHARS)), Cell::from(r.n), Cell::from(r.count)]
    });
    let collocation_rows = collocations.rows.iter().take(budget::COLLOCATIONS).map(|r| {
        vec![
            Cell::Text(cut(&r.ngram, budget::TEXT_CHARS)),
            Cell::from(r.count),
            Cell::from(r.left_count),
            Cell::from(r.right_count),
            Cell::Float(r.score, 2),
            Cell::Float(r.pmi, 2),
        ]
    });
    let body = format!(
        "<div class=\"columns\"><div><h3>N-grams</h3>{}</div><div><h3>Collocations</h3>{}</div></div>",
        table("ngrams-table", &["rank", "n-gram", "n", "count"], ngram_rows),
        table("collocations-table", &["pair", "count", "first word", "second word", "score", "PMI"], collocation_rows)
    );
    let caption = format!(
        "The {} most frequent word sequences of two or three words within a sentence (stopwords \
         inside them kept, none at their edges, seen at least twice), and the {} word pairs most \
         associated by {} over {} tokens (NLTK's bigram measures; PMI in bits), with each word's \
         own count. Click a column heading to sort.",
        budget::NGRAMS,
        budget::COLLOCATIONS,
        collocations.measure,
        super::thousands(collocations.total_tokens)
    );
    section("phrases", "Phrases and collocations", &caption, &body)
}
