//! Datelines opening the lead paragraph: `TEHRAN –`, `NEW YORK, Feb 26 -`,
//! `MOSCOW, Sept 30 (Reuters) -`, `WASHINGTON (AP) —`, `SAN FRANCISCO, Calif. (AP) —`,
//! `MOSCOW, February 7. /TASS/.`, `KARACHI:`, `London, March 3 (Reuters) -`, `Lviv, Ukraine —`,
//! `Mashhad, IRNA --`, `(UPI) --`, `Washington (CNN)`.
//!
//! A lead that merely starts with a capitalised name and a comma or a colon (`Britain, France
//! and Germany agreed`, `In Paris, protesters`, `Mr Erdogan: We will not`) is no dateline:
//! places in mixed case need a dash, an agency or a dateline date to close them, never a
//! colon, and never begin with a word a sentence begins with (`In`, `The`, `Mr`).

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::char;
use nom::combinator::{opt, recognize, verify};
use nom::multi::fold_many_m_n;
use nom::sequence::{delimited, preceded};

use super::date::{DateShape, dateline_date, is_weekday, month_number};
use super::wire::is_wire;
use super::{Res, consumed, is_gap, ws, ws0};

/// A dateline as written, with byte ranges relative to the start of the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DatelineShape<'a> {
    /// Where the dateline starts: past any invisible characters opening the paragraph.
    pub(crate) start: usize,
    pub(crate) place: Option<&'a str>,
    pub(crate) region: Option<&'a str>,
    /// The dateline's own date: its byte range and shape.
    pub(crate) date: Option<(usize, usize, DateShape<'a>)>,
    pub(crate) agency: Option<&'a str>,
    /// Where the dateline ends: just past its dash.
    pub(crate) end: usize,
    /// Where the paragraph's own text starts.
    pub(crate) text: usize,
}

/// Words a sentence starts with, which a place written in mixed case never does.
const SENTENCE_STARTS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "against",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "chancellor",
    "despite",
    "dr",
    "during",
    "each",
    "earlier",
    "every",
    "few",
    "first",
    "for",
    "from",
    "gen",
    "general",
    "gov",
    "governor",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "judge",
    "justice",
    "king",
    "last",
    "later",
    "lady",
    "lord",
    "many",
    "mayor",
    "meanwhile",
    "minister",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "next",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "over",
    "pope",
    "president",
    "prime",
    "prince",
    "prof",
    "queen",
    "rep",
    "secretary",
    "sen",
    "senator",
    "several",
    "she",
    "since",
    "sir",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "two",
    "under",
    "until",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "without",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Labels sites print in capitals before a colon or a dash, which are no places.
const LABELS: &[&str] = &[
    "ANALYSIS",
    "BREAKING",
    "BREAKING NEWS",
    "COMMENT",
    "EDITORIAL",
    "EDITOR'S NOTE",
    "EXCLUSIVE",
    "FACT CHECK",
    "FILE",
    "INTERVIEW",
    "LIVE",
    "NOTE",
    "OPINION",
    "PHOTOS",
    "PODCAST",
    "REVIEW",
    "UPDATE",
    "UPDATED",
    "URGENT",
    "VIDEO",
    "WATCH",
];

/// `min` to `max` more words, each after white space, counted without collecting them (a
/// dateline is tried on every lead: no allocation for its words).
fn words<'a>(
    min: usize,
    max: usize,
    word: fn(&'a str) -> Res<'a, &'a str>,
) -> impl Parser<&'a str, Output = (), Error = nom::error::Error<&'a str>> {
    fold_many_m_n(min, max, preceded(ws, word), || (), |(), _| ())
}

/// Particles inside a place's name, in lower case: `Rio de Janeiro`, `Salfit, occupied West Bank`.
const PLACE_PARTICLES: &[&str] =
    &["de", "da", "del", "do", "dos", "al", "el", "es", "la", "le", "of", "on", "upon", "occupied"];

/// The length of a word of a place: letters with `.`, `'`, `’` or `&` anywhere and `-` between
/// letters (`U.S.`, `N'DJAMENA`, `Port-au-Prince`, `AT&T`); `None` if it starts with none.
fn place_word_len(input: &str) -> Option<usize> {
    let mut end = 0;
    let mut chars = input.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let keep = c.is_alphabetic()
            || matches!(c, '.' | '\'' | '’' | '&')
            || (c == '-' && end > 0 && chars.peek().is_some_and(|&(_, next)| next.is_alphabetic()));
        if !keep {
            break;
        }
        end = at + c.len_utf8();
    }
    (end > 0).then_some(end)
}

