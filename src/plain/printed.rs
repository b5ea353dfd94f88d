//! The text of a laid-out document, as printed, cut into the units a
//! reader meets: paragraphs, list items, headings, and the lines of tables
//! and grids. Typst marks where each paragraph, heading, list item and
//! table starts and ends in the laid-out frames, so the cuts come from the
//! document's structure, not from guessing at line gaps.

use typst::introspection::Tag;
use typst::layout::{Abs, Frame, FrameItem, GridElem, Transform};
use typst::model::{EnumElem, EnumItem, HeadingElem, ListElem, ListItem, ParElem, TableElem};
use typst::pdf::ArtifactElem;
use typst_layout::PagedDocument;

/// The label a template gives a letter's "Words we use" box: the box
/// explains terms in the glossary's own words, so it is not read as the
/// letter's prose (and a letter reads the same with or without it).
pub const WORDS_LABEL: &str = "casepack-words";

/// What a unit of printed text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A paragraph or list item: sentences, measured.
    Prose,
    /// A heading: read, checked for jargon, not measured as a sentence.
    Heading,
    /// A line of a table or grid (dates, addresses, labels), paragraphs
    /// inside one included: checked for jargon, not measured.
    Table,
    /// A bulleted or numbered list; each item becomes a `Prose` unit.
    List,
    /// Page headers and footers. Neither measured nor checked.
    Furniture,
}

/// One unit of printed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// What it is.
    pub kind: Kind,
    /// Its words, single-spaced, with typographic quotes made plain.
    pub text: String,
}

/// The units of one page, in reading order: what the page says, for
/// someone who cannot see a picture of it.
pub fn page_units(page: &typst_layout::Page) -> Vec<Unit> {
    let mut walk = Walk::default();
    walk.frame(&page.frame, Transform::identity());
    walk.flush();
    walk.out
}

/// The units of `document`, in reading order.
pub fn units(document: &PagedDocument) -> Vec<Unit> {
    let mut walk = Walk::default();
    for page in document.pages() {
        walk.frame(&page.frame, Transform::identity());
        walk.flush();
        walk.last = None;
    }
    walk.out
}

#[derive(Default)]
struct Walk {
    /// Open structural elements: their location and kind.
    open: Vec<(typst::introspection::Location, Kind)>,
    current: String,
    /// Where the last text run ended: its baseline and right edge.
    last: Option<(Abs, Abs)>,
    out: Vec<Unit>,
}

impl Walk {
    fn kind(&self) -> Kind {
        // Text in no paragraph (a title, a shaded box) is still prose.
        match self.open.last().map_or(Kind::Prose, |(_, k)| *k) {
            Kind::List => Kind::Prose,
            k => k,
        }
    }

    fn flush(&mut self) {
        let text = normalise(&self.current);
        if !text.is_empty() {
            self.out.push(Unit {
                kind: self.kind(),
                text,
            });
        }
        self.current.clear();
    }

    fn frame(&mut self, frame: &Frame, ts: Transform) {
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(group) => {
                    let ts = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(group.transform);
                    self.frame(&group.frame, ts);
                }
                FrameItem::Text(text) => {
                    let at = pos.transform(ts);
                    let width = text.width();
                    let size = text.size;
                    let in_list = self.open.last().is_some_and(|(_, k)| *k == Kind::List);
                    if in_list && is_marker(&text.text) {
                        // A bullet or number starts the next item.
                        self.flush();
                        self.last = None;
                        continue;
                    }
                    if let Some((y, right)) = self.last {
                        let new_line = (at.y - y).abs() > size * 0.3;
                        // A word broken at its own hyphen ("pre-" at a
                        // line's end, "school" on the next) is one word.
                        let at_hyphen = {
                            let mut end = self.current.chars().rev();
                            end.next() == Some('-') && end.next().is_some_and(char::is_alphanumeric)
                        };
                        if new_line && self.kind() == Kind::Table {
                            self.flush();
                        } else if (new_line && !at_hyphen)
                            || (!new_line && at.x - right > size * 0.15)
                        {
                            self.current.push(' ');
                        }
                    }
                    self.current.push_str(&text.text);
                    self.last = Some((at.y, at.x + width));
                }
                FrameItem::Tag(Tag::Start(content, _)) => {
                    let kind = if content.is::<ParElem>()
                        || content.is::<ListItem>()
                        || content.is::<EnumItem>()
                    {
                        Some(Kind::Prose)
                    } else if content.is::<HeadingElem>() {
                        Some(Kind::Heading)
                    } else if content.is::<TableElem>() || content.is::<GridElem>() {
                        Some(Kind::Table)
                    } else if content.is::<ListElem>() || content.is::<EnumElem>() {
                        Some(Kind::List)
                    } else if content.is::<ArtifactElem>()
                        || content
                            .label()
                            .is_some_and(|l| l.resolve().as_str() == WORDS_LABEL)
                    {
                        Some(Kind::Furniture)
                    } else {
                        None
                    };
                    if let (Some(mut kind), Some(loc)) = (kind, content.location()) {
                        // Inside a table or the page furniture, a paragraph is still that.
                        if let Some(outer @ (Kind::Table | Kind::Furniture)) = self
                            .open
                            .iter()
                            .map(|(_, k)| *k)
                            .find(|k| matches!(k, Kind::Table | Kind::Furniture))
                        {
                            kind = outer;
                        }
                        self.flush();
                        self.open.push((loc, kind));
                    }
                }
                FrameItem::Tag(Tag::End(loc, ..)) => {
                    if let Some(i) = self.open.iter().rposition(|(l, _)| l == loc) {
                        self.flush();
                        self.open.truncate(i);
                    }
                }
                FrameItem::Shape(..) | FrameItem::Image(..) | FrameItem::Link(..) => {}
            }
        }
    }
}

/// A list's bullet or number, laid out as a run of its own.
fn is_marker(text: &str) -> bool {
    let t = text.trim();
    // "1.", "12)", "a.", "iv.": not a word that ends a sentence at the
    // start of a wrapped line ("heard."), which a narrow column or large
    // print often puts there.
    let Some(body) = t.strip_suffix(['.', ')']) else {
        return matches!(t, "•" | "‣" | "–" | "◦" | "-");
    };
    !body.is_empty()
        && (body.chars().all(|c| c.is_ascii_digit())
            || (body.len() == 1 && body.chars().all(|c| c.is_ascii_lowercase()))
            || (body.len() <= 4 && body.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))))
}

/// Single spaces, and plain quotes and hyphens, so printed text and the
/// case's text compare equal.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.push(match c {
                '‘' | '’' => '\'',
                '“' | '”' => '"',
                '‐' | '‑' => '-',
                '\u{a0}' => ' ',
                c => c,
            });
        }
    }
    out
}
