//! Actors of one article: candidate spans from capitals, titles and roles taken off the
//! name, typing from the data and the context, and aliases merged.

use dateline_model::{Article, Span};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::furniture;
use crate::gazetteer::{GAZETTEER, Gazetteer, Known, TitleClass};
use crate::input::{self, Segment, Word};
use crate::{Actor, ActorType};

/// Lower-case words that join the capitalised words of a name (`Lula da Silva`, `bin Salman`).
const PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "ibn", "van", "von",
];

/// Words that join a head to what it is of (`Ministry of Defence`, `Strait of Hormuz`).
const HEAD_JOINERS: &[&str] = &["for", "of", "on"];

/// Capitalised words that open sentences and never names; ordinary stopwords are checked
/// apart.
const OPENERS: &[&str] = &[
    "According",
    "Additionally",
    "Although",
    "Amid",
    "Asked",
    "Despite",
    "Earlier",
    "Following",
    "However",
    "Including",
    "Instead",
    "Later",
    "Meanwhile",
    "Moreover",
    "Now",
    "Speaking",
    "Still",
    "Though",
    "Today",
    "Tomorrow",
    "Yesterday",
    "Yet",
];

const MONTHS_AND_DAYS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words before a month that make it a date.
const TIME_WORDS: &[&str] = &[
    "after", "before", "between", "by", "during", "early", "from", "in", "last", "late", "mid", "next", "of", "on",
    "since", "the", "this", "through", "to", "until",
];

/// Verbs of speech that, right after a name, say it is a person's or an organisation's.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "added",
    "announced",
    "argued",
    "asked",
    "believes",
    "claimed",
    "commented",
    "concluded",
    "confirmed",
    "continued",
    "declared",
    "denied",
    "emphasised",
    "emphasized",
    "explained",
    "insisted",
    "noted",
    "pointed",
    "recalled",
    "remarked",
    "replied",
    "reported",
    "said",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "thinks",
    "told",
    "tweeted",
    "underlined",
    "warned",
    "wrote",
];

/// A typed stretch of text that names an actor.
#[derive(Debug, Clone)]
struct Mention {
    /// The name as written.
    text: String,
    /// Byte span in the decoded file.
    span: Span,
    kind: Option<ActorType>,
    /// The country a place mention names, so that every name of a country merges.
    country: Option<&'static str>,
    words: usize,
    roles: Vec<String>,
    /// An acronym given in brackets right after it: `International ... Corridor (INSTC)`.
    acronym: Option<String>,
}

/// The actors named in `article`, in order of first mention.
#[must_use]
pub fn extract(article: &Article) -> Vec<Actor> {
    let segments = input::read(article);
    let vocabulary = Vocabulary::of(&segments);
    let furniture = furniture::find(&segments);
    let mut mentions = Vec::new();
    for segment in &segments {
        candidates(segment, &vocabulary, &mut mentions);
    }
    mentions.retain(|mention| !furniture.covers(mention.span.start, mention.span.end));
    let mut actors = merge(&mentions);
    // The author is no actor of the story, also where the title ends with the byline.
    actors.retain(|actor| {
        !furniture.bylines.iter().any(|byline| *byline == actor.name || actor.aliases.contains(byline))
    });
    actors
}

/// What the article itself says about its words: which appear in lower case and which
/// appear capitalised inside a sentence.
struct Vocabulary<'a> {
    lower: FxHashSet<&'a str>,
    capitalised_inside: FxHashSet<&'a str>,
    /// Capitalised words that follow another capitalised word and a space somewhere.
    after_a_capital: FxHashSet<&'a str>,
}

impl<'a> Vocabulary<'a> {
    fn of(segments: &[Segment<'a>]) -> Self {
        let mut lower = FxHashSet::default();
        let mut capitalised_inside = FxHashSet::default();
        let mut after_a_capital = FxHashSet::default();
        for segment in segments.iter().filter(|segment| !segment.headline) {
            let mut previous: Option<&Word<'_>> = None;
            for word in &segment.words {
                if word.capitalised {
                    if !word.sentence_start {
                        capitalised_inside.insert(word.text);
                        // `Storm Doris`, and after an abbreviation's stop, `St. Joseph`.
                        let gap = |p: &Word<'_>| segment.text.get(p.end..word.start);
                        if previous.is_some_and(|p| {
                            p.capitalised && (gap(p) == Some(" ") || (gap(p) == Some(". ") && p.text.len() <= 3))
                        }) {
                            after_a_capital.insert(word.text);
                        }
                    }
                } else {
                    lower.insert(word.text);
                }
                previous = Some(word);
            }
        }
        Vocabulary { lower, capitalised_inside, after_a_capital }
    }
}

/// Whether the text between two words lets them belong to one name: spaces, or the stop of
/// an initial or abbreviation (`J. Smith`, `Gen. Bagheri`).
fn joinable(gap: &str, before: &Word<'_>) -> bool {
    if gap.is_empty() || gap.chars().all(char::is_whitespace) {
        return !gap.contains('\n');
    }
    let Some(rest) = gap.strip_prefix('.') else { return false };
    // `St. Louis`, `Mt. Everest`: a saint's or a mountain's abbreviation begins a name.
    let short = before.text.chars().count() == 1
        || matches!(before.text, "St" | "Mt" | "Ft")
        || GAZETTEER.titles.get(before.text).is_some_and(|(class, _)| *class != TitleClass::Portfolio);
    short && !rest.is_empty() && rest.chars().all(|c| c == ' ')
}

fn possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s"))
}

