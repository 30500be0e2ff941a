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
];

/// Furniture that starts a line and runs on: `Tags: France, farming`, `© 2024 Agency`.
const BUILT_IN_PREFIXES: &[&str] = &["©", "copyright ", "tags:", "topics:", "filed under:", "related topics:"];

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

/// Whether `line` is furniture: a built-in line, one of `extra` (already normalised), or a
/// line opening with a built-in prefix such as a copyright notice or a list of tags.
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
    fn the_length_limit_ignores_indentation() {
        // Found by the round_trip fuzz target: indented past the limit, a `Tags:` line was a
        // paragraph, which the printer writes without the indentation, as furniture.
        let tags = format!("Tags:{}", "x".repeat(MAX_BYTES - 5));
        assert!(is_boilerplate(&format!(" \t{tags}  "), &[]));
        assert!(!is_boilerplate(&format!("{tags}x"), &[]));
    }
}
