//! Writing an [`Article`] back as text in the formats the parser reads.
//!
//! The output is canonical: title, the date line as it was written, the body with `=====`
//! section breaks, then furniture, each block separated by one blank line. A paragraph takes
//! one line, or two where one line would read back as something else (a dateline, a date
//! line, furniture). Parsing the output gives the same article again (spans aside), for any
//! article the parser produced without errors.

use std::fmt::{self, Write};

use dateline_model::{Article, CreditKind, DateSource, Dateline, Diagnostic, Paragraph};

use crate::grammar::body::{looks_like_heading, looks_like_title, section_break};
use crate::grammar::credits::is_byline;
use crate::grammar::date::date_slot;
use crate::grammar::dateline::dateline;
use crate::grammar::is_space;
use crate::parser::ArticleParser;

/// Renders `article` as text that [`parse_article`](crate::parse_article) reads back. For a
/// parser with furniture lines of its own, [`ArticleParser::render`] writes what it reads back.
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
    write_for(out, article, &ArticleParser::new())
}

/// Writes `article` as text that `parser` reads back: [`write_article`], with `parser`'s own
/// furniture lines in view as well as the built-in ones.
pub(crate) fn write_for<W: Write>(out: &mut W, article: &Article, parser: &ArticleParser) -> fmt::Result {
    // A dateline goes back on the paragraph it can have come from: the first, or the one after
    // a deck (where sites print it, so tried first when the first is shaped like one), taking
    // the placement whose text reads back the same.
    if article.dateline.is_some() && article.paragraphs().nth(1).is_some() {
        let order = if dateline_after_deck(article).is_some() { [1, 0] } else { [0, 1] };
        for at in order {
            let mut text = String::new();
            write_with_dateline_at(&mut text, article, Some(at), parser)?;
            let (again, diagnostics) = parser.parse_lenient(&text);
            if !diagnostics.iter().any(Diagnostic::is_error) && again.without_spans() == article.without_spans() {
                return out.write_str(&text);
            }
        }
    }
    write_with_dateline_at(out, article, None, parser)
}

/// How many paragraphs the parser tries for a dateline (`LEAD_TRIES` in the parser).
const LEAD_TRIES: usize = 2;

/// The paragraph after a deck, when the article has a dateline and its first paragraph is
/// shaped like a title, a summary above the lead: where sites print the dateline.
fn dateline_after_deck(article: &Article) -> Option<usize> {
    let mut paragraphs = article.paragraphs();
    let deck = paragraphs.next()?;
    (article.dateline.is_some() && looks_like_title(&deck.text) && paragraphs.next().is_some()).then_some(1)
}