fn is_head(word: &str, g: &Gazetteer) -> bool {
    g.org_heads.contains(word)
        || g.place_heads.contains(word)
        || g.titles.get(word).is_some_and(|(class, _)| *class == TitleClass::Office)
        || matches!(word, "Republic" | "Kingdom" | "Federation" | "Union" | "Bank" | "University" | "House" | "Court")
}

/// Hyphen pieces that make a capitalised word an adjective or a slip of the scraper
/// (`Turkish-led`, `mid-January`, `Hussein-was`), not a name.
const HYPHEN_AFFIXES: &[&str] = &[
    "anti",
    "backed",
    "based",
    "born",
    "controlled",
    "described",
    "era",
    "ex",
    "funded",
    "held",
    "led",
    "linked",
    "made",
    "mid",
    "non",
    "owned",
    "post",
    "pre",
    "pro",
    "run",
    "speaking",
    "style",
    "type",
];

/// Whether `word` can be part of a name: capitalised, no month or weekday, no hyphenated
/// adjective.
fn name_word(word: &Word<'_>, vocabulary: &Vocabulary<'_>) -> bool {
    if !word.capitalised || MONTHS_AND_DAYS.contains(&word.text) || word.text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if word.text.contains('-') {
        let pieces: Vec<&str> = word.text.split('-').collect();
        let lower = |piece: &&str| piece.chars().next().is_some_and(char::is_lowercase);
        if pieces.iter().any(|piece| {
            lower(piece)
                && (HYPHEN_AFFIXES.contains(piece) || vocabulary.lower.contains(piece) || input::is_stopword(piece))
                && !PARTICLES.contains(piece)
        }) {
            return false;
        }
    }
    true
}

/// Splits a segment's capitalised runs into mentions.
fn candidates(segment: &Segment<'_>, vocabulary: &Vocabulary<'_>, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let words = &segment.words;
    // A headline in title case capitalises ordinary words: each is then treated like a
    // sentence's first word.
    // A headline in title case, or a bar of sharing links, capitalises ordinary words: its
    // capitals say nothing, and the names in it come again in the body.
    let long = words.iter().filter(|w| w.text.len() > 3).count();
    let sentence = segment.text.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']) && !segment.headline;
    if !sentence && long >= 2 && words.iter().filter(|w| w.text.len() > 3 && w.capitalised).count() * 10 > long * 7 {
        return;
    }
    let title_case = false;
    let gap = |a: usize, b: usize| segment.text.get(words[a].end..words[b].start).unwrap_or("");
    let mut i = 0;
    while i < words.len() {
        // A month before a name and after no word of time is a first name (`August
        // Flentje`, `April Ryan`), not a date (`in August Trump said`).
        let first_name = MONTHS_AND_DAYS.contains(&words[i].text)
            && words.get(i + 1).is_some_and(|next| {
                name_word(next, vocabulary) && !next.sentence_start && joinable(gap(i, i + 1), &words[i])
            })
            && (i == 0 || !TIME_WORDS.contains(&words[i - 1].text.to_lowercase().as_str()));
        if !first_name && !name_word(&words[i], vocabulary) {
            i += 1;
            continue;
        }
        let mut j = i;
        while possessive(words[j].text).is_none() {
            let next = j + 1;
            let Some(word) = words.get(next) else { break };
            if !joinable(gap(j, next), &words[j]) || (word.sentence_start && !segment.headline) {
                break;
            }
            // `U.S. He said`: the tokenizer keeps the sentence going after an abbreviation.
            if matches!(word.text, "He" | "She" | "It" | "They" | "We" | "I" | "You" | "The" | "This" | "That") {
                break;
            }
            if name_word(word, vocabulary) {
                j = next;
                continue;
            }
            let joins = PARTICLES.contains(&word.text)
                || (HEAD_JOINERS.contains(&word.text)
                    && is_head(possessive(words[j].text).unwrap_or(words[j].text), g));
            let after = words.get(next + 1);
            if joins
                && after.is_some_and(|w| name_word(w, vocabulary) && !w.sentence_start)
                && joinable(gap(next, next + 1), word)
            {
                j = next + 1;
                continue;
            }
            break;
        }
        span(segment, i, j, title_case, vocabulary, out);
        i = j + 1;
    }
}

