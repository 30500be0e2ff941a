//! The generator's articles read back as it meant them: a check on the generator (its corpus
//! exercises the formats it claims to) and, as a side effect, on the parser.

use dateline_benches::corpus::{Expected, ExpectedSection, GeneratedArticle, Generator, LineEnding};

/// What the parser made of an article, in the generator's terms.
fn parsed(article: &GeneratedArticle) -> Expected {
    let bytes = article.to_bytes();
    let decoded = dateline_parse::decode(&bytes).expect("generated text is never binary");
    let (parsed, _) = dateline_parse::parse_article_lenient(&decoded.text);
    Expected {
        title: parsed.title,
        date: parsed.published.as_ref().map(|p| p.date.to_string()),
        time: parsed.published.as_ref().and_then(|p| p.time).map(|t| t.format("%H:%M").to_string()),
        dateline_place: parsed.dateline.and_then(|d| d.place),
        sections: parsed
            .sections
            .into_iter()
            .map(|s| ExpectedSection { heading: s.heading, paragraphs: s.paragraphs.len() })
            .collect(),
        boilerplate: parsed.boilerplate,
    }
}

#[test]
fn generated_articles_parse_as_generated() {
    let generator = Generator::new(1);
    let mut failures = Vec::new();
    for index in 0..600 {
        let article = generator.article(index);
        let got = parsed(&article);
        if got != article.expected {
            failures.push(format!(
                "article {index} ({}):\n  expected {:?}\n  parsed   {:?}",
                article.relative_path.display(),
                article.expected,
                got
            ));
        }
    }
    assert!(failures.is_empty(), "{} of 600 differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_large_article_parses_as_generated() {
    let article = Generator::new(3).article_sized(11, 1 << 20);
    assert!(article.text.len() >= 1 << 20);
    assert_eq!(parsed(&article), article.expected);
}

#[test]
fn crlf_articles_decode_to_the_lf_text() {
    let article = Generator::new(1).article(0).with_line_ending(LineEnding::CrLf);
    let bytes = article.to_bytes();
    assert!(bytes.windows(2).any(|w| w == b"\r\n"));
    assert_eq!(dateline_parse::decode(&bytes).expect("text").text, article.text);
}

#[test]
fn the_corpus_covers_every_format() {
    let generator = Generator::new(1);
    let texts: Vec<GeneratedArticle> = (0..2_000).map(|i| generator.article(i)).collect();
    let any = |needle: &str| texts.iter().any(|a| a.text.contains(needle));
    let starts = |needle: &str| texts.iter().any(|a| a.text.starts_with(needle));
    assert!(starts(" date 20") && starts("date 20"), "inline prefix");
    for month in ["\nSeptember ", "\nSept. ", "\nSep ", " September 20"] {
        assert!(any(month), "{month:?}");
    }
    for separator in [" - ", " – ", " — "] {
        assert!(texts.iter().any(|a| a.expected.time.is_some() && a.text.contains(separator)), "{separator}");
    }
    for dateline in ["(Reuters) - ", "(AP) — ", "(Xinhua) -- ", ", Calif. (AP)"] {
        assert!(any(dateline), "{dateline}");
    }
    for furniture in ["\n=====", "\n==========\n", "\u{a0}\n", "\n\tThe", "Leave a Comment"] {
        assert!(any(furniture), "{furniture:?}");
    }
    assert!(texts.iter().any(|a| a.line_ending == LineEnding::CrLf));
    assert!(texts.iter().any(|a| { a.expected.sections.iter().filter(|s| s.heading.is_some()).count() >= 2 }));
}
