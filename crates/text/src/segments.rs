//! The parts of an article that statistics count: the title, section headings, paragraphs.
//! Never the date line, the dateline or furniture.

use dateline_model::Article;

/// What a segment is in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// The article's title.
    Title,
    /// A section heading.
    Heading,
    /// A paragraph of body text.
    Paragraph,
}

/// A run of countable text and where it stands in the article's decoded file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text (paragraph text has its hard line breaks folded to spaces, byte for byte).
    pub text: &'a str,
    /// Byte offset of `text` in the decoded file, so token offsets map back to the file.
    pub offset: usize,
    /// Title, heading or paragraph.
    pub kind: SegmentKind,
    /// The index of the section a heading or paragraph belongs to; `None` for the title.
    pub section: Option<usize>,
    /// A paragraph's index among all the article's paragraphs, in the order of
    /// [`Article::paragraphs`]; `None` for the title and headings.
    pub paragraph: Option<usize>,
}

/// The countable segments of `article`, in reading order. Each starts a new sentence.
///
/// ```
/// use dateline_text::segments::{SegmentKind, segments};
///
/// let article = dateline_parse::parse_article("A title\n\n2024-09-15\n\nFirst.\n\n=====Heading\n\nSecond.")?;
/// let kinds: Vec<(SegmentKind, Option<usize>)> = segments(&article).map(|s| (s.kind, s.paragraph)).collect();
/// assert_eq!(
///     kinds,
///     [(SegmentKind::Title, None), (SegmentKind::Paragraph, Some(0)), (SegmentKind::Heading, None), (SegmentKind::Paragraph, Some(1))]
/// );
/// # Ok::<(), dateline_parse::ParseError>(())
/// ```
pub fn segments(article: &Article) -> Segments<'_> {
    Segments { article, title_done: false, section: 0, heading_done: false, in_section: 0, paragraph: 0 }
}

/// Iterator over an article's countable segments; see [`segments()`].
#[derive(Debug, Clone)]
pub struct Segments<'a> {
    article: &'a Article,
    title_done: bool,
    /// The section being walked, whether its heading has been given, and its next paragraph.
    section: usize,
    heading_done: bool,
    in_section: usize,
    /// Paragraphs given so far over the article.
    paragraph: usize,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let article = self.article;
        if !std::mem::replace(&mut self.title_done, true)
            && let Some(text) = article.title.as_deref()
        {
            let offset = article.title_span.map_or(0, |span| span.start);
            return Some(Segment { text, offset, kind: SegmentKind::Title, section: None, paragraph: None });
        }
        loop {
            let section = article.sections.get(self.section)?;
            if !std::mem::replace(&mut self.heading_done, true)
                && let Some(text) = section.heading.as_deref()
            {
                let offset = section.heading_span.map_or(0, |span| span.start);
                let kind = SegmentKind::Heading;
                return Some(Segment { text, offset, kind, section: Some(self.section), paragraph: None });
            }
            if let Some(paragraph) = section.paragraphs.get(self.in_section) {
                let segment = Segment {
                    text: &paragraph.text,
                    offset: paragraph.span.start,
                    kind: SegmentKind::Paragraph,
                    section: Some(self.section),
                    paragraph: Some(self.paragraph),
                };
                self.in_section += 1;
                self.paragraph += 1;
                return Some(segment);
            }
            self.section += 1;
            self.heading_done = false;
            self.in_section = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Paragraph, Section, Span};

    #[test]
    fn segments_follow_reading_order_with_their_places() {
        let paragraph = |text: &str, at: usize| Paragraph { text: text.into(), span: Span::new(at, at + text.len()) };
        let article = Article {
            title: Some("Title".into()),
            title_span: Some(Span::new(0, 5)),
            sections: vec![
                Section {
                    heading: None,
                    heading_span: None,
                    paragraphs: vec![paragraph("One", 10), paragraph("Two", 20)],
                },
                Section { heading: Some("Head".into()), heading_span: None, paragraphs: vec![] },
                Section {
                    heading: Some("Next".into()),
                    heading_span: Some(Span::new(30, 34)),
                    paragraphs: vec![paragraph("Three", 40)],
                },
            ],
            ..Article::default()
        };
        let segment = |text, offset, kind, section, paragraph| Segment { text, offset, kind, section, paragraph };
        assert_eq!(
            segments(&article).collect::<Vec<_>>(),
            [
                segment("Title", 0, SegmentKind::Title, None, None),
                segment("One", 10, SegmentKind::Paragraph, Some(0), Some(0)),
                segment("Two", 20, SegmentKind::Paragraph, Some(0), Some(1)),
                segment("Head", 0, SegmentKind::Heading, Some(1), None),
                segment("Next", 30, SegmentKind::Heading, Some(2), None),
                segment("Three", 40, SegmentKind::Paragraph, Some(2), Some(2)),
            ]
        );
        let texts: Vec<&str> = article.paragraphs().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["One", "Two", "Three"], "paragraph indices follow Article::paragraphs");
        assert_eq!(segments(&Article::default()).count(), 0);
    }
}