/// Cleans the run of words `first..=last` into mentions: openers dropped, titles taken off
/// as roles, the rest typed.
fn span(
    segment: &Segment<'_>,
    mut first: usize,
    last: usize,
    title_case: bool,
    vocabulary: &Vocabulary<'_>,
    out: &mut Vec<Mention>,
) {
    let g = &*GAZETTEER;
    let words = &segment.words;
    let strip = |word: &str| -> bool { input::is_stopword(word) || OPENERS.contains(&word) };
    // Leading function words (`The Kremlin`, `But Lavrov`).
    while first <= last && strip(words[first].text) {
        first += 1;
    }
    if first > last {
        return;
    }
    // A sentence's first word is a name only when the article does not write it in lower
    // case and the data or the article's own capitals say so.
    let opening = words[first].sentence_start || title_case;
    if opening {
        let word = words[first].text;
        let lower = word.to_lowercase();
        let bare = possessive(word).unwrap_or(word);
        let known = g.known.contains_key(bare) || g.titles.contains_key(bare) || g.demonyms.contains(bare);
        let attested = vocabulary.capitalised_inside.contains(bare) || words[first].upper;
        if !known && (vocabulary.lower.contains(lower.as_str()) || (first == last && !attested)) {
            first += 1;
            if first > last {
                return;
            }
        }
    }
    // A possessive ends the name: `Iran's` is `Iran`.
    let mut end = words[last].end;
    let mut last_text = words[last].text;
    if let Some(bare) = possessive(last_text) {
        end -= last_text.len() - bare.len();
        last_text = bare;
    }
    let texts: Vec<&str> = (first..=last).map(|k| if k == last { last_text } else { words[k].text }).collect();
    // Titles and roles before the name.
    let only_titles = texts
        .iter()
        .all(|w| g.titles.contains_key(w) || g.roles.contains_key(w.to_lowercase().as_str()) || g.demonyms.contains(w))
        || g.titles.contains_key(texts.join(" ").as_str());
    if texts.iter().any(|w| matches!(*w, "Photo" | "Follow")) {
        return;
    }
    if only_titles || (texts.len() == 1 && (g.org_heads.contains(texts[0]) || g.place_heads.contains(texts[0]))) {
        return;
    }
    if texts.len() == 1 && COMMON_ACRONYMS.contains(&texts[0]) {
        return;
    }
    // Shouted phrases (`READ MORE`) are words, not names.
    if texts.len() > 1
        && texts.iter().all(|w| words_upper(w))
        && texts.iter().any(|w| input::is_stopword(w) || vocabulary.lower.contains(w.to_lowercase().as_str()))
    {
        return;
    }
    let (chain_at, chain_end) = title_chain(&texts, g);
    let mut roles = Vec::new();
    let mut person_hint = false;
    let mut name_first = first;
    if let (Some(at), Some(chain_end)) = (chain_at, chain_end) {
        if at > 0 {
            let prefix_end = first + at - 1;
            type_and_push(segment, first, prefix_end, words[prefix_end].end, vocabulary, Vec::new(), false, out);
        }
        let role_words: Vec<&str> = texts[at..chain_end]
            .iter()
            .copied()
            .filter(|w| !g.demonyms.contains(w) && !g.titles.get(w).is_some_and(|(c, _)| *c == TitleClass::Honorific))
            .collect();
        if !role_words.is_empty() {
            roles.push(role_words.join(" "));
        }
        person_hint = true;
        name_first = first + chain_end;
        if name_first > last {
            return;
        }
    }
    // Lower-case role words right before the name (`foreign minister Sergey Lavrov`).
    if name_first == first && first > 0 {
        let before = &words[first - 1];
        let gap = segment.text.get(before.end..words[first].start).unwrap_or("");
        if gap == " " && g.roles.contains_key(before.text) {
            person_hint = true;
            roles.push(before.text.to_owned());
        }
    }
    type_and_push(segment, name_first, last, end, vocabulary, roles, person_hint, out);
}

