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
    eprintln!("total: {}", html.len());
}

/// The section `id` of a page.
fn section<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html.find(&format!("<section id=\"{id}\">")).unwrap_or_else(|| panic!("no section {id}"));
    let end = start + html[start..].find("</section>").expect("its end");
    &html[start..end]
}

/// Rows of the table `id` in a page.
fn rows(html: &str, id: &str) -> usize {
    let start = html.find(&format!("<table id=\"{id}\"")).unwrap_or_else(|| panic!("no table {id}"));
    let end = start + html[start..].find("</table>").expect("its end");
    html[start..end].matches("<tr>").count() - 1
}

#[test]
fn every_view_embeds_at_most_its_budget() {
    use dateline_report::budget;
    let html = render(&support::data("x", FULL));
    let data: serde_json::Value = serde_json::from_str(offline::data_block(&html)).expect("JSON");
    // The term picker: the top terms' rates over the latest periods, one rate per period.
    let trends = &data["trends"];
    let periods = trends["periods"].as_array().expect("periods");
    assert_eq!(periods.len(), budget::PERIODS);
    assert_eq!(trends["starts"].as_array().map(Vec::len), Some(budget::PERIODS));
    assert_eq!(periods.last().and_then(|p| p.as_str()), Some(support_last_week().as_str()));
    let series = trends["series"].as_array().expect("series");
    assert_eq!(series.len(), budget::TERMS);
    for s in series {
        assert_eq!(s["rates"].as_array().map(Vec::len), Some(budget::PERIODS));
    }
    // Term t's rate is 1 / (t + 1) in every period, rounded to four decimals.
    assert_eq!(series[2]["rates"][0].as_f64(), Some(0.3333));
    // The search box: the top terms, a few lines each, contexts cut.
    let kwic = data["kwic"].as_object().expect("kwic");
    assert_eq!(kwic.len(), budget::KWIC_TERMS);
    for lines in kwic.values() {
        let lines = lines.as_array().expect("lines");
        assert_eq!(lines.len(), budget::KWIC_LINES);
        for line in lines {
            assert!(line[0].as_str().expect("left").chars().count() <= budget::KWIC_CHARS + 1);
            assert!(line[0].as_str().expect("left").starts_with('…'), "left contexts keep their end");
            assert!(line[2].as_str().expect("right").chars().count() <= budget::KWIC_CHARS + 1);
        }
    }
    // The tables.
    for (id, limit) in [
        ("sources", budget::SOURCES),
        ("places", budget::PLACES),
        ("agencies", budget::AGENCIES),
        ("reasons", budget::REASONS),
        ("periods-table", budget::PERIODS),
        ("terms-table", budget::TERMS),
        ("keyness-0", budget::KEYNESS_TERMS),
        ("ngrams-table", budget::NGRAMS),
        ("collocations-table", budget::COLLOCATIONS),
        ("topics-table", budget::TOPICS),
        ("actors-table", budget::ACTORS),
        ("speakers-table", budget::SPEAKERS),
        ("families-table", budget::FAMILIES),
    ] {
        assert_eq!(rows(&html, id), limit, "{id}");
    }
    assert!(!html.contains(&format!("id=\"keyness-{}\"", budget::KEYNESS_PERIODS)));
    // The network: its nodes and edges.
    let network = section(&html, "actors");
    assert_eq!(network.matches("<line class=\"edge\"").count(), budget::NETWORK_EDGES);
    assert_eq!(network.matches("<text class=\"node\"").count(), budget::NETWORK_NODES);
    // The topic chart: the largest topics and one area for the rest.
    assert_eq!(section(&html, "topics").matches("<polygon").count(), budget::TOPIC_AREAS + 1);
    // The family timeline: a dot per day, at most the budget's per family.
    let families = section(&html, "families");
    assert_eq!(families.matches("<circle").count(), budget::FAMILIES * budget::FAMILY_DAYS);
}

/// The label of the last week [`support::data`] makes with [`FULL`] periods.
fn support_last_week() -> String {
    dateline_analyze::Period::Week
        .key(
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(7 * (FULL as u64 - 1)))),
        )
        .to_string()
}

#[test]
fn one_topic_left_over_is_drawn_as_itself() {
    use dateline_report::budget;
    let html = render(&support::data("topic", budget::TOPIC_AREAS + 1));
    let topics = section(&html, "topics");
    assert_eq!(topics.matches("<polygon").count(), budget::TOPIC_AREAS + 1);
    assert!(!topics.contains("the other"), "no area for the others");
    assert!(topics.contains("every topic apart"));
    let html = render(&support::data("topic", budget::TOPIC_AREAS + 2));
    let topics = section(&html, "topics");
    assert_eq!(topics.matches("<polygon").count(), budget::TOPIC_AREAS + 1);
    assert!(topics.contains("the other 2 topics"));
}

#[test]
fn a_keyness_heading_counts_its_articles() {
    let mut data = support::data("period", 3);
    data.keyness[0].keyness.target.documents = 1;
    let html = render(&data);
    let keyness = section(&html, "keyness");
    assert_eq!(keyness.matches("(1 article)").count(), 1);
    assert_eq!(keyness.matches("(3 articles)").count(), 2);
}
