//! Data-driven fixtures: every file in `tests/fixtures/` is read as bytes, decoded and parsed
//! the way the CLI reads a file, and a compact summary of the resulting `Document` is pinned as
//! an `insta` snapshot in `snapshots/`. To add a case, drop a `.txt` file in `tests/fixtures/`,
//! run the tests with `INSTA_UPDATE=always` (or `cargo insta review`), and read the new
//! snapshot against DESIGN.md before committing it.

use std::fmt::Write as _;
use std::path::Path;

use dateline_model::{Article, Document, Span};
use dateline_parse::{ArticleParser, CorpusReader, decode};

#[test]
fn fixtures() {
    // The three-argument form: insta refuses `../` inside the pattern itself.
    insta::glob!("../fixtures", "*.txt", |path| {
        let bytes = std::fs::read(path).expect("fixture is readable");
        let name = path.file_name().expect("fixture has a name").to_string_lossy().into_owned();
        let doc = CorpusReader::new(ArticleParser::new()).parse_bytes(name, &bytes);
        check_spans(&doc, &bytes);
        insta::assert_snapshot!(summary(&doc));
    });
}

/// Every span the document carries points at the text it claims, in the decoded text.
fn check_spans(doc: &Document, bytes: &[u8]) {
    let Some(article) = &doc.article else { return };
    let decoded = decode(bytes).expect("a document with an article was decodable");
    let text = decoded.text.as_ref();
    let at = |span: Span| {
        text.get(span.start..span.end).unwrap_or_else(|| panic!("{}: span {span:?} is not text", doc.path))
    };
    if let (Some(title), Some(span)) = (&article.title, article.title_span) {
        assert_eq!(at(span), title, "{}: title span", doc.path);
    }
    if let Some(published) = &article.published {
        assert_eq!(at(published.span), published.raw, "{}: date span", doc.path);
    }
    if let Some(updated) = &article.updated {
        assert_eq!(at(updated.span), updated.raw, "{}: updated span", doc.path);
    }
    for credit in &article.credits {
        assert_eq!(at(credit.span).replace('\n', " "), credit.text, "{}: credit span", doc.path);
    }
    for section in &article.sections {
        if let (Some(heading), Some(span)) = (&section.heading, section.heading_span) {
            assert_eq!(at(span), heading, "{}: heading span", doc.path);
        }
        for paragraph in &section.paragraphs {
            assert_eq!(at(paragraph.span).replace('\n', " "), paragraph.text, "{}: paragraph span", doc.path);
        }
    }
}

/// One line per fact, in the order of the JSON contract; paragraphs as `[start..end] text`.
fn summary(doc: &Document) -> String {
    let mut out = String::new();
    let opt = |value: Option<&str>| value.map_or_else(|| "-".to_owned(), visible);
    let _ = writeln!(out, "path: {}", doc.path);
    match &doc.article {
        None => {
            let _ = writeln!(out, "article: none");
        }
        Some(article) => article_summary(&mut out, article, &opt),
    }
    let _ = writeln!(out, "diagnostics:");
    for d in &doc.diagnostics {
        let _ = writeln!(out, "  {} {}:{} {}", d.severity, d.line, d.column, visible(&d.message));
    }
    out
}

fn article_summary(out: &mut String, article: &Article, opt: &dyn Fn(Option<&str>) -> String) {
    let published = article.published.as_ref();
    let _ = writeln!(out, "title: {}", opt(article.title.as_deref()));
    let _ = writeln!(out, "date: {}", opt(published.map(|p| p.date.to_string()).as_deref()));
    let _ = writeln!(out, "time: {}", opt(published.and_then(|p| p.time).map(|t| t.to_string()).as_deref()));
    let _ = writeln!(out, "precision: {}", opt(published.map(|p| format!("{:?}", p.precision)).as_deref()));
    let source = published.map(|p| format!("{:?}{}", p.source, if p.year_inferred { " (year inferred)" } else { "" }));
    let _ = writeln!(out, "date source: {}", opt(source.as_deref()));
    let raw = published.map(|p| format!("{} {}", span(p.span), visible(&p.raw)));
    let _ = writeln!(out, "raw date: {}", opt(raw.as_deref()));
    let _ = writeln!(out, "calendar: {}", opt(published.map(|p| p.calendar.as_str())));
    let updated = article.updated.as_ref().map(|u| {
        let time = u.time.map_or_else(String::new, |t| format!(" {t}"));
        format!("{}{time} {} {}", u.date, span(u.span), visible(&u.raw))
    });
    let _ = writeln!(out, "updated: {}", opt(updated.as_deref()));
    let dateline = article.dateline.as_ref().map(|d| {
        format!(
            "{} place={} region={} agency={} date={}",
            span(d.span),
            opt(d.place.as_deref()),
            opt(d.region.as_deref()),
            opt(d.agency.as_deref()),
            opt(d.date.as_deref()),
        )
    });
    let _ = writeln!(out, "dateline: {}", opt(dateline.as_deref()));
    for section in &article.sections {
        let heading = section.heading.as_deref().map_or_else(
            || "(none)".to_owned(),
            |h| format!("{} {}", section.heading_span.map_or_else(|| "[?]".to_owned(), span), visible(h)),
        );
        let _ = writeln!(out, "section: {heading}");
        for paragraph in &section.paragraphs {
            let _ = writeln!(out, "  {} {}", span(paragraph.span), visible(&paragraph.text));
        }
    }
    let authors: Vec<String> = article.authors.iter().map(|a| visible(a)).collect();
    let _ = writeln!(out, "authors: {}", if authors.is_empty() { "-".to_owned() } else { authors.join(" | ") });
    for credit in &article.credits {
        let _ = writeln!(out, "credit: {:?} {} {}", credit.kind, span(credit.span), visible(&credit.text));
    }
    let boilerplate: Vec<String> = article.boilerplate.iter().map(|b| visible(b)).collect();
    let _ =
        writeln!(out, "boilerplate: {}", if boilerplate.is_empty() { "-".to_owned() } else { boilerplate.join(" | ") });
}

fn span(span: Span) -> String {
    format!("[{}..{}]", span.start, span.end)
}

/// Shows characters a reader could not otherwise see in a snapshot: tabs, no-break spaces,
/// other controls and format characters.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{a0}' => out.push_str("\\u{a0}"),
            c if c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}') => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[test]
fn every_fixture_has_a_snapshot() {
    // A fixture without a snapshot would be accepted silently by `INSTA_UPDATE=always`; a
    // snapshot without its fixture is stale. Keep the two folders in step.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let names = |dir: &Path, suffix: &str, prefix: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("folder exists")
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(suffix)?.strip_prefix(prefix).map(str::to_owned))
            .collect();
        names.sort();
        names
    };
    let fixtures = names(&root.join("fixtures"), ".txt", "");
    let snapshots = names(&root.join("integration/snapshots"), ".txt.snap", "integration__fixtures__fixtures@");
    assert!(fixtures.len() >= 45, "only {} fixtures", fixtures.len());
    assert_eq!(fixtures, snapshots);
}