/// Abbreviations in capitals that name no actor.
const COMMON_ACRONYMS: &[&str] = &[
    "AI", "AIDS", "AM", "CEO", "CFO", "COO", "DNA", "EST", "FAQ", "GDP", "GMT", "GPS", "HIV", "ID", "IT", "MP", "MVP",
    "OK", "PC", "PDF", "PM", "PR", "PST", "QR", "RSS", "SUV", "TV", "URL", "UTC", "VIP",
];

fn words_upper(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// Where a chain of titles starts in `texts` and where it ends, when one is followed by a name.
fn title_chain(texts: &[&str], g: &Gazetteer) -> (Option<usize>, Option<usize>) {
    for start in 0..texts.len() {
        let mut at = start;
        let mut office = false;
        if g.demonyms.contains(texts[at]) {
            at += 1;
        }
        loop {
            let matched = (1..=g.title_words.min(texts.len() - at)).rev().find_map(|n| {
                let joined = texts[at..at + n].join(" ");
                g.titles.get(joined.as_str()).map(|(class, _)| (n, *class)).or_else(|| {
                    let lower = joined.to_lowercase();
                    g.roles.contains_key(lower.as_str()).then_some((n, TitleClass::Office))
                })
            });
            let Some((n, class)) = matched else { break };
            office |= matches!(class, TitleClass::Office | TitleClass::Honorific);
            at += n;
            if at >= texts.len() {
                break;
            }
            // `Minister of Foreign Affairs`: the portfolio after `of` is part of the title.
            if texts[at] == "of" && office {
                let mut k = at + 1;
                while k < texts.len() && g.titles.get(texts[k]).is_some_and(|(c, _)| *c == TitleClass::Portfolio) {
                    k += 1;
                }
                if k > at + 1 {
                    at = k;
                }
            }
        }
        if office && at < texts.len() {
            let rest = &texts[at..];
            let Some(tail) = rest.last() else { continue };
            let named_thing = g.org_heads.contains(tail)
                || g.place_heads.contains(tail)
                || matches!(g.known.get(rest.join(" ").as_str()), Some(Known::Organization | Known::Country(_)))
                || rest.contains(&"of");
            if !named_thing && !g.titles.contains_key(rest[0]) {
                return (Some(start), Some(at));
            }
        }
    }
    (None, None)
}

#[allow(clippy::too_many_arguments)]
fn type_and_push(
    segment: &Segment<'_>,
    first: usize,
    last: usize,
    end: usize,
    vocabulary: &Vocabulary<'_>,
    mut roles: Vec<String>,
    mut person_hint: bool,
    out: &mut Vec<Mention>,
) {
    let g = &*GAZETTEER;
    let words = &segment.words;
    let start = words[first].start;
    let Some(text) = segment.text.get(start..end) else { return };
    let texts: Vec<&str> = text.split(' ').collect();
    if texts.iter().all(|w| g.demonyms.contains(w) || input::is_stopword(w)) {
        return;
    }
    // Context after the name: `said`, or an apposition with a role.
    let after = segment.text.get(end..).unwrap_or("");
    let next_word = words.get(last + 1).map(|w| w.text);
    if after.starts_with(' ') && next_word.is_some_and(|w| SPEECH_VERBS.contains(&w)) {
        person_hint = true;
    }
    // `"...," said Kasapoglu.`: the name the verb after a quotation gives is its speaker's.
    let verb_before =
        first.checked_sub(1).filter(|&at| segment.text.get(words[at].end..start) == Some(" ")).map(|at| words[at].text);
    let quoted_before =
        segment.text.get(..start).unwrap_or("").trim_end().trim_end_matches(|c: char| c.is_alphabetic());
    if verb_before
        .is_some_and(|verb| matches!(verb, "said" | "says" | "added" | "asked" | "explained" | "noted" | "wrote"))
        && quoted_before.trim_end().ends_with([',', '"', '\u{201d}'])
        && texts.len() <= 3
    {
        person_hint = true;
    }
    if let Some(rest) = after.strip_prefix(", ") {
        let apposition = rest.split([',', '.', ';', '(', ')']).next().unwrap_or("");
        let mut role_words = apposition.split(' ');
        let head = role_words.next().unwrap_or("");
        let head = if matches!(head, "the" | "a" | "an" | "former") { role_words.next().unwrap_or("") } else { head };
        if (g.roles.contains_key(head) || apposition.split(' ').take(4).any(|w| g.roles.contains_key(w)))
            && apposition.split(' ').count() <= 12
            && apposition.chars().next().is_some_and(char::is_lowercase)
        {
            person_hint = true;
            roles.push(apposition.to_owned());
        }
    }
    let acronym =
        after.strip_prefix(" (").and_then(|rest| rest.split_once(')')).map(|(inside, _)| inside).filter(|inside| {
            inside.len() >= 2 && inside.chars().all(|c| c.is_ascii_uppercase() || c == '-' || c.is_ascii_digit())
        });
    let org_hint = !person_hint && organisation_context(segment.text.get(..start).unwrap_or(""), after);
    let (kind, country) = classify(&texts, text, (person_hint, org_hint), vocabulary, g);
    out.push(Mention {
        text: text.to_owned(),
        span: Span::new(segment.offset + start, segment.offset + end),
        kind,
        country,
        words: texts.len(),
        roles,
        acronym: acronym.map(str::to_owned),
    });
}

/// Words that make a name an event, a work or a period rather than an actor.
const EVENT_WORDS: &[&str] = &[
    "Act",
    "Agreement",
    "Awards",
    "Bowl",
    "Cup",
    "Day",
    "Deal",
    "Festival",
    "Games",
    "Operation",
    "Plan",
    "Prize",
    "Revolution",
    "Storm",
    "Summit",
    "Treaty",
    "War",
    "Week",
    "Year",
];

/// Words that, in a name with no head from the data, make it an organisation's.
const ORGANIZATION_WORDS: &[&str] = &[
    "Capital",
    "Energy",
    "Financial",
    "Forum",
    "Foundation",
    "Group",
    "Holding",
    "Holdings",
    "Initiative",
    "International",
    "Media",
    "National",
    "Networks",
    "Partners",
    "Project",
    "Rail",
    "Services",
    "Systems",
    "Technologies",
    "Watch",
];

/// Nouns that, right before a name, say what kind of organisation it is (`security firm
/// Lookout`, `financial institutions BNP Paribas, Barclays`).
const ORGANISATION_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "airlines",
    "automaker",
    "bank",
    "banks",
    "broadcaster",
    "brand",
    "carmaker",
    "carrier",
    "chain",
    "charity",
    "club",
    "company",
    "companies",
    "conglomerate",
    "developer",
    "firm",
    "firms",
    "giant",
    "group",
    "insurer",
    "institutions",
    "lender",
    "maker",
    "manufacturer",
    "network",
    "newspaper",
    "operator",
    "organisation",
    "organization",
    "publisher",
    "retailer",
    "startup",
];

