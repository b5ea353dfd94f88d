//! Stage 5, rendering: each document's template and data compiled by the
//! embedded Typst compiler into a PDF, entirely in memory.
//!
//! The world holds only the embedded templates, the embedded fonts and one
//! file, `/data.json`, with the document's data. Case text reaches Typst
//! only as JSON values read with `json(...)`: it is never spliced into
//! Typst source or evaluated, so markup in a name or a worry prints as the
//! characters it is. `today()` and the PDF creation date are pinned to the
//! document's date, so the same case gives the same bytes.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::Datelike;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, IntoValue, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontFamily, FontList, Lang, Region, TextElem};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::documents::DocumentJob;
use crate::rules::Profile;

/// The templates, embedded: (file name, source).
pub const TEMPLATES: &[(&str, &str)] = &[
    ("common.typ", include_str!("../templates/common.typ")),
    (
        "advocates-agenda.typ",
        include_str!("../templates/advocates-agenda.typ"),
    ),
    ("bundle.typ", include_str!("../templates/bundle.typ")),
    (
        "pack-cover.typ",
        include_str!("../templates/pack-cover.typ"),
    ),
    (
        "meeting-papers.typ",
        include_str!("../templates/meeting-papers.typ"),
    ),
    ("genogram.typ", include_str!("../templates/genogram.typ")),
    (
        "letter-of-issue.typ",
        include_str!("../templates/letter-of-issue.typ"),
    ),
    (
        "letter-ending-pre-proceedings.typ",
        include_str!("../templates/letter-ending-pre-proceedings.typ"),
    ),
    (
        "chronology.typ",
        include_str!("../templates/chronology.typ"),
    ),
    (
        "kinship-schedule.typ",
        include_str!("../templates/kinship-schedule.typ"),
    ),
    (
        "plo-summary.typ",
        include_str!("../templates/plo-summary.typ"),
    ),
    (
        "letter-before-proceedings.typ",
        include_str!("../templates/letter-before-proceedings.typ"),
    ),
    (
        "lpm-minutes.typ",
        include_str!("../templates/lpm-minutes.typ"),
    ),
    (
        "pre-proceedings-agreement.typ",
        include_str!("../templates/pre-proceedings-agreement.typ"),
    ),
    (
        "timeline-sheet.typ",
        include_str!("../templates/timeline-sheet.typ"),
    ),
    (
        "caseload-sheet.typ",
        include_str!("../templates/caseload-sheet.typ"),
    ),
];

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

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
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
pub(crate) fn embedded_fonts() -> &'static [Font] {
    &FONTS.fonts
}

/// Where a template finds its data in the in-memory world.
const DATA_PATH: &str = "/data.json";

/// Where the profile's logo sits in the world, before its extension.
pub const LOGO_PATH: &str = "/logo";

/// A rendered document.
#[derive(Debug, Clone)]
pub struct RenderedDocument {
    /// The job it was made from.
    pub job: DocumentJob,
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
}

/// Why a document could not be rendered: a template fault, never the case's.
#[derive(Debug)]
pub struct RenderError {
    /// The template that failed.
    pub template: String,
    /// Typst's messages.
    pub messages: Vec<String>,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "template `{}` failed: {}",
            self.template,
            self.messages.join("; ")
        )
    }
}

impl std::error::Error for RenderError {}

/// Compiles one document to PDF, with the profile's templates and logo.
pub fn render(job: &DocumentJob, profile: &Profile) -> Result<RenderedDocument, RenderError> {
    render_with_files(job, profile, Vec::new())
}

/// Lays one document out without making a PDF: what the plain-language
/// check reads, as printed.
pub fn layout(job: &DocumentJob, profile: &Profile) -> Result<PagedDocument, RenderError> {
    let (_, document) = compile(job, profile, Vec::new())?;
    comemo::evict(10);
    Ok(document)
}

