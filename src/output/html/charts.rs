//! Inline SVG bar charts: no script, no external asset, readable when
//! printed. Colours come from the page's CSS classes (`r-modeling` ...).

use std::fmt::Write;

use super::escape::{esc, num, truncate};

/// Width of the drawing, in SVG units; the chart scales to its container.
const WIDTH: f64 = 640.0;
/// Height of one bar's row.
const ROW: f64 = 26.0;
/// Room for the value after the longest bar.
const VALUE_W: f64 = 70.0;

/// One bar of a chart.
#[derive(Debug, Clone)]
pub struct Bar {
    /// The label, unescaped (it may come from a posting).
    pub label: String,
    pub value: f64,
    /// The text after the bar, unescaped.
    pub value_text: String,
    /// CSS class for the bar's colour, and the value of its `data-key`.
    pub class: String,
    pub key: String,
    /// An in-page link (`#p-3`) the bar leads to.
    pub link: Option<String>,
}

/// A horizontal bar chart. `max` is the value of a full-length bar;
/// `label_chars` the label column's width in characters (longer labels are
/// cut, the full label is the bar's tooltip).
pub fn bars(id: &str, title: &str, bars: &[Bar], max: f64, label_chars: usize) -> String {
    let label_w = (label_chars as f64 * 7.8 + 12.0).min(WIDTH / 2.0);
    let room = WIDTH - label_w - VALUE_W;
    let height = ROW * bars.len() as f64 + 6.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg id="{id}" class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="{id}-t" preserveAspectRatio="xMinYMin meet"><title id="{id}-t">{title}</title>"#,
        w = num(WIDTH),
        h = num(height),
        title = esc(title),
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 3.0 + ROW * i as f64;
        let len = if max > 0.0 {
            (b.value.max(0.0) / max).min(1.0) * room
        } else {
            0.0
        };
        // A value above zero always shows.
        let len = if b.value > 0.0 { len.max(2.0) } else { 0.0 };
        let mid = num(y + ROW / 2.0 + 4.5);
        let open = match &b.link {
            Some(l) => format!(r#"<a href="{}">"#, esc(l)),
            None => String::new(),
        };
        let _ = write!(
            s,
            r#"{open}<g class="row"><title>{full}: {vt}</title><text class="label" x="{lx}" y="{mid}" text-anchor="end">{label}</text><rect class="bar {class}" data-key="{key}" data-value="{value}" x="{bx}" y="{by}" width="{len}" height="{bh}" rx="3"/><text class="value" x="{vx}" y="{mid}">{vt}</text></g>{close}"#,
            full = esc(&b.label),
            vt = esc(&b.value_text),
            lx = num(label_w - 8.0),
            label = esc(&truncate(&b.label, label_chars)),
            class = esc(&b.class),
            key = esc(&b.key),
            value = num(b.value),
            bx = num(label_w),
            by = num(y + 4.0),
            len = num(len),
            bh = num(ROW - 8.0),
            vx = num(label_w + len + 6.0),
            close = if b.link.is_some() { "</a>" } else { "" },
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64) -> Bar {
        Bar {
            label: label.into(),
            value,
            value_text: format!("{value}"),
            class: "r-backend".into(),
            key: label.into(),
            link: None,
        }
    }

    fn widths(svg: &str) -> Vec<f64> {
        svg.split(r#" width=""#)
            .skip(2) // the svg's own width="100%"
            .map(|w| w.split('"').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn bars_are_proportional_to_their_values() {
        let svg = bars(
            "c",
            "t",
            &[bar("a", 4.0), bar("b", 2.0), bar("c", 0.0)],
            4.0,
            10,
        );
        assert_eq!(svg.matches("<rect").count(), 3);
        let w = widths(&svg);
        assert!(w[0] > 0.0);
        assert!((w[1] - w[0] / 2.0).abs() < 0.11, "{w:?}");
        assert_eq!(w[2], 0.0);
    }

    #[test]
    fn a_small_value_still_shows_and_a_large_one_stops_at_the_edge() {
        let w = widths(&bars(
            "c",
            "t",
            &[bar("a", 1.0), bar("b", 5000.0)],
            1000.0,
            10,
        ));
        assert!(w[0] >= 2.0);
        assert!(w[1] <= WIDTH, "{w:?}");
    }

    #[test]
    fn labels_and_links_are_escaped() {
        let mut b = bar("<script>x</script>", 1.0);
        b.link = Some("#p-1\"><script>".into());
        let svg = bars("c", "<b>", &[b], 1.0, 40);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;x&lt;/script&gt;"));
    }
}
