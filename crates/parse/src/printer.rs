//! Writing an [`Article`] back as text in the formats the parser reads.
//!
//! The output is canonical: title, the date line as it was written, the body with `=====`
//! section breaks, then furniture, each block separated by one blank line. Parsing it gives
//! the same article again (spans aside), for any article the parser produced without errors.

use std::fmt::{self, Write};

use dateline_model::{Article, DateSource, Dateline};

use crate::grammar::body::{looks_like_heading, looks_like_title, section_break};
use crate::grammar::date::date_slot;

/// Renders `article` as text that [`parse_article`](crate::parse_article) reads back.
///
/// ```
/// let text = "Tehran, Moscow talk\n\nSeptember 15, 2024 - 20:9\n\nTEHRAN – Officials met.\n";
/// let article = dateline_parse::parse_article(text).unwrap();
/// let printed = dateline_parse::render(&article);
/// assert_eq!(printed, "Tehran, Moscow talk\n\nSeptember 15, 2024 - 20:9\n\nTEHRAN – Officials met.\n");
/// ```
#[must_use]
pub fn render(article: &Article) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_article(&mut out, article);
    out
}

/// Writes `article` to `out` in the form [`render`] returns.
///
/// # Errors
///
/// Whatever `out` returns.
pub fn write_article<W: Write>(out: &mut W, article: &Article) -> fmt::Result {
    let mut blocks = Blocks { out, first: true };
    if let Some(title) = &article.title {
        blocks.start()?;
        blocks.out.write_str(title)?;
    }
    let published = article.published.as_ref();
    let inline = published.filter(|p| p.source == DateSource::InlinePrefix && article.paragraphs().next().is_some());
    if let Some(published) = published.filter(|p| p.source != DateSource::Dateline && inline.is_none()) {
        blocks.start()?;
        blocks.out.write_str(&published.raw)?;
    }
    let guard_lead = blocks.first && inline.is_none() && lead_reads_as_title(article);
    let mut lead = true;
    for (i, section) in article.sections.iter().enumerate() {
        if i > 0 || section.heading.is_some() || section.paragraphs.is_empty() || guard_lead {
            blocks.start()?;
            write!(blocks.out, "====={}", section.heading.as_deref().unwrap_or(""))?;
        }
        for paragraph in &section.paragraphs {
            blocks.start()?;
            if lead {
                if let Some(published) = inline {
                    write!(blocks.out, "date {} ", published.raw)?;
                }
                if let Some(dateline) = &article.dateline {
                    write_dateline(blocks.out, dateline)?;
                }
            } else if looks_like_heading(&paragraph.text) {
                // A lone short line would read back as a subheading; indented, it stays a paragraph.
                blocks.out.write_char(' ')?;
            }
            lead = false;
            blocks.out.write_str(&paragraph.text)?;
        }
    }
    // Furniture alone would read back with its first line as a title above the rest, unless
    // the lines stand together.
    let furniture_alone = blocks.first;
    for (i, line) in article.boilerplate.iter().enumerate() {
        if furniture_alone && i > 0 {
            blocks.out.write_char('\n')?;
        } else {
            blocks.start()?;
        }
        blocks.out.write_str(line)?;
    }
    if !blocks.first {
        blocks.out.write_char('\n')?;
    }
    Ok(())
}

/// Whether the lead paragraph, written first, would read back as a title: the parser takes
/// the first line as one when it looks like a title or stands above a date line. A bare
/// `=====` break written above the lead stops that and adds nothing to the article.
fn lead_reads_as_title(article: &Article) -> bool {
    let Some(first) = article.sections.first() else { return false };
    let Some(lead) = first.paragraphs.first() else { return false };
    let next = match first.paragraphs.get(1) {
        Some(paragraph) => paragraph.text.as_str(),
        None if article.sections.len() > 1 => return false,
        None => match article.boilerplate.first() {
            Some(line) => line,
            None => return false,
        },
    };
    let mut line = String::new();
    if let Some(dateline) = &article.dateline {
        let _ = write_dateline(&mut line, dateline);
    }
    line.push_str(&lead.text);
    (looks_like_title(&line) && section_break(next).is_none()) || date_slot(next).is_some()
}

fn write_dateline<W: Write>(out: &mut W, dateline: &Dateline) -> fmt::Result {
    out.write_str(&dateline.place)?;
    if let Some(region) = &dateline.region {
        write!(out, ", {region}")?;
    }
    if let Some(date) = &dateline.date {
        write!(out, ", {date}")?;
    }
    if let Some(agency) = &dateline.agency {
        write!(out, " ({agency})")?;
    }
    out.write_str(" – ")
}

/// Separates blocks with one blank line.
struct Blocks<'w, W> {
    out: &'w mut W,
    first: bool,
}

impl<W: Write> Blocks<'_, W> {
    fn start(&mut self) -> fmt::Result {
        if !std::mem::take(&mut self.first) {
            self.out.write_str("\n\n")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_article;

    /// What the round trip must keep: everything but the spans.
    fn outline(article: &Article) -> (Option<String>, Option<String>, Vec<(Option<String>, Vec<String>)>, Vec<String>) {
        let sections = article
            .sections
            .iter()
            .map(|s| (s.heading.clone(), s.paragraphs.iter().map(|p| p.text.clone()).collect()))
            .collect();
        (article.title.clone(), article.published.as_ref().map(|p| p.raw.clone()), sections, article.boilerplate.clone())
    }

    #[test]
    fn a_hard_wrapped_lead_does_not_come_back_as_a_title() {
        for text in [
            "Tehran\nTehran\n\nTehran",
            "Tehran\nfoo.\n\n2024-09-15",
            "Tehran\nTehran\n\nLeave a Comment",
            "TEHRAN – Talks\nend\n\nMore talks.",
        ] {
            let article = parse_article(text).expect("no errors");
            assert_eq!(article.title, None, "{text}");
            let printed = render(&article);
            let again = parse_article(&printed).expect("no errors");
            assert_eq!(outline(&again), outline(&article), "{printed}");
        }
    }

    #[test]
    fn furniture_alone_does_not_come_back_as_a_title() {
        for text in ["© 2024 Tehran Times\nLeave a Comment", "Share this\n\nRead more\n\nTags:"] {
            let article = parse_article(text).expect("no errors");
            assert_eq!(article.title, None, "{text}");
            let printed = render(&article);
            let again = parse_article(&printed).expect("no errors");
            assert_eq!(outline(&again), outline(&article), "{printed}");
        }
    }
}
