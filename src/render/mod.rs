//! Stage 7, rendering: each document's template and data compiled by the
//! embedded Typst compiler into a PDF, entirely in memory.
//!
//! The world holds only the embedded templates, the embedded fonts and one
//! file, `/data.json`, with the document's data. Case text reaches Typst
//! only as JSON values read with `json(...)`: it is never spliced into
//! Typst source or evaluated, so markup in a name or a worry prints as the
//! characters it is. `today()` and the PDF creation date are pinned to the
//! document's date, so the same case gives the same bytes.

mod world;

use std::sync::atomic::{AtomicUsize, Ordering};

use typst::foundations::{Bytes, Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::documents::DocumentJob;
use crate::profile::Profile;
use crate::templates::LOGO_PATH;
use world::{DocWorld, Print, file_id};

/// How many evictions a memoised result of Typst's survives unused. Each
/// document evicts when it is done, while another may be halfway through
/// on the other core: at nothing, that one lost what it had memoised and
/// laid parts of itself out again (a tenth more time over 100 cases). Two
/// keeps a document's own results through its neighbour's evictions, and
/// memory flat (about 70 MB from the 40th case to the 100th).
const EVICT_AGE: usize = 2;

/// How many evictions Typst's memoised results survive in this process:
/// [`EVICT_AGE`] unless [`keep_layouts_longer`] was called. Process-wide
/// because Typst's memo is.
static KEEP_FOR: AtomicUsize = AtomicUsize::new(EVICT_AGE);

/// Keeps Typst's memoised results for [`LONG_EVICT_AGE`] evictions, for a
/// process that lays the same case out again after each small change (the
/// local page): a check lays out three or four letters, each evicting, so
/// at two the previous check's paragraphs were gone by the time the next
/// one could reuse them, and every paragraph was set again. Kept for six,
/// the paragraphs a change did not touch are reused; a check of the
/// pre-proceedings sample while typing a worry went from ~54 ms to ~28 ms,
/// for ~25 MB more memory.
pub fn keep_layouts_longer() {
    KEEP_FOR.store(LONG_EVICT_AGE, Ordering::Relaxed);
}

/// See [`keep_layouts_longer`].
const LONG_EVICT_AGE: usize = 6;

/// Lets Typst drop what it memoised and has not used lately.
fn evict() {
    comemo::evict(KEEP_FOR.load(Ordering::Relaxed));
}

/// Whether a case's documents may be made in parallel on the worker pool:
/// not from a worker of a pool, as each of many cases is
/// (`crate::parallel`), when the other cases already keep every core busy.
pub fn may_fan_out() -> bool {
    rayon::current_thread_index().is_none()
}

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
#[derive(Debug, thiserror::Error)]
#[error("template `{template}` failed: {}", messages.join("; "))]
pub struct RenderError {
    /// The template that failed.
    pub template: String,
    /// Typst's messages.
    pub messages: Vec<String>,
}

/// A document laid out, with the data it was laid out from. Making its
/// PDF later reuses the layout when the data is byte for byte the same, so
/// a letter read for the plain-language check is not laid out twice.
#[derive(Debug, Clone)]
pub struct LaidOut {
    template: String,
    data: Vec<u8>,
    large_print: bool,
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
        .find(|l| l.template == job.template && l.data == data && l.large_print == job.large_print);
    let (today, document) = match reused {
        Some(l) => (l.today, l.document.clone()),
        None => compile(job, profile, data, Vec::new())?,
    };
    pdf_of(job, today, &document, true)
}

/// Lays one document out without making a PDF: what the plain-language
/// check reads, as printed.
pub fn layout(job: &DocumentJob, profile: &Profile) -> Result<LaidOut, RenderError> {
    let data = data_of(job)?;
    let (today, document) = compile(job, profile, data.clone(), Vec::new())?;
    evict();
    Ok(LaidOut {
        template: job.template.to_string(),
        data,
        large_print: job.large_print,
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
    pdf_of(job, today, &document, archival)
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
        standards: standards(job, archival)?,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(document, &options)
        .map_err(|diags| fail(diags.iter().map(|d| d.message.to_string()).collect()))?;
    // Typst memoises across compilations; without eviction a long batch grows
    // by about 1.5 MB per document.
    evict();
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
    if profile.templates.contains_key(job.template) {
        world.wrap();
    }
    world.pictures = &profile.pictures;
    if job.large_print {
        world.print = Print::Large;
    }
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

/// The standards a document is exported to: PDF/A-2b for archiving and
/// PDF/UA-1 for screen readers, every document alike (a parent's solicitor
/// or an advocate reads the minutes and the agreement as much as the
/// letters). A document that places pages of other PDFs (the bundle) stays
/// plain PDF: typst-pdf refuses embedded pages under PDF/A and PDF/UA.
fn standards(job: &DocumentJob, archival: bool) -> Result<PdfStandards, RenderError> {
    let list = if archival {
        vec![PdfStandard::A_2b, PdfStandard::Ua_1]
    } else {
        Vec::new()
    };
    PdfStandards::new(&list).map_err(|e| RenderError {
        template: job.template.to_string(),
        messages: vec![e.message().to_string()],
    })
}