fn place_word(input: &str) -> Res<'_, &str> {
    match place_word_len(input) {
        Some(len) => Ok((&input[len..], &input[..len])),
        None => Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Alpha))),
    }
}

// caps-word = 1*( UPPER / "." / "'" / "’" / "&" / "-" )      with a capital letter, "-" between letters
fn caps_word(input: &str) -> Res<'_, &str> {
    verify(place_word, |word: &str| word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase))
        .parse(input)
}

// mixed-word = UPPER *( ALPHA / "." / "'" / "’" / "-" ) / particle      ("Lviv", "Port-au-Prince", "de")
fn mixed_word(input: &str) -> Res<'_, &str> {
    verify(place_word, |word: &str| word.starts_with(char::is_uppercase) || PLACE_PARTICLES.contains(&word))
        .parse(input)
}

// caps-place = caps-word 0*5( ws caps-word )                   ("NEW YORK", "U.S.")
fn caps_place(input: &str) -> Res<'_, &str> {
    verify(recognize((caps_word, words(0, 5, caps_word))), |place: &str| {
        place.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !LABELS.contains(&place)
    })
    .parse(input)
}

// mixed-place = mixed-word 0*3( ws mixed-word )               ("London", "Mexico City", "Rio de Janeiro")
//             ; capitalised at both ends, not opening with a word sentences open with (checked last)
fn mixed_place(input: &str) -> Res<'_, &str> {
    verify(recognize((mixed_word, words(0, 3, mixed_word))), |place: &str| {
        place.starts_with(char::is_uppercase)
            && place.split(is_gap).next_back().is_some_and(|w| w.starts_with(char::is_uppercase))
            && place.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && place.chars().any(char::is_lowercase)
    })
    .parse(input)
}

/// Whether a mixed-case place opens with a word sentences open with, a month or a weekday.
/// Asked last, once the rest of a dateline is there: most leads have none.
fn opens_a_sentence(place: &str) -> bool {
    let first = place.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    SENTENCE_STARTS.iter().any(|s| s.eq_ignore_ascii_case(first))
        || month_number(first.trim_end_matches('.')).is_some()
        || is_weekday(first)
}

// region-word = UPPER *( ALPHA / "." / "-" ) / particle        and not a month name
fn region_word(input: &str) -> Res<'_, &str> {
    verify(place_word, |word: &str| {
        (word.starts_with(char::is_uppercase) && month_number(word.trim_end_matches('.')).is_none())
            || PLACE_PARTICLES.contains(&word)
    })
    .parse(input)
}

// region = "," ws region-word 0*3( ws region-word )          ("Calif.", "N.Y.", "Occupied West Bank")
fn region(input: &str) -> Res<'_, &str> {
    preceded(
        (char(','), ws),
        verify(recognize((region_word, words(0, 3, region_word))), |region: &str| {
            region.split(is_gap).next_back().is_some_and(|w| w.starts_with(char::is_uppercase)) && !is_wire(region)
        }),
    )
    .parse(input)
}

// paren-region = ws0 ( "(" region-words ")" / "/" region-words "/" ) &","     ("BANGALORE (India),", "BONN /Germany/,")
fn paren_region(input: &str) -> Res<'_, &str> {
    let names = || recognize((region_word, words(0, 3, region_word)));
    let (rest, region) =
        preceded(ws0, alt((delimited(char('('), names(), char(')')), delimited(char('/'), names(), char('/')))))
            .parse(input)?;
    if !rest.starts_with(',') {
        return Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, region))
}

// agency = ws0 "(" agency-name ")"           ("(Reuters)", "(AP)", "(Reuters Health)", "(Variety.com)")
// agency-name = 1*4 capitalised words of letters, ".", "-", "&", "/"; at most 40 bytes
fn agency(input: &str) -> Res<'_, &str> {
    preceded(
        ws0,
        delimited(
            char('('),
            verify(take_while1(|c: char| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '&' | '/')), |a: &str| {
                a.len() <= 40
                    && a.split(' ').count() <= 4
                    && a.split(' ').all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '&'))
            }),
            char(')'),
        ),
    )
    .parse(input)
}

// wire-after-comma = "," ws wire                  ("Mashhad, IRNA --": a known wire, see wire.rs)
fn wire_after_comma(input: &str) -> Res<'_, &str> {
    preceded((char(','), ws), verify(recognize((place_word, words(0, 2, place_word))), |name: &str| is_wire(name)))
        .parse(input)
}

