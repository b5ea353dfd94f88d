//! The fonts every document is set in, embedded in the binary: nothing
//! ever reads the system's fonts. Rendering sets text in them, the
//! genogram measures its labels with them, and the case's text is checked
//! against them before anything is rendered (archival PDF refuses a
//! character no font has).

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The fonts, embedded: Liberation Sans (metric-compatible with Arial) for
/// text, DejaVu Sans for scripts it lacks (Arabic, Hebrew), Noto Color
/// Emoji for emoji. All open-licensed; see `fonts/`.
const FONT_FILES: &[&[u8]] = &[
    include_bytes!("../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../fonts/DejaVuSans.ttf"),
    include_bytes!("../fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../fonts/NotoColorEmoji.ttf"),
];

/// The fonts and Typst's book of them, made once per process.
pub struct Fonts {
    /// What each font covers, for Typst to choose from.
    pub book: LazyHash<FontBook>,
    /// The fonts, in the order of the files.
    pub fonts: Vec<Font>,
}

/// The embedded fonts, loaded the first time they are needed.
pub static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// Whether one of the embedded fonts can show `c` (spaces always can).
/// Archival PDF refuses a character no font has, so the case's text is
/// checked with this before anything is rendered.
pub fn can_show(c: char) -> bool {
    c.is_whitespace()
        || FONTS
            .fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
}

/// The embedded fonts, for measuring text before Typst sets it.
pub fn embedded() -> &'static [Font] {
    &FONTS.fonts
}
