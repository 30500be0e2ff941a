//! Datelines opening the lead paragraph: `TEHRAN –`, `NEW YORK, Feb 26 -`,
//! `MOSCOW, Sept 30 (Reuters) -`, `WASHINGTON (AP) —`, `SAN FRANCISCO, Calif. (AP) —`,
//! `MOSCOW, February 7. /TASS/.`.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::char;
use nom::combinator::{opt, recognize, verify};
use nom::multi::many_m_n;
use nom::sequence::{delimited, preceded};

use super::date::{DateShape, dateline_date, month_number};
use super::{Res, consumed, is_gap, ws, ws0};

/// A dateline as written, with byte ranges relative to the start of the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DatelineShape<'a> {
    /// Where the place starts: past any invisible characters opening the paragraph.
    pub(crate) start: usize,
    pub(crate) place: &'a str,
    pub(crate) region: Option<&'a str>,
    /// The dateline's own date: its byte range and shape.
    pub(crate) date: Option<(usize, usize, DateShape<'a>)>,
    pub(crate) agency: Option<&'a str>,
    /// Where the dateline ends: just past its dash.
    pub(crate) end: usize,
    /// Where the paragraph's own text starts.
    pub(crate) text: usize,
}

fn is_place_char(c: char) -> bool {
    c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-' | '&')
}

// caps-word = 1*( UPPER / "." / "'" / "’" / "-" / "&" )      with at least one capital letter
fn caps_word(input: &str) -> Res<'_, &str> {
    verify(take_while1(is_place_char), |word: &str| word.chars().any(char::is_uppercase)).parse(input)
}

// place = caps-word 0*5( ws caps-word )                        ("NEW YORK", "U.S.")
fn place(input: &str) -> Res<'_, &str> {
    verify(recognize((caps_word, many_m_n(0, 5, preceded(ws, caps_word)))), |place: &str| {
        place.chars().filter(|c| c.is_alphabetic()).count() >= 2
    })
    .parse(input)
}

// region-word = UPPER *( ALPHA / "." )                          and not a month name
fn region_word(input: &str) -> Res<'_, &str> {
    verify(take_while1(|c: char| c.is_alphabetic() || c == '.'), |word: &str| {
        word.starts_with(char::is_uppercase) && month_number(word.trim_end_matches('.')).is_none()
    })
    .parse(input)
}

// region = "," ws region-word 0*2( ws region-word )           ("Calif.", "N.Y.", "England")
fn region(input: &str) -> Res<'_, &str> {
    preceded((char(','), ws), recognize((region_word, many_m_n(0, 2, preceded(ws, region_word))))).parse(input)
}

// agency = ws0 "(" 1*( ALPHA / SP / "." / "-" / "&" / "/" ) ")"      ("(Reuters)", "(AP)")
fn agency(input: &str) -> Res<'_, &str> {
    preceded(
        ws0,
        delimited(
            char('('),
            verify(take_while1(|c: char| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '&' | '/')), |a: &str| {
                a.len() <= 40 && a.starts_with(char::is_uppercase)
            }),
            char(')'),
        ),
    )
    .parse(input)
}

// dash = ws0 ( "–" / "—" ) / ws ( "--" / "-" )         (a hyphen needs spaces around it)
fn dash(input: &str) -> Res<'_, &str> {
    alt((recognize((ws0, alt((tag("–"), tag("—"))))), recognize((ws, alt((tag("--"), tag("-"))), ws)))).parse(input)
}

// slashed-agency = "." ws0 "/" agency-name "/" "." ws        (". /TASS/. ", after a date)
//
// TASS closes its datelines this way instead of with a dash: `MOSCOW, February 7. /TASS/. Text`.
// The name is the agency; the whole of it stands where the dash would.
fn slashed_agency(input: &str) -> Res<'_, (&str, &str)> {
    let name = verify(take_while1(|c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '&')), |a: &str| {
        a.len() <= 40 && a.starts_with(char::is_uppercase)
    });
    let (rest, name) = delimited((char('.'), ws0, char('/')), name, (char('/'), char('.'))).parse(input)?;
    let closing = &input[..input.len() - rest.len()];
    // Text after a space: `/TASS/.Text` is not a dateline.
    let (rest, _) = ws(rest)?;
    Ok((rest, (closing, name)))
}

