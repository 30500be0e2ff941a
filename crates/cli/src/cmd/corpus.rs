//! The part every statistics command shares: read the documents, report their diagnostics,
//! keep the articles in the date range, count them in parallel.

use dateline_analyze::{Counts, DocMeta, count_parallel};
use dateline_model::Article;
use dateline_parse::Documents;

use crate::config::StatsConfig;
use crate::report::Reporter;

pub(crate) fn count(documents: Documents<'_>, stats: &StatsConfig, reporter: &mut Reporter) -> Counts {
    count_with(documents, stats, reporter, |articles| count_parallel(&stats.terms, articles))
}

/// [`count`] with another way of counting the articles (TF-IDF's sklearn preset tokenizes
/// its own way).
pub(crate) fn count_with<F>(
    documents: Documents<'_>,
    stats: &StatsConfig,
    reporter: &mut Reporter,
    counter: F,
) -> Counts
where
    F: FnOnce(&mut (dyn Iterator<Item = (DocMeta, Article)> + Send)) -> Counts,
{
    let mut outside = 0usize;
    let mut articles = documents.filter_map(|doc| {
        reporter.document(&doc);
        let article = doc.article?;
        let date = article.published.as_ref().map(|p| p.date);
        if !stats.dates.contains(date) {
            outside += 1;
            return None;
        }
        Some((DocMeta { path: doc.path, date }, article))
    });
    let counts = counter(&mut articles);
    if outside > 0 {
        reporter.note(&format!("{outside} articles outside --since/--until (or undated) were left out"));
    }
    counts
}
