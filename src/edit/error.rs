//! Why the page could not do what was asked: each message is what the page
//! shows, so it is written for the person at the form.

use std::path::PathBuf;

use crate::case::PathError;
use crate::render::RenderError;

/// Why the page could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The case file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The case file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The draft has a problem that stops the change: a finding's message.
    #[error("{0}")]
    Draft(String),
    /// The form named a place that is not a path in the case.
    #[error(transparent)]
    Path(#[from] PathError),
    /// A place the change needs a list at holds something else.
    #[error("`{0}` is not a list")]
    NotAList(String),
    /// A place the change needs an item of a list at.
    #[error("`{0}` is not an item of a list")]
    NotAnItem(String),
    /// An item that is not there.
    #[error("`{0}` is not in the case")]
    NotInCase(String),
    /// The dates are filled in only from a case without errors.
    #[error("the dates can be filled in once the case has no errors")]
    DatesNeedNoErrors,
    /// The case has no `lpm`.
    #[error("the case has no LPM")]
    NoLpm,
    /// Filling in would replace dates already agreed.
    #[error("the LPM already has dates agreed")]
    DatesAlreadyAgreed,
    /// `lpm.dates_agreed` holds something other than a list.
    #[error("`lpm.dates_agreed` is not a list")]
    DatesAgreedNotAList,
    /// The draft has a finding that stops it being saved.
    #[error("not saved: {message} ({path})")]
    NotSaved {
        /// The finding.
        message: String,
        /// Where.
        path: String,
    },
    /// The case file could not be written.
    #[error("cannot save: {0}")]
    Save(std::io::Error),
    /// The previous version could not be kept beside it.
    #[error("cannot keep the previous version: {0}")]
    KeepPrevious(std::io::Error),
    /// The preview shows only a case without errors.
    #[error("the preview shows once the case has no errors")]
    PreviewNeedsNoErrors,
    /// The pack holds nothing to preview.
    #[error("the meeting's pack holds no documents")]
    NoDocuments,
    /// A document the pack does not hold.
    #[error("no such document")]
    NoSuchDocument,
    /// A page the document does not have.
    #[error("no such page")]
    NoSuchPage,
    /// The document could not be laid out.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The page's picture could not be made.
    #[error("cannot make the picture: {0}")]
    Picture(String),
    /// The text is not YAML: the parser's first line.
    #[error("{0}")]
    Yaml(String),
    /// The case could not be written as YAML.
    #[error("the case cannot be written as YAML: {0}")]
    ToYaml(String),
    /// The page's own templates are broken.
    #[error(transparent)]
    Templates(#[from] TemplatesBroken),
    /// The page could not be made from its templates.
    #[error("the page could not be made: {0}")]
    Page(String),
    /// The system gave no random numbers for the page's token.
    #[error("no random numbers from the system: {0}")]
    Random(getrandom::Error),
    /// `casepack init` would replace a file.
    #[error("{} already exists", .0.display())]
    Exists(PathBuf),
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The page's server could not listen.
    #[error("cannot listen on 127.0.0.1: {0}")]
    Listen(std::io::Error),
    /// No pack could be built: why, for each.
    #[error("nothing was built: {}", .0.join("; "))]
    NothingBuilt(Vec<String>),
}

/// The page's templates do not compile: kept, as the page is made from
/// them again on every request.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the page's templates do not compile: {0}")]
pub struct TemplatesBroken(pub String);
