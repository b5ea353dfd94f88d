//! Stage 10, the pack: the rendered PDFs, the attached ones unchanged, and a
//! manifest in one zip, written
//! so that either the whole pack appears or nothing does.
//!
//! Entries are sorted and carry a fixed modification time, so the same case
//! gives a byte-identical zip. The zip is written to a temporary file beside
//! the destination (never to a shared temp folder: it holds personal data),
//! flushed to disk, then renamed into place; an existing pack is replaced
//! only when asked.

use crate::profile::{PackAudience, SelectedMeeting};
use std::fs;
use std::io::{Seek, Write};
use std::path::Path;

use chrono::Datelike;
use serde::Serialize;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{AesMode, CompressionMethod, DateTime, ZipWriter};

use crate::attach::{AttachedFile, hex};
use crate::case::{Case, FORMAT_VERSION, PersonId};
use crate::documents::Audience;
use crate::render::RenderedDocument;

use crate::safe_write::{WriteError, write_atomically};

/// Why a pack, or the data beside it, could not be written. Whatever was
/// written of it is gone.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// The file could not be written safely.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The zip could not be made.
    #[error("{0}")]
    Zip(#[from] zip::result::ZipError),
    /// The manifest or a document's data could not be made JSON.
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// Writing failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The folder for the template data could not be made.
    #[error("cannot create {}: {source}", path.display())]
    Folder {
        /// The folder.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A document's template data could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Data {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The manifest: what is in the pack, for whom, and its checksums.
#[derive(Debug, Serialize)]
pub struct Manifest {
    /// The casepack version that built the pack.
    pub casepack_version: String,
    /// The case format version of the input.
    pub case_format: u32,
    /// The local authority's case reference.
    pub case_reference: String,
    /// The authority profile used.
    pub profile: String,
    /// The meeting type the pack is for (`casepack meetings`).
    pub meeting: String,
    /// Why the meeting is held.
    pub meeting_purpose: String,
    /// Who the pack is for (`build --audience`).
    pub audience: String,
    /// Whose own pack it is, for a parent's pack (`parents`): their id and name.
    pub recipient: Option<ManifestRecipient>,
    /// Whether the pack's entries are AES-256 encrypted (`build --encrypt`).
    pub encrypted: bool,
    /// The meeting's date, when the case gives it.
    pub meeting_date: Option<String>,
    /// The LPM's date.
    pub lpm_date: String,
    /// The LPM's outcome, if recorded.
    pub lpm_outcome: Option<String>,
    /// Every document casepack wrote, in pack order.
    pub files: Vec<ManifestEntry>,
    /// Every attached PDF, after them, as the case lists them.
    pub attachments: Vec<AttachmentEntry>,
}

/// The one person a parent's pack is for.
#[derive(Debug, Serialize)]
pub struct ManifestRecipient {
    /// Their id in the case's `people`.
    pub id: String,
    /// Their name.
    pub name: String,
}

/// One attached PDF in the manifest: in the pack unchanged.
#[derive(Debug, Serialize)]
pub struct AttachmentEntry {
    /// File name within the pack, under `attachments/`.
    pub name: String,
    /// Its title, as the case gives it.
    pub title: String,
    /// Its kind (the profile's `attachment_kinds`).
    pub kind: String,
    /// The date it was completed.
    pub date: String,
    /// Who wrote it, if the case says.
    pub author: Option<String>,
    /// Its path as the case gives it, relative to the case file.
    pub source: String,
    /// Page count, from the file.
    pub pages: usize,
    /// Size in bytes.
    pub bytes: usize,
    /// SHA-256 of the file, lower-case hex.
    pub sha256: String,
}

/// One file in the manifest.
#[derive(Debug, Serialize)]
pub struct ManifestEntry {
    /// File name within the pack.
    pub name: String,
    /// The profile's id for the document, e.g. `plo-summary`.
    pub document: String,
    /// The document's title.
    pub title: String,
    /// Who it is for.
    pub audience: Audience,
    /// For a letter, who it is addressed to.
    pub recipient: Option<String>,
    /// Whether it is legally privileged.
    pub privileged: bool,
    /// Page count.
    pub pages: usize,
    /// Size in bytes.
    pub bytes: usize,
    /// SHA-256 of the file, lower-case hex.
    pub sha256: String,
}

/// Builds the manifest for a set of rendered documents.
#[allow(clippy::too_many_arguments)]
pub fn manifest(
    case: &Case,
    profile: &str,
    meeting: &SelectedMeeting,
    docs: &[RenderedDocument],
    attached: &[AttachedFile],
    audience: PackAudience,
    recipient: Option<&(PersonId, String)>,
    encrypted: bool,
) -> Manifest {
    Manifest {
        audience: audience.id().to_string(),
        recipient: recipient.map(|(id, name)| ManifestRecipient {
            id: id.to_string(),
            name: name.clone(),
        }),
        encrypted,
        meeting: meeting.id.clone(),
        meeting_purpose: meeting.purpose.clone(),
        meeting_date: meeting.date.map(|d| d.iso()),
        casepack_version: env!("CARGO_PKG_VERSION").to_string(),
        case_format: FORMAT_VERSION,
        case_reference: case.reference.clone(),
        profile: profile.to_string(),
        lpm_date: case.lpm.date.iso(),
        lpm_outcome: case.lpm.outcome.map(|o| o.id().to_string()),
        files: docs
            .iter()
            .map(|d| ManifestEntry {
                name: d.job.file_name.clone(),
                document: d.job.id.clone(),
                title: d.job.title.clone(),
                audience: d.job.audience,
                recipient: d.job.recipient.as_ref().map(|(_, name)| name.clone()),
                privileged: d.job.privileged,
                pages: d.pages,
                bytes: d.pdf.len(),
                sha256: hex(&Sha256::digest(&d.pdf)),
            })
            .collect(),
        attachments: attached
            .iter()
            .map(|f| {
                let a = &case.attachments[f.index];
                AttachmentEntry {
                    name: f.pack_name.clone(),
                    title: a.title.clone(),
                    kind: a.kind.clone(),
                    date: a.date.iso(),
                    author: a.author.clone(),
                    source: a.path.clone(),
                    pages: f.pages,
                    bytes: f.bytes.len(),
                    sha256: f.sha256.clone(),
                }
            })
            .collect(),
    }
}

/// Writes the zip into `out` (any seekable writer), every entry AES-256
/// encrypted with `password` when one is given (each with a random salt, so
/// an encrypted pack is not byte-identical from one build to the next).
pub fn write_zip<W: Write + Seek>(
    out: W,
    case: &Case,
    manifest: &Manifest,
    docs: &[RenderedDocument],
    attached: &[AttachedFile],
    password: Option<&str>,
) -> Result<W, PackError> {
    let d = case.lpm.date.naive();
    let stamp = DateTime::from_date_and_time(
        d.year().clamp(1980, 2107) as u16,
        d.month() as u8,
        d.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o600);
    let options = match password {
        Some(p) => options.with_aes_encryption(AesMode::Aes256, p),
        None => options,
    };
    let mut entries: Vec<(String, Vec<u8>)> = docs
        .iter()
        .map(|d| (d.job.file_name.clone(), d.pdf.clone()))
        .chain(
            attached
                .iter()
                .map(|f| (f.pack_name.clone(), f.bytes.clone())),
        )
        .collect();
    let mut json = serde_json::to_vec_pretty(manifest)?;
    json.push(b'\n');
    entries.push(("manifest.json".to_string(), json));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut zip = ZipWriter::new(out);
    for (name, bytes) in entries {
        zip.start_file(name, options)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?)
}

/// Writes each document's template data as JSON into `dir` (for previewing
/// templates and for snapshot tests).
pub fn write_data(dir: &Path, jobs: &[crate::documents::DocumentJob]) -> Result<(), PackError> {
    fs::create_dir_all(dir).map_err(|source| PackError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    for job in jobs {
        let name = job.file_name.trim_end_matches(".pdf");
        let mut json = serde_json::to_vec_pretty(&job.data)?;
        json.push(b'\n');
        let path = dir.join(format!("{name}.json"));
        fs::write(&path, json).map_err(|source| PackError::Data {
            path: path.clone(),
            source,
        })?;
    }
    Ok(())
}

/// Writes the pack to `dest` through [`crate::safe_write`]: whole or not at
/// all, never over an existing file unless `force`.
pub fn write_pack(
    dest: &Path,
    force: bool,
    case: &Case,
    manifest: &Manifest,
    docs: &[RenderedDocument],
    attached: &[AttachedFile],
    password: Option<&str>,
) -> Result<(), PackError> {
    write_atomically(dest, force, |file| -> Result<(), PackError> {
        write_zip(file, case, manifest, docs, attached, password)?.sync_all()?;
        Ok(())
    })?;
    Ok(())
}
