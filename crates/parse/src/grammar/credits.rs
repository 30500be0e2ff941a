//! Bylines above the lead (`By Maria Lopez`, `By MARIA LOPEZ, Associated Press`, `Staff
//! Reporter`) and credit lines closing the body (`(Reporting by ...; Editing by ...)`), and the
//! people and wires they name.

use super::wire::is_wire;

/// The longest byline read: one line of a name or three and an affiliation.
const BYLINE_MAX_BYTES: usize = 120;
/// The longest credit line read.
const CREDIT_MAX_BYTES: usize = 400;
/// The most words a person's name has here.
const NAME_MAX_WORDS: usize = 5;

/// Lines that stand for a byline without naming anyone: a paper's own staff.
const STAFF_LINES: &[&str] = &[
    "staff reporter",
    "our staff reporter",
    "staff correspondent",
    "our correspondent",
    "our special correspondent",
    "special correspondent",
    "staff writer",
    "our reporter",
    "news desk",
    "web desk",
    "monitoring desk",
    "monitoring report",
];

/// Words that open a credit item and give the people after them.
const CREDIT_OPENERS: &[(&str, bool)] = &[
    ("reporting by ", true),
    ("additional reporting by ", true),
    ("reported by ", true),
    ("writing by ", true),
    ("written by ", true),
    ("compiled by ", true),
    ("editing by ", false),
    ("edited by ", false),
    ("translated by ", false),
    ("graphics by ", false),
    ("research by ", false),
    ("production by ", false),
];

/// Particles inside names that are not capitalised: `Rio de Janeiro`, `Ludwig van Beethoven`.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la",
    "le",
];

/// The word after which a byline names people: `By`, `BY`, `Written by`.
fn strip_by(line: &str) -> Option<&str> {
    ["By ", "BY ", "Written by ", "Written By ", "WRITTEN BY "].iter().find_map(|by| line.strip_prefix(by))
}

/// Whether `word` can be part of a person's name as written: capitalised (or all capitals),
/// letters with `.`, `'`, `’`, `-` inside, or a lower-case particle.
fn is_name_word(word: &str) -> bool {
    NAME_PARTICLES.contains(&word)
        || (word.starts_with(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
            && word.chars().any(char::is_alphabetic))
}

/// Whether `text` is written like a person's name: two to five name words, capitalised at
/// both ends.
pub(crate) fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=NAME_MAX_WORDS).contains(&words.len())
        && words.iter().all(|w| is_name_word(w))
        && words.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.last().is_some_and(|w| w.starts_with(char::is_uppercase))
        && !is_wire(text)
}

/// What one name in a byline is: a person, a wire (`AFP`, `AFP Staff`), or a staff credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named<'a> {
    Person(&'a str),
    Wire(&'a str),
    Staff,
}

fn named(piece: &str) -> Option<Named<'_>> {
    let piece = piece.trim();
    if is_wire(piece) {
        return Some(Named::Wire(piece));
    }
    let lower = piece.to_lowercase();
    for suffix in [" staff", " staff writer", " staff writers", " reporters", " reporter", " correspondent"] {
        if let Some(before) = lower.strip_suffix(suffix) {
            let head = &piece[..before.len()];
            return Some(if is_wire(head) { Named::Wire(head) } else { Named::Staff });
        }
    }
    if lower == "staff" {
        return Some(Named::Staff);
    }
    is_person_name(piece).then_some(Named::Person(piece))
}

/// The names of a byline's names part (`Maria Lopez and John Smith`), or `None` if any of
/// them is not a name.
fn names_part(part: &str) -> Option<Vec<Named<'_>>> {
    let mut out = Vec::new();
    for piece in
        part.split(", ").flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" AND ")).flat_map(|p| p.split(" & "))
    {
        out.push(named(piece)?);
    }
    (!out.is_empty()).then_some(out)
}

