//! The four seed articles parse to exactly what DESIGN.md's table says.

use std::path::PathBuf;

use dateline_model::{Document, Severity};
use dateline_parse::{ArticleParser, CorpusReader};

fn seed(name: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds").join(name);
    CorpusReader::new(ArticleParser::new()).read_file(&path)
}

/// (heading, paragraph count) per section.
fn outline(doc: &Document) -> Vec<(Option<&str>, usize)> {
    let article = doc.article.as_ref().expect("an article");
    article.sections.iter().map(|s| (s.heading.as_deref(), s.paragraphs.len())).collect()
}

fn check(
    name: &str,
    title: Option<&str>,
    date: &str,
    time: Option<&str>,
    place: Option<&str>,
    sections: &[(Option<&str>, usize)],
    boilerplate: &[&str],
) {
    let doc = seed(name);
    assert!(doc.diagnostics.iter().all(|d| d.severity != Severity::Error), "{name}: {:?}", doc.diagnostics);
    assert!(doc.diagnostics.is_empty(), "{name}: {:?}", doc.diagnostics);
    let article = doc.article.as_ref().expect("an article");
    let published = article.published.as_ref().expect("a date");
    assert_eq!(article.title.as_deref(), title, "{name} title");
    assert_eq!(published.date.to_string(), date, "{name} date");
    assert_eq!(published.time.map(|t| t.format("%H:%M").to_string()).as_deref(), time, "{name} time");
    assert_eq!(article.dateline.as_ref().and_then(|d| d.place.as_deref()), place, "{name} place");
    assert_eq!(outline(&doc), sections, "{name} sections");
    assert_eq!(article.boilerplate, boilerplate, "{name} boilerplate");
}

#[test]
fn seed_000_inline_date_thirteen_paragraphs() {
    check("000_2110fb2c7be67491.txt", None, "2024-01-10", None, None, &[(None, 13)], &[]);
}

#[test]
fn seed_001_inline_date_eight_paragraphs() {
    check("001_d63be5d8afa5ed75.txt", None, "2024-09-30", None, None, &[(None, 8)], &[]);
}

#[test]
fn seed_002_title_header_dateline_section_and_furniture() {
    check(
        "002_ff26b561ed4a4f97.txt",
        Some("Tehran, Moscow discuss maritime cooperation in Caspian Sea during China visit"),
        "2024-09-15",
        Some("20:09"),
        Some("TEHRAN"),
        &[(None, 7), (Some("Commander expresses Iran’s readiness to support humanitarian initiatives"), 3)],
        &["Leave a Comment"],
    );
}

#[test]
fn seed_003_standalone_subheading() {
    check(
        "003_44541c66476e1ad4.txt",
        None,
        "2023-10-23",
        None,
        None,
        &[(None, 8), (Some("Putin calls 'unhindered access' for Gaza humanitarian aid"), 6)],
        &[],
    );
}

#[test]
fn seed_lead_paragraphs_start_after_the_prefix_and_the_dateline() {
    let first = |name: &str| seed(name).article.and_then(|a| a.paragraphs().next().map(|p| p.text.clone()));
    assert!(first("000_2110fb2c7be67491.txt").is_some_and(|t| t.starts_with("Iranian Foreign Minister")));
    assert!(first("002_ff26b561ed4a4f97.txt").is_some_and(|t| t.starts_with("While visiting China")));
}
