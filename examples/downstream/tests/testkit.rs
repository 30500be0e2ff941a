use dateline_parse::{parse_article, testkit};
use proptest::prelude::*;

/// Your tool's step before the parser: here, a scraper's clean-up of trailing white space.
fn clean_up(text: &str) -> String {
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

proptest! {
    // Well-formed articles in every layout, each with the model it must parse to.
    #[test]
    fn articles_read_as_they_were_written((text, expected) in testkit::articles()) {
        prop_assert_eq!(parse_article(&text)?, expected);
    }

    // The tool's clean-up loses nothing the parser would have read.
    #[test]
    fn cleaning_up_keeps_every_article_whole((text, expected) in testkit::articles()) {
        let article = parse_article(&clean_up(&text))?;
        prop_assert_eq!(article.without_spans(), expected.without_spans());
    }

    // Each kind of damage FORMAT.md lists ends as promised: outcome, diagnostic, article.
    #[test]
    fn damaged_files_end_as_promised(
        case in testkit::articles().prop_flat_map(|(text, _)| testkit::malformed(&text)),
    ) {
        case.check()?;
    }

    // Spans, stored texts, dates, strict against lenient, render then parse: in one call.
    #[test]
    fn no_file_breaks_an_invariant(bytes in testkit::files()) {
        testkit::check_invariants(&bytes)?;
    }
}
