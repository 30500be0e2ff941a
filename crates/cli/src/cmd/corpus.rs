//! The part every statistics command shares: read the documents, report their diagnostics,
//! keep the articles in the date range, and hand them on to be counted or searched.

use crate::cmd::Documents;
use dateline_analyze::{Counts, DocMeta, count_parallel, count_totals_parallel};
use dateline_model::Article;

use crate::config::StatsConfig;
use crate::report::Reporter;

/// The articles' counts, with the command's term options.
pub(crate) fn count(documents: Documents<'_>, stats: &StatsConfig, reporter: &mut Reporter) -> Counts {
    with_articles(documents, stats, reporter, |articles| count_parallel(&stats.terms, articles))
}

/// The articles' counts without each document's terms: enough for corpus-wide frequencies.
pub(crate) fn count_totals(documents: Documents<'_>, stats: &StatsConfig, reporter: &mut Reporter) -> Counts {
    with_articles(documents, stats, reporter, |articles| count_totals_parallel(&stats.terms, articles))
}

/// Hands the articles in the date range to `work` (which may consume them in parallel),
/// reporting every document's diagnostics on the way, and returns what `work` returns.
pub(crate) fn with_articles<T, F>(documents: Documents<'_>, stats: &StatsConfig, reporter: &mut Reporter, work: F) -> T
where
    F: FnOnce(&mut (dyn Iterator<Item = (DocMeta, Article)> + Send)) -> T,
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
    let result = work(&mut articles);
    if outside > 0 {
        reporter.note(&format!("{outside} articles outside --since/--until (or undated) were left out"));
    }
    result
}
