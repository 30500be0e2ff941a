//! The report's views, one module per section of the page. Each returns its section's HTML,
//! and the views with interactive parts also add their data to the page's JSON block.

pub(crate) mod actors;
pub(crate) mod families;
pub(crate) mod overview;
pub(crate) mod phrases;
pub(crate) mod search;
pub(crate) mod terms;
pub(crate) mod topics;

use std::fmt::Write;

use crate::escape;

/// A section: its anchor, heading, caption (already HTML) and body.
pub(crate) fn section(id: &str, heading: &str, caption: &str, body: &str) -> String {
    format!(
        "<section id=\"{id}\">\n<h2>{}</h2>\n<p class=\"caption\">{caption}</p>\n{body}\n</section>\n",
        escape::text(heading)
    )
}

/// A table cell.
pub(crate) enum Cell {
    /// Text from the corpus or the analyses, escaped here.
    Text(String),
    /// A count.
    Int(u64),
    /// A measure shown with this many decimals.
    Float(f64, usize),
    /// Markup made by the report itself (a chart swatch, a list of escaped items).
    Html(String),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Self {
        Self::Int(n)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Self {
        Self::Int(u64::try_from(n).unwrap_or(u64::MAX))
    }
}

/// A table whose columns sort on a click when scripts run. Numeric columns are right-aligned
/// and carry their value in `data-v`, so they sort as numbers whatever their shown form.
pub(crate) fn table(id: &str, headers: &[&str], rows: impl IntoIterator<Item = Vec<Cell>>) -> String {
    let mut out = format!("<div class=\"scroll\"><table id=\"{id}\" class=\"sortable\">\n<thead><tr>");
    for header in headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape::text(header));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut empty = true;
    for row in rows {
        empty = false;
        out.push_str("<tr>");
        for cell in row {
            match cell {
                Cell::Text(s) => {
                    let _ = write!(out, "<td>{}</td>", escape::text(&s));
                }
                Cell::Int(n) => {
                    let _ = write!(out, "<td class=\"num\" data-v=\"{n}\">{}</td>", thousands(n));
                }
                Cell::Float(v, decimals) if v.is_finite() => {
                    let _ = write!(out, "<td class=\"num\" data-v=\"{v:.decimals$}\">{v:.decimals$}</td>");
                }
                Cell::Float(..) => out.push_str("<td class=\"num\" data-v=\"0\">–</td>"),
                Cell::Html(html) => {
                    let _ = write!(out, "<td>{html}</td>");
                }
            }
        }
        out.push_str("</tr>\n");
    }
    if empty {
        let _ = writeln!(out, "<tr><td colspan=\"{}\" class=\"empty\">nothing to show</td></tr>", headers.len());
    }
    out.push_str("</tbody></table></div>");
    out
}

/// `1234567` as `1,234,567`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// At most `max` characters of `s`, with an ellipsis when cut: no corpus string can make a
/// view outgrow its budget.
pub(crate) fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_owned(),
        Some((at, _)) => format!("{}…", &s[..at]),
    }
}

/// A paragraph saying a view has nothing to draw, and why.
pub(crate) fn nothing(why: &str) -> String {
    format!("<p class=\"empty\">{}</p>", escape::text(why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("héllo", 2), "hé…");
        assert_eq!(cut("héllo", 5), "héllo");
        assert_eq!(cut("", 0), "");
    }

    #[test]
    fn tables_escape_text_cells() {
        let html = table("t", &["<h>"], [vec![Cell::from("</td><script>")], vec![Cell::Float(f64::NAN, 2)]]);
        assert!(!html.contains("<script>") && !html.contains("<h>"));
        assert!(html.contains("&lt;/td&gt;&lt;script&gt;"));
        assert!(!html.contains("NaN"));
    }
}
