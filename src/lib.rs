//! casepack: the meeting packs and letters of children's social care in
//! England under the Public Law Outline, from one YAML case file.
//!
//! One module per stage, each handing the next a typed value, and none
//! using a later one (`ARCHITECTURE.md` draws them; `tests/tidy.rs` keeps
//! the order). Foundations every stage may use: [`diagnostics`] (findings),
//! [`calendar`] (working days), [`parallel`] (many cases side by side),
//! [`fonts`] and [`templates`] (embedded), [`safe_write`] (whole files or
//! none). Then [`case`] (load the YAML) → [`attach`] (the PDFs it attaches)
//! → [`profile`] (the authority's procedure as data) → [`deadlines`] (dated
//! steps) → [`disclosure`] (each reader's copy, and the scan for what it
//! left out) → [`documents`] (which documents, for whom, with what data) →
//! [`render`] (Typst to PDF, in memory) → [`plain`] (letters as printed) →
//! [`check`] (every finding about a case) → [`pack`] (zip and manifest).
//! [`pipeline`] runs them and returns typed results; [`caseload`] reports
//! many cases' deadlines at once; [`edit`] (the local page) and [`cli`]
//! (the command line) are the front ends. Only the command line, the page's
//! session (the case file, its `.bak` and the packs it builds), [`attach`],
//! [`safe_write`], [`pack`], [`caseload`]'s reading of case files and the
//! reading of a profile the case names touch the file system.

pub mod attach;
pub mod calendar;
pub mod case;
pub mod caseload;
pub mod check;
pub mod cli;
pub mod deadlines;
pub mod diagnostics;
pub mod disclosure;
pub mod documents;
pub mod edit;
pub mod fonts;
pub mod pack;
pub mod parallel;
pub mod pipeline;
pub mod plain;
pub mod profile;
pub mod render;
pub mod safe_write;
pub mod templates;