/// Splits a byline after its `By` into the names and what follows them (`, Associated Press`,
/// ` | Reuters`).
fn split_affiliation(rest: &str) -> (&str, &str) {
    let mut cut = rest.len();
    for sep in [" | ", " - ", " – ", " — ", " / ", ", "] {
        if let Some(at) = rest.find(sep) {
            // A comma may separate names: cut at the first comma whose left side is names
            // and whose right side is not.
            if sep == ", " {
                let mut at_comma = None;
                for (i, _) in rest.match_indices(", ") {
                    if names_part(&rest[..i]).is_some() && names_part(&rest[i + 2..]).is_none() {
                        at_comma = Some(i);
                        break;
                    }
                }
                if let Some(i) = at_comma {
                    cut = cut.min(i);
                }
            } else {
                cut = cut.min(at);
            }
        }
    }
    let (names, rest) = rest.split_at(cut);
    (names, rest.trim_start_matches([',', '|', '-', '–', '—', '/', ' ']))
}

// byline = ( "By" / "BY" / "Written by" ) ws names [ affiliation-sep affiliation ] / staff-line
//        ; one line of at most 120 bytes, not ending in "."; names: person names (two to five
//        ; capitalised words), wires (`AFP`, `AFP Staff`), or staff, joined by ", " " and " " & "
pub(crate) fn is_byline(line: &str) -> bool {
    byline(line).is_some()
}

/// The people and the wire a byline names.
fn byline(line: &str) -> Option<(Vec<&str>, Option<&str>)> {
    let line = line.trim();
    if line.len() > BYLINE_MAX_BYTES || line.contains('\n') {
        return None;
    }
    if STAFF_LINES.iter().any(|staff| staff.eq_ignore_ascii_case(line.trim_end_matches(':'))) {
        return Some((Vec::new(), None));
    }
    if line.ends_with('.') && !line.ends_with("Jr.") && !line.ends_with("Sr.") {
        return None;
    }
    let rest = strip_by(line)?;
    let (names, affiliation) = split_affiliation(rest);
    let named = names_part(names)?;
    let people = named.iter().filter_map(|n| if let Named::Person(p) = n { Some(*p) } else { None }).collect();
    let wire = named
        .iter()
        .find_map(|n| if let Named::Wire(w) = n { Some(*w) } else { None })
        .or_else(|| affiliation.split([',', '|']).map(str::trim).find(|a| is_wire(a)));
    Some((people, wire))
}

/// The people a byline names, and the wire it credits, if any (`By AFP Staff`,
/// `By Maria Lopez, Associated Press`).
pub(crate) fn byline_names(line: &str) -> (Vec<&str>, Option<&str>) {
    byline(line).unwrap_or_default()
}

/// A credit line's items: `(Reporting by A; Editing by B)` or `Reporting by A; Editing by B`.
fn credit_items(text: &str) -> Option<Vec<&str>> {
    let text = text.trim();
    if text.len() > CREDIT_MAX_BYTES || text.contains('\n') {
        return None;
    }
    // Asked of the last paragraph of every article: a look at its ends before allocating.
    let body = text.strip_prefix('(').unwrap_or(text);
    let opens =
        |&(opener, _): &(&str, bool)| body.get(..opener.len()).is_some_and(|start| start.eq_ignore_ascii_case(opener));
    let contributes = text.trim_end_matches(['.', ')', ' ']).ends_with(" contributed to this report");
    if !CREDIT_OPENERS.iter().any(opens) && !contributes {
        return None;
    }
    let inner = text.strip_suffix('.').unwrap_or(text);
    let inner = match inner.strip_prefix('(') {
        Some(open) => open.strip_suffix(')')?,
        None => inner,
    };
    if inner.contains(['(', ')']) {
        return None;
    }
    let items: Vec<&str> = inner.split(';').map(str::trim).filter(|i| !i.is_empty()).collect();
    let opens = |item: &str| {
        let lower = item.to_lowercase();
        CREDIT_OPENERS.iter().any(|(opener, _)| lower.starts_with(opener)) || contributed(item).is_some()
    };
    (!items.is_empty() && items.iter().all(|item| opens(item))).then_some(items)
}

/// `Associated Press writer Jane Doe in Paris contributed to this report`: who contributed.
fn contributed(item: &str) -> Option<&str> {
    let before = item.strip_suffix(" contributed to this report")?;
    before.starts_with(char::is_uppercase).then_some(before)
}

