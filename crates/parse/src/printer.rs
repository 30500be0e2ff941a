//! Writing an [`Article`] back as text in the formats the parser reads.
//!
//! The output is canonical: title, the date line as it was written, the body with `=====`
//! section breaks, then furniture, each block separated by one blank line. Parsing it gives
//! the same article again (spans aside), for any article the parser produced without errors.

use std::fmt::{self, Write};

use dateline_model::{Article, DateSource, Dateline};

use crate::grammar::body::looks_like_heading;

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
    let mut lead = true;
    for (i, section) in article.sections.iter().enumerate() {
        if i > 0 || section.heading.is_some() || section.paragraphs.is_empty() {
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
    for line in &article.boilerplate {
        blocks.start()?;
        blocks.out.write_str(line)?;
    }
    if !blocks.first {
        blocks.out.write_char('\n')?;
    }
    Ok(())
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
