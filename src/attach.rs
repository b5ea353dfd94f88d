//! Stage 2, attached documents: the PDFs written elsewhere (a single assessment, an
//! expert's report, a court order) that the case lists under `attachments`.
//!
//! Each is read once, from the case's folder, and checked before anything
//! is written: the path stays inside the case's folder, the file is a
//! whole, readable, unencrypted PDF with at least one page. Its bytes go
//! into the pack unchanged and its page count into the index and the
//! bundle, so both come from the file itself, never from an estimate.
//! PDFs are parsed with `hayro-syntax`, the parser Typst itself uses to
//! place their pages, so a file that passes here is one the bundle can use.

use std::path::{Component, Path};

use hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use sha2::{Digest, Sha256};

use crate::case::Case;

/// An attachment that passed its checks: its bytes and what they hold.
#[derive(Debug, Clone)]
pub struct AttachedFile {
    /// Its place in the case's `attachments` list.
    pub index: usize,
    /// Its file name in the pack, under `attachments/`.
    pub pack_name: String,
    /// The PDF, exactly as read.
    pub bytes: Vec<u8>,
    /// Its page count, counted from the file.
    pub pages: usize,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
}

/// Why a file is not a PDF the pack can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfProblem {
    /// It does not start like a PDF.
    NotPdf,
    /// It stops before the end-of-file marker: cut short in copying or saving.
    Truncated,
    /// It cannot be opened without a password.
    PasswordProtected,
    /// It opens without a password but is encrypted to restrict printing or copying.
    Restricted,
    /// It looks like a PDF but its structure cannot be read.
    Unreadable,
    /// It has no pages.
    NoPages,
}

impl PdfProblem {
    /// The finding's code.
    pub fn code(self) -> &'static str {
        match self {
            PdfProblem::NotPdf => "attachment-not-pdf",
            PdfProblem::Truncated => "attachment-truncated",
            PdfProblem::PasswordProtected | PdfProblem::Restricted => "attachment-encrypted",
            PdfProblem::Unreadable => "attachment-unreadable",
            PdfProblem::NoPages => "attachment-no-pages",
        }
    }

    /// What is wrong with the file, after its path: "is not a PDF".
    pub fn message(self) -> &'static str {
        match self {
            PdfProblem::NotPdf => "is not a PDF",
            PdfProblem::Truncated => "is cut short: the PDF stops before its end-of-file marker",
            PdfProblem::PasswordProtected => "is encrypted: it needs a password to open",
            PdfProblem::Restricted => {
                "is encrypted: it opens, but with restrictions on printing or copying"
            }
            PdfProblem::Unreadable => "is a PDF whose structure cannot be read",
            PdfProblem::NoPages => "is a PDF with no pages",
        }
    }

    /// What to do about it.
    pub fn help(self) -> &'static str {
        match self {
            PdfProblem::NotPdf => {
                "attach documents as PDF: save or print the document as PDF and point `path` at that"
            }
            PdfProblem::Truncated | PdfProblem::Unreadable => {
                "copy the file again from where it was written, or save it again as PDF"
            }
            PdfProblem::PasswordProtected | PdfProblem::Restricted => {
                "a pack and a court bundle cannot hold secured PDFs: ask the author for an unsecured copy, or open it and print it to a new PDF"
            }
            PdfProblem::NoPages => "the file is empty of pages: attach the document itself",
        }
    }
}

/// Checks that `bytes` are a whole, readable, unencrypted PDF with pages,
/// and returns its page count.
pub fn inspect(bytes: &[u8]) -> Result<usize, PdfProblem> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(PdfProblem::NotPdf);
    }
    // Readers recover cut-off files by scanning for objects, so a parse
    // alone would let half a document through; the marker shows it is whole.
    // The PDF standard allows it anywhere in the last 1024 bytes.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PdfProblem::Truncated);
    }
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(LoadPdfError::Decryption(DecryptionError::PasswordProtected)) => {
            return Err(PdfProblem::PasswordProtected);
        }
        Err(LoadPdfError::Decryption(_)) => return Err(PdfProblem::Restricted),
        Err(LoadPdfError::Invalid) => return Err(PdfProblem::Unreadable),
    };
    // An unencrypted file ignores the password; an encrypted one whose user
    // password is empty opens with "" but refuses any other.
    if let Err(LoadPdfError::Decryption(_)) =
        Pdf::new_with_password(bytes.to_vec(), "casepack: not the password")
    {
        return Err(PdfProblem::Restricted);
    }
    match pdf.pages().len() {
        0 => Err(PdfProblem::NoPages),
        n => Ok(n),
    }
}

