//! `casepack edit`: a page on this computer for writing a case without
//! writing YAML. The form is made from the case format ([`form`]); every
//! change is checked by the same pipeline as `casepack check`
//! ([`session`]) and its findings shown beside their fields; any document
//! of the pack is previewed page by page; saving writes the YAML the
//! command line reads. The server ([`server`]) binds to loopback only and
//! answers only requests that carry its random token and come from its own
//! page.

mod draft;
mod error;
pub mod form;
pub mod page;
pub mod server;
pub mod session;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::{Arc, Mutex};

pub use error::{EditError, TemplatesBroken};

use crate::pipeline::Settings;
use crate::profile::PackAudience;

/// What `casepack init` writes: a case with every section present and
/// nothing filled in, for the form (or an editor) to fill.
pub const SKELETON: &str = include_str!("skeleton.yaml");

/// A random token for the page's address: 128 bits from the system.
pub fn token() -> Result<String, EditError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(EditError::Random)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Writes the skeleton case to `path`, refusing to replace a file.
pub fn init(path: &Path) -> Result<(), EditError> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => EditError::Exists(path.to_path_buf()),
            _ => EditError::Write {
                path: path.to_path_buf(),
                source,
            },
        })?;
    f.write_all(SKELETON.as_bytes())
        .map_err(|source| EditError::Write {
            path: path.to_path_buf(),
            source,
        })
}

/// The server for `path`, bound to a free port on 127.0.0.1, ready to run.
pub async fn bind(
    path: &Path,
    settings: &Settings,
) -> Result<(Arc<server::App>, tokio::net::TcpListener), EditError> {
    let listener = tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .map_err(EditError::Listen)?;
    let addr = listener.local_addr().map_err(EditError::Listen)?;
    // The page checks the same case again after every change.
    crate::render::keep_layouts_longer();
    let app = Arc::new(server::App {
        session: session::Session::new(path, settings),
        token: token()?,
        addr,
        built: Mutex::new(Vec::new()),
    });
    Ok((app, listener))
}

/// What the page's Build button wrote.
pub struct Built {
    /// The file names written, in the case's folder.
    pub written: Vec<String>,
    /// What to tell the user.
    pub message: String,
}

/// Builds the saved case `text` into the meeting's pack and every parent's
/// own pack, beside the case file, as `casepack build` and `casepack build
/// --audience parents` would.
pub fn build_beside(session: &session::Session, text: &str) -> Result<Built, EditError> {
    let mut written = Vec::new();
    let mut said = Vec::new();
    for audience in [PackAudience::Panel, PackAudience::Parents] {
        let mut settings = session.settings().clone();
        settings.audience = audience;
        let built = crate::pipeline::build::build_beside(&session.path, text, &settings);
        if built.written.is_empty() {
            said.push(
                built
                    .first_error()
                    .unwrap_or_else(|| "the case has errors".to_string()),
            );
            continue;
        }
        written.extend(built.packs().map(name_of));
    }
    if written.is_empty() {
        return Err(EditError::NothingBuilt(said));
    }
    let mut message = format!("Built {} beside the case file.", written.join(", "));
    if !said.is_empty() {
        message.push_str(&format!(" Not built: {}", said.join("; ")));
    }
    Ok(Built { written, message })
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
