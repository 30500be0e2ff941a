//! Articles for unit tests, built from plain strings.

use dateline_model::{Article, Paragraph, Section, Span};

/// An article with an optional title and one section of these paragraphs; each span is as
/// if its text stood alone at offset 0.
pub(crate) fn article_with(title: Option<&str>, paragraphs: &[&str]) -> Article {
    Article {
        title: title.map(str::to_owned),
        title_span: title.map(|t| Span::new(0, t.len())),
        sections: vec![Section {
            heading: None,
            heading_span: None,
            paragraphs: paragraphs
                .iter()
                .map(|text| Paragraph { text: (*text).to_owned(), span: Span::new(0, text.len()) })
                .collect(),
        }],
        ..Article::default()
    }
}

/// An article of one paragraph.
pub(crate) fn article(text: &str) -> Article {
    article_with(None, &[text])
}
