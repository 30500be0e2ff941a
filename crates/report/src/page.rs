//! The page around the views: head, Content-Security-Policy, style sheets, scripts.
//!
//! The policy allows nothing but the inline blocks the report carries, named by the SHA-256
//! of their exact text: `default-src 'none'` (no fetch, no image, no font, no frame), scripts
//! and styles by hash only (so an injected `<script>` or `style` attribute would not run even
//! if escaping failed), no `<base>`, no form submission.

use std::fmt::Write;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::escape;

/// The report's own style sheet.
const STYLE: &str = include_str!("page.css");
/// The report's own script.
const SCRIPT: &str = include_str!("page.js");
/// uPlot, as `vendor/refresh.sh` writes it: see the crate docs for why uPlot.
const UPLOT: &str = include_str!("../vendor/uPlot.min.js");
const UPLOT_STYLE: &str = include_str!("../vendor/uPlot.min.css");

/// `'sha256-...'` of a block's text, as a CSP source expression.
pub(crate) fn hash(block: &str) -> String {
    let digest = Sha256::digest(block.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The policy allowing exactly these scripts and styles.
pub(crate) fn policy(scripts: &[&str], styles: &[&str]) -> String {
    let list = |blocks: &[&str]| blocks.iter().map(|b| hash(b)).collect::<Vec<_>>().join(" ");
    format!(
        "default-src 'none'; script-src {}; style-src {}; base-uri 'none'; form-action 'none'",
        list(scripts),
        list(styles)
    )
}

/// The whole page: `nav` lists the sections as `(anchor, title)`, `body` holds them, `data`
/// is the JSON the script reads (already escaped for a script block).
pub(crate) fn page(title: &str, nav: &[(&str, &str)], body: &str, data: &str) -> String {
    let scripts = [UPLOT, SCRIPT];
    let styles = [UPLOT_STYLE, STYLE];
    let mut out = String::with_capacity(body.len() + data.len() + UPLOT.len() + 16_384);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"dateline report\">\n<title>{}</title>\n\
         <style>{UPLOT_STYLE}</style>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<nav><ul>",
        escape::attr(&policy(&scripts, &styles)),
        escape::text(title),
        escape::text(title)
    );
    for (anchor, name) in nav {
        let _ = write!(out, "<li><a href=\"#{anchor}\">{}</a></li>", escape::text(name));
    }
    let _ = write!(
        out,
        "</ul></nav>\n</header>\n<main>\n{body}</main>\n\
         <footer>Made by dateline report: one file, no network. Charts work without JavaScript; with it, \
         tables sort, terms can be picked and searched. Embeds uPlot (MIT licence, in the script).</footer>\n\
         <script type=\"application/json\" id=\"report-data\">{data}</script>\n\
         <script>{UPLOT}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_the_base64_sha256_of_the_exact_text() {
        // The SHA-256 of the empty string, as `openssl dgst -sha256 -binary | base64` writes it.
        assert_eq!(hash(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
        assert_ne!(hash("a"), hash("a "));
    }

    #[test]
    fn the_policy_names_every_inline_block_and_nothing_else() {
        let html = page("t", &[("a", "A")], "<section id=\"a\"></section>", "{}");
        let policy = policy(&[UPLOT, SCRIPT], &[UPLOT_STYLE, STYLE]);
        assert!(html.contains(&escape::attr(&policy)));
        assert!(policy.starts_with("default-src 'none';"));
        assert!(!policy.contains("unsafe"));
        for block in [UPLOT, SCRIPT] {
            assert!(html.contains(&format!("<script>{block}</script>")));
        }
        for block in [UPLOT_STYLE, STYLE] {
            assert!(html.contains(&format!("<style>{block}</style>")));
        }
    }

    #[test]
    fn the_palette_of_the_charts_is_the_palette_of_the_swatches() {
        for (i, colour) in crate::svg::PALETTE.iter().enumerate() {
            assert!(STYLE.contains(&format!(".c{i} {{ background: {colour}; }}")), "{colour}");
        }
        for colour in crate::svg::PALETTE {
            assert!(SCRIPT.contains(colour));
        }
    }
}
