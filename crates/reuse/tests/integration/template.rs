//! Site template: a long block of boilerplate carried by more than `max_df` articles proposes no
//! candidates and makes no family, while a real copy among those articles is still found.

use dateline_reuse::{ReuseDoc, ReuseFinder, ReuseOptions, ReuseReport};

use crate::support::{speeches, text_doc};

/// Boilerplate written for this test, in the manner of a news site's footer that survived
/// parsing: longer than many short items it is attached to.
const TEMPLATE: &str = "Subscribe to our daily briefing to receive the most important stories of the day \
    in your inbox every morning before breakfast, with analysis from our correspondents around the \
    world, exclusive interviews, and the newsletter our editors write for readers who want to \
    understand the decisions that shape their lives; you can change your preferences at any time \
    from your account page, and we never share your address with anyone else for any reason.";

const ARTICLES: usize = 150;

fn corpus() -> Vec<ReuseDoc> {
    let paragraphs: Vec<String> = speeches().into_iter().flat_map(|s| s.paragraphs).collect();
    let mut docs: Vec<ReuseDoc> = (0..ARTICLES)
        .map(|i| text_doc(&format!("site/{i:03}.txt"), None, &[paragraphs[i].clone(), TEMPLATE.to_owned()]).doc)
        .collect();
    // One real copy: the article with the longest paragraph, republished whole.
    let longest = (0..ARTICLES).max_by_key(|&i| paragraphs[i].len()).expect("articles");
    let copy = text_doc("other/copy.txt", None, &[paragraphs[longest].clone(), TEMPLATE.to_owned()]).doc;
    docs.push(copy);
    docs
}

fn find(docs: &[ReuseDoc], options: ReuseOptions) -> ReuseReport {
    ReuseFinder::new(options).expect("valid").find(docs)
}

#[test]
fn a_template_in_more_than_max_df_articles_makes_no_family() {
    let docs = corpus();
    let report = find(&docs, ReuseOptions::new());
    let copy = docs.len() - 1;
    assert_eq!(
        report.pairs.len(),
        1,
        "only the real copy pairs: {:?}",
        report.pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>()
    );
    assert!(report.pairs[0].b == copy || report.pairs[0].a == copy);
    assert_eq!(report.families.len(), 1);
    assert_eq!(report.families[0].members.len(), 2);
    assert!(report.candidates < 20, "{} candidates", report.candidates);
}

#[test]
fn without_the_bound_the_template_pairs_the_short_articles() {
    // The control: a bound above the number of articles lets the template through, so the
    // test above fails if the bound stops working.
    let docs = corpus();
    let report = find(&docs, ReuseOptions::new().max_df(10_000));
    assert!(report.pairs.len() > 50, "{} pairs", report.pairs.len());
    let largest = report.families.iter().map(|f| f.members.len()).max().unwrap_or(0);
    assert!(largest > 20, "largest family {largest}");
}
