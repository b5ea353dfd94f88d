//! Why a build wrote nothing, when the case's findings do not say: the
//! outputs asked for cannot be had, a password is missing, or writing
//! failed. Each says what went wrong; the command line adds what to do.

use std::path::PathBuf;

use super::{DestinationError, Status};
use crate::pack::PackError;
use crate::render::RenderError;

/// Why a build wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// `-o` cannot hold the packs the build writes.
    #[error(transparent)]
    Destinations(#[from] DestinationError),
    /// `--encrypt` with more than one reader's pack.
    #[error(
        "--encrypt would give every parent's pack the same password, so one parent could open another's; build each with --recipient ID and its own password"
    )]
    SharedPassword,
    /// A pack or bundle is already there, and `--force` was not given.
    #[error("{} already exists; use --force to replace it", .0.display())]
    Exists(PathBuf),
    /// No password could be had for `--encrypt`.
    #[error(transparent)]
    Password(#[from] PasswordError),
    /// A reader's pack would hold nothing.
    #[error(
        "the {meeting} pack for {whose} would be empty: casepack writes none of its documents for them, and no attachment is for them"
    )]
    EmptyPack {
        /// The meeting's name.
        meeting: String,
        /// Whose pack: a parent's name, or the audience.
        whose: String,
        /// The meeting's id, for `casepack explain`.
        id: String,
    },
    /// Something casepack itself got wrong.
    #[error("internal: {0}")]
    Internal(String),
    /// The bundle could not be laid out.
    #[error("the bundle could not be made: {0}")]
    Bundle(RenderError),
    /// The templates' data could not be written (`--data-dir`).
    #[error(transparent)]
    Data(PackError),
    /// A pack or bundle could not be written; none was.
    #[error(transparent)]
    Write(PackError),
    /// The case file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        /// The case file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl BuildError {
    /// How the build went, given this: an empty pack is the case's doing,
    /// the rest are the build's.
    pub fn status(&self) -> Status {
        match self {
            BuildError::EmptyPack { .. } => Status::Findings,
            _ => Status::Refused,
        }
    }
}

/// Why no password could be had for an encrypted pack.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// The variable that gives it is set, but empty.
    #[error("{0} is empty")]
    EmptyVariable(&'static str),
    /// No variable gives it, and there is no terminal to ask at.
    #[error("--encrypt needs a password: set {0}, or run casepack in a terminal to be asked")]
    NoTerminal(&'static str),
    /// Asking for it failed.
    #[error("{0}")]
    Prompt(std::io::Error),
    /// An empty password was typed.
    #[error("the password is empty")]
    Empty,
    /// The two passwords typed differ.
    #[error("the two passwords differ")]
    Differ,
    /// None was given for the run.
    #[error("no password was given for --encrypt")]
    NotGiven,
    /// The page builds only unencrypted packs.
    #[error("a pack built from the page is not encrypted")]
    NotOnPage,
}
