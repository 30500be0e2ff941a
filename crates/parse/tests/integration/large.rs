//! Generated large inputs: sizes no fixture should hold, built in memory for each run.
//!
//! They check that nothing in the parser is quadratic in a line's length or in the number of
//! sections, and that nothing panics or takes capacity from the input. They time nothing: a
//! quadratic step here would take hours, so the test harness notices without a timer.

use dateline_model::Span;
use dateline_parse::{ArticleParser, CorpusReader};

const FIFTY_MB: usize = 50 * 1024 * 1024;

#[test]
fn a_fifty_megabyte_single_line_is_one_paragraph() {
    let sentence = "Officials met again on Sunday to discuss the budget, the ports and the new rail link. ";
    let mut line = sentence.repeat(FIFTY_MB / sentence.len() + 1);
    line.truncate(FIFTY_MB);
    // End on a word, not on a space, so the paragraph's span is the whole line.
    line.truncate(line.trim_end().len());
    let len = line.len();

    let doc = CorpusReader::new(ArticleParser::new()).parse_bytes("one-line.txt".to_owned(), line.as_bytes());
    drop(line);

    let article = doc.article.expect("an article");
    assert_eq!(article.title, None);
    assert_eq!(article.dateline, None);
    assert!(article.boilerplate.is_empty());
    let paragraphs: Vec<_> = article.paragraphs().collect();
    assert_eq!(paragraphs.len(), 1);
    assert_eq!(paragraphs[0].span, Span::new(0, len));
    assert_eq!(paragraphs[0].text.len(), len);
    assert!(paragraphs[0].text.starts_with("Officials met again"));
    let messages: Vec<&str> = doc.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["no publication date found"]);
}

#[test]
fn a_hundred_thousand_section_breaks_are_a_hundred_thousand_sections() {
    const BREAKS: usize = 100_000;
    let mut text = String::with_capacity(BREAKS * 20);
    for i in 0..BREAKS {
        // Every other break carries a heading, so both kinds of `=====` line are exercised.
        if i % 2 == 0 {
            text.push_str("=====\n");
        } else {
            text.push_str("=====Update ");
            text.push_str(&i.to_string());
            text.push('\n');
        }
    }

    let doc = CorpusReader::new(ArticleParser::new()).parse_bytes("breaks.txt".to_owned(), text.as_bytes());

    let article = doc.article.expect("an article");
    assert_eq!(article.title, None);
    assert_eq!(article.sections.len(), BREAKS);
    assert!(article.sections.iter().all(|s| s.paragraphs.is_empty()));
    assert_eq!(article.sections[0].heading, None);
    assert_eq!(article.sections[1].heading.as_deref(), Some("Update 1"));
    assert_eq!(article.sections[BREAKS - 1].heading.as_deref(), Some("Update 99999"));
    let last = article.sections[BREAKS - 1].heading_span.expect("a heading span");
    assert_eq!(&text[last.start..last.end], "Update 99999");
}
