//! The article structure: optional title, date slot, body, trailing furniture.
//!
//! ```text
//! article = *blank-line [title-block] [date-slot] body *furniture-line *blank-line
//! ```
//!
//! The grammar productions (in [`crate::grammar`]) recognise single lines; this module walks
//! the lines once, in order, and decides what each block of lines is.

use chrono::{Datelike, NaiveDate};
use dateline_model::{
    Article, DateSource, Dateline, Diagnostic, Paragraph, Precision, Published, Section, Severity, Span,
};

use crate::error::{ParseError, ParseErrorKind};
use crate::grammar::body::{
    TITLE_MAX_BYTES, is_blank, is_byline, is_deck, is_indented, looks_like_heading, looks_like_title, section_break,
};
use crate::grammar::boilerplate::{is_boilerplate, normalize};
use crate::grammar::date::{DateCheck, check_date, check_time, date_slot};
use crate::grammar::dateline::dateline;
use crate::grammar::is_gap;
use crate::lines::{Line, LineIndex, Lines, line_before};

/// A configurable article parser.
///
/// ```
/// use chrono::NaiveDate;
/// use dateline_parse::ArticleParser;
///
/// let parser = ArticleParser::new()
///     .boilerplate(["Sponsored content"])
///     .reference_date(NaiveDate::from_ymd_opt(2024, 3, 1));
/// let (article, diagnostics) = parser.parse_lenient("NEW YORK, Feb 26 - Stocks fell.\n\nSponsored content\n");
/// assert_eq!(article.published.unwrap().date, NaiveDate::from_ymd_opt(2024, 2, 26).unwrap());
/// assert_eq!(article.boilerplate, ["Sponsored content"]);
/// assert!(diagnostics[0].message.contains("no year"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleParser {
    extra_boilerplate: Vec<String>,
    reference_date: Option<NaiveDate>,
}

impl ArticleParser {
    /// A parser with the built-in furniture list and no reference date.
    #[must_use]
    pub const fn new() -> Self {
        Self { extra_boilerplate: Vec::new(), reference_date: None }
    }

    /// Adds lines that count as furniture when they close an article, besides
    /// [`BUILT_IN_BOILERPLATE`](crate::BUILT_IN_BOILERPLATE). Case and spacing do not matter.
    #[must_use]
    pub fn boilerplate<I, S>(mut self, lines: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.extra_boilerplate
            .extend(lines.into_iter().map(|line| normalize(line.as_ref())).filter(|line| !line.is_empty()));
        self
    }

    /// The date that year-less dateline dates (`Feb 26`) are read against: they take the
    /// latest year that puts them on or before it, with a warning. Without one they are not
    /// taken as the publication date.
    #[must_use]
    pub const fn reference_date(mut self, date: Option<NaiveDate>) -> Self {
        self.reference_date = date;
        self
    }

    /// Parses an article, failing at the first error.
    ///
    /// # Errors
    ///
    /// A [`ParseError`] for the first impossible date or time. Warnings do not fail the parse;
    /// use [`parse_lenient`](Self::parse_lenient) to see them.
    pub fn parse(&self, text: &str) -> Result<Article, ParseError> {
        let (article, issues) = Assembler::run(self, text);
        match issues.iter().find_map(|issue| issue.kind.map(|kind| (kind, issue))) {
            None => Ok(article),
            Some((kind, issue)) => {
                let index = LineIndex::new(text);
                let diagnostic = issue.locate(&index);
                Err(ParseError::new(kind, &diagnostic, index.line_text(diagnostic.line)))
            }
        }
    }

    /// Parses an article, never failing: what cannot be read is left out and reported.
    #[must_use]
    pub fn parse_lenient(&self, text: &str) -> (Article, Vec<Diagnostic>) {
        let (article, issues) = Assembler::run(self, text);
        if issues.is_empty() {
            return (article, Vec::new());
        }
        let index = LineIndex::new(text);
        (article, issues.iter().map(|issue| issue.locate(&index)).collect())
    }