/// Roles held in an organisation: `the vice-chairman of Samsung`, `a psychiatrist with
/// Klimaka`, `vice-president of sales at Porsche China`.
const ORGANISATION_ROLES: &[&str] = &[
    "analyst",
    "chairman",
    "chairwoman",
    "director",
    "economist",
    "employee",
    "executive",
    "founder",
    "manager",
    "psychiatrist",
    "researcher",
    "sales",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "vice-chairman",
    "vice-president",
];

/// Whether the words around a name say an organisation's: a noun of its kind before it, a
/// role in it before it (`vice-chairman of`, `analyst at`), or a clause after it that only
/// an organisation heads (`, which operates the hotline`).
fn organisation_context(before: &str, after: &str) -> bool {
    let mut previous = before.split_whitespace().rev();
    let last = previous.next().unwrap_or("");
    let second = previous.next().unwrap_or("");
    let noun_before = ORGANISATION_NOUNS.contains(&last) && before.ends_with(' ');
    let role_before = matches!(last, "of" | "at" | "with") && ORGANISATION_ROLES.contains(&second);
    let which = after.strip_prefix(", which ").is_some_and(|rest| {
        rest.split(' ').next().is_some_and(|verb| {
            matches!(verb, "employs" | "makes" | "operates" | "owns" | "provides" | "publishes" | "runs" | "sells")
        })
    });
    noun_before || role_before || which
}

