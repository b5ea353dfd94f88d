//! The in-memory world a document compiles in: the embedded fonts, the
//! standard library and the parsed templates (each made once per process
//! and shared by every document), the document's data, and nothing else.
//! The world never reads the file system or the system's fonts.

use std::collections::{BTreeMap, HashMap};
use std::sync::{LazyLock, Mutex};

use chrono::Datelike;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontFamily, FontList, Lang, Region, TextElem};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::FONTS;
use crate::templates::{DATA_PATH, PICTURES, PICTURES_DIR, text_of};

/// How a document is printed: `sys.inputs.print` in the templates, which
/// scale every size through `sz` in `common.typ` for large print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Print {
    /// The house sizes: an 11 pt body.
    Standard,
    /// RNIB Clear Print: a 16 pt body, nothing smaller.
    Large,
}

/// The standard library for standard print, built once per process.
static STANDARD: LazyLock<LazyHash<Library>> = LazyLock::new(|| library(Print::Standard));
/// The standard library for large print, built once per process.
static LARGE: LazyLock<LazyHash<Library>> = LazyLock::new(|| library(Print::Large));

/// The standard library every document compiles with: the data's path and
/// the print size as inputs, and the house font and language. Two are
/// kept, one per print size, so a change of size never invalidates what
/// Typst memoised for the other.
fn library(print: Print) -> LazyHash<Library> {
    let mut inputs = Dict::new();
    inputs.insert("data".into(), DATA_PATH.into_value());
    let size = match print {
        Print::Standard => "standard",
        Print::Large => "large",
    };
    inputs.insert("print".into(), size.into_value());
    let mut library = Library::builder().with_inputs(inputs).build();
    // The house font and language are the defaults, so a template (or a
    // profile's replacement) that sets none still prints in Liberation
    // Sans, never in whatever fallback covers a glyph first.
    library.styles.set(
        TextElem::font,
        FontList(vec![
            FontFamily::new("Liberation Sans"),
            FontFamily::new("DejaVu Sans"),
            FontFamily::new("Noto Color Emoji"),
        ]),
    );
    library.styles.set(TextElem::lang, Lang::ENGLISH);
    // British English, so the PDF's language is en-GB for screen readers
    // whatever the template sets.
    library
        .styles
        .set(TextElem::region, "GB".parse::<Region>().ok());
    LazyHash::new(library)
}

/// Templates parsed once per process, by file: parsing on every access
/// cost each document its templates' parse again, and a template parsed
/// once is also what lets Typst's memoised evaluation carry over.
static SOURCES: LazyLock<Mutex<HashMap<FileId, Source>>> = LazyLock::new(Mutex::default);

/// The parsed template `id` with `text`: the one already parsed when its
/// text is the same (a profile may replace a template with its own).
fn parsed(id: FileId, text: &str) -> Source {
    // A poisoned lock only means another thread panicked mid-insert; the
    // map itself is whole, so parsing goes on with it.
    let mut sources = SOURCES.lock().unwrap_or_else(|e| e.into_inner());
    match sources.get(&id) {
        Some(source) if source.text() == text => source.clone(),
        _ => {
            let source = Source::new(id, text.to_string());
            sources.insert(id, source.clone());
            source
        }
    }
}

/// The in-memory world one document compiles in.
pub(super) struct DocWorld<'a> {
    main: FileId,
    /// For a profile's own template: casepack's wrapper that gives the
    /// document a title before including it (`WRAPPER`).
    wrapper: Option<FileId>,
    data_id: FileId,
    data: Bytes,
    pub(super) today: Datetime,
    /// Standard or large print.
    pub(super) print: Print,
    /// A profile's templates, replacing built-in ones of the same name.
    pub(super) overrides: &'a BTreeMap<String, String>,
    /// Files besides the data: a profile's logo, the bundle's parts.
    pub(super) files: Vec<(FileId, Bytes)>,
    /// A profile's own Easy Read pictures, replacing casepack's by name.
    pub(super) pictures: &'a BTreeMap<String, crate::profile::Picture>,
}

pub(super) fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// Where a profile's own template is compiled from: the document is
/// titled from its data (as casepack's templates title it) before the
/// template is included, so a template written without a title still
/// makes a PDF/UA-1 document, which must have one. The template's own
/// `set document` still wins. The title is read as data, never spliced.
const WRAPPER: &str = "#set document(title: json(sys.inputs.data).at(\"meta\", default: (:)).at(\"title\", default: none))\n#include \"/TEMPLATE\"\n";

impl DocWorld<'_> {
    /// Compiles the template through [`WRAPPER`] (a profile's own).
    pub(super) fn wrap(&mut self) {
        self.wrapper = file_id("/casepack-wrapper.typ");
    }
}

/// No templates of a profile's own.
static NO_OVERRIDES: BTreeMap<String, String> = BTreeMap::new();

/// No pictures of a profile's own.
static NO_PICTURES: BTreeMap<String, crate::profile::Picture> = BTreeMap::new();

impl<'a> DocWorld<'a> {
    pub(super) fn new(
        template: &str,
        data: Vec<u8>,
        date: chrono::NaiveDate,
    ) -> Option<DocWorld<'a>> {
        crate::templates::text_of(template, &NO_OVERRIDES)?;
        let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)?;
        Some(DocWorld {
            main: file_id(&format!("/{template}"))?,
            wrapper: None,
            data_id: file_id(DATA_PATH)?,
            data: Bytes::new(data),
            today,
            print: Print::Standard,
            overrides: &NO_OVERRIDES,
            files: Vec::new(),
            pictures: &NO_PICTURES,
        })
    }

    /// An Easy Read picture at `/pictures/NAME.EXT`: the profile's own,
    /// else casepack's (always SVG).
    fn picture(&self, id: FileId) -> Option<Bytes> {
        let path = id.get().vpath().get_without_slash();
        let file = path
            .strip_prefix(PICTURES_DIR.trim_start_matches('/'))?
            .strip_prefix('/')?;
        let (name, ext) = file.rsplit_once('.')?;
        if let Some(p) = self.pictures.get(name) {
            return (p.ext == ext).then(|| Bytes::new(p.bytes.clone()));
        }
        PICTURES
            .iter()
            .find(|(n, ..)| *n == name)
            .filter(|_| ext == "svg")
            .map(|(_, bytes, _)| Bytes::new(*bytes))
    }

    fn template_text(&self, id: FileId) -> Option<&str> {
        let path = id.get();
        if !matches!(path.root(), VirtualRoot::Project) {
            return None;
        }
        text_of(path.vpath().get_without_slash(), self.overrides)
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        match self.print {
            Print::Standard => &STANDARD,
            Print::Large => &LARGE,
        }
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.wrapper.unwrap_or(self.main)
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if Some(id) == self.wrapper {
            let path = self.main.get().vpath().get_without_slash().to_string();
            return Ok(parsed(id, &WRAPPER.replace("TEMPLATE", &path)));
        }
        match self.template_text(id) {
            Some(text) => Ok(parsed(id, text)),
            None => Err(FileError::NotSource),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        if let Some((_, bytes)) = self.files.iter().find(|(f, _)| *f == id) {
            return Ok(bytes.clone());
        }
        if let Some(bytes) = self.picture(id) {
            return Ok(bytes);
        }
        match self.template_text(id) {
            Some(text) => Ok(Bytes::from_string(text.to_string())),
            None => Err(FileError::AccessDenied),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
