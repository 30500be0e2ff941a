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
    Article, Credit, CreditKind, DateSource, Dateline, Diagnostic, Paragraph, Precision, Published, Section, Severity,
    Span,
};

use crate::error::{ParseError, ParseErrorKind};
use crate::grammar::body::{
    TITLE_MAX_BYTES, is_blank, is_indented, is_setext_underline, looks_like_heading, looks_like_title, section_break,
};
use crate::grammar::boilerplate::{is_boilerplate, is_notice, normalize};
use crate::grammar::credits::{byline_names, credit_names, is_byline, is_credit_line};
use crate::grammar::date::{
    DateCheck, DateLine, DateOrder, Stamp, check_date, check_time, date_slot, long_date, weekday_name,
};
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
    date_order: Option<DateOrder>,
}

impl ArticleParser {
    /// A parser with the built-in furniture list, no reference date and no date order.
    #[must_use]
    pub const fn new() -> Self {
        Self { extra_boilerplate: Vec::new(), reference_date: None, date_order: None }
    }

    /// How to read a numeric date whose day and month could be either way round
    /// (`04/03/2024`). Without one, such a date is not taken, and a warning gives both
    /// readings; a date with one possible reading (`25/03/2024`) is read either way.
    ///
    /// ```
    /// use dateline_parse::{ArticleParser, DateOrder};
    ///
    /// let text = "Talks resume\n\n04/03/2024\n\nOfficials met.";
    /// assert!(ArticleParser::new().parse_lenient(text).0.published.is_none());
    /// let day_first = ArticleParser::new().date_order(Some(DateOrder::Dmy));
    /// assert_eq!(day_first.parse(text)?.published.unwrap().date.to_string(), "2024-03-04");
    /// # Ok::<(), dateline_parse::ParseError>(())
    /// ```
    #[must_use]
    pub const fn date_order(mut self, order: Option<DateOrder>) -> Self {
        self.date_order = order;
        self
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
    /// Paragraphs tried for a dateline so far: the first two of the body (bylines aside).
    lead_tries: usize,
    /// A wire a byline named (`By AFP Staff`): the dateline's agency when it names none.
    byline_wire: Option<String>,
    /// Where the paragraph that follows the dateline starts.
    dateline_paragraph: Option<usize>,
    /// A date was shaped like one but not taken (either order, another calendar), and said so.
    date_unread: bool,
}

/// The most credit lines taken off the end of a body: articles have one or two, and with a
/// bound the authors stay few enough to be looked through (a file of credit lines stays linear).
const MAX_TRAILING_CREDITS: usize = 8;

/// How many paragraphs at the top of the body are tried for a dateline: the lead, or the
/// paragraph after a deck (a summary printed above the lead).
const LEAD_TRIES: usize = 2;

/// Whether a date line is an `Updated ...` line of its own.
fn is_update_line(slot: &DateLine<'_>) -> bool {
    slot.body.is_none() && slot.update_label && slot.updated.is_none()
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
            lead_tries: 0,
            byline_wire: None,
            dateline_paragraph: None,
            date_unread: false,
        };
        let start = asm.header();
        // A title over an inline prefix stays `Inline`: a second copy is told by its prefix.
        if matches!(asm.header_shape, Some(HeaderShape::Line)) && asm.article.title.is_some() {
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

    // header = title-line [setext-underline] *blank-line date-slot [updated-line]
    //        / [title-line [setext-underline] *blank-line] byline *blank-line header-line [updated-line]
    //        / date-slot [updated-line]
    //        / title-line [setext-underline] 1*blank-line      ; a title without date
    fn header(&mut self) -> BodyStart {
        let mut lines = Lines::new(self.text, 0, self.text.len());
        let Some(first) = lines.find(|&l| !is_blank(self.slice(l))) else {
            return BodyStart { lead: None, at: self.text.len() };
        };
        if let Some(start) = self.date_slot(first, lines) {
            return start;
        }
        let first_text = self.slice(first);
        if is_byline(first_text) {
            // A byline above the date line, with no title.
            let mut after = lines;
            if let Some(next) = after.find(|&l| !is_blank(self.slice(l)))
                && self.is_date_line(next)
                && let Some(start) = self.date_slot(next, after)
            {
                self.credit(first, CreditKind::Byline);
                return start;
            }
            return BodyStart { lead: None, at: first.start };
        }
        let could_be_title = section_break(first_text).is_none();
        let mut after_first = lines;
        let second = after_first.next();
        let underlined = could_be_title && second.is_some_and(|l| is_setext_underline(self.slice(l)));
        if !underlined {
            after_first = lines;
        }
        if !underlined && let Some(second) = second.filter(|&l| !is_blank(self.slice(l))) {
            // A title directly above its date line, or above a byline directly above it.
            if could_be_title {
                let mut after_second = after_first;
                after_second.next();
                if let Some(start) = self.date_slot(second, after_second) {
                    self.title(first);
                    return start;
                }
                if is_byline(self.slice(second))
                    && let Some(start) = self.byline_then_date(second, after_second)
                {
                    self.title(first);
                    return start;
                }
            }
            return BodyStart { lead: None, at: first.start };
        }
        // A title, blank lines (or its underline), then a date line, a byline over one, or the body.
        let mut after_third = after_first;
        let Some(third) = after_third.find(|&l| !is_blank(self.slice(l))) else {
            if underlined {
                self.title(first);
                return BodyStart { lead: None, at: self.text.len() };
            }
            return BodyStart { lead: None, at: first.start };
        };
        if !could_be_title {
            return BodyStart { lead: None, at: first.start };
        }
        if let Some(start) = self.date_slot(third, after_third) {
            self.title(first);
            return start;
        }
        if is_byline(self.slice(third))
            && let Some(start) = self.byline_then_date(third, after_third)
        {
            self.title(first);
            return start;
        }
        // Furniture (`Leave a Comment`) and bylines have a title's shape but are none.
        let titled = looks_like_title(first_text) && !self.parser.is_boilerplate(first_text);
        if underlined || (titled && section_break(self.slice(third)).is_none()) {
            self.title(first);
            return BodyStart { lead: None, at: third.start };
        }
        BodyStart { lead: None, at: first.start }
    }

    /// A byline, then (after blank lines) a date line: the byline is a credit.
    fn byline_then_date(&mut self, byline: Line, after: Lines<'a>) -> Option<BodyStart> {
        let mut after = after;
        let next = after.find(|&l| !is_blank(self.slice(l)))?;
        if !self.is_date_line(next) {
            return None;
        }
        let start = self.date_slot(next, after)?;
        self.credit(byline, CreditKind::Byline);
        Some(start)
    }

    /// Whether `line` is a header date line (not an inline prefix, which opens the body).
    fn is_date_line(&self, line: Line) -> bool {
        date_slot(self.slice(line)).is_some_and(|slot| slot.body.is_none())
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

    /// Takes `line` (trimmed) as a byline or credit line, and the people it names as authors.
    fn credit(&mut self, line: Line, kind: CreditKind) {
        let raw = self.slice(line);
        let start = line.start + (raw.len() - raw.trim_start().len());
        let text = raw.trim();
        self.credit_text(Span::new(start, start + text.len()), kind);
    }

    fn credit_text(&mut self, span: Span, kind: CreditKind) {
        let raw = &self.text[span.start..span.end];
        // As the paragraph reads, with its line breaks folded: the names may span one.
        let text = if raw.contains('\n') { raw.replace('\n', " ") } else { raw.to_owned() };
        let (names, wire) = match kind {
            CreditKind::Byline => byline_names(&text),
            CreditKind::Credit => (credit_names(&text), None),
        };
        for name in names {
            if !self.article.authors.iter().any(|known| known == name) {
                self.article.authors.push(name.to_owned());
            }
        }
        if let Some(wire) = wire
            && self.byline_wire.is_none()
        {
            self.byline_wire = Some(wire.to_owned());
        }
        self.article.credits.push(Credit { kind, text, span });
    }

    /// Reads `line` as a date slot; `after` walks the lines after it (for an `Updated` line).
    fn date_slot(&mut self, line: Line, after: Lines<'a>) -> Option<BodyStart> {
        let slot = date_slot(self.slice(line))?;
        // An inline date that cannot be read leaves its line to the body, where it stands
        // whole: the body text after it could not stand alone (`date 04/03/2024 =====`).
        if slot.body.is_some()
            && let DateCheck::Unread(message) = check_date(&slot.date, None, self.parser.date_order)
        {
            let span = Span::new(line.start + slot.raw.0, line.start + slot.raw.1);
            let raw = &self.text[span.start..span.end];
            self.date_unread = true;
            self.warn(span, format!("`{raw}` not read as a date: {message}; the line is read as body text"));
            return None;
        }
        let shape = if slot.body.is_some() { HeaderShape::Inline } else { HeaderShape::Line };
        let source = if slot.body.is_some() { DateSource::InlinePrefix } else { DateSource::Header };
        self.article.published = self.stamp(line, &slot.stamp(), source, true);
        let mut next = after.position();
        // An update only beside a publication date: alone it would read back as one.
        if slot.body.is_none() && self.article.published.is_some() {
            if let Some(updated) = &slot.updated {
                self.article.updated = self.stamp(line, updated, DateSource::Header, false);
            } else {
                // `Updated: ...` on the next line.
                let mut lines = after;
                if let Some(below) = lines.find(|&l| !is_blank(self.slice(l)))
                    && let Some(updated) = date_slot(self.slice(below)).filter(is_update_line)
                {
                    self.article.updated = self.stamp(below, &updated.stamp(), DateSource::Header, false);
                    next = lines.position();
                }
            }
        }
        let lead = slot.body.map(|body| Line { start: line.start + body, end: line.end });
        self.header_shape = Some(shape);
        Some(BodyStart { lead, at: next })
    }

    /// Checks a date (and time) of `line` and says what is wrong with it. `main` for the
    /// publication date, whose trouble keeps any other date from standing in.
    fn stamp(&mut self, line: Line, stamp: &Stamp<'_>, source: DateSource, main: bool) -> Option<Published> {
        let span = Span::new(line.start + stamp.raw.0, line.start + stamp.raw.1);
        let raw = &self.text[span.start..span.end];
        let date = match check_date(&stamp.date, None, self.parser.date_order) {
            DateCheck::Valid { date, calendar, .. } => (date, calendar),
            // Date slots always carry a year; their shapes are built that way.
            DateCheck::NoYear => return None,
            DateCheck::Unread(message) => {
                // Said already: no "no publication date" besides. A dateline's date may stand in.
                self.date_unread |= main;
                self.warn(span, format!("`{raw}` not read as a date: {message}"));
                return None;
            }
            DateCheck::Invalid(message) => {
                self.date_error |= main;
                self.error(ParseErrorKind::InvalidDate, span, format!("impossible date `{raw}`: {message}"));
                return None;
            }
        };
        let (date, calendar) = date;
        if let Some((weekday, (start, end))) = stamp.weekday
            && weekday != date.weekday()
        {
            let at = Span::new(line.start + start, line.start + end);
            self.warn(
                at,
                format!(
                    "the date line names a {}, but {} is a {}; the date is taken as written",
                    weekday_name(weekday),
                    long_date(date),
                    weekday_name(date.weekday())
                ),
            );
        }
        let (time, precision) = match stamp.time.map(|t| check_time(&t)).transpose() {
            Ok(Some(Some((time, precision)))) => (Some(time), precision),
            Ok(Some(None) | None) => (None, Precision::Day),
            Err(message) => {
                // At the time itself: the date is fine and stays.
                let (start, end) = stamp.time_raw.unwrap_or(stamp.raw);
                let at = Span::new(line.start + start, line.start + end);
                let time = &self.text[at.start..at.end];
                self.error(ParseErrorKind::InvalidTime, at, format!("impossible time `{time}`: {message}"));
                (None, Precision::Day)
            }
        };
        Some(Published { date, time, precision, year_inferred: false, source, calendar, raw: raw.to_owned(), span })
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
                let (start, end) = if self.parser.is_boilerplate(text) {
                    (line.start, line.end)
                } else {
                    // A notice of copyright may run over several lines: the whole paragraph.
                    // The paragraph it ends, as the body reads paragraphs: back to a blank
                    // line, a `=====` break, or an indented line, which starts one.
                    let mut first = line;
                    while first.start > body_start && !is_indented(self.slice(first)) {
                        let above = line_before(self.text, first.start - 1);
                        let above_text = self.slice(above);
                        if above.start < body_start || is_blank(above_text) || section_break(above_text).is_some() {
                            break;
                        }
                        first = above;
                    }
                    let paragraph = &self.text[first.start..line.end];
                    if !is_notice(paragraph) {
                        break;
                    }
                    (first.start, line.end)
                };
                let raw = &self.text[start..end];
                let trimmed = raw.trim();
                found.push(if trimmed.contains('\n') { trimmed.replace('\n', " ") } else { trimmed.to_owned() });
                body_end = start;
                let at = start + (raw.len() - raw.trim_start().len());
                self.furniture_at = Some(Span::new(at, at + trimmed.len()));
                cursor = start;
                if start == 0 {
                    break;
                }
                cursor -= 1;
                continue;
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
            // setext-heading = heading-line setext-underline     (the line directly above)
            // Not the body text on an inline date's line: that is the lead. Tried before a
            // section break: an underline of three or four `=`, or indented, is none.
            let whole_line = |l: Line| l.start == 0 || self.text.as_bytes()[l.start - 1] == b'\n';
            if let [above] = block[..]
                && is_setext_underline(text)
                && whole_line(above)
                && looks_like_heading(self.slice(above))
                && !self.parser.is_boilerplate(self.slice(above))
            {
                block.clear();
                self.settle_pending_as_paragraph();
                self.open_section(Some(above));
                self.blocks_seen += 1;
                // Underlined, it stands alone as a title does: a date line below is a second
                // article's header.
                self.last_lone_line = Some(above);
            } else if is_blank(text) {
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
        // A byline above the lead is a credit, on a line of its own or over the lead.
        if !self.lead_done && is_byline(self.slice(first)) {
            self.credit(first, CreditKind::Byline);
            block.remove(0);
            if block.is_empty() {
                return;
            }
        }
        let Some(&first) = block.first() else { return };
        let lone_line = block.len() == 1;
        let text = self.slice(first);
        self.last_lone_line = lone_line.then_some(first);
        // A credit line (`(Reporting by ...)`) has a subheading's shape but is none.
        let heading = looks_like_heading(text) && !self.parser.is_boilerplate(text) && !is_credit_line(text);
        if lone_line && self.blocks_seen > 0 && heading {
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
                let under_lone_title =
                    |line: Line| header_line(line).filter(|_| self.last_lone_line.is_some_and(title));
                let found = match *block {
                    [line] => under_lone_title(line),
                    // The date line with its update line under it: said at the date line.
                    [line, _] if header_line(line).is_some() => under_lone_title(line),
                    [above, line] => header_line(line).filter(|_| title(above)),
                    // A title directly above its date line and that line's update.
                    [above, line, update] if header_line(update).is_some() => {
                        header_line(line).filter(|_| title(above))
                    }
                    _ => None,
                };
                self.note_second_header(found);
            }
            // Every paragraph of the block: an indented line starts one, as wire copy does.
            // And an inline date directly under a title, as a header has it (`Talks
            // resume` over `date 2024-01-10 Officials met.`): joined, the title and the
            // date's line make one paragraph, which opens with the title.
            HeaderShape::Inline => {
                let first_is_title = block.len() > 1 && title(block[0]);
                for (i, &line) in block.iter().enumerate() {
                    let under_title = i == 1 && first_is_title;
                    if i > 0 && !is_indented(self.slice(line)) && !under_title {
                        continue;
                    }
                    let found = date_slot(self.slice(line))
                        .filter(|slot| i == 0 || slot.body.is_some() || is_indented(self.slice(line)))
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
        // The dateline opens the lead: the body's first paragraph, or the one after a deck.
        if !self.lead_done {
            if let Some(shape) = dateline(&self.text[start..first.end]) {
                self.lead_done = true;
                self.dateline(start, &shape);
                start += shape.text;
                self.dateline_paragraph = Some(start);
            } else {
                self.lead_tries += 1;
                self.lead_done = self.lead_tries >= LEAD_TRIES;
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
        let agency = shape.agency.map(str::to_owned).or_else(|| self.byline_wire.clone());
        self.article.dateline = Some(Dateline {
            place: shape.place.map(str::to_owned),
            region: shape.region.map(str::to_owned),
            agency,
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
        match check_date(&date, reference, self.parser.date_order) {
            DateCheck::Valid { date, inferred, calendar } if wanted => {
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
                    calendar,
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
            DateCheck::Unread(message) if wanted => {
                self.date_unread = true;
                self.warn(span, format!("the dateline's date `{raw}` not read: {message}"));
            }
            DateCheck::Invalid(message) => {
                self.date_error = true;
                self.error(
                    ParseErrorKind::InvalidDate,
                    span,
                    format!("impossible date `{raw}` in the dateline: {message}"),
                );
            }
            DateCheck::Valid { .. } | DateCheck::NoYear | DateCheck::Unread(_) => {}
        }
    }

    /// Takes credit lines (`(Reporting by ...; Editing by ...)`) off the end of the body.
    fn trailing_credits(&mut self) {
        let mut found = Vec::new();
        while let Some(section) = self.article.sections.last_mut() {
            let Some(last) = section.paragraphs.last().filter(|_| found.len() < MAX_TRAILING_CREDITS) else {
                break;
            };
            // The lead keeps its dateline: a paragraph that opens with one is no credit.
            if self.dateline_paragraph == Some(last.span.start) || !is_credit_line(&last.text) {
                break;
            }
            found.push(last.span);
            section.paragraphs.pop();
        }
        for span in found.into_iter().rev() {
            self.credit_text(span, CreditKind::Credit);
        }
    }

    fn finish(mut self) -> (Article, Vec<Issue>) {
        self.trailing_credits();
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
        let dateless =
            self.article.published.is_none() && !self.date_error && !self.date_unread && !self.year_less_dateline;
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
