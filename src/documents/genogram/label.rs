//! What each person's label says (name, dates, a short note) and how many
//! lines it takes at a given width, measured with the embedded fonts the
//! PDF is set in, so the space kept for a label is the space it fills.

use super::input::{Born, GenoFamily, GenoPerson};
use crate::case::{Date, Gender};

/// A person's label, as printed.
#[derive(Debug, Clone)]
pub(super) struct Text {
    pub name: String,
    /// "b. 21 Jul 1995 · d. 2020", "due 1 Mar 2027", "deceased".
    pub dates: String,
    pub note: Option<String>,
    /// `square`, `circle`, `diamond`, `unknown` or `pregnancy`.
    pub shape: &'static str,
    pub deceased: bool,
}

fn day(d: Date) -> String {
    d.naive().format("%-d %b %Y").to_string()
}

/// A person's dates as the genogram prints them: "b. 21 Jul 1995",
/// "b. 1995 · d. 2020", "deceased", "due 1 Mar 2027".
pub fn dates(p: &GenoPerson) -> String {
    date_items(p).join(" · ")
}

/// The dates as printed in a label: each item kept on one line (its spaces
/// do not break), so a narrow label breaks between "b. …" and "d. …".
fn label_dates(p: &GenoPerson) -> String {
    date_items(p)
        .iter()
        .map(|d| d.replace(' ', "\u{a0}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn date_items(p: &GenoPerson) -> Vec<String> {
    let mut out = Vec::new();
    match p.born {
        Some(Born::Day(d)) => out.push(format!("b. {}", day(d))),
        Some(Born::Year(y)) => out.push(format!("b. {y}")),
        None => {
            if let Some(d) = p.expected {
                out.push(format!("due {}", day(d)));
            }
        }
    }
    match p.died {
        Some(Born::Day(d)) => out.push(format!("d. {}", day(d))),
        Some(Born::Year(y)) => out.push(format!("d. {y}")),
        None if p.deceased => out.push("deceased".to_string()),
        None => {}
    }
    out
}

/// Everyone's label.
pub(super) fn texts(family: &GenoFamily) -> Vec<Text> {
    family
        .people
        .iter()
        .map(|p| Text {
            name: p.name.clone(),
            dates: label_dates(p),
            note: p.note.clone().filter(|n| !n.trim().is_empty()),
            shape: if p.expected.is_some() && p.born.is_none() {
                "pregnancy"
            } else {
                match p.gender {
                    Gender::Male => "square",
                    Gender::Female => "circle",
                    Gender::Other => "diamond",
                    Gender::Unknown => "unknown",
                }
            },
            deceased: p.deceased || p.died.is_some(),
        })
        .collect()
}

/// How many lines `text` takes in a label `width` mm wide at `font` pt,
/// breaking between words as Typst does (a word too long for a line runs
/// on to the next).
pub(super) fn lines(text: &str, width: f64, font: f64, bold: bool, italic: bool) -> usize {
    const PT: f64 = 0.3528;
    // A little slack for kerning and rounding.
    let em = font * PT * 1.03;
    let space = text_width_em(" ", bold, italic) * em;
    let mut lines = 0;
    let mut used: Option<f64> = None;
    // Breaks only at ordinary spaces: a non-breaking one holds.
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = text_width_em(word, bold, italic) * em;
        used = match used {
            Some(u) if u + space + w <= width => Some(u + space + w),
            _ => {
                lines += (w / width).ceil().max(1.0) as usize;
                Some(if w > width { w % width } else { w })
            }
        };
    }
    lines.max(1)
}

/// How wide `text` is set on one line in the body font (Liberation Sans,
/// DejaVu Sans for what it lacks), in ems, without kerning: for layouts
/// computed before Typst sets the text, such as the genogram's labels.
pub(super) fn text_width_em(text: &str, bold: bool, italic: bool) -> f64 {
    use typst::layout::Abs;
    use typst::text::{FontStyle, FontVariations, FontWeight};
    let weight = if bold {
        FontWeight::BOLD
    } else {
        FontWeight::REGULAR
    };
    let style = if italic {
        FontStyle::Italic
    } else {
        FontStyle::Normal
    };
    let faces: Vec<_> = ["Liberation Sans", "DejaVu Sans"]
        .iter()
        .filter_map(|family| {
            let of_family = || {
                crate::fonts::embedded()
                    .iter()
                    .filter(|f| f.info().family == *family)
            };
            of_family()
                .find(|f| f.info().variant.weight == weight && f.info().variant.style == style)
                .or_else(|| of_family().find(|f| f.info().variant.weight == weight))
                .or_else(|| of_family().next())
        })
        .map(|f| {
            f.clone()
                .instantiate(f.info().variant, Abs::pt(10.0), &FontVariations::default())
        })
        .collect();
    text.chars()
        .map(|c| {
            faces
                .iter()
                .find_map(|f| f.x_advance(f.ttf().glyph_index(c)?.0))
                // A character no font has prints as nothing wider than this.
                .map_or(0.6, |em| em.get())
        })
        .sum()
}