/// Whether the text after a dateline may start with `c`: a letter in upper case, a digit or
/// an opening quote or bracket, as a sentence does.
fn starts_text(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '['))
}

// dash = ws0 ( "—" / "–" ) / ws0 ( "---" / "--" ) / ws "-"      then ws0; a lone hyphen with
//        nothing after it only before a capital (`WASHINGTON -Chilean`)
fn dash(input: &str) -> Res<'_, &str> {
    let (rest, dash) = alt((
        recognize((ws0, alt((tag("—"), tag("–"))))),
        recognize((ws0, alt((tag("---"), tag("--"))))),
        recognize((ws, char('-'))),
    ))
    .parse(input)?;
    if dash.ends_with('-') && !dash.ends_with("--") && !rest.starts_with(is_gap) && !starts_text(rest) {
        return Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, dash))
}

// slashed-agency = [ "." ] ws0 "/" agency-name "/" [ "." ] [ "-" ] ( ws / &text )    (". /TASS/. ", after a date)
//
// TASS closes its datelines this way instead of with a dash: `MOSCOW, February 7. /TASS/. Text`.
// The name is the agency; the whole of it stands where the dash would.
fn slashed_agency(input: &str) -> Res<'_, (&str, &str)> {
    let name = verify(take_while1(|c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '&')), |a: &str| {
        a.len() <= 40 && a.starts_with(char::is_uppercase)
    });
    let (rest, name) = delimited((opt(char('.')), ws0, char('/')), name, (char('/'), opt(char('.')))).parse(input)?;
    // `/TASS /.`: the name without the space before its slash.
    let name = name.trim_end();
    let (rest, _) = opt(char('-')).parse(rest)?;
    let closing = &input[..input.len() - rest.len()];
    // Text after a space, or straight after the mark when it opens as a sentence does:
    // `/TASS/.Russia's`, not `/TASS/.text`.
    let rest = match ws(rest) {
        Ok((after, _)) => after,
        Err(_) if starts_text(rest) => rest,
        Err(error) => return Err(error),
    };
    Ok((rest, (closing, name)))
}

/// What closes a dateline, and where the text starts.
struct Tail<'a> {
    agency: Option<&'a str>,
    /// Where the dateline ends, as the rest of the input there.
    end: &'a str,
    text: &'a str,
}

/// `[agency] dash`, `[agency] ":"` when `colon`, or an agency before the text itself
/// (`(CNN)Days`; `(PTI) The` for a known wire, or anything when not `dash_needed`).
fn agency_tail(rest: &str, dash_needed: bool, colon: bool) -> Option<Tail<'_>> {
    let (after_agency, agency) = opt(agency).parse(rest).ok()?;
    if let Ok((after, _)) = dash(after_agency) {
        let (text, _) = ws0(after).ok()?;
        return Some(Tail { agency, end: after, text });
    }
    if colon && let Ok((after, _)) = (ws0, char(':')).parse(after_agency) {
        let (text, _) = ws(after).ok()?;
        return Some(Tail { agency, end: after, text });
    }
    let name = agency?;
    // An agency straight before the text (`(CNN)Days`), or before a space.
    if starts_text(after_agency) {
        return Some(Tail { agency, end: after_agency, text: after_agency });
    }
    if !dash_needed || is_wire(name) {
        let (text, _) = ws(after_agency).ok()?;
        return starts_text(text).then_some(Tail { agency, end: after_agency, text });
    }
    None
}

/// A dateline's own date: where it starts and ends (as the rest of the input there), and its shape.
type DatelineDate<'a> = (&'a str, &'a str, DateShape<'a>);

/// Place, region and date: the head of a place dateline.
struct Head<'a> {
    place: &'a str,
    region: Option<&'a str>,
    date: Option<DatelineDate<'a>>,
    rest: &'a str,
}

fn head<'a>(at_place: &'a str, place: fn(&str) -> Res<'_, &str>) -> Option<Head<'a>> {
    let (rest, (place, paren, region)) = (place, opt(paren_region), opt(region)).parse(at_place).ok()?;
    let region = region.or(paren);
    let mut head = Head { place, region, date: None, rest };
    if let Ok((at_date, _)) = (char::<_, nom::error::Error<&str>>(','), ws0).parse(rest)
        && let Ok((after, shape)) = dateline_date(at_date)
    {
        head.date = Some((at_date, after, shape));
        head.rest = after;
    }
    Some(head)
}