/// The type of a name from the data and the hints; `None` when nothing tells.
fn classify(
    texts: &[&str],
    text: &str,
    (person_hint, org_hint): (bool, bool),
    vocabulary: &Vocabulary<'_>,
    g: &Gazetteer,
) -> (Option<ActorType>, Option<&'static str>) {
    // A word the article also writes in lower case is an ordinary word, not part of a name.
    let common = |w: &str| input::is_stopword(w) || vocabulary.lower.contains(w.to_lowercase().as_str());
    let last = texts.last().copied().unwrap_or("");
    let first = texts.first().copied().unwrap_or("");
    match g.known.get(text) {
        Some(Known::Country(code)) => return (Some(ActorType::Place), Some(code)),
        Some(Known::Organization) => return (Some(ActorType::Organization), None),
        Some(Known::Place { population }) => {
            if person_hint && *population < 1_000_000 {
                return (Some(ActorType::Person), None);
            }
            return (Some(ActorType::Place), None);
        }
        None => {}
    }
    if g.org_heads.contains(last) || (texts.len() > 2 && g.org_heads.contains(first) && texts.contains(&"of")) {
        return (Some(ActorType::Organization), None);
    }
    if texts.len() > 1
        && (g.place_heads.contains(last) || (g.place_heads.contains(first) && texts.get(1) == Some(&"of")))
    {
        return (Some(ActorType::Place), None);
    }
    if texts.iter().all(|w| words_upper(w)) {
        return (Some(ActorType::Organization), None);
    }
    if texts.iter().any(|w| EVENT_WORDS.contains(w)) {
        return (None, None);
    }
    if texts.iter().any(|w| ORGANIZATION_WORDS.contains(w)) {
        return (Some(ActorType::Organization), None);
    }
    if person_hint {
        return (Some(ActorType::Person), None);
    }
    if org_hint {
        return (Some(ActorType::Organization), None);
    }
    if texts.len() > 1 {
        let placed = texts
            .iter()
            .any(|w| matches!(g.known.get(w), Some(Known::Country(_)) | Some(Known::Place { population: 100_000.. })));
        if placed || texts.iter().any(|w| g.demonyms.contains(w)) || texts.contains(&"of") {
            return (Some(ActorType::Organization), None);
        }
        if texts.iter().any(|w| !PARTICLES.contains(w) && common(w)) {
            return (None, None);
        }
        return (Some(ActorType::Person), None);
    }
    if lone_first_name(first, vocabulary, g) && !common(first) {
        return (Some(ActorType::Person), None);
    }
    (None, None)
}

/// First names that news capitalises as other words too (`Christian groups`, `Grace period`
/// in a headline): alone, they are no evidence of a person.
const NOT_ALONE: &[&str] =
    &["Christian", "Faith", "Grace", "Hope", "Joy", "Rose", "Summer", "Sunny", "Autumn", "Jesus"];

/// Whether a single word is a person's first name used alone (`my friend Cindy`): a name the
/// census gives a gender and more than one in two thousand people of that gender, written
/// with its capital inside a sentence somewhere in the article, and never right after another
/// capitalised word, where it is part of something else's name (`Storm Doris`, `Sisters of
/// St. Joseph`) or of a full name that stands for the person already.
fn lone_first_name(word: &str, vocabulary: &Vocabulary<'_>, g: &Gazetteer) -> bool {
    g.given_names.get(word).is_some_and(|&(_, percent)| percent >= 0.05)
        && vocabulary.capitalised_inside.contains(word)
        && !vocabulary.after_a_capital.contains(word)
        && !g.titles.contains_key(word)
        && !NOT_ALONE.contains(&word)
}

/// A merged actor while its mentions are gathered.
#[derive(Debug)]
struct Group {
    forms: Vec<String>,
    kind: ActorType,
    mentions: Vec<Span>,
    roles: Vec<String>,
}

impl Group {
    /// The fullest form: the most words, then the longest.
    fn name(&self) -> &str {
        self.forms
            .iter()
            .max_by_key(|form| (form.split(' ').count(), form.len(), std::cmp::Reverse(form.as_str())))
            .map_or("", String::as_str)
    }

    fn add(&mut self, mention: &Mention) {
        if !self.forms.contains(&mention.text) {
            self.forms.push(mention.text.clone());
        }
        self.mentions.push(mention.span);
        for role in &mention.roles {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
    }
}

/// Merges an article's mentions into actors: the same form, every name of one country,
/// surnames, bracketed acronyms, a place without its head, spellings an edit or two apart.
fn merge(mentions: &[Mention]) -> Vec<Actor> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_form: FxHashMap<String, usize> = FxHashMap::default();
    let mut by_country: FxHashMap<&'static str, usize> = FxHashMap::default();
    let mut pending = Vec::new();
    // Longer names first, so that a surname finds its full name whichever comes first.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(mentions[i].words), i));
    for &i in &order {
        let mention = &mentions[i];
        let existing = by_form
            .get(&mention.text)
            .copied()
            .or_else(|| mention.country.and_then(|code| by_country.get(code).copied()));
        if let Some(index) = existing {
            groups[index].add(mention);
            continue;
        }
        let Some(kind) = mention.kind else {
            pending.push(i);
            continue;
        };
        if mention.words == 1
            && let Some(index) = part_of(&groups, &mention.text, kind)
        {
            groups[index].add(mention);
            by_form.insert(mention.text.clone(), index);
            continue;
        }
        let index = groups.len();
        groups.push(Group { forms: Vec::new(), kind, mentions: Vec::new(), roles: Vec::new() });
        groups[index].add(mention);
        by_form.insert(mention.text.clone(), index);
        if let Some(code) = mention.country {
            by_country.insert(code, index);
        }
    }
    // Words the data and context could not type: a surname or acronym of a typed actor, or
    // nothing.
    for &i in &pending {
        let mention = &mentions[i];
        if let Some(&index) = by_form.get(&mention.text) {
            groups[index].add(mention);
        } else if let Some(index) = part_of(&groups, &mention.text, ActorType::Person) {
            groups[index].add(mention);
            by_form.insert(mention.text.clone(), index);
        }
    }
    for mention in mentions {
        if let Some(acronym) = &mention.acronym
            && let (Some(&full), Some(&short)) = (by_form.get(&mention.text), by_form.get(acronym))
        {
            join(&mut groups, full, short);
        }
    }
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            if groups[a].mentions.is_empty() || groups[b].mentions.is_empty() || groups[a].kind != groups[b].kind {
                continue;
            }
            if near(groups[a].name(), groups[b].name()) {
                join(&mut groups, a, b);
            }
        }
    }
    let mut actors: Vec<Actor> = groups
        .into_iter()
        .filter(|group| !group.mentions.is_empty())
        .map(|mut group| {
            group.mentions.sort_by_key(|span| (span.start, span.end));
            let name = group.name().to_owned();
            let mut aliases: Vec<String> = group.forms.iter().filter(|form| **form != name).cloned().collect();
            aliases.sort();
            Actor { name, kind: group.kind, aliases, mentions: group.mentions, roles: group.roles }
        })
        .collect();
    actors.sort_by_key(|actor| actor.mentions.first().map(|span| span.start));
    actors
}