// dateline = ws0 place [region] [ "," ws0 dateline-date ] ( [agency] dash / slashed-agency ) ws0 text
pub(crate) fn dateline(input: &str) -> Option<DatelineShape<'_>> {
    // A paragraph never starts with white space, but may with a zero-width space.
    let at_place = input.trim_start_matches(is_gap);
    // Cheap rejection: a dateline starts with a capital letter.
    if !at_place.starts_with(char::is_uppercase) {
        return None;
    }
    let (rest, (place, region)) = (place, opt(region)).parse(at_place).ok()?;
    let (mut rest, mut date) = (rest, None);
    if let Ok((at_date, _)) = (char::<_, nom::error::Error<&str>>(','), ws0).parse(rest)
        && let Ok((after, shape)) = dateline_date(at_date)
    {
        date = Some((consumed(input, at_date), consumed(input, after), shape));
        rest = after;
    }
    let (rest, agency, end) = match slashed_agency(rest) {
        Ok((after, (closing, name))) if date.is_some() => (after, Some(name), consumed(input, rest) + closing.len()),
        _ => {
            let (after, agency) = opt(agency).parse(rest).ok()?;
            let (after, dash_text) = dash(after).ok()?;
            (after, agency, consumed(input, after) - dash_text.len() + dash_text.trim_end_matches(is_gap).len())
        }
    };
    let (text, _) = ws0(rest).ok()?;
    if text.is_empty() {
        return None;
    }
    Some(DatelineShape {
        start: consumed(input, at_place),
        place,
        region,
        date,
        agency,
        end,
        text: consumed(input, text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Place, region, date, agency, and the text after the dateline.
    type Parts<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a str);

    fn parts(line: &str) -> Option<Parts<'_>> {
        dateline(line).map(|d| (d.place, d.region, d.date.map(|(s, e, _)| &line[s..e]), d.agency, &line[d.text..]))
    }

    #[test]
    fn every_documented_style() {
        assert_eq!(parts("TEHRAN – While visiting"), Some(("TEHRAN", None, None, None, "While visiting")));
        assert_eq!(
            parts("NEW YORK, Feb 26 - Stocks fell"),
            Some(("NEW YORK", None, Some("Feb 26"), None, "Stocks fell"))
        );
        assert_eq!(
            parts("MOSCOW, Sept 30 (Reuters) - Russia said"),
            Some(("MOSCOW", None, Some("Sept 30"), Some("Reuters"), "Russia said"))
        );
        assert_eq!(parts("WASHINGTON (AP) — The"), Some(("WASHINGTON", None, None, Some("AP"), "The")));
        assert_eq!(parts("WASHINGTON (AP)—The"), Some(("WASHINGTON", None, None, Some("AP"), "The")));
        assert_eq!(
            parts("SAN FRANCISCO, Calif. (AP) — A"),
            Some(("SAN FRANCISCO", Some("Calif."), None, Some("AP"), "A"))
        );
        assert_eq!(
            parts("BEIJING, Sept. 30, 2024 (Xinhua) -- China"),
            Some(("BEIJING", None, Some("Sept. 30, 2024"), Some("Xinhua"), "China"))
        );
        assert_eq!(
            parts("MOSCOW, February 7. /TASS/. Investigators have"),
            Some(("MOSCOW", None, Some("February 7"), Some("TASS"), "Investigators have"))
        );
        assert_eq!(
            parts("UNITED NATIONS, March 3./TASS/.  The"),
            Some(("UNITED NATIONS", None, Some("March 3"), Some("TASS"), "The"))
        );
    }

    #[test]
    fn no_break_and_invisible_spaces_separate_the_parts() {
        let line = "NEW\u{a0}YORK,\u{a0}Feb\u{a0}26\u{a0}-\u{a0}Stocks fell";
        assert_eq!(parts(line), Some(("NEW\u{a0}YORK", None, Some("Feb\u{a0}26"), None, "Stocks fell")));
        let line = "\u{200b}TEHRAN\u{200b} –\u{2060}While visiting";
        assert_eq!(parts(line), Some(("TEHRAN", None, None, None, "While visiting")));
        let d = dateline(line).expect("dateline");
        assert_eq!(&line[d.start..d.end], "TEHRAN\u{200b} –");
        // The place is kept as written: a zero-width space inside it stays.
        assert_eq!(parts("TEH\u{200b}RAN – While").map(|p| p.0), Some("TEH\u{200b}RAN"));
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
            "MOSCOW, February 7. /TASS/.No space",
            "MOSCOW, February 7. /TASS/.",
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
    }
}
