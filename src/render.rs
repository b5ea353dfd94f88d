//! Stage 5, rendering: each document's template and data compiled by the
//! embedded Typst compiler into a PDF, entirely in memory.
//!
//! The world holds only the embedded templates, the embedded fonts and one
//! file, `/data.json`, with the document's data. Case text reaches Typst
//! only as JSON values read with `json(...)`: it is never spliced into
//! Typst source or evaluated, so markup in a name or a worry prints as the
//! characters it is. `today()` and the PDF creation date are pinned to the
//! document's date, so the same case gives the same bytes.

use std::collections::{BTreeMap, HashMap};
use std::sync::{LazyLock, Mutex};

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

/// A document laid out, with the data it was laid out from. Making its
/// PDF later reuses the layout when the data is byte for byte the same, so
/// a letter read for the plain-language check is not laid out twice.
#[derive(Debug, Clone)]
pub struct LaidOut {
    template: String,
    data: Vec<u8>,
    today: Datetime,
    /// The pages, as Typst laid them out.
    pub document: PagedDocument,
}

/// Compiles one document to PDF, with the profile's templates and logo.
pub fn render(job: &DocumentJob, profile: &Profile) -> Result<RenderedDocument, RenderError> {
    render_from(job, profile, &[])
}

/// Compiles one document to PDF, taking its layout from `laid` when one
/// there was made from the same template and data.
pub fn render_from(
    job: &DocumentJob,
    profile: &Profile,
    laid: &[LaidOut],
) -> Result<RenderedDocument, RenderError> {
    let data = data_of(job)?;
    let reused = laid
        .iter()
        .find(|l| l.template == job.template && l.data == data);
    let (today, document) = match reused {
        Some(l) => (l.today, l.document.clone()),
        None => compile(job, profile, data, Vec::new())?,
    };
    pdf_of(job, profile, today, &document, true)
}

/// Lays one document out without making a PDF: what the plain-language
/// check reads, as printed.
pub fn layout(job: &DocumentJob, profile: &Profile) -> Result<LaidOut, RenderError> {
    let data = data_of(job)?;
    let (today, document) = compile(job, profile, data.clone(), Vec::new())?;
    comemo::evict(10);
    Ok(LaidOut {
        template: job.template.to_string(),
        data,
        today,
        document,
    })
}

/// Compiles one document whose template also reads `files` (world path,
/// bytes): the PDFs whose pages the bundle places. They are data like
/// `/data.json`, never source.
pub fn render_with_files(
    job: &DocumentJob,
    profile: &Profile,
    files: Vec<(String, Vec<u8>)>,
) -> Result<RenderedDocument, RenderError> {
    let archival = files.is_empty();
    let (today, document) = compile(job, profile, data_of(job)?, files)?;
    pdf_of(job, profile, today, &document, archival)
}

/// The document's data as the template reads it.
fn data_of(job: &DocumentJob) -> Result<Vec<u8>, RenderError> {
    serde_json::to_vec_pretty(&job.data).map_err(|e| RenderError {
        template: job.template.to_string(),
        messages: vec![e.to_string()],
    })
}

/// Exports a laid-out document to PDF, archival unless it places other PDFs.
fn pdf_of(
    job: &DocumentJob,
    profile: &Profile,
    today: Datetime,
    document: &PagedDocument,
    archival: bool,
) -> Result<RenderedDocument, RenderError> {
    let fail = |messages: Vec<String>| RenderError {
        template: job.template.to_string(),
        messages,
    };
    let options = PdfOptions {
        ident: Smart::Custom(format!("casepack/{}", job.file_name)),
        creator: Smart::Custom(Some(format!("casepack {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(today)),
        standards: standards(job, profile, archival).map_err(|e| fail(vec![e]))?,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(document, &options)
        .map_err(|diags| fail(diags.iter().map(|d| d.message.to_string()).collect()))?;
    // Typst memoises across compilations; without eviction a long batch grows
    // by about 1.5 MB per document.
    comemo::evict(10);
    Ok(RenderedDocument {
        job: job.clone(),
        pdf,
        pages: document.pages().len(),
    })
}

/// Lays out `job` in its world: the profile's templates and logo, its
/// `data`, and `files`.
fn compile(
    job: &DocumentJob,
    profile: &Profile,
    data: Vec<u8>,
    files: Vec<(String, Vec<u8>)>,
) -> Result<(Datetime, PagedDocument), RenderError> {
    let fail = |messages: Vec<String>| RenderError {
        template: job.template.to_string(),
        messages,
    };
    let mut world = DocWorld::new(job.template, data, job.date.naive())
        .ok_or_else(|| fail(vec!["no such template".into()]))?;
    world.overrides = &profile.templates;
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

/// The standard library every document compiles with, built once per
/// process: the data's path as an input, and the house font and language.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
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
    LazyHash::new(library)
});

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
struct DocWorld<'a> {
    main: FileId,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
    /// A profile's templates, replacing built-in ones of the same name.
    overrides: &'a BTreeMap<String, String>,
    /// Files besides the data: a profile's logo, the bundle's parts.
    files: Vec<(FileId, Bytes)>,
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// No templates of a profile's own.
static NO_OVERRIDES: BTreeMap<String, String> = BTreeMap::new();

impl<'a> DocWorld<'a> {
    fn new(template: &str, data: Vec<u8>, date: chrono::NaiveDate) -> Option<DocWorld<'a>> {
        TEMPLATES.iter().find(|(name, _)| *name == template)?;
        let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)?;
        Some(DocWorld {
            main: file_id(&format!("/{template}"))?,
            data_id: file_id(DATA_PATH)?,
            data: Bytes::new(data),
            today,
            overrides: &NO_OVERRIDES,
            files: Vec::new(),
        })
    }

    fn template_text(&self, id: FileId) -> Option<&str> {
        let path = id.get();
        if !matches!(path.root(), VirtualRoot::Project) {
            return None;
        }
        text_of(path.vpath().get_without_slash(), self.overrides)
    }
}

/// A template's text: a profile's own, else casepack's.
fn text_of<'a>(name: &str, overrides: &'a BTreeMap<String, String>) -> Option<&'a str> {
    overrides.get(name).map(String::as_str).or_else(|| {
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
    })
}

/// The text of the template `name` as `profile` prints it: its own
/// replacement, else casepack's.
pub fn template_text<'a>(name: &str, profile: &'a Profile) -> Option<&'a str> {
    text_of(name, &profile.templates)
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
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
