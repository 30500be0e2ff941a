//! Static charts drawn as inline SVG: bars, lines, stacked areas, a network on a circle and a
//! timeline. They need no JavaScript, print as they show, and carry no `style` attribute (the
//! page's Content-Security-Policy allows no inline style): colours are presentation
//! attributes, the rest comes from the page's style sheet through classes.
//!
//! Numbers are written with a fixed precision, so the same data draws the same bytes.

use std::fmt::Write;

use crate::escape;

/// Ten colours that stay apart on screen and in print (Tableau 10's palette).
pub(crate) const PALETTE: [&str; 10] =
    ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

pub(crate) fn colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 44.0;

/// A plot area with a y axis from 0 to `max` and `n` evenly spaced x positions.
struct Frame {
    n: usize,
    max: f64,
}

impl Frame {
    fn new(n: usize, max: f64) -> Self {
        Self { n, max: nice_ceiling(max) }
    }

    fn x(&self, i: usize) -> f64 {
        let span = WIDTH - LEFT - RIGHT;
        if self.n <= 1 { LEFT + span / 2.0 } else { LEFT + span * index(i) / index(self.n - 1) }
    }

    fn y(&self, v: f64) -> f64 {
        let span = HEIGHT - TOP - BOTTOM;
        HEIGHT - BOTTOM - if self.max > 0.0 { span * v / self.max } else { 0.0 }
    }

    /// The axes, four y ticks and at most ten x labels.
    fn axes(&self, out: &mut String, labels: &[String]) {
        let base = HEIGHT - BOTTOM;
        let _ = write!(
            out,
            r#"<line class="axis" x1="{LEFT}" y1="{base}" x2="{}" y2="{base}"/><line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}"/>"#,
            WIDTH - RIGHT
        );
        for tick in 0..=4 {
            let v = self.max * f64::from(tick) / 4.0;
            let y = self.y(v);
            let _ = write!(
                out,
                r#"<line class="grid" x1="{LEFT}" y1="{y:.1}" x2="{}" y2="{y:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
                WIDTH - RIGHT,
                LEFT - 6.0,
                y + 4.0,
                number(v)
            );
        }
        let step = labels.len().div_ceil(10).max(1);
        for (i, label) in labels.iter().enumerate().filter(|(i, _)| i % step == 0) {
            let _ = write!(
                out,
                r#"<text class="tick" x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
                self.x(i),
                base + 18.0,
                escape::text(label)
            );
        }
    }
}

#[expect(clippy::cast_precision_loss, reason = "chart positions: a few thousand points at most")]
fn index(i: usize) -> f64 {
    i as f64
}

/// The least of 1, 2, 2.5 or 5 times a power of ten at or above `v`, so ticks are round.
fn nice_ceiling(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * power).find(|&c| c >= v).unwrap_or(10.0 * power)
}

/// A tick label: whole numbers plainly, others with what precision they need.
fn number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn open(out: &mut String, label: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}">"#,
        escape::attr(label)
    );
}