/// Compiles one document whose template also reads `files` (world path,
/// bytes): the PDFs whose pages the bundle places. They are data like
/// `/data.json`, never source.
pub fn render_with_files(
    job: &DocumentJob,
    profile: &Profile,
    files: Vec<(String, Vec<u8>)>,
) -> Result<RenderedDocument, RenderError> {
    let fail = |messages: Vec<String>| RenderError {
        template: job.template.to_string(),
        messages,
    };
    let has_files = !files.is_empty();
    let (today, document) = compile(job, profile, files)?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("casepack/{}", job.file_name)),
        creator: Smart::Custom(Some(format!("casepack {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(today)),
        standards: standards(job, profile, !has_files).map_err(|e| fail(vec![e]))?,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|diags| fail(diags.iter().map(|d| d.message.to_string()).collect()))?;
    let pages = document.pages().len();
    // Typst memoises across compilations; without eviction a long batch grows
    // by about 1.5 MB per document.
    comemo::evict(10);
    Ok(RenderedDocument {
        job: job.clone(),
        pdf,
        pages,
    })
}

/// Lays out `job` in its world: the profile's templates and logo, and `files`.
fn compile(
    job: &DocumentJob,
    profile: &Profile,
    files: Vec<(String, Vec<u8>)>,
) -> Result<(Datetime, PagedDocument), RenderError> {
    let fail = |messages: Vec<String>| RenderError {
        template: job.template.to_string(),
        messages,
    };
    let data = serde_json::to_vec_pretty(&job.data).map_err(|e| fail(vec![e.to_string()]))?;
    let mut world = DocWorld::new(job.template, data, job.date.naive())
        .ok_or_else(|| fail(vec!["no such template".into()]))?;
    world.overrides = profile.templates.clone();
    if let Some((ext, bytes)) = profile.letterhead.as_ref().and_then(|l| l.logo.as_ref()) {
        world.files.extend(
            file_id(&format!("{LOGO_PATH}.{ext}")).map(|id| (id, Bytes::new(bytes.clone()))),
        );
    }
    for (path, bytes) in files {
        let id = file_id(&path).ok_or_else(|| fail(vec![format!("bad file path {path}")]))?;
        world.files.push((id, Bytes::new(bytes)));
    }
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|diags| fail(diags.iter().map(|d| d.message.to_string()).collect()))?;
    Ok((world.today, document))
}

/// The standards a document is exported to: PDF/A-2b for archiving, and
/// PDF/UA-1 too where its rule says `accessible`. A document that places
/// pages of other PDFs (the bundle) stays plain PDF: typst-pdf refuses
/// embedded pages under PDF/A and PDF/UA.
fn standards(job: &DocumentJob, profile: &Profile, archival: bool) -> Result<PdfStandards, String> {
    let mut list = Vec::new();
    if archival {
        list.push(PdfStandard::A_2b);
        if profile.document(&job.id).is_some_and(|r| r.accessible) {
            list.push(PdfStandard::Ua_1);
        }
    }
    PdfStandards::new(&list).map_err(|e| e.message().to_string())
}

/// The in-memory world one document compiles in.
struct DocWorld {
    library: LazyHash<Library>,
    main: FileId,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
    /// A profile's templates, replacing built-in ones of the same name.
    overrides: BTreeMap<String, String>,
    /// Files besides the data: a profile's logo, the bundle's parts.
    files: Vec<(FileId, Bytes)>,
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl DocWorld {
    fn new(template: &str, data: Vec<u8>, date: chrono::NaiveDate) -> Option<DocWorld> {
        TEMPLATES.iter().find(|(name, _)| *name == template)?;
        let mut inputs = Dict::new();
        inputs.insert("data".into(), DATA_PATH.into_value());
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
        let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)?;
        Some(DocWorld {
            library: LazyHash::new(library),
            main: file_id(&format!("/{template}"))?,
            data_id: file_id(DATA_PATH)?,
            data: Bytes::new(data),
            today,
            overrides: BTreeMap::new(),
            files: Vec::new(),
        })
    }

    fn template_text(&self, id: FileId) -> Option<&str> {
        let path = id.get();
        if !matches!(path.root(), VirtualRoot::Project) {
            return None;
        }
        let name = path.vpath().get_without_slash();
        if let Some(text) = self.overrides.get(name) {
            return Some(text);
        }
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match self.template_text(id) {
            Some(text) => Ok(Source::new(id, text.to_string())),
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