fn join(groups: &mut [Group], into: usize, from: usize) {
    if into == from {
        return;
    }
    let moved = std::mem::take(&mut groups[from].mentions);
    let forms = std::mem::take(&mut groups[from].forms);
    let roles = std::mem::take(&mut groups[from].roles);
    let group = &mut groups[into];
    group.mentions.extend(moved);
    for form in forms {
        if !group.forms.contains(&form) {
            group.forms.push(form);
        }
    }
    for role in roles {
        if !group.roles.contains(&role) {
            group.roles.push(role);
        }
    }
}

/// The group a one-word form is part of: a person's surname or first name, a place named
/// without its head (`Gaza` of `Gaza Strip`).
fn part_of(groups: &[Group], word: &str, kind: ActorType) -> Option<usize> {
    let g = &*GAZETTEER;
    groups.iter().position(|group| {
        let name = group.name();
        let parts: Vec<&str> = name.split(' ').collect();
        if parts.len() < 2 {
            return false;
        }
        match group.kind {
            ActorType::Person => {
                ((kind == ActorType::Person || kind == ActorType::Place && g.type_of(word).is_some())
                    && parts.last() == Some(&word))
                    // A first name alone for the person the article named in full (`Gisele`).
                    || (kind == ActorType::Person && parts[0] == word && g.given_names.contains_key(word))
            }
            ActorType::Place => {
                kind == ActorType::Place && parts.len() == 2 && parts[0] == word && g.place_heads.contains(parts[1])
            }
            ActorType::Organization => false,
        }
    })
}