/// A legend under a chart, as HTML (it wraps, which SVG text does not).
pub(crate) fn legend(names: &[String]) -> String {
    let mut out = String::from(r#"<ul class="legend">"#);
    for (i, name) in names.iter().enumerate() {
        let _ = write!(out, r#"<li><span class="swatch c{}"></span>{}</li>"#, i % PALETTE.len(), escape::text(name));
    }
    out.push_str("</ul>");
    out
}

/// Vertical bars, one per label.
pub(crate) fn bars(label: &str, labels: &[String], values: &[f64]) -> String {
    let frame = Frame::new(labels.len(), values.iter().copied().fold(0.0, f64::max));
    let mut out = String::new();
    open(&mut out, label);
    frame.axes(&mut out, labels);
    let slot = (WIDTH - LEFT - RIGHT) / index(labels.len().max(1));
    let width = (slot * 0.8).max(1.0);
    for (i, (name, &v)) in labels.iter().zip(values).enumerate() {
        let x =
            if labels.len() <= 1 { frame.x(i) - width / 2.0 } else { LEFT + slot * index(i) + (slot - width) / 2.0 };
        let y = frame.y(v);
        let _ = write!(
            out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{width:.1}" height="{:.1}" fill="{}"><title>{}: {}</title></rect>"#,
            HEIGHT - BOTTOM - y,
            colour(0),
            escape::text(name),
            number(v)
        );
    }
    out.push_str("</svg>");
    out
}

/// One line per series over the labels.
pub(crate) fn lines(label: &str, labels: &[String], series: &[(String, Vec<f64>)]) -> String {
    let max = series.iter().flat_map(|(_, values)| values.iter().copied()).fold(0.0, f64::max);
    let frame = Frame::new(labels.len(), max);
    let mut out = String::new();
    open(&mut out, label);
    frame.axes(&mut out, labels);
    for (s, (name, values)) in series.iter().enumerate() {
        let points: Vec<String> =
            values.iter().enumerate().map(|(i, &v)| format!("{:.1},{:.1}", frame.x(i), frame.y(v))).collect();
        let _ = write!(
            out,
            r#"<polyline class="series" points="{}" fill="none" stroke="{}" stroke-width="2"><title>{}</title></polyline>"#,
            points.join(" "),
            colour(s),
            escape::text(name)
        );
        if values.len() == 1 {
            let _ = write!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{}"/>"#,
                frame.x(0),
                frame.y(values[0]),
                colour(s)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// Series stacked on each other as areas (shares that add up to at most 1).
pub(crate) fn stacked_areas(label: &str, labels: &[String], series: &[(String, Vec<f64>)]) -> String {
    let n = labels.len();
    let mut below = vec![0.0; n];
    let totals: Vec<f64> = (0..n).map(|i| series.iter().map(|(_, v)| v.get(i).copied().unwrap_or(0.0)).sum()).collect();
    let frame = Frame::new(n, totals.iter().copied().fold(0.0, f64::max));
    let mut out = String::new();
    open(&mut out, label);
    frame.axes(&mut out, labels);
    for (s, (name, values)) in series.iter().enumerate() {
        let above: Vec<f64> = (0..n).map(|i| below[i] + values.get(i).copied().unwrap_or(0.0)).collect();
        let mut points: Vec<String> = (0..n).map(|i| format!("{:.1},{:.1}", frame.x(i), frame.y(above[i]))).collect();
        points.extend((0..n).rev().map(|i| format!("{:.1},{:.1}", frame.x(i), frame.y(below[i]))));
        let _ = write!(
            out,
            r#"<polygon points="{}" fill="{}" stroke="{}" stroke-width="0.5"><title>{}</title></polygon>"#,
            points.join(" "),
            colour(s),
            colour(s),
            escape::text(name)
        );
        below = above;
    }
    out.push_str("</svg>");
    out
}

/// A node of [`network`]: its name and its weighted degree.
pub(crate) struct Node {
    pub(crate) name: String,
    pub(crate) degree: f64,
}

/// Nodes on a circle, heaviest at the top and then clockwise, so the layout depends only on
/// the order given; edges as chords whose width grows with their weight.
pub(crate) fn network(label: &str, nodes: &[Node], edges: &[(usize, usize, f64)]) -> String {
    const SIZE: f64 = 640.0;
    let centre = SIZE / 2.0;
    let radius = SIZE / 2.0 - 120.0;
    let position = |i: usize| {
        let angle = std::f64::consts::TAU * index(i) / index(nodes.len().max(1)) - std::f64::consts::FRAC_PI_2;
        (centre + radius * angle.cos(), centre + radius * angle.sin(), angle)
    };
    let heaviest = edges.iter().map(|e| e.2).fold(0.0, f64::max);
    let biggest = nodes.iter().map(|n| n.degree).fold(0.0, f64::max);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart network" viewBox="0 0 {SIZE} {SIZE}" role="img" aria-label="{}">"#,
        escape::attr(label)
    );
    for &(a, b, weight) in edges {
        let ((x1, y1, _), (x2, y2, _)) = (position(a), position(b));
        let width = if heaviest > 0.0 { 0.5 + 5.5 * weight / heaviest } else { 1.0 };
        let _ = write!(
            out,
            r#"<line class="edge" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke-width="{width:.2}"><title>{} – {}: {}</title></line>"#,
            escape::text(&nodes[a].name),
            escape::text(&nodes[b].name),
            number(weight)
        );
    }
    for (i, node) in nodes.iter().enumerate() {
        let (x, y, angle) = position(i);
        let r = if biggest > 0.0 { 3.0 + 7.0 * (node.degree / biggest).sqrt() } else { 4.0 };
        let (lx, ly) = (x + (r + 4.0) * angle.cos(), y + (r + 4.0) * angle.sin() + 4.0);
        let anchor = if angle.cos() < -0.1 {
            "end"
        } else if angle.cos() > 0.1 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{}"><title>{}</title></circle><text class="node" x="{lx:.1}" y="{ly:.1}" text-anchor="{anchor}">{}</text>"#,
            colour(0),
            escape::text(&node.name),
            escape::text(&node.name)
        );
    }
    out.push_str("</svg>");
    out
}

/// One row per family: a line from its first to its last member's date, a dot per member.
/// `rows` are `(label, day numbers)`; `first` and `last` bound the axis, as day numbers, and
/// `ticks` are `(day number, label)`.
pub(crate) fn timeline(
    label: &str,
    rows: &[(String, Vec<i64>)],
    first: i64,
    last: i64,
    ticks: &[(i64, String)],
) -> String {
    const ROW: f64 = 22.0;
    const NAME: f64 = 220.0;
    let height = TOP + BOTTOM + ROW * index(rows.len().max(1));
    let span = (last - first).max(1);
    #[expect(clippy::cast_precision_loss, reason = "day numbers of news dates")]
    let x = |day: i64| NAME + (WIDTH - NAME - RIGHT) * (day - first) as f64 / span as f64;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{}">"#,
        escape::attr(label)
    );
    let base = height - BOTTOM;
    let _ = write!(out, r#"<line class="axis" x1="{NAME}" y1="{base}" x2="{}" y2="{base}"/>"#, WIDTH - RIGHT);
    for (day, text) in ticks {
        let _ = write!(
            out,
            r#"<line class="grid" x1="{0:.1}" y1="{TOP}" x2="{0:.1}" y2="{base}"/><text class="tick" x="{0:.1}" y="{1}" text-anchor="middle">{2}</text>"#,
            x(*day),
            base + 18.0,
            escape::text(text)
        );
    }
    for (r, (name, days)) in rows.iter().enumerate() {
        let y = TOP + ROW * (index(r) + 0.5);
        let _ = write!(
            out,
            r#"<text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            NAME - 8.0,
            y + 4.0,
            escape::text(name)
        );
        if let (Some(&lo), Some(&hi)) = (days.iter().min(), days.iter().max()) {
            let _ = write!(
                out,
                r#"<line class="span" x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{}" stroke-width="2"/>"#,
                x(lo),
                x(hi),
                colour(r)
            );
        }
        for &day in days {
            let _ = write!(out, r#"<circle cx="{:.1}" cy="{y:.1}" r="4" fill="{}"/>"#, x(day), colour(r));
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert!((nice_ceiling(7.3) - 10.0).abs() < 1e-9);
        assert!((nice_ceiling(130.0) - 200.0).abs() < 1e-9);
        assert!((nice_ceiling(0.21) - 0.25).abs() < 1e-9);
        assert!((nice_ceiling(0.0) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn charts_escape_their_labels_and_carry_no_style_attribute() {
        let labels = vec!["<b>".to_owned(), "x\"y".to_owned()];
        let series = vec![("</svg><script>".to_owned(), vec![1.0, 2.0])];
        for svg in [
            bars("a<b", &labels, &[1.0, 2.0]),
            lines("a<b", &labels, &series),
            stacked_areas("a<b", &labels, &series),
            network(
                "a<b",
                &[Node { name: "<i>".into(), degree: 1.0 }, Node { name: "&".into(), degree: 2.0 }],
                &[(0, 1, 1.0)],
            ),
            timeline("a<b", &[("<x>".into(), vec![0, 3])], 0, 3, &[(0, "<t>".into())]),
        ] {
            assert!(!svg.contains("<b>") && !svg.contains("<script") && !svg.contains("<i>") && !svg.contains("<x>"));
            assert!(!svg.contains("style="), "{svg}");
            assert_eq!(svg.matches("<svg").count(), 1);
            assert!(svg.ends_with("</svg>"));
        }
    }

    #[test]
    fn empty_and_single_point_charts_draw_without_dividing_by_zero() {
        for svg in [bars("x", &[], &[]), lines("x", &["a".into()], &[("t".into(), vec![0.0])])] {
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        }
    }
}