/// Writes the article with the dateline on paragraph `dateline_at`, or by default on the first.
fn write_with_dateline_at<W: Write>(
    out: &mut W,
    article: &Article,
    dateline_at: Option<usize>,
    parser: &ArticleParser,
) -> fmt::Result {
    let mut blocks = Blocks { out, first: true };
    let published = article.published.as_ref();
    let bylines: Vec<&str> =
        article.credits.iter().filter(|c| c.kind == CreditKind::Byline).map(|c| c.text.as_str()).collect();
    // An inline date's line also gives the body's first text: the lead, a byline over it, or,
    // when that text was all the body there was and is a credit line (`date January 13, 1990
    // (Reporting by Ali Kaya)`), that credit: credit lines are taken off the end of the body,
    // and on an inline date's line the body starts (FORMAT.md, "Bylines and credits"). Written
    // as a date line of its own, the date would read back as a header's.
    let lead_credit =
        article.credits.iter().find(|c| c.kind == CreditKind::Credit).filter(|_| article.sections.is_empty());
    let inline = published.filter(|p| {
        p.source == DateSource::InlinePrefix
            && (article.paragraphs().next().is_some() || !bylines.is_empty() || lead_credit.is_some())
    });
    let date_line = published.filter(|p| p.source != DateSource::Dateline && inline.is_none());
    // The first byline takes an inline date onto its line; otherwise the lead does, or with no
    // body the first credit line.
    let inline_on_lead =
        inline.filter(|_| bylines.is_empty() && article.paragraphs().next().is_some()).map(|p| p.raw.as_str());
    let mut inline_on_credit =
        inline.filter(|_| bylines.is_empty() && inline_on_lead.is_none()).map(|p| p.raw.as_str());
    let header_sees_lead = inline.is_none() && date_line.is_none();
    let lines = paragraph_lines(article, inline_on_lead, header_sees_lead, dateline_at, parser);
    // Under a title with no date line, a lead that opens with one would read as the
    // article's: a bare `=====` break goes between, and the title is underlined.
    let lead_under_title = header_sees_lead
        && article.title.is_some()
        && article.sections.first().is_some_and(|s| s.heading.is_none() && !s.paragraphs.is_empty())
        && lines.first().is_some_and(|lead| date_slot(lead.split('\n').next().unwrap_or("")).is_some());
    if let Some(title) = &article.title {
        blocks.start()?;
        blocks.out.write_str(title)?;
        if date_line.is_none() && (lead_under_title || !title_reads_back(article, title, &bylines, parser)) {
            // A setext underline makes it a title whatever its shape.
            blocks.out.write_str("\n=====")?;
        }
    }
    if let Some(published) = date_line {
        blocks.start()?;
        blocks.out.write_str(&published.raw)?;
        if let Some(updated) = &article.updated {
            write!(blocks.out, "\nUpdated: {}", updated.raw)?;
        }
    }
    // Bylines above the lead; with an inline date, the first goes on the date's line.
    let mut inline_raw = inline.map(|p| p.raw.as_str());
    for (i, byline) in bylines.iter().enumerate() {
        blocks.start()?;
        match inline_raw.take().filter(|_| i == 0) {
            Some(raw) => write!(blocks.out, "date {raw} {byline}")?,
            None => blocks.out.write_str(byline)?,
        }
    }
    let guard_lead = lead_under_title || (blocks.first && inline.is_none() && lead_reads_as_title(article, &lines));
    let mut lines = lines.iter();
    for (i, section) in article.sections.iter().enumerate() {
        if i > 0 || section.heading.is_some() || section.paragraphs.is_empty() || guard_lead {
            blocks.start()?;
            let heading = section.heading.as_deref().unwrap_or("");
            // A space keeps a heading's own leading `=` apart from the marker.
            let gap = if heading.starts_with('=') { " " } else { "" };
            write!(blocks.out, "====={gap}{heading}")?;
        }
        for line in lines.by_ref().take(section.paragraphs.len()) {
            blocks.start()?;
            blocks.out.write_str(line)?;
        }
    }
    for credit in article.credits.iter().filter(|c| c.kind == CreditKind::Credit) {
        blocks.start()?;
        match inline_on_credit.take() {
            // On one line: the parser takes furniture off the end only up to the line the body
            // starts on, so the date's line is never furniture and needs no split.
            Some(raw) => write!(blocks.out, "date {raw} {}", credit.text)?,
            None => blocks.out.write_str(&credit_lines(&credit.text, parser))?,
        }
    }
    // Furniture alone would read back with its first line as a title above the rest, unless
    // the lines stand together.
    let furniture_alone = blocks.first;
    for (i, line) in article.boilerplate.iter().enumerate() {
        // A notice of several sentences is furniture only as a paragraph of its own.
        if furniture_alone && i > 0 && parser.is_boilerplate(line) {
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

/// A credit line as written: on one line, or over two when one line would read back as
/// furniture (`Share on ... contributed to this report.` was a paragraph of several lines).
fn credit_lines(text: &str, parser: &ArticleParser) -> String {
    if !parser.is_boilerplate(text) {
        return text.to_owned();
    }
    let split = text.rmatch_indices(' ').map(|(at, _)| at).find(|&at| {
        let tail = &text[at + 1..];
        at > 0 && !tail.is_empty() && !parser.is_boilerplate(tail) && section_break(tail).is_none()
    });
    match split {
        Some(at) => format!("{}\n{}", &text[..at], &text[at + 1..]),
        None => text.to_owned(),
    }
}

/// Whether `title`, written above a blank line and what follows, reads back as the title
/// without a date line below it: a title's shape, not furniture or a byline, and text after
/// it that is no `=====` break.
fn title_reads_back(article: &Article, title: &str, bylines: &[&str], parser: &ArticleParser) -> bool {
    let next = bylines.first().copied().or_else(|| {
        let first = article.sections.first()?;
        if first.heading.is_some() || first.paragraphs.is_empty() {
            return Some("=====");
        }
        first.paragraphs.first().map(|p| p.text.as_str())
    });
    let next = next
        .or_else(|| article.credits.first().map(|c| c.text.as_str()))
        .or_else(|| article.boilerplate.first().map(String::as_str));
    looks_like_title(title)
        && !parser.is_boilerplate(title)
        && !is_byline(title)
        && next.is_some_and(|next| section_break(next).is_none() && !next.starts_with("====="))
}

/// Whether the first paragraph, written first, would read back as a title or a date line: the
/// parser takes a first line as a title when it looks like one or stands above a date line. A
/// bare `=====` break written above it stops that and adds nothing to the article.
fn lead_reads_as_title(article: &Article, lines: &[String]) -> bool {
    let Some(first) = article.sections.first() else {
        return false;
    };
    let Some(lead) = lines.first().filter(|_| !first.paragraphs.is_empty()) else {
        return false;
    };
    if date_slot(lead.split('\n').next().unwrap_or("")).is_some() {
        return true;
    }
    if let Some((_, second)) = lead.split_once('\n') {
        // Over two lines, the lead reads as a title above its date line when its second line
        // is a date line; otherwise as no title.
        return date_slot(second).is_some();
    }
    let next = match lines.get(1).filter(|_| first.paragraphs.len() > 1) {
        Some(line) => line.as_str(),
        None if article.sections.len() > 1 => return false,
        // After the body come credit lines, then furniture.
        None => match article.credits.iter().find(|c| c.kind == CreditKind::Credit) {
            Some(credit) => credit.text.as_str(),
            None => match article.boilerplate.first() {
                Some(line) => line,
                None => return false,
            },
        },
    };
    let next = next.split('\n').next().unwrap_or("");
    (looks_like_title(lead) && section_break(next).is_none()) || date_slot(next).is_some()
}

/// Every paragraph as written: on one line, or over two where one line would read back as
/// something else. Joined, a paragraph's lines make a line that may gain a dateline (`TEHRAN –`
/// ended a line, the text went on below), become a byline, a furniture line (`Tags:` above a
/// line of tags) or a date line's time; the parser folded a line break into one of the text's
/// spaces, and writing it back as that break keeps what the parser read.
///
/// `header_sees_lead` when no date line comes before the first paragraph: its first line must
/// then not be one.
fn paragraph_lines(
    article: &Article,
    inline: Option<&str>,
    header_sees_lead: bool,
    dateline_at: Option<usize>,
    parser: &ArticleParser,
) -> Vec<String> {
    let paragraphs: Vec<&Paragraph> = article.paragraphs().collect();
    let ends_in_paragraph = article.sections.last().is_some_and(|s| !s.paragraphs.is_empty());
    let last = if ends_in_paragraph { paragraphs.len().checked_sub(1) } else { None };
    let trailing_credits = article.credits.iter().any(|c| c.kind == CreditKind::Credit);
    // The parser tries the first paragraphs for a dateline (the one after a deck:
    // `write_article` asks for that placement itself).
    let dateline_at = article.dateline.as_ref().map(|_| dateline_at.unwrap_or(0));
    let mut lead_pending = true;
    let mut tries = 0;
    let mut lines = Vec::with_capacity(paragraphs.len());
    for (k, paragraph) in paragraphs.iter().enumerate() {
        let mut line = String::new();
        if let (0, Some(raw)) = (k, inline) {
            let _ = write!(line, "date {raw} ");
        }
        let after_inline = line.len();
        let mut body = String::new();
        if let Some(dateline) = article.dateline.as_ref().filter(|_| dateline_at == Some(k)) {
            let _ = write_dateline(&mut body, dateline);
        }
        body.push_str(&paragraph.text);
        if k > 0 && looks_like_heading(&body) {
            // A lone short line would read back as a subheading; indented, it stays a paragraph.
            line.push(' ');
        }
        let from = line.len();
        line.push_str(&body);
        let text_from = line.len() - paragraph.text.len();
        let reads_back = |first: &str, second: Option<&str>| {
            let inline_ok = k > 0
                || inline.is_none()
                || date_slot(first)
                    .is_some_and(|slot| slot.body == Some(after_inline) && slot.raw.1 + 1 == after_inline);
            // The dateline's paragraph must be tried; one tried before it (a deck) or without a
            // dateline must not read as one.
            let dateline_ok = match dateline_at {
                Some(at) if at == k => lead_pending,
                _ => !lead_pending || dateline(&first[from..]).is_none(),
            };
            // Before the lead, a first line shaped like a byline would read back as one.
            let byline_ok = !lead_pending || !is_byline(&first[after_inline..]);
            let header_ok = k > 0 || !header_sees_lead || date_slot(first).is_none();
            // Split, its second line must not be one of the parser's furniture lines either.
            let furniture_ok = last != Some(k) || trailing_credits || !parser.is_boilerplate(second.unwrap_or(first));
            // A date on the second line is fine: at the top of the file, where it would read
            // back as a title above its date line, `lead_reads_as_title` puts `=====` first.
            let second_ok =
                second.is_none_or(|second| !second.starts_with(is_space) && section_break(second).is_none());
            inline_ok && header_ok && dateline_ok && byline_ok && furniture_ok && second_ok
        };
        if !reads_back(&line, None) {
            let split = line[text_from..]
                .rmatch_indices(' ')
                .map(|(at, _)| text_from + at)
                .find(|&at| at > text_from && reads_back(&line[..at], Some(&line[at + 1..])));
            if let Some(at) = split {
                line.replace_range(at..=at, "\n");
            }
        }
        if lead_pending {
            if dateline_at == Some(k) {
                lead_pending = false;
            } else {
                tries += 1;
                lead_pending = tries < LEAD_TRIES;
            }
        }
        lines.push(line);
    }
    lines
}

fn write_dateline<W: Write>(out: &mut W, dateline: &Dateline) -> fmt::Result {
    let mut parts = Vec::new();
    parts.extend(dateline.place.as_deref());
    parts.extend(dateline.region.as_deref());
    parts.extend(dateline.date.as_deref());
    out.write_str(&parts.join(", "))?;
    if let Some(agency) = &dateline.agency {
        let gap = if parts.is_empty() { "" } else { " " };
        write!(out, "{gap}({agency})")?;
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
    use dateline_model::Span;

    type Outline = (Option<String>, Option<String>, Vec<(Option<String>, Vec<String>)>, Vec<String>);

    /// What the round trip must keep: everything but the spans.
    fn outline(article: &Article) -> Outline {
        let sections = article
            .sections
            .iter()
            .map(|s| (s.heading.clone(), s.paragraphs.iter().map(|p| p.text.clone()).collect()))
            .collect();
        (
            article.title.clone(),
            article.published.as_ref().map(|p| p.raw.clone()),
            sections,
            article.boilerplate.clone(),
        )
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
    fn a_tags_line_above_a_date_stays_one_paragraph() {
        // Found by prop_render_then_parse_gives_the_same_article after `Tags:` became a
        // furniture prefix: joined, the paragraph read back as furniture; split, as a title
        // over a date line.
        for text in ["=====\nTags:\n1990/01/01", "Tags:\n1990/01/01\n\nMore text."] {
            let article = parse_article(text).expect("no errors");
            let printed = render(&article);
            let again = parse_article(&printed).expect("no errors");
            assert_eq!(outline(&again), outline(&article), "{printed}");
        }
    }

    #[test]
    fn furniture_alone_does_not_come_back_as_a_title() {
        for text in ["© 2024 Tehran Times\nLeave a Comment", "Share this\nRead more\n\nTags:"] {
            let article = parse_article(text).expect("no errors");
            assert_eq!(article.title, None, "{text}");
            let printed = render(&article);
            let again = parse_article(&printed).expect("no errors");
            assert_eq!(outline(&again), outline(&article), "{printed}");
        }
    }

    #[test]
    fn a_dateline_split_over_two_lines_is_not_made_whole() {
        for text in [
            "  LEAVE A COMMENT  \nTEHRAN – Tehran",
            "TEHRAN –\nTalks went on.",
            "Title\n\nWASHINGTON\n(AP) — The talks.",
        ] {
            let article = parse_article(text).expect("no errors");
            assert_eq!(article.dateline, None, "{text}");
            let printed = render(&article);
            let again = parse_article(&printed).expect("no errors");
            assert_eq!(again.dateline, None, "{printed}");
            assert_eq!(outline(&again), outline(&article), "{printed}");
        }
    }

    #[test]
    fn a_heading_starting_with_equals_signs_keeps_them() {
        let text = "Lead text.\n\n=Tehran\n\nMore text.";
        let article = parse_article(text).expect("no errors");
        assert_eq!(article.sections[1].heading.as_deref(), Some("=Tehran"));
        let printed = render(&article);
        assert_eq!(outline(&parse_article(&printed).expect("no errors")), outline(&article), "{printed}");
    }

    /// Parses `text`, renders it, and checks that the rendering reads back the same.
    fn round_trip(text: &str) -> String {
        let article = parse_article(text).expect("no errors");
        let printed = render(&article);
        let again = parse_article(&printed).expect("no errors");
        assert_eq!(outline(&again), outline(&article), "{text:?} printed as {printed:?}");
        // Spans move with what the printer adds (`=====` above a title-less lead, say).
        let unplaced = |a: &Article| a.dateline.clone().map(|d| Dateline { span: Span::default(), ..d });
        assert_eq!(unplaced(&again), unplaced(&article), "{text:?} printed as {printed:?}");
        printed
    }

    #[test]
    fn a_last_paragraph_shaped_like_furniture_stays_body_text() {
        assert_eq!(round_trip("Tags:\nTehran"), "Tags:\nTehran\n");
        round_trip("Talks went on.\n\nShare\nthis\n\nLeave a Comment");
        round_trip("Talks went on.\n\n©\n2024 Tehran Times");
    }

    #[test]
    fn a_first_paragraph_shaped_like_a_date_line_stays_body_text() {
        assert_eq!(round_trip("=====\nJanuary 1, 1990"), "January 1,\n1990\n");
        round_trip("Talks\n\nJanuary\n1, 1990");
        assert_eq!(round_trip("=====\n2024-09-15"), "=====\n\n2024-09-15\n");
    }

    #[test]
    fn bylines_keep_the_dateline_on_the_right_paragraph() {
        round_trip("By Sara Ahmadi\n\nTEHRAN – Talks went on.\n\nMore.");
        round_trip("By Sara\nAhmadi\n\nTEHRAN – Talks went on.");
        round_trip("BY JOHN –\nTalks went\non.\n\nMore.");
    }

    #[test]
    fn a_deck_above_the_lead_keeps_the_dateline() {
        let text = "Trade down 12% in 2016\n\nExports fell, imports held\n\nMOSCOW, February 7. /TASS/. Trade fell.";
        let article = parse_article(text).expect("no errors");
        assert_eq!(
            article.dateline.as_ref().map(|d| (d.place.as_deref(), d.agency.as_deref())),
            Some((Some("MOSCOW"), Some("TASS")))
        );
        assert_eq!(
            round_trip(text),
            "Trade down 12% in 2016\n\nExports fell, imports held\n\nMOSCOW, February 7 (TASS) – Trade fell.\n"
        );
        // Over two lines, and under a heading, a deck is still passed over; a second one is not.
        round_trip("Exports fell,\nimports held\n\nMOSCOW, February 7. /TASS/. Trade fell.");
        let second = "A second deck of more words than the fifteen that a subheading may have, so not one";
        let two = parse_article(&format!("Title\n\nFirst deck\n\n{second}\n\nMOSCOW – Text.")).expect("no errors");
        assert_eq!(two.dateline, None);
    }

    #[test]
    fn an_inline_date_keeps_its_body_apart_from_a_time() {
        round_trip("date 2024-01-10 -\n20:09 talks went on.");
    }

    #[test]
    fn an_inline_date_over_only_a_credit_line_goes_on_the_credit() {
        // Under a date line of its own, the date would read back as a header's.
        for text in
            ["date January 13, 1990 (Reporting by Ali Kaya)\n", "Talks\n\ndate 2024-01-10 Written by ali kaya\n"]
        {
            let article = parse_article(text).expect("no errors");
            assert!(article.sections.is_empty() && article.credits.len() == 1, "{article:?}");
            assert_eq!(render(&article), text);
        }
    }
}