// credit-line = "(" credit-item *( ";" ws credit-item ) ")" ["."] / credit-item *( ";" ws credit-item ) ["."]
// credit-item = ( "Reporting by" / "Additional reporting by" / "Editing by" / ... ) ws names
//             / names "contributed to this report"       ; a paragraph of at most 400 bytes
pub(crate) fn is_credit_line(text: &str) -> bool {
    credit_items(text).is_some()
}

/// The people a credit line gives as having reported or written (not its editors).
pub(crate) fn credit_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for item in credit_items(text).unwrap_or_default() {
        let lower = item.to_lowercase();
        let people = if let Some(before) = contributed(item) {
            // Past a title such as `Associated Press writers`: the names start at a capital
            // after the last word in lower case.
            let words: Vec<(usize, &str)> =
                before.split(' ').scan(0, |at, w| Some((std::mem::replace(at, *at + w.len() + 1), w))).collect();
            let start = words
                .iter()
                .rposition(|(_, w)| {
                    w.starts_with(char::is_lowercase) && !NAME_PARTICLES.contains(w) && *w != "and" && *w != "in"
                })
                .map_or(0, |i| words.get(i + 1).map_or(before.len(), |(at, _)| *at));
            Some(&before[start.min(before.len())..])
        } else {
            CREDIT_OPENERS
                .iter()
                .find(|(opener, authors)| *authors && lower.starts_with(opener))
                .map(|(opener, _)| &item[opener.len()..])
        };
        let Some(people) = people else { continue };
        for piece in people.split(", ").flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & ")) {
            // `Ali Kucukgocmen in Istanbul`: the place goes.
            let name = piece.split(" in ").next().unwrap_or(piece).trim().trim_end_matches('.');
            if is_person_name(name) {
                names.push(name);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_and_what_they_name() {
        assert_eq!(byline_names("By Maria Lopez"), (vec!["Maria Lopez"], None));
        assert_eq!(byline_names("By MARIA LOPEZ, Associated Press"), (vec!["MARIA LOPEZ"], Some("Associated Press")));
        assert_eq!(byline_names("By AFP Staff"), (vec![], Some("AFP")));
        assert_eq!(byline_names("Written by Sara Ahmadi"), (vec!["Sara Ahmadi"], None));
        assert_eq!(byline_names("Staff Reporter"), (vec![], None));
        assert!(is_byline("Staff Reporter"));
        assert_eq!(
            byline_names("BY JOHN SMITH and Ann Lee, Reuters"),
            (vec!["JOHN SMITH", "Ann Lee"], Some("Reuters"))
        );
        assert_eq!(byline_names("By Ana Ruiz, Li Wei and Omar Said"), (vec!["Ana Ruiz", "Li Wei", "Omar Said"], None));
        assert_eq!(byline_names("By Tehran Times staff"), (vec![], None));
        assert_eq!(byline_names("By Reuters"), (vec![], Some("Reuters")));
        assert_eq!(byline_names("By Sara Ahmadi | Tehran Times"), (vec!["Sara Ahmadi"], None));
    }

    #[test]
    fn sentences_that_start_with_by_are_no_bylines() {
        for line in [
            "By Tuesday the talks had ended.",
            "By Tuesday the talks had ended",
            "By then",
            "Byline",
            "by the sea",
            "By Sara Ahmadi.",
            "By a vote of 52 to 48",
        ] {
            assert!(!is_byline(line), "{line}");
        }
    }

    #[test]
    fn credit_lines_and_their_reporters() {
        let reuters = "(Reporting by Ali Kucukgocmen in Istanbul and Orhan Coskun in Ankara; Editing by Jon Boyle)";
        assert!(is_credit_line(reuters));
        assert_eq!(credit_names(reuters), ["Ali Kucukgocmen", "Orhan Coskun"]);
        assert!(is_credit_line("Additional reporting by Jane Doe."));
        assert_eq!(credit_names("Additional reporting by Jane Doe."), ["Jane Doe"]);
        let ap = "Associated Press writers Jane Doe in Paris and John Roe contributed to this report.";
        assert!(is_credit_line(ap));
        assert_eq!(credit_names(ap), ["Jane Doe", "John Roe"]);
        for text in ["Reporting is hard; editing is harder.", "(Photo: Reuters)", "The report was edited by him."] {
            assert!(!is_credit_line(text), "{text}");
        }
    }
}
