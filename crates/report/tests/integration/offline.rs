//! The offline check: nothing in a page may load anything from outside it. Every attribute
//! that fetches or navigates (`src`, `href`, `action`, ...) must point at `#` or `data:`, no
//! style may hold a `url(` to anything else, no element that embeds or redirects may appear,
//! and the scripts name no outside URL.

/// Attributes that make a browser fetch or navigate.
const FETCHING: &[&str] =
    &["src", "href", "xlink:href", "action", "formaction", "poster", "srcset", "data", "background", "cite", "ping"];

/// Elements that embed or fetch, or change where the page's URLs point.
const FORBIDDEN: &[&str] = &["link", "base", "iframe", "frame", "object", "embed", "img", "audio", "video", "source"];

/// The failures of [`assert_offline`], for the tests of the check itself.
pub(crate) fn problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        if lower[start..].starts_with("<!--") {
            problems.push(format!("a comment at byte {start}: the report writes none"));
            at = start + 4;
            continue;
        }
        let Some(end) = tag_end(&lower, start) else {
            problems.push(format!("an unclosed tag at byte {start}"));
            break;
        };
        let tag = &html[start + 1..end];
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '/').collect();
        let name = name.to_ascii_lowercase();
        at = end + 1;
        if FORBIDDEN.contains(&name.as_str()) {
            problems.push(format!("a <{name}> element at byte {start}"));
        }
        for (attr, value) in attributes(&tag[name.len()..]) {
            if FETCHING.contains(&attr.as_str()) && !(value.starts_with('#') || value.starts_with("data:")) {
                problems.push(format!("{attr}=\"{value}\" at byte {start}"));
            }
            if attr == "style" {
                problems.push(format!("a style attribute at byte {start}: the CSP forbids it"));
            }
            if attr == "http-equiv" && value.eq_ignore_ascii_case("refresh") {
                problems.push(format!("a refresh at byte {start}"));
            }
            if attr.starts_with("on") {
                problems.push(format!("an event handler {attr} at byte {start}"));
            }
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            let Some(body_end) = lower[at..].find(&close).map(|i| at + i) else {
                problems.push(format!("an unclosed <{name}> at byte {start}"));
                break;
            };
            let body = &lower[at..body_end];
            let json = tag.contains("application/json");
            if name == "style" {
                for (i, _) in body.match_indices("url(") {
                    let rest = body[i + 4..].trim_start_matches(['"', '\'', ' ']);
                    if !(rest.starts_with("data:") || rest.starts_with('#')) {
                        problems.push(format!("url({}) in a style sheet", &rest[..rest.len().min(40)]));
                    }
                }
                if body.contains("@import") {
                    problems.push("an @import in a style sheet".to_owned());
                }
            } else if !json && body.contains("://") {
                problems.push(format!("a URL in the script at byte {start}"));
            }
            at = body_end;
        }
    }
    problems
}

/// Where a tag that opens at `start` ends, quotes respected.
fn tag_end(lower: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in lower[start..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(start + i),
            _ => {}
        }
    }
    None
}

/// A tag's attributes as (lower-case name, value).
fn attributes(mut rest: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let name_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '>').unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                rest = after.get(close + 1..).unwrap_or("");
                after[1..close].to_owned()
            } else {
                let len = after.find(char::is_whitespace).unwrap_or(after.len());
                rest = &after[len..];
                after[..len].to_owned()
            }
        } else {
            String::new()
        };
        if name.is_empty() {
            return out;
        }
        out.push((name, value.trim().to_ascii_lowercase()));
    }
}

pub(crate) fn assert_offline(html: &str) {
    let problems = problems(html);
    assert!(problems.is_empty(), "the report reaches outside itself: {problems:#?}");
}

/// The text of the page's JSON data block.
pub(crate) fn data_block(html: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"report-data\">";
    let start = html.find(open).expect("a data block") + open.len();
    let end = start + html[start..].find("</script>").expect("its end");
    &html[start..end]
}

#[test]
fn the_check_finds_every_way_out() {
    for bad in [
        "<img src=\"https://example.invalid/a.png\">",
        "<a href=\"https://example.invalid/\">x</a>",
        "<a href=//example.invalid>x</a>",
        "<script src=\"x.js\"></script>",
        "<link rel=\"stylesheet\" href=\"a.css\">",
        "<style>body { background: url(https://example.invalid/a.png) }</style>",
        "<style>@import 'a.css';</style>",
        "<div style=\"background: url(a.png)\"></div>",
        "<form action=\"https://example.invalid/\"></form>",
        "<meta http-equiv=\"refresh\" content=\"0; url=https://example.invalid/\">",
        "<svg><image xlink:href=\"a.png\"/></svg>",
        "<script>fetch('https://example.invalid/')</script>",
        "<body onload=\"x()\">",
    ] {
        assert!(!problems(bad).is_empty(), "{bad}");
    }
    for good in [
        "<a href=\"#terms\">terms</a>",
        "<p>see src=x and url(https://example.invalid) in text</p>",
        "<script type=\"application/json\">{\"u\":\"https://example.invalid\"}</script>",
        "<style>.a { background: url(data:image/png;base64,AA==) }</style>",
    ] {
        assert!(problems(good).is_empty(), "{good}: {:?}", problems(good));
    }
}
