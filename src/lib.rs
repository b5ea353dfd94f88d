//! casepack: the meeting packs and letters of children's social care in
//! England under the Public Law Outline, from one YAML case file.
//!
//! The pipeline, one module per stage, each handing the next a typed value:
//! [`case`] (load and check the YAML) → [`rules`] (the authority profile's
//! requirements and timescales) → [`calendar`] and [`deadlines`] (working
//! days, dated steps) → [`documents`] (which documents, for whom, with what
//! data) → [`render`] (Typst to PDF, in memory) → [`pack`] (zip and
//! manifest). [`plain`] reads every letter to a parent as laid out, measures
//! it and looks for jargon before anything is written. [`attach`] reads the
//! PDFs a case attaches, from the case's folder. [`pipeline`] runs them; [`caseload`]
//! runs `check` over many cases at once for the deadline report across
//! them, and [`parallel`] runs many cases side by side; [`cli`] is the
//! command line and [`edit`] the local page, both front ends over
//! [`pipeline`]. Only the command line, the page's session (the case file,
//! its `.bak` and the packs it builds, in the case's folder), [`attach`],
//! [`pack`], [`caseload::read`] (the case files) and the reading of a
//! profile the case names touch the file system.

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
