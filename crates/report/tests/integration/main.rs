//! The report's integration tests: the page never reaches outside itself, keeps to its size
//! budget, escapes hostile text everywhere, and renders the same bytes for the same data.

mod offline;
mod support;

use dateline_report::render;

/// Every view filled beyond its budget.
const FULL: usize = 600;

#[test]
fn a_full_report_keeps_to_its_budget() {
    let html = render(&support::data("a fairly long name of something from the corpus", FULL));
    // The crate docs promise under 2 MB for any input; the issue allows 10 MB for a million
    // articles.
    assert!(html.len() < 2_000_000, "{} bytes", html.len());
    offline::assert_offline(&html);
}

#[test]
fn the_same_data_renders_the_same_bytes() {
    let data = support::data("same", 30);
    assert_eq!(render(&data), render(&data));
}

/// What scraped text can hold: markup, script, attribute breakers, script-block breakers,
/// `javascript:` links, backslashes and quotes, and odd Unicode.
const HOSTILE: &str = "<script>window.pwned=1</script></script><!-- <img src=x onerror=\"window.pwned=2\"> \
    <a href=\"javascript:window.pwned=3\">x</a> ' \" \\ \\\" \u{2028}\u{2029}\u{202E}\u{0}\u{FEFF} <style>body{}</style> \
    url(https://example.invalid/x.png) ]]> <![CDATA[";

#[test]
fn hostile_text_stays_text_in_every_view() {
    let html = render(&support::data(HOSTILE, 12));
    offline::assert_offline(&html);
    // The report's own blocks, and no other: the data block, uPlot and the report's script.
    assert_eq!(html.matches("<script").count(), 3);
    assert_eq!(html.matches("</script>").count(), 3);
    assert_eq!(html.matches("<style").count(), 2);
    assert!(!html.contains("<img") && !html.contains("<a href=\"javascript"));
    assert!(!html.contains("<!-- <"));
    // The text is there, escaped, and the data block holds it intact.
    assert!(html.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;"));
    let data = offline::data_block(&html);
    let value: serde_json::Value = serde_json::from_str(data).expect("the data block is JSON");
    let kwic = value["kwic"].as_object().expect("kwic lines");
    let head: String = HOSTILE.chars().take(100).collect();
    assert!(kwic.keys().any(|k| k.starts_with(&head)), "{:?}", kwic.keys().next());
}

#[test]
fn an_empty_report_draws_every_view_with_a_reason() {
    let html = render(&support::data("nothing", 0));
    offline::assert_offline(&html);
    for id in ["overview", "periods", "terms", "keyness", "phrases", "topics", "actors", "families", "search"] {
        assert!(html.contains(&format!("<section id=\"{id}\">")), "{id}");
    }
    assert!(html.contains("No article has a date"));
}

#[test]
#[ignore = "a measurement, not a check"]
fn section_sizes() {
    let html = render(&support::data("a fairly long name of something from the corpus", FULL));
    for part in html.split("<section id=").skip(1) {
        let id: String = part.chars().skip(1).take_while(|c| *c != '"').collect();
        eprintln!("{id}: {}", part.len());
    }
    eprintln!("data: {}", offline::data_block(&html).len());
}