// caps-dateline = caps-place [paren-region] [region] [ "," ws0 dateline-date ]
//                 ( slashed-agency / wire-after-comma dash / [agency] dash / agency text / [agency] ":" ws )
//                 ; before a colon, a place of three letters or more (`DW:` is an interviewer)
fn caps_dateline(at_place: &str) -> Option<(Head<'_>, Tail<'_>)> {
    let head = head(at_place, caps_place)?;
    let colon_ok = head.place.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    if head.date.is_some()
        && let Ok((text, (closing, name))) = slashed_agency(head.rest)
    {
        let end = &head.rest[closing.len()..];
        return Some((head, Tail { agency: Some(name), end, text }));
    }
    if head.date.is_none()
        && let Ok((after, wire)) = wire_after_comma(head.rest)
        && let Some(tail) = agency_tail(after, true, false)
    {
        return Some((head, Tail { agency: Some(wire), ..tail }));
    }
    let tail = agency_tail(head.rest, false, colon_ok)?;
    Some((head, tail))
}

// mixed-dateline = mixed-place [region] [ "," ws0 dateline-date ] ( [agency] dash / agency text )
//                / mixed-place wire-after-comma dash          ; the text after opens as a sentence
//                ; with no region, date or agency, a place of one word, not possessive
fn mixed_dateline(at_place: &str) -> Option<(Head<'_>, Tail<'_>)> {
    let head = head(at_place, mixed_place)?;
    if head.date.is_none()
        && head.region.is_none()
        && let Ok((after, wire)) = wire_after_comma(head.rest)
        && let Some(tail) = agency_tail(after, true, false)
    {
        let sentence = !starts_text(tail.text) || opens_a_sentence(head.place);
        return (!sentence).then_some((head, Tail { agency: Some(wire), ..tail }));
    }
    let tail = agency_tail(head.rest, head.date.is_none(), false)?;
    // Alone before a dash, two capitalised words are a person as often as a place
    // (`David Cameron -- May's predecessor`): one word only, and no possessive.
    let bare = head.region.is_none() && head.date.is_none() && tail.agency.is_none();
    if bare && (head.place.split(is_gap).count() > 1 || head.place.ends_with("'s") || head.place.ends_with("’s")) {
        return None;
    }
    (starts_text(tail.text) && !opens_a_sentence(head.place)).then_some((head, tail))
}

// agency-dateline = [ dateline-date ws0 ] agency ( dash / text )      ("(UPI) --", "March 3 (Reuters) -", "(CNN)Days")
fn agency_dateline(at: &str) -> Option<(Option<DatelineDate<'_>>, Tail<'_>)> {
    // No bracket in the line, no agency: most leads end here.
    memchr::memchr(b'(', at.as_bytes())?;
    let (rest, date) = match dateline_date(at) {
        Ok((after, shape)) => (after, Some((at, after, shape))),
        Err(_) => (at, None),
    };
    if !rest.trim_start_matches(is_gap).starts_with('(') {
        return None;
    }
    let tail = agency_tail(rest, true, false)?;
    tail.agency?;
    Some((date, tail))
}

/// The most words before a dateline's closing mark: a place of six, a region of four in
/// brackets and four after a comma, a date of three, an agency of four, with room to spare.
const MAX_WORDS_BEFORE_MARK: usize = 30;

/// Whether a dash, a bracket, a colon or a slash (what closes any dateline) comes within
/// [`MAX_WORDS_BEFORE_MARK`] words of the start: most leads are rejected here, without the
/// grammar. Words are counted at ASCII spaces only, so other white space counts fewer of
/// them, never more.
fn mark_within_reach(line: &str) -> bool {
    let mut words = 0;
    let mut in_space = false;
    for &b in line.as_bytes() {
        match b {
            b'-' | b'(' | b':' | b'/' | 0xE2 => return true,
            b' ' | b'\t' => {
                if !in_space {
                    words += 1;
                    if words > MAX_WORDS_BEFORE_MARK {
                        return false;
                    }
                }
                in_space = true;
            }
            _ => in_space = false,
        }
    }
    false
}