/// Spellings of one name: an edit apart for names of five or more letters, two for ten or more.
fn near(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let shortest = a.len().min(b.len());
    let allowed = if shortest >= 10 {
        2
    } else if shortest >= 5 {
        1
    } else {
        return false;
    };
    if a.len().abs_diff(b.len()) > allowed || a.first() != b.first() {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors(text: &str) -> Vec<(String, ActorType, Vec<String>, Vec<String>)> {
        let article = dateline_parse::parse_article(text).expect("parses");
        extract(&article).into_iter().map(|a| (a.name, a.kind, a.aliases, a.roles)).collect()
    }

    fn names(text: &str) -> Vec<(String, ActorType)> {
        actors(text).into_iter().map(|(name, kind, _, _)| (name, kind)).collect()
    }

    #[test]
    fn titles_come_off_the_name_as_roles() {
        let found = actors(" date 2024-01-10 Iranian Foreign Minister Hossein Amir-Abdollahian met envoys.");
        assert_eq!(found[0].0, "Hossein Amir-Abdollahian");
        assert_eq!(found[0].1, ActorType::Person);
        assert_eq!(found[0].3, ["Foreign Minister"]);
    }

    #[test]
    fn particles_and_hyphens_stay_in_names() {
        let found = names(" date 2024-01-10 Talks with Luiz Inacio Lula da Silva went on.");
        assert_eq!(found, [("Luiz Inacio Lula da Silva".to_owned(), ActorType::Person)]);
    }

    #[test]
    fn the_words_around_a_name_without_a_head_tell_an_organisation() {
        let found = names(
            " date 2024-01-10 The code was sent, said security firm Lookout in a blog. Lee Jae-yong is the vice-chairman of Samsung, the largest group. Help came from Polaris, which operates the hotline.",
        );
        for name in ["Lookout", "Samsung", "Polaris"] {
            assert!(found.contains(&(name.to_owned(), ActorType::Organization)), "{name}: {found:?}");
        }
    }

    #[test]
    fn a_saints_abbreviation_begins_a_name() {
        let found = names(" date 2024-01-10 Officers of the St. Louis County Police Department met in St. Petersburg.");
        assert!(
            found.contains(&("St. Louis County Police Department".to_owned(), ActorType::Organization)),
            "{found:?}"
        );
        assert!(found.iter().any(|(name, _)| name == "St. Petersburg"), "{found:?}");
    }

    #[test]
    fn the_name_a_verb_gives_after_a_quotation_is_a_persons() {
        let found = names(
            " date 2024-01-10 \"There will be a nastier defence by the fighters,\" said Kasapoglu. A spokesman said: \"Sadly, it quickly became apparent.\"",
        );
        assert_eq!(found, [("Kasapoglu".to_owned(), ActorType::Person)]);
    }

    #[test]
    fn a_first_name_alone_is_a_person_unless_another_name_holds_it() {
        let found = names(
            " date 2024-01-10 My friend Cindy and I sat on the beach. I asked Cindy about it. Wind rose as Storm Doris hit the coast, and Doris moved on.",
        );
        assert!(found.contains(&("Cindy".to_owned(), ActorType::Person)), "{found:?}");
        assert!(!found.iter().any(|(name, _)| name == "Doris"), "{found:?}");
        let found = actors(" date 2024-01-10 Gisele Bundchen spoke first. Later Gisele said no more.");
        assert_eq!(found[0].2, ["Gisele"], "{found:?}");
    }

    #[test]
    fn a_sentence_start_is_not_a_name_by_accident() {
        let found = names(" date 2024-01-10 The envoy came. Yesterday Tehran said no.");
        assert_eq!(found, [("Tehran".to_owned(), ActorType::Place)]);
    }

    #[test]
    fn surnames_and_country_names_merge() {
        let found = actors(
            " date 2024-01-10 Sergey Lavrov met US envoys. Lavrov said the United States and the U.S. Army differ.",
        );
        assert_eq!(found[0].0, "Sergey Lavrov");
        assert_eq!(found[0].2, ["Lavrov"]);
        let us = found.iter().find(|a| a.0 == "United States").expect("the country");
        assert_eq!(us.2, ["US"]);
        assert!(found.iter().any(|a| a.0 == "U.S. Army" && a.1 == ActorType::Organization));
    }

    #[test]
    fn bracketed_acronyms_and_near_spellings_merge() {
        let found = actors(
            " date 2024-01-10 The International North-South Transport Corridor (INSTC) grows. The INSTC is long. Admiral Habibollah Sayyari and Habibullah Sayyari came.",
        );
        let corridor = found.iter().find(|a| a.0.starts_with("International")).expect("corridor");
        assert_eq!(corridor.2, ["INSTC"]);
        let admiral = found.iter().find(|a| a.0.starts_with("Habib")).expect("admiral");
        assert_eq!(admiral.2.len(), 1, "{found:?}");
    }

    #[test]
    fn appositions_give_roles_and_types() {
        let found = actors(" date 2024-01-10 The talks began, said Kiomars Heydari, deputy chief of the Iranian Army.");
        let heydari = found.iter().find(|a| a.0 == "Kiomars Heydari").expect("person");
        assert_eq!(heydari.3, ["deputy chief of the Iranian Army"]);
        assert!(found.iter().any(|a| a.0 == "Iranian Army" && a.1 == ActorType::Organization));
    }

    #[test]
    fn possessives_end_names() {
        let found = names(" date 2024-01-10 Yesterday Iran's Foreign Ministry spoke.");
        assert_eq!(
            found,
            [("Iran".to_owned(), ActorType::Place), ("Foreign Ministry".to_owned(), ActorType::Organization)]
        );
    }

    #[test]
    fn a_month_before_a_name_is_a_first_name_but_not_after_in() {
        let found =
            names(" date 2024-01-10 Arguing for the state was August Flentje, a counsel. In August Lavrov came.");
        assert!(found.contains(&("August Flentje".to_owned(), ActorType::Person)), "{found:?}");
        assert!(!found.iter().any(|(name, _)| name == "August Lavrov"), "{found:?}");
    }

    #[test]
    fn near_spellings() {
        assert!(near("Habibollah", "Habibullah"));
        assert!(!near("Iran", "Iraq"));
        assert!(!near("Austria", "Australia"));
    }
}
