//! The parts of an article that statistics count: the title, section headings, paragraphs.
//! Never the date line, the dateline or furniture.

use dateline_model::Article;

/// A run of countable text and where it stands in the article's decoded file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text (paragraph text has its hard line breaks folded to spaces, byte for byte).
    pub text: &'a str,
    /// Byte offset of `text` in the decoded file, so token offsets map back to the file.
    pub offset: usize,
}

/// The countable segments of `article`, in reading order. Each starts a new sentence.
pub fn segments(article: &Article) -> impl Iterator<Item = Segment<'_>> {
    let title =
        article.title.as_deref().map(|text| Segment { text, offset: article.title_span.map_or(0, |span| span.start) });
    let body = article.sections.iter().flat_map(|section| {
        let heading = section
            .heading
            .as_deref()
            .map(|text| Segment { text, offset: section.heading_span.map_or(0, |span| span.start) });
        heading.into_iter().chain(section.paragraphs.iter().map(|p| Segment { text: &p.text, offset: p.span.start }))
    });
    title.into_iter().chain(body)
}
