//! Escaping, one function per place a string from the corpus can land in the page.
//!
//! Every title, term, KWIC line, quotation, actor name and path is hostile input: scraped
//! pages carry `<script>`, `</script>`, `javascript:` links and anything else. Nothing from
//! the corpus reaches the page except through these functions.

/// Text between tags, in HTML or in inline SVG: `&`, `<`, `>` and both quotes become
/// character references; control characters (which HTML forbids in text, and which a NUL
/// turns into a parse error) become U+FFFD.
#[must_use]
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A double-quoted attribute value (`title="..."`, `data-term="..."`). The same replacements
/// as [`text`]: a quote cannot end the value, and `<` cannot start a tag in tools that read
/// attributes loosely. Never used for `href` or `src`: the report links only to its own
/// `#anchors`, which are written by the report, not taken from the corpus.
#[must_use]
pub fn attr(s: &str) -> String {
    text(s)
}

/// JSON for a `<script type="application/json">` block: the serialised value with `<`, `>`
/// and `&` written as `\u003c`, `\u003e`, `\u0026`, and U+2028 and U+2029 as `\u2028` and
/// `\u2029`, so that neither `</script>` nor `<!--` can appear in the block (the HTML parser
/// ends or changes the script element on those), and the text stays valid JavaScript too.
/// JSON puts these characters only inside strings, where the escapes mean the same.
#[must_use]
pub fn json_script(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const HOSTILE: &[&str] = &[
        "<script>window.pwned=1</script>",
        "</script><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' autofocus onfocus='alert(1)",
        "<!-- <script>",
        "javascript:alert(1)",
        "a\\\"b\\\\c",
        "\u{2028}\u{2029}\u{202E}gnp.exe",
        "nul\u{0}byte\u{7}bell",
        "&lt;already&gt; &amp;",
    ];

    #[test]
    fn text_leaves_no_markup() {
        for s in HOSTILE {
            let escaped = text(s);
            assert!(!escaped.contains('<') && !escaped.contains('>'), "{escaped}");
            assert!(!escaped.contains('"') && !escaped.contains('\''), "{escaped}");
            assert!(!escaped.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{escaped:?}");
        }
        assert_eq!(text("a < b & c > \"d\" 'e'"), "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;");
        // An entity in the corpus shows as written, not as the character it names.
        assert_eq!(text("&lt;"), "&amp;lt;");
    }

    #[test]
    fn attr_cannot_close_its_quotes() {
        for s in HOSTILE {
            let escaped = attr(s);
            assert!(!escaped.contains('"'), "{escaped}");
            let tag = format!("<span title=\"{escaped}\">");
            assert_eq!(tag.matches('"').count(), 2, "{tag}");
        }
    }

    #[test]
    fn json_script_cannot_end_the_script_and_reads_back_the_same() {
        for s in HOSTILE {
            let value = json!({ "text": s, "list": [s, { "nested": s }] });
            let escaped = json_script(&value);
            let lower = escaped.to_ascii_lowercase();
            assert!(!lower.contains("</script"), "{escaped}");
            assert!(!lower.contains("<!--"), "{escaped}");
            assert!(!escaped.contains(['<', '>', '&', '\u{2028}', '\u{2029}']), "{escaped}");
            let back: serde_json::Value = serde_json::from_str(&escaped).expect("still JSON");
            assert_eq!(back, value);
        }
    }
}
