//! What a laid-out genogram is made of, in millimetres: the people (a
//! symbol and a label each), the lines between them and the household
//! boundary. The template draws exactly these.

use serde::Serialize;

/// The laid-out genogram.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// Size of the drawing, mm.
    pub width: f64,
    /// See `width`.
    pub height: f64,
    /// Text size, pt.
    pub font: f64,
    /// Side of a symbol, mm.
    pub symbol: f64,
    /// The people.
    pub nodes: Vec<Node>,
    /// Every line: partnerships, their marks, descent lines.
    pub lines: Vec<Line>,
    /// The household boundary, as closed polygons.
    pub households: Vec<Vec<(f64, f64)>>,
    /// Notes too long for a label, numbered.
    pub notes: Vec<String>,
    /// How much the drawing must shrink to fit the page (1 when it fits).
    pub scale: f64,
}

/// One person.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Their index in `family`.
    pub member: usize,
    /// Centre of the symbol, mm.
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// `square`, `circle`, `diamond` or `unknown`.
    pub shape: &'static str,
    /// A child the case is about: drawn with a double outline.
    pub subject: bool,
    /// Crossed through.
    pub deceased: bool,
    /// The label under the symbol.
    pub label: Rect,
    /// Name, dates and note lines, as printed.
    pub name: String,
    /// "b. 21 Jul 1995", "b. 1965 d. 2020".
    pub dates: String,
    /// The note, if short enough for the label.
    pub note: Option<String>,
    /// The number of the note under the drawing, if it was too long.
    pub note_ref: Option<usize>,
}

/// A rectangle, mm: top-left corner and size.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// A straight line, mm.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Line {
    /// Start.
    pub x1: f64,
    /// See `x1`.
    pub y1: f64,
    /// End.
    pub x2: f64,
    /// See `x2`.
    pub y2: f64,
    /// Dashed (partners not married).
    pub dashed: bool,
    /// What it is: `partners`, `mark`, `descent`.
    pub kind: &'static str,
}