    /// Renders `article` as text this parser reads back to it (spans aside), for an article it
    /// read without errors: [`render`](crate::render), with this parser's own furniture lines in
    /// view, so that no paragraph is written to end in one.
    ///
    /// ```
    /// use dateline_parse::ArticleParser;
    ///
    /// let parser = ArticleParser::new().boilerplate(["Sponsored"]);
    /// let article = parser.parse("Copyright\nTehran sponsored")?;
    /// // On one line the paragraph would read as furniture (`Copyright ...`), and split before
    /// // its last word, that word would too.
    /// assert_eq!(parser.render(&article), "Copyright\nTehran sponsored\n");
    /// # Ok::<(), dateline_parse::ParseError>(())
    /// ```
    #[must_use]
    pub fn render(&self, article: &Article) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = crate::printer::write_for(&mut out, article, self);
        out
    }

    pub(crate) fn is_boilerplate(&self, line: &str) -> bool {
        is_boilerplate(line, &self.extra_boilerplate)
    }
}

/// A diagnostic before its line and column are known. `kind` is set for errors.
#[derive(Debug)]
struct Issue {
    kind: Option<ParseErrorKind>,
    span: Span,
    message: String,
}

impl Issue {
    fn locate(&self, index: &LineIndex<'_>) -> Diagnostic {
        let (line, column) = index.locate(self.span.start);
        let severity = if self.kind.is_some() { Severity::Error } else { Severity::Warning };
        Diagnostic { severity, line, column, message: self.message.clone(), span: self.span }
    }
}

/// How the header gave the date; a second header of the same shape in the body means a second
/// article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderShape {
    /// An inline `date` prefix.
    Inline,
    /// A title above a date line.
    TitleAndLine,
    /// A date line without a title: a lone date line in the body is a timeline's heading as
    /// often as a second article, so none is looked for.
    Line,
}

/// A date line in the body that looks like the start of another article: the first one, and
/// how many there are.
#[derive(Debug, Clone, Copy)]
struct SecondArticle {
    first: Span,
    count: usize,
}

/// Where the body begins: a line start, and possibly the rest of the date line before it.
#[derive(Debug, Clone, Copy)]
struct BodyStart {
    /// Body text on the date line itself, after an inline `date` prefix.
    lead: Option<Line>,
    /// The first whole line of the body.
    at: usize,
}

struct Assembler<'a, 'p> {
    text: &'a str,
    parser: &'p ArticleParser,
    article: Article,
    issues: Vec<Issue>,
    /// A date slot or dateline date was impossible: no other date stands in for it.
    date_error: bool,
    /// Blocks of body lines seen so far; the first is the lead and never a heading.
    blocks_seen: usize,
    /// The lead paragraph has been checked for a dateline.
    lead_done: bool,
    /// A lone short line that is a subheading if body text follows it.
    pending_heading: Option<Line>,
    /// The only date was a dateline's, without a year, and was reported as such.
    year_less_dateline: bool,
    /// How the header gave the date, if it did.
    header_shape: Option<HeaderShape>,
    /// The last block, when it was one line.
    last_lone_line: Option<Line>,
    /// Date lines in the body shaped like the header's.
    second_article: Option<SecondArticle>,
    /// The first furniture line taken off the end.
    furniture_at: Option<Span>,
}

impl<'a, 'p> Assembler<'a, 'p> {
    fn run(parser: &'p ArticleParser, text: &'a str) -> (Article, Vec<Issue>) {
        let mut asm = Assembler {
            text,
            parser,
            article: Article { sections: vec![untitled_section()], ..Article::default() },
            issues: Vec::new(),
            date_error: false,
            blocks_seen: 0,
            lead_done: false,
            pending_heading: None,
            year_less_dateline: false,
            header_shape: None,
            last_lone_line: None,
            second_article: None,
            furniture_at: None,
        };
        let start = asm.header();
        if asm.header_shape.is_some() && asm.article.title.is_some() {
            asm.header_shape = Some(HeaderShape::TitleAndLine);
        }
        let body_end = asm.furniture(start.lead.map_or(start.at, |lead| lead.start));
        asm.body(start, body_end);
        asm.finish()
    }