/// Why one attachment the case lists cannot go into the pack.
#[derive(Debug)]
pub enum Unusable {
    /// Its path leads outside the case's folder.
    Outside,
    /// Its path, inside the folder, is a link to a file outside it.
    LinksOutside,
    /// There is no file at its path.
    Missing,
    /// The file cannot be read.
    Unreadable(std::io::Error),
    /// The file is not a PDF the pack can hold.
    Pdf(PdfProblem),
    /// Another attachment has the same file name in the pack: `first` is
    /// that one's path (the same path when the file is attached twice).
    NameClash {
        /// The path of the attachment listed first.
        first: String,
    },
}

/// An attachment that cannot go into the pack: its place in the case's
/// `attachments` list, and why.
#[derive(Debug)]
pub struct Refused {
    /// Its place in `attachments`.
    pub index: usize,
    /// Why.
    pub why: Unusable,
}

/// Reads and checks every attachment the case lists, from `case_dir`.
/// Returns those that passed, and why each other one did not.
pub fn load(case: &Case, case_dir: &Path) -> (Vec<AttachedFile>, Vec<Refused>) {
    let mut files = Vec::new();
    let mut refused = Vec::new();
    let root = case_dir.canonicalize();
    for (index, a) in case.attachments.iter().enumerate() {
        let mut refuse = |why| refused.push(Refused { index, why });
        let given = Path::new(&a.path);
        let escapes = given.is_absolute()
            || given
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)));
        if escapes {
            refuse(Unusable::Outside);
            continue;
        }
        let full = case_dir.join(given);
        let bytes = match std::fs::read(&full) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                refuse(Unusable::Missing);
                continue;
            }
            Err(e) => {
                refuse(Unusable::Unreadable(e));
                continue;
            }
        };
        // A link inside the folder may still point outside it.
        if let (Ok(root), Ok(real)) = (&root, full.canonicalize())
            && !real.starts_with(root)
        {
            refuse(Unusable::LinksOutside);
            continue;
        }
        let pages = match inspect(&bytes) {
            Ok(n) => n,
            Err(p) => {
                refuse(Unusable::Pdf(p));
                continue;
            }
        };
        let pack_name = format!(
            "attachments/{}",
            given
                .file_name()
                .map_or_else(|| a.path.clone(), |n| n.to_string_lossy().into_owned())
        );
        if let Some(other) = files
            .iter()
            .find(|f: &&AttachedFile| f.pack_name == pack_name)
        {
            let first = case.attachments[other.index].path.clone();
            refuse(Unusable::NameClash { first });
            continue;
        }
        files.push(AttachedFile {
            index,
            pack_name,
            sha256: hex(&Sha256::digest(&bytes)),
            bytes,
            pages,
        });
    }
    (files, refused)
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_attachments_are_whole_pdfs_and_their_pages_are_counted() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/attachments");
        let pages = |name: &str| inspect(&std::fs::read(dir.join(name)).unwrap());
        assert_eq!(pages("hartley-nowak-single-assessment.pdf"), Ok(2));
        assert_eq!(pages("brennan-draft-swet.pdf"), Ok(1));
    }

    #[test]
    fn damaged_files_are_named_for_what_is_wrong() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/attachments");
        let whole = std::fs::read(dir.join("hartley-nowak-single-assessment.pdf")).unwrap();
        assert_eq!(inspect(b"Dear Sir"), Err(PdfProblem::NotPdf));
        assert_eq!(
            inspect(&whole[..whole.len() / 2]),
            Err(PdfProblem::Truncated)
        );
        assert_eq!(
            inspect(b"%PDF-1.4\nnothing here at all\n%%EOF\n"),
            Err(PdfProblem::Unreadable)
        );
        // Made by tests/fixtures/attachments/make.py; poppler agrees.
        let fixture = |name: &str| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/attachments");
            inspect(&std::fs::read(dir.join(name)).unwrap())
        };
        assert_eq!(
            fixture("password-protected.pdf"),
            Err(PdfProblem::PasswordProtected)
        );
        assert_eq!(fixture("restricted.pdf"), Err(PdfProblem::Restricted));
        assert_eq!(fixture("no-pages.pdf"), Err(PdfProblem::NoPages));
    }
}