// dateline = ws0 ( caps-dateline / agency-dateline / mixed-dateline ) ws0 text
pub(crate) fn dateline(input: &str) -> Option<DatelineShape<'_>> {
    // A paragraph never starts with white space, but may with a zero-width space.
    let at_place = input.trim_start_matches(is_gap);
    // Cheap rejection: a dateline starts with a capital letter or an agency's bracket, and
    // its closing mark comes within its first few words.
    if !at_place.starts_with(|c: char| c.is_uppercase() || c == '(') || !mark_within_reach(at_place) {
        return None;
    }
    let (place, region, date, tail) = if let Some((date, tail)) = agency_dateline(at_place) {
        (None, None, date, tail)
    } else if let Some((head, tail)) = caps_dateline(at_place).or_else(|| mixed_dateline(at_place)) {
        (Some(head.place), head.region, head.date, tail)
    } else {
        return None;
    };
    if tail.text.is_empty() {
        return None;
    }
    Some(DatelineShape {
        start: consumed(input, at_place),
        place,
        region,
        date: date.map(|(at, after, shape)| (consumed(input, at), consumed(input, after), shape)),
        agency: tail.agency,
        end: consumed(input, tail.end),
        text: consumed(input, tail.text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Place, region, date, agency, and the text after the dateline.
    type Parts<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a str);

    fn parts(line: &str) -> Option<Parts<'_>> {
        dateline(line).map(|d| (d.place, d.region, d.date.map(|(s, e, _)| &line[s..e]), d.agency, &line[d.text..]))
    }

    #[test]
    fn every_documented_style() {
        assert_eq!(parts("TEHRAN – While visiting"), Some((Some("TEHRAN"), None, None, None, "While visiting")));
        assert_eq!(
            parts("NEW YORK, Feb 26 - Stocks fell"),
            Some((Some("NEW YORK"), None, Some("Feb 26"), None, "Stocks fell"))
        );
        assert_eq!(
            parts("MOSCOW, Sept 30 (Reuters) - Russia said"),
            Some((Some("MOSCOW"), None, Some("Sept 30"), Some("Reuters"), "Russia said"))
        );
        assert_eq!(parts("WASHINGTON (AP) — The"), Some((Some("WASHINGTON"), None, None, Some("AP"), "The")));
        assert_eq!(parts("WASHINGTON (AP)—The"), Some((Some("WASHINGTON"), None, None, Some("AP"), "The")));
        assert_eq!(
            parts("SAN FRANCISCO, Calif. (AP) — A"),
            Some((Some("SAN FRANCISCO"), Some("Calif."), None, Some("AP"), "A"))
        );
        assert_eq!(
            parts("BEIJING, Sept. 30, 2024 (Xinhua) -- China"),
            Some((Some("BEIJING"), None, Some("Sept. 30, 2024"), Some("Xinhua"), "China"))
        );
        assert_eq!(
            parts("MOSCOW, February 7. /TASS/. Investigators have"),
            Some((Some("MOSCOW"), None, Some("February 7"), Some("TASS"), "Investigators have"))
        );
        assert_eq!(
            parts("UNITED NATIONS, March 3./TASS/.  The"),
            Some((Some("UNITED NATIONS"), None, Some("March 3"), Some("TASS"), "The"))
        );
    }

    #[test]
    fn the_layouts_of_sites_and_national_agencies() {
        let cases: [(&str, Parts<'_>); 21] = [
            ("London, March 3 (Reuters) - Stocks", (Some("London"), None, Some("March 3"), Some("Reuters"), "Stocks")),
            ("Lviv, Ukraine — Air raid", (Some("Lviv"), Some("Ukraine"), None, None, "Air raid")),
            ("KARACHI: The city", (Some("KARACHI"), None, None, None, "The city")),
            ("DOHA: Qatar said", (Some("DOHA"), None, None, None, "Qatar said")),
            ("Mashhad, IRNA -- Pilgrims", (Some("Mashhad"), None, None, Some("IRNA"), "Pilgrims")),
            ("ISFAHAN, Mar. 3 (MNA) – The", (Some("ISFAHAN"), None, Some("Mar. 3"), Some("MNA"), "The")),
            ("MUMBAI (PTI) The market", (Some("MUMBAI"), None, None, Some("PTI"), "The market")),
            ("(UPI) -- Officials", (None, None, None, Some("UPI"), "Officials")),
            ("(CNN)Days after", (None, None, None, Some("CNN"), "Days after")),
            ("March 3 (Reuters) - Two inmates", (None, None, Some("March 3"), Some("Reuters"), "Two inmates")),
            ("Washington (CNN)Vice President", (Some("Washington"), None, None, Some("CNN"), "Vice President")),
            ("Islamabad, Pakistan --Pakistan's", (Some("Islamabad"), Some("Pakistan"), None, None, "Pakistan's")),
            ("Seoul, South Korea-- The months", (Some("Seoul"), Some("South Korea"), None, None, "The months")),
            (
                "Salfit, occupied West Bank --Standing",
                (Some("Salfit"), Some("occupied West Bank"), None, None, "Standing"),
            ),
            ("Istanbul --Om Abd", (Some("Istanbul"), None, None, None, "Om Abd")),
            ("WASHINGTON -Chilean President", (Some("WASHINGTON"), None, None, None, "Chilean President")),
            (
                "BANGALORE (India), February 17. /TASS/. A contract",
                (Some("BANGALORE"), Some("India"), Some("February 17"), Some("TASS"), "A contract"),
            ),
            (
                "BONN /Germany/, February 16. /TASS/. Russian",
                (Some("BONN"), Some("Germany"), Some("February 16"), Some("TASS"), "Russian"),
            ),
            (
                "MOSCOW, March 20. /TASS/.-Kremlin Spokesman",
                (Some("MOSCOW"), None, Some("March 20"), Some("TASS"), "Kremlin Spokesman"),
            ),
            (
                "MOSCOW, February 6. /TASS/ Scientists",
                (Some("MOSCOW"), None, Some("February 6"), Some("TASS"), "Scientists"),
            ),
            ("ARKHANGELSK, March 29. /TASS /. The", (Some("ARKHANGELSK"), None, Some("March 29"), Some("TASS"), "The")),
        ];
        for (line, expected) in cases {
            assert_eq!(parts(line), Some(expected), "{line}");
        }
    }

    #[test]
    fn no_break_and_invisible_spaces_separate_the_parts() {
        let line = "NEW\u{a0}YORK,\u{a0}Feb\u{a0}26\u{a0}-\u{a0}Stocks fell";
        assert_eq!(parts(line), Some((Some("NEW\u{a0}YORK"), None, Some("Feb\u{a0}26"), None, "Stocks fell")));
        let line = "\u{200b}TEHRAN\u{200b} –\u{2060}While visiting";
        assert_eq!(parts(line), Some((Some("TEHRAN"), None, None, None, "While visiting")));
        let d = dateline(line).expect("dateline");
        assert_eq!(&line[d.start..d.end], "TEHRAN\u{200b} –");
        // The place is kept as written: a zero-width space inside it stays.
        assert_eq!(parts("TEH\u{200b}RAN – While").map(|p| p.0), Some(Some("TEH\u{200b}RAN")));
        // Joiners are letters' business, not space.
        assert_eq!(dateline("TEHRAN\u{200c} – While"), None);
    }

    #[test]
    fn ordinary_lead_sentences_are_not_datelines() {
        for line in [
            "US Defense Secretary Lloyd Austin said",
            "Iranian Foreign Minister - a veteran",
            "WASHINGTON, which has",
            "The US-led mission",
            "T – one letter",
            "TEHRAN –",
            "TEHRAN-based firms",
            "NATO's chief",
            "MOSCOW. /TASS/. No date",
            "MOSCOW, February 7. /TASS/.no space",
            "MOSCOW, February 7. /TASS/.",
            "Britain, France and Germany agreed on Monday",
            "In Paris, protesters marched",
            "Ankara, the capital, stayed calm",
            "Mr Erdogan: We will not back down",
            "Berkeley, California, has become the first city",
            "Donald Trump - the president - said",
            "In Paris – Protesters marched",
            "Mr Smith (Labour) said",
            "BREAKING: The talks",
            "Theresa May Jones Smith – Britain",
            "Karachi: The city",
            "(Photo: AP) The talks",
            "(updated) The talks",
            "DW: Donald Trump has handed over",
            "David Cameron -- May's predecessor",
            "Germany's -- the country",
        ] {
            assert_eq!(dateline(line), None, "{line}");
        }
    }

    #[test]
    fn span_ends_at_the_dash() {
        let line = "TEHRAN  –   While";
        let d = dateline(line).expect("dateline");
        assert_eq!(&line[..d.end], "TEHRAN  –");
        assert_eq!(&line[d.text..], "While");
        let line = "MOSCOW, February 7. /TASS/.  Text";
        let d = dateline(line).expect("dateline");
        assert_eq!(&line[..d.end], "MOSCOW, February 7. /TASS/.");
        assert_eq!(&line[d.text..], "Text");
        let line = "KARACHI:  Text";
        let d = dateline(line).expect("dateline");
        assert_eq!(&line[..d.end], "KARACHI:");
        let line = "(CNN)Days";
        let d = dateline(line).expect("dateline");
        assert_eq!(&line[..d.end], "(CNN)");
    }
}