    fn slice(&self, line: Line) -> &'a str {
        &self.text[line.start..line.end]
    }

    fn error(&mut self, kind: ParseErrorKind, span: Span, message: String) {
        self.issues.push(Issue { kind: Some(kind), span, message });
    }

    fn warn(&mut self, span: Span, message: String) {
        self.issues.push(Issue { kind: None, span, message });
    }

    // header = [title-line (blank-line / date-slot-line)] [date-slot]
    fn header(&mut self) -> BodyStart {
        let mut lines = Lines::new(self.text, 0, self.text.len());
        let Some(first) = lines.find(|&l| !is_blank(self.slice(l))) else {
            return BodyStart { lead: None, at: self.text.len() };
        };
        if let Some(start) = self.date_slot(first, lines.position()) {
            return start;
        }
        let first_text = self.slice(first);
        let could_be_title = section_break(first_text).is_none();
        let mut after_first = lines;
        match after_first.next() {
            // A title directly above its date line.
            Some(second) if !is_blank(self.slice(second)) => {
                if could_be_title && let Some(start) = self.date_slot(second, after_first.position()) {
                    self.title(first);
                    return start;
                }
            }
            // A title, blank lines, then a date line or the body.
            _ => {
                let mut after_third = after_first;
                if let Some(third) = after_third.find(|&l| !is_blank(self.slice(l)))
                    && could_be_title
                {
                    if let Some(start) = self.date_slot(third, after_third.position()) {
                        self.title(first);
                        return start;
                    }
                    // Furniture (`Leave a Comment`) has a title's shape but is none.
                    if looks_like_title(first_text)
                        && !self.parser.is_boilerplate(first_text)
                        && section_break(self.slice(third)).is_none()
                    {
                        self.title(first);
                        return BodyStart { lead: None, at: third.start };
                    }
                }
            }
        }
        BodyStart { lead: None, at: first.start }
    }

    fn title(&mut self, line: Line) {
        let raw = self.slice(line);
        let trimmed = raw.trim_start();
        let start = line.start + (raw.len() - trimmed.len());
        let title = trimmed.trim_end();
        let span = Span::new(start, start + title.len());
        // Only a title above a date line gets here this long: read as the title, but said.
        if title.len() > TITLE_MAX_BYTES {
            self.warn(
                span,
                format!(
                    "a title of {} bytes, longer than any headline ({TITLE_MAX_BYTES} at most): body text above the date line?",
                    title.len()
                ),
            );
        }
        self.article.title = Some(title.to_owned());
        self.article.title_span = Some(span);
    }

    /// Reads `line` as a date slot. `next` is where the following line starts.
    fn date_slot(&mut self, line: Line, next: usize) -> Option<BodyStart> {
        let slot = date_slot(self.slice(line))?;
        let span = Span::new(line.start + slot.raw.0, line.start + slot.raw.1);
        let raw = &self.text[span.start..span.end];
        match check_date(&slot.date, None) {
            DateCheck::Valid { date, .. } => {
                let (time, precision) = match slot.time.map(|t| check_time(&t)).transpose() {
                    Ok(Some((time, precision))) => (Some(time), precision),
                    Ok(None) => (None, Precision::Day),
                    Err(message) => {
                        // At the time itself: the date is fine and stays.
                        let (start, end) = slot.time_raw.unwrap_or(slot.raw);
                        let at = Span::new(line.start + start, line.start + end);
                        let time = &self.text[at.start..at.end];
                        self.error(ParseErrorKind::InvalidTime, at, format!("impossible time `{time}`: {message}"));
                        (None, Precision::Day)
                    }
                };
                let source = if slot.body.is_some() { DateSource::InlinePrefix } else { DateSource::Header };
                self.article.published =
                    Some(Published { date, time, precision, year_inferred: false, source, raw: raw.to_owned(), span });
            }
            // Date slots always carry a year; their shapes are built that way.
            DateCheck::NoYear => return None,
            DateCheck::Invalid(message) => {
                self.date_error = true;
                self.error(ParseErrorKind::InvalidDate, span, format!("impossible date `{raw}`: {message}"));
            }
        }
        let lead = slot.body.map(|body| Line { start: line.start + body, end: line.end });
        self.header_shape = Some(if lead.is_some() { HeaderShape::Inline } else { HeaderShape::Line });
        Some(BodyStart { lead, at: next })
    }

    /// Takes furniture lines off the end of the text, not reaching above `body_start`.
    /// Returns where the body ends.
    fn furniture(&mut self, body_start: usize) -> usize {
        let mut body_end = self.text.len();
        let mut cursor = self.text.len();
        let mut found = Vec::new();
        loop {
            let line = line_before(self.text, cursor);
            if line.start < body_start {
                break;
            }
            let text = self.slice(line);
            if !is_blank(text) {
                if !self.parser.is_boilerplate(text) {
                    break;
                }
                let trimmed = text.trim();
                found.push(trimmed.to_owned());
                body_end = line.start;
                let start = line.start + (text.len() - text.trim_start().len());
                self.furniture_at = Some(Span::new(start, start + trimmed.len()));
            }
            if line.start == 0 {
                break;
            }
            cursor = line.start - 1;
        }
        found.reverse();
        self.article.boilerplate = found;
        body_end
    }

    // body = *( blank-line / section-break / block )
    // block = 1*non-blank-line      (a block of one short line may be a subheading)
    fn body(&mut self, start: BodyStart, end: usize) {
        let mut block: Vec<Line> = Vec::new();
        block.extend(start.lead);
        for line in Lines::new(self.text, start.at, end.max(start.at)) {
            let text = self.slice(line);
            if is_blank(text) {
                self.block(&mut block);
            } else if let Some(section_break) = section_break(text) {
                self.block(&mut block);
                self.settle_pending_as_paragraph();
                let heading = section_break.heading.map(|(s, e)| Line { start: line.start + s, end: line.start + e });
                self.open_section(heading);
            } else {
                block.push(line);
            }
        }
        self.block(&mut block);
        self.settle_pending_as_paragraph();
    }

    fn block(&mut self, block: &mut Vec<Line>) {
        let Some(&first) = block.first() else { return };
        self.look_for_a_second_header(block);
        let lone_line = block.len() == 1;
        let text = self.slice(first);
        self.last_lone_line = lone_line.then_some(first);
        if lone_line && self.blocks_seen > 0 && looks_like_heading(text) && !self.parser.is_boilerplate(text) {
            // Body text follows a subheading; wait for the next block to know.
            if let Some(previous) = self.pending_heading.replace(first) {
                self.open_section(Some(previous));
            }
        } else {
            if let Some(heading) = self.pending_heading.take() {
                self.open_section(Some(heading));
            }
            // paragraph = line *unindented-line      (an indented line starts a new one)
            let mut from = 0;
            for i in 1..block.len() {
                if is_indented(self.slice(block[i])) {
                    self.paragraph(&block[from..i]);
                    from = i;
                }
            }
            self.paragraph(&block[from..]);
        }
        self.blocks_seen += 1;
        block.clear();
    }

    /// Notes a date line in the body laid out the way the header's was (a title above a date
    /// line, or a paragraph opening with an inline `date` prefix): two articles in one file,
    /// most likely. They stay one article; the warning says where the second seems to start.
    fn look_for_a_second_header(&mut self, block: &[Line]) {
        let Some(shape) = self.header_shape else { return };
        let header_line = |line: Line| {
            date_slot(self.slice(line))
                .filter(|slot| slot.body.is_none())
                .map(|slot| Span::new(line.start + slot.raw.0, line.start + slot.raw.1))
        };
        // A title: the shape, and not furniture. Asked only once a date line is found.
        let title = |line: Line| {
            let text = self.slice(line);
            looks_like_title(text) && !self.parser.is_boilerplate(text)
        };
        match shape {
            HeaderShape::Line => {}
            HeaderShape::TitleAndLine => {
                // The title alone above its date line, or directly on it.
                let found = match *block {
                    [line] => header_line(line).filter(|_| self.last_lone_line.is_some_and(title)),
                    [above, line] => header_line(line).filter(|_| title(above)),
                    _ => None,
                };
                self.note_second_header(found);
            }
            // Every paragraph of the block: an indented line starts one, as wire copy does.
            HeaderShape::Inline => {
                for (i, &line) in block.iter().enumerate() {
                    if i > 0 && !is_indented(self.slice(line)) {
                        continue;
                    }
                    let found = date_slot(self.slice(line))
                        .map(|slot| Span::new(line.start + slot.raw.0, line.start + slot.raw.1));
                    self.note_second_header(found);
                }
            }
        }
    }

    fn note_second_header(&mut self, found: Option<Span>) {
        if let Some(span) = found {
            let second = self.second_article.get_or_insert(SecondArticle { first: span, count: 0 });
            second.count += 1;
        }
    }

    fn settle_pending_as_paragraph(&mut self) {
        if let Some(line) = self.pending_heading.take() {
            self.paragraph(&[line]);
        }
    }

    fn open_section(&mut self, heading: Option<Line>) {
        let (heading, heading_span) = match heading {
            Some(line) => {
                // What a `=====` marker takes off the start of its heading (white space and
                // invisible characters) goes from a subheading too: written back after a
                // marker, it would be lost.
                let raw = self.slice(line);
                let start = line.start + (raw.len() - raw.trim_start_matches(is_gap).len());
                let text = self.text[start..line.end].trim_end();
                (Some(text.to_owned()), Some(Span::new(start, start + text.len())))
            }
            None => (None, None),
        };
        self.article.sections.push(Section { heading, heading_span, paragraphs: Vec::new() });
    }

    fn paragraph(&mut self, lines: &[Line]) {
        let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
            return;
        };
        let first_text = self.slice(first);
        let mut start = first.start + (first_text.len() - first_text.trim_start().len());
        let end = last.start + self.slice(last).trim_end().len();
        // A byline above the lead (`By Sara Ahmadi`) is body text; the dateline opens the next.
        // So does a deck, unless it opens with a dateline itself.
        let byline = lines.len() == 1 && is_byline(first_text);
        if !self.lead_done && !byline {
            if let Some(shape) = dateline(&self.text[start..first.end]) {
                self.lead_done = true;
                self.dateline(start, &shape);
                start += shape.text;
            } else {
                let first_paragraph = self.article.sections.iter().all(|s| s.paragraphs.is_empty());
                self.lead_done = !(first_paragraph && is_deck(&self.text[start..end]));
            }
        }
        let source = &self.text[start..end];
        // Only a paragraph of several lines has line breaks to fold; most have one line.
        let text = if lines.len() > 1 { source.replace('\n', " ") } else { source.to_owned() };
        let paragraph = Paragraph { text, span: Span::new(start, end) };
        if let Some(section) = self.article.sections.last_mut() {
            section.paragraphs.push(paragraph);
        }
    }

    fn dateline(&mut self, start: usize, shape: &crate::grammar::dateline::DatelineShape<'_>) {
        self.article.dateline = Some(Dateline {
            place: shape.place.to_owned(),
            region: shape.region.map(str::to_owned),
            agency: shape.agency.map(str::to_owned),
            date: shape.date.map(|(s, e, _)| self.text[start + s..start + e].to_owned()),
            span: Span::new(start + shape.start, start + shape.end),
        });
        let Some((date_start, date_end, date)) = shape.date else {
            return;
        };
        let span = Span::new(start + date_start, start + date_end);
        let raw = &self.text[span.start..span.end];
        let reference = self.parser.reference_date;
        let wanted = self.article.published.is_none() && !self.date_error;
        match check_date(&date, reference) {
            DateCheck::Valid { date, inferred } if wanted => {
                if inferred {
                    let year = date.year();
                    let reference = reference.map_or_else(String::new, |r| r.to_string());
                    self.warn(
                        span,
                        format!(
                            "the dateline's date `{raw}` has no year: took {year} from the reference date {reference}"
                        ),
                    );
                }
                self.article.published = Some(Published {
                    date,
                    time: None,
                    precision: Precision::Day,
                    year_inferred: inferred,
                    source: DateSource::Dateline,
                    raw: raw.to_owned(),
                    span,
                });
            }
            DateCheck::NoYear if wanted => {
                self.year_less_dateline = true;
                self.warn(
                    span,
                    format!("the dateline's date `{raw}` has no year, so the article has no date (give a reference date to use it)"),
                );
            }
            DateCheck::Invalid(message) => {
                self.date_error = true;
                self.error(
                    ParseErrorKind::InvalidDate,
                    span,
                    format!("impossible date `{raw}` in the dateline: {message}"),
                );
            }
            DateCheck::Valid { .. } | DateCheck::NoYear => {}
        }
    }

    fn finish(mut self) -> (Article, Vec<Issue>) {
        let sections = &mut self.article.sections;
        if sections.first().is_some_and(|s| s.heading.is_none() && s.paragraphs.is_empty()) {
            sections.remove(0);
        }
        let no_body = self.article.sections.is_empty();
        // Nothing but furniture: saying it has no date would be beside the point.
        let only_furniture = no_body && self.article.title.is_none() && self.article.published.is_none();
        if self.article.is_empty() {
            self.warn(Span::new(0, 0), "no article text: the file is empty or blank".to_owned());
        } else if let (true, Some(at)) = (no_body, self.furniture_at) {
            let lines = &self.article.boilerplate;
            let mut found = lines.iter().take(3).map(|line| format!("`{line}`")).collect::<Vec<_>>().join(", ");
            if lines.len() > 3 {
                found.push_str(&format!(" and {} more lines", lines.len() - 3));
            }
            let message = if only_furniture && !self.date_error {
                format!("no article text: the file holds only site furniture ({found})")
            } else {
                format!("no body text: only site furniture after the header ({found})")
            };
            self.warn(at, message);
        } else if no_body {
            self.warn(Span::new(0, 0), "no body text: the article is a header only".to_owned());
        }
        let dateless = self.article.published.is_none() && !self.date_error && !self.year_less_dateline;
        if dateless && !self.article.is_empty() && !only_furniture {
            self.warn(Span::new(0, 0), "no publication date found".to_owned());
        }
        if let Some(SecondArticle { first, count }) = self.second_article {
            let raw = &self.text[first.start..first.end];
            let more = if count > 1 { format!(" ({count} such date lines in the body)") } else { String::new() };
            self.warn(
                first,
                format!(
                    "a second article seems to start here: `{raw}` is laid out like this article's own date line{more}; were files joined? Read as part of this one"
                ),
            );
        }
        self.issues.sort_by_key(|issue| issue.span.start);
        (self.article, self.issues)
    }
}

fn untitled_section() -> Section {
    Section { heading: None, heading_span: None, paragraphs: Vec::new() }
}

/// Parses an article with the default [`ArticleParser`], failing at the first error.
///
/// # Errors
///
/// A [`ParseError`] for the first impossible date or time.
pub fn parse_article(text: &str) -> Result<Article, ParseError> {
    ArticleParser::new().parse(text)
}

/// Parses an article with the default [`ArticleParser`], never failing.
#[must_use]
pub fn parse_article_lenient(text: &str) -> (Article, Vec<Diagnostic>) {
    ArticleParser::new().parse_lenient(text)
}
