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
    /// Every line: partnerships, their marks, descent lines, abuse.
    pub lines: Vec<Line>,
    /// The household boundaries, as closed polygons, one per household.
    pub households: Vec<Vec<(f64, f64)>>,
    /// Which of the less common symbols the drawing uses, for the key.
    pub key: Key,
    /// Notes too long for a label, numbered.
    pub notes: Vec<String>,
    /// How much the drawing must shrink to fit the page (1 when it fits).
    pub scale: f64,
}

/// One person.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Their index in the family's `people`.
    pub member: usize,
    /// Centre of the symbol, mm.
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// `square`, `circle`, `diamond`, `unknown` (a diamond with "?") or
    /// `pregnancy` (a triangle).
    pub shape: &'static str,
    /// A child the case is about: drawn with a double outline.
    pub subject: bool,
    /// Crossed through.
    pub deceased: bool,
    /// The label under the symbol.
    pub label: Rect,
    /// Name, dates and note lines, as printed.
    pub name: String,
    /// "b. 21 Jul 1995", "b. 1965 · d. 2020", "due 1 Mar 2027".
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
    /// `solid`, `dashed` (partners not married; adoption) or `dotted`
    /// (another kind of parent).
    pub style: &'static str,
    /// What it is: `partners`, `mark` (a separation stroke), `descent` or
    /// `abuse` (one stroke of a zigzag).
    pub kind: &'static str,
    /// Which family link it belongs to: a partnership with the lines down
    /// to its children, a lone parent's line to theirs, or one abuse line.
    /// Lines of the same link join one another; lines of different links
    /// never touch.
    pub link: usize,
}

/// The less common symbols, so the key shows the ones in the drawing.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Key {
    /// A pregnancy triangle.
    pub pregnancy: bool,
    /// A domestic abuse zigzag.
    pub abuse: bool,
    /// A dashed line down to an adopted child.
    pub adoptive: bool,
    /// A dotted line down to a child from another kind of parent.
    pub other_parent: bool,
    /// Twins hanging from one point.
    pub twins: bool,
}
