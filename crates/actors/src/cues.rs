//! The words that attribute a quotation: verbs of speech and writing in the forms news uses.

use crate::extract::SPEECH_VERBS;

/// Forms of verbs that attribute a quotation, beyond the ones that also type a name
/// ([`SPEECH_VERBS`]). Third-person `-s` forms are listed only for verbs whose `-s` form is
/// rarely a plural noun: `reports`, `claims`, `comments`, `notes`, `states` and `points` are
/// far more often nouns in news copy, and a noun taken for a cue steals the attribution.
const MORE_CUES: &[&str] = &[
    "according",
    "acknowledged",
    "acknowledges",
    "adds",
    "admits",
    "admitted",
    "agreed",
    "agrees",
    "alleged",
    "answered",
    "answers",
    "argues",
    "asks",
    "asserted",
    "asserts",
    "began",
    "cautioned",
    "complained",
    "conceded",
    "concedes",
    "concludes",
    "contended",
    "continues",
    "countered",
    "demanded",
    "described",
    "exclaimed",
    "explains",
    "insists",
    "joked",
    "maintained",
    "maintains",
    "mused",
    "observed",
    "posted",
    "predicted",
    "promised",
    "quipped",
    "quoted",
    "recalls",
    "recounted",
    "reiterated",
    "replies",
    "responded",
    "responds",
    "say",
    "saying",
    "shouted",
    "stresses",
    "suggests",
    "tell",
    "testified",
    "urged",
    "vowed",
    "warns",
    "wondered",
    "writes",
];

/// Whether `word` attributes a quotation. Only lower-case words are verbs here: `States`
/// and `Told` at the head of a name or a headline are not.
pub(crate) fn is_cue(word: &str) -> bool {
    SPEECH_VERBS.contains(&word) || MORE_CUES.contains(&word)
}

/// Verbs whose object is who is spoken to, never who speaks: `told Al Jazeera`, and, before
/// a quotation, `investigators asked Miller: "..."` (after one, `asked Miller` is the speaker).
pub(crate) fn names_the_listener(cue: &str, before_the_quote: bool) -> bool {
    matches!(cue, "told" | "tells" | "tell") || (before_the_quote && matches!(cue, "asked" | "asks"))
}

/// Words that stand for a speaker already named.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "its", "He", "She", "They", "It", "Its"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_in_their_news_forms_are_cues_and_nouns_and_names_are_not() {
        for cue in ["said", "says", "explains", "answered", "wrote", "according", "began"] {
            assert!(is_cue(cue), "{cue}");
        }
        for word in ["States", "reports", "claims", "Said", "statement"] {
            assert!(!is_cue(word), "{word}");
        }
    }

    #[test]
    fn who_is_told_or_asked_before_a_quotation_is_the_listener() {
        assert!(names_the_listener("told", false));
        assert!(names_the_listener("asked", true));
        assert!(!names_the_listener("asked", false));
        assert!(!names_the_listener("said", true));
    }
}
