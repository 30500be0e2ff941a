//! Site furniture that scrapers leave after an article: `Leave a Comment`, `Share this`.

/// Lines that count as furniture when they close an article. Compared after trimming,
/// folding runs of white space to one space, lower-casing, and dropping a final `:`.
pub const BUILT_IN_BOILERPLATE: &[&str] = &[
    "leave a comment",
    "leave a reply",
    "post a comment",
    "comments",
    "share",
    "share this",
    "share this article",
    "share this story",
    "print",
    "email",
    "print this article",
    "related",
    "related articles",
    "related news",
    "related stories",
    "read more",
    "read more news",
    "more news",
    "you may also like",
    "recommended",
    "advertisement",
    "subscribe",
    "subscribe to our newsletter",
    "follow us",
    "back to top",
    "tags",
    "all rights reserved",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on whatsapp",
    "share on telegram",
    "share on linkedin",
    "share on reddit",
    "share via email",
    "share via whatsapp",
    "share this page",
    "share this post",
    "print article",
    "email article",
    "copy link",
    "link copied",
    "follow us",
    "follow us on social media",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "newsletter",
    "sign up",
    "view comments",
    "show comments",
    "add comment",
    "add a comment",
    "comment",
    "0 comments",
    "no comments",
    "join the conversation",
];

/// Furniture that starts a line and runs on: `Tags: France, farming`, `© 2024 Agency`,
/// `Read also: <headline>`, `Follow us on Instagram @paper`.
const BUILT_IN_PREFIXES: &[&str] = &[
    "©",
    "copyright ",
    "(c) ",
    "tags:",
    "topics:",
    "filed under:",
    "related topics:",
    "read also:",
    "also read:",
    "read more:",
    "see also:",
    "related:",
    "related article:",
    "related story:",
    "read next:",
    "more on this:",
    "follow us on ",
    "follow our ",
    "share on ",
    "share this on ",
    "subscribe to our ",
    "sign up for our ",
    "sign up to our ",
    "get our ",
    "click here to subscribe",
];

/// A wire's or a site's notice of copyright or licence, several sentences long: furniture as
/// a whole paragraph, at the end only.
const NOTICE_MAX_BYTES: usize = 1000;
const NOTICE_OPENINGS: &[&str] = &[
    "©",
    "copyright",
    "(c) ",
    "all rights reserved",
    "this article is republished",
    "this story was originally published",
    "this material may not be",
];
const NOTICE_WORDS: &[&str] = &[
    "rights reserved",
    "may not be",
    "redistribut",
    "reproduc",
    "without permission",
    "prior written",
    "creative commons",
    "republished",
];

/// Furniture lines are short; anything longer is body text without looking further.
const MAX_BYTES: usize = 120;

/// The comparison form of a line: trimmed, one space between words, lower case, no final `:`.
pub(crate) fn normalize(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let mut out = out.to_lowercase();
    if out.ends_with(':') {
        out.pop();
    }
    out
}

/// `3 Comments`, `Comments (12)`: a count of comments.
fn is_comment_count(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    match words[..] {
        [count, "comment" | "comments"] => count.chars().all(|c| c.is_ascii_digit()),
        ["comments", count] => count
            .strip_prefix('(')
            .and_then(|c| c.strip_suffix(')'))
            .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit())),
        _ => false,
    }
}

/// Whether a paragraph (its lines folded to one) is a copyright or licence notice:
/// `Copyright 2024 The Associated Press. All rights reserved. This material may not be
/// published, broadcast, rewritten or redistributed.`
pub(crate) fn is_notice(paragraph: &str) -> bool {
    let text = paragraph.trim();
    // Asked of the last paragraph of every article: the opening first, without allocating.
    let opens = |opening: &&str| text.get(..opening.len()).is_some_and(|start| start.eq_ignore_ascii_case(opening));
    if text.len() > NOTICE_MAX_BYTES || !NOTICE_OPENINGS.iter().any(opens) {
        return false;
    }
    // As written back, on one line: `may\nnot be` is `may not be`.
    let lower = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    NOTICE_OPENINGS.iter().any(|opening| lower.starts_with(opening)) && NOTICE_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether `line` is furniture: a built-in line, one of `extra` (already normalised), a
/// count of comments, or a line opening with a built-in prefix such as a copyright notice, a
/// list of tags or a prompt to follow or subscribe.
pub(crate) fn is_boilerplate(line: &str, extra: &[String]) -> bool {
    // Measured without the white space around it, which the comparison ignores too: indenting
    // a line must not make it body text (a paragraph keeps no indentation, so it would come
    // back as furniture when printed).
    if line.trim().len() > MAX_BYTES {
        return false;
    }
    let line = normalize(line);
    !line.is_empty()
        && (BUILT_IN_BOILERPLATE.contains(&line.as_str())
            || extra.contains(&line)
            || is_comment_count(&line)
            || BUILT_IN_PREFIXES.iter().any(|prefix| line.starts_with(prefix)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_space_and_final_colon() {
        assert!(is_boilerplate("Leave a Comment", &[]));
        assert!(is_boilerplate("  LEAVE   a comment  ", &[]));
        assert!(is_boilerplate("Tags:", &[]));
        assert!(is_boilerplate("© 2024 Tehran Times", &[]));
        assert!(is_boilerplate("Tags: France, farming", &[]));
        assert!(!is_boilerplate("Leave a Comment below, he said", &[]));
        assert!(is_boilerplate("Sponsored", &[normalize("sponsored")]));
    }

    #[test]
    fn share_follow_read_also_comments_and_newsletters() {
        for line in [
            "Share on WhatsApp",
            "Follow us on Instagram @tehrantimes",
            "Read also: Iran, Russia sign rail deal",
            "3 Comments",
            "Comments (12)",
            "Sign up for our daily newsletter",
            "Subscribe to our newsletter",
        ] {
            assert!(is_boilerplate(line, &[]), "{line}");
        }
        for line in ["3 comments were made by the minister", "Share prices fell", "Follow the money"] {
            assert!(!is_boilerplate(line, &[]), "{line}");
        }
    }

    #[test]
    fn wire_notices_are_furniture_as_a_paragraph() {
        let ap = "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.";
        assert!(is_notice(ap));
        assert!(!is_boilerplate(ap, &[]), "too long for a line of furniture");
        assert!(!is_notice("Copyright law was changed in 2019, the minister said."));
        // Found by the round_trip fuzz target: hard-wrapped inside the words that make it one.
        assert!(is_notice("Copyright 2024 AP. This material may\nnot be published."));
    }

    #[test]
    fn the_length_limit_ignores_indentation() {
        // Found by the round_trip fuzz target: indented past the limit, a `Tags:` line was a
        // paragraph, which the printer writes without the indentation, as furniture.
        let tags = format!("Tags:{}", "x".repeat(MAX_BYTES - 5));
        assert!(is_boilerplate(&format!(" \t{tags}  "), &[]));
        assert!(!is_boilerplate(&format!("{tags}x"), &[]));
    }
}
