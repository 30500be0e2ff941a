//! The part every statistics command shares: read the documents, report their diagnostics,
//! keep the articles in the date range, count them in parallel.

use dateline_analyze::{Counts, DocMeta, count_parallel};
use dateline_parse::Documents;

use crate::config::StatsConfig;
use crate::report::Reporter;

pub(crate) fn count(documents: Documents<'_>, stats: &StatsConfig, reporter: &mut Reporter) -> Counts {
    let mut outside = 0usize;
    let articles = documents.filter_map(|doc| {
        reporter.document(&doc);
        let article = doc.article?;
        let date = article.published.as_ref().map(|p| p.date);
        if !stats.dates.contains(date) {
            outside += 1;
            return None;
        }
        Some((DocMeta { path: doc.path, date }, article))
    });
    let counts = count_parallel(&stats.terms, articles);
    if outside > 0 {
        reporter.note(&format!("{outside} articles outside --since/--until (or undated) were left out"));
    }
    counts
}
