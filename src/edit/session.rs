//! One case being edited: its file, the settings it is checked with, and
//! what the page asks of it (check, change the shape of a list, save,
//! preview, build), with no HTTP in sight. Every answer comes from the same
//! library calls as the command line's (`pipeline::prepare`,
//! `pipeline::render_pack`), so the page and `casepack check` cannot
//! disagree.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Deserialize;
use serde_json::{Value, json};

use super::EditError;
use crate::case::CasePath;
use crate::diagnostics::{Finding, Severity};
use crate::pipeline::{self, Prepared, Settings};

pub use super::draft::{Draft, yaml_of};
use super::draft::{ensure_list, merge, parse_yaml, split_index};
use super::form;

/// A change to the shape of the case the page asks for.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    /// Adds an empty item to the end of the list at the path.
    Add,
    /// Removes the item at the path.
    Remove,
    /// Moves the item at the path one place up.
    Up,
    /// Moves the item at the path one place down.
    Down,
    /// Fills the LPM's dates agreed from the deadline engine's steps that
    /// follow the meeting, when it has none.
    PrefillDates,
}

/// The case being edited.
pub struct Session {
    /// The case file.
    pub path: PathBuf,
    settings: Settings,
    schema: Value,
    /// The case as last checked (by the page's count), with its packs
    /// planned, for the preview.
    last: Mutex<(u64, Option<Arc<Prepared>>)>,
}

impl Session {
    /// A session for the case file at `path`, checked with `settings`.
    pub fn new(path: &Path, settings: &Settings) -> Session {
        Session {
            path: path.to_path_buf(),
            settings: settings.for_case(path),
            schema: crate::case::schema(),
            last: Mutex::new((0, None)),
        }
    }

    /// The settings the case is checked and built with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The folder of the case file, the only one the page reads or writes in.
    pub fn folder(&self) -> PathBuf {
        self.path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// The case format's schema, which the form is made from.
    pub fn schema(&self) -> &Value {
        &self.schema
    }

    /// The case file as it is on disk, as JSON for the page. A file that is
    /// not YAML at all opens as an empty case, with the reason.
    pub fn open(&self) -> Result<(Value, Option<String>), EditError> {
        let text = std::fs::read_to_string(&self.path).map_err(|source| EditError::Read {
            path: self.path.clone(),
            source,
        })?;
        Ok(match parse_yaml(&text) {
            Ok(v) if v.is_object() => (v, None),
            Ok(Value::Null) => (json!({}), None),
            Ok(_) => (
                json!({}),
                Some("the file is not a case: its top level is not a set of fields".into()),
            ),
            Err(e) => (
                json!({}),
                Some(format!(
                    "the file is not valid YAML ({e}); the form starts empty and saving would replace it"
                )),
            ),
        })
    }

    /// Checks the draft: every finding (with the form's path for it), how
    /// each letter reads, how letters to each parent begin, the timeline
    /// and the documents the pack would hold.
    pub fn check(&self, draft: &Draft) -> Value {
        let (case, mut findings) = merge(draft);
        let text = match yaml_of(&case) {
            Ok(t) => t,
            Err(e) => {
                findings.push(Finding::error("internal", "", e.to_string()));
                String::new()
            }
        };
        let run = pipeline::prepare(&text, &self.settings);
        findings.extend(run.findings.sorted().into_iter().cloned());
        place_loader_error(&mut findings, &case);
        let documents: Vec<Value> = run
            .prepared
            .as_ref()
            .and_then(|p| p.packs.first())
            .map(|pack| {
                pack.jobs
                    .iter()
                    .enumerate()
                    .map(|(i, j)| json!({ "index": i, "title": j.title }))
                    .collect()
            })
            .unwrap_or_default();
        let timeline = run.prepared.as_ref().map(|p| {
            let c = &p.checked;
            crate::deadlines::json(
                &c.loaded.case,
                &c.schedule,
                &c.profile,
                &self.settings.calendar,
                self.settings.today,
            )
        });
        let greetings = run
            .prepared
            .as_ref()
            .map(|p| greetings(&p.checked.loaded.case))
            .unwrap_or_default();
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if draft.seq >= last.0 {
            *last = (draft.seq, run.prepared.map(Arc::new));
        }
        drop(last);
        json!({
            "findings": findings.iter().map(|f| finding_json(f, &case)).collect::<Vec<_>>(),
            "errors": findings.iter().filter(|f| f.severity == Severity::Error).count(),
            "warnings": findings.iter().filter(|f| f.severity == Severity::Warning).count(),
            "plain": run.plain.as_ref().map(crate::plain::to_json),
            "timeline": timeline,
            "documents": documents,
            "offers": offers(&case, &self.settings),
            "greetings": greetings,
        })
    }

    /// Applies `op` at `path` to the draft and gives the case back.
    pub fn reshape(&self, draft: &Draft, op: &Op, path: &str) -> Result<Value, EditError> {
        let (mut case, findings) = merge(draft);
        if let Some(f) = findings.first() {
            return Err(EditError::Draft(f.message.clone()));
        }
        let at = CasePath::parse(path)?;
        match op {
            Op::Add => {
                let item = form::new_item(&self.schema, &at);
                let list = ensure_list(&mut case, &at)?;
                list.push(item);
            }
            Op::Remove | Op::Up | Op::Down => {
                let (parent, i) = split_index(&at)?;
                let list = parent
                    .get_mut(&mut case)
                    .and_then(Value::as_array_mut)
                    .ok_or_else(|| EditError::NotAList(parent.to_string()))?;
                if i >= list.len() {
                    return Err(EditError::NotInCase(at.to_string()));
                }
                match op {
                    Op::Remove => {
                        list.remove(i);
                    }
                    Op::Up if i > 0 => list.swap(i, i - 1),
                    Op::Down if i + 1 < list.len() => list.swap(i, i + 1),
                    _ => {}
                }
            }
            Op::PrefillDates => self.prefill_dates(&mut case)?,
        }
        Ok(case)
    }

    /// The LPM's dates agreed, from the steps the deadline engine dates
    /// after the meeting: each step's action and due date, for the meeting
    /// to confirm or change. Only when none are recorded yet.
    fn prefill_dates(&self, case: &mut Value) -> Result<(), EditError> {
        let text = yaml_of(case)?;
        let (checked, _) = pipeline::check(&text, &self.settings);
        let checked = checked.ok_or(EditError::DatesNeedNoErrors)?;
        let lpm = checked.loaded.case.lpm.date;
        let rows: Vec<Value> = checked
            .schedule
            .timelines
            .iter()
            .filter(|t| t.follows_the_lpm())
            .flat_map(|t| &t.steps)
            .filter(|s| s.key_date && s.due > lpm && s.actual.is_none())
            .map(|s| json!({ "what": s.action, "date": s.due.iso() }))
            .collect();
        let lpm = case
            .get_mut("lpm")
            .and_then(Value::as_object_mut)
            .ok_or(EditError::NoLpm)?;
        let agreed = lpm
            .entry("dates_agreed")
            .or_insert_with(|| Value::Array(Vec::new()));
        match agreed.as_array_mut() {
            Some(a) if a.is_empty() => {
                a.extend(rows);
                Ok(())
            }
            Some(_) => Err(EditError::DatesAlreadyAgreed),
            None => Err(EditError::DatesAgreedNotAList),
        }
    }

    /// Writes the draft to the case file: to a temporary file in the same
    /// folder, then renamed over it, the previous version kept beside it
    /// as `NAME.bak`. Returns the YAML written.
    pub fn save(&self, draft: &Draft) -> Result<String, EditError> {
        let (case, findings) = merge(draft);
        if let Some(f) = findings.first() {
            return Err(EditError::NotSaved {
                message: f.message.clone(),
                path: f.path.clone(),
            });
        }
        let text = yaml_of(&case)?;
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(EditError::Save)?;
        std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(EditError::Save)?;
        tmp.as_file().sync_all().map_err(EditError::Save)?;
        if self.path.exists() {
            std::fs::copy(&self.path, backup_of(&self.path)).map_err(EditError::KeepPrevious)?;
        }
        tmp.persist(&self.path)
            .map_err(|e| EditError::Save(e.error))?;
        Ok(text)
    }

    /// Page `page` of document `doc` of the pack as last checked, as a PNG,
    /// with how many pages it has and the page's words (for those who
    /// cannot see the picture), one paragraph, heading or table line each.
    pub fn preview(
        &self,
        doc: usize,
        page: usize,
    ) -> Result<(Vec<u8>, usize, Vec<String>), EditError> {
        let prepared = self
            .last
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .1
            .clone()
            .ok_or(EditError::PreviewNeedsNoErrors)?;
        let pack = prepared.packs.first().ok_or(EditError::NoDocuments)?;
        let job = pack.jobs.get(doc).ok_or(EditError::NoSuchDocument)?;
        let laid = crate::render::layout(job, &prepared.checked.profile)?;
        let pages = laid.document.pages();
        let p = pages.get(page).ok_or(EditError::NoSuchPage)?;
        let options = typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(1.5),
            ..Default::default()
        };
        let png = typst_render::render(p, &options)
            .encode_png()
            .map_err(|e| EditError::Picture(e.to_string()))?;
        let words = crate::plain::printed::page_units(p)
            .into_iter()
            .filter(|u| u.kind != crate::plain::printed::Kind::Furniture)
            .map(|u| u.text)
            .collect();
        Ok((png, pages.len(), words))
    }
}

/// What the page offers in the fields of [`crate::edit::form::FROM_PROFILE`],
/// from the profile the case is checked with: each list's values with their
/// names. None while that profile cannot be found (the check says why, at
/// `profile`).
/// Everyone letters are written to, each at their place in the form, with
/// the words their letters begin with and whether they are handed over.
fn greetings(case: &crate::case::Case) -> Vec<Value> {
    let Ok(family) = crate::case::Family::resolve(case) else {
        return Vec::new();
    };
    family
        .recipients()
        .into_iter()
        .map(|r| {
            json!({
                "path": format!("people[{r}]"),
                "name": family.person(r).name,
                "opens": family.person(r).greeting().text(),
                "by_hand": family.by_hand(r),
            })
        })
        .collect()
}

fn offers(case: &Value, settings: &Settings) -> Value {
    let named = match case.get("profile") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => Some(name.as_str()),
        Some(_) => return json!({}),
    };
    let Ok(profile) = pipeline::profile_for(named, settings) else {
        return json!({});
    };
    let meetings: Vec<Value> = profile
        .meetings
        .iter()
        .map(|m| json!({ "value": m.id, "label": m.name }))
        .collect();
    json!({ "meetings": meetings })
}

/// Where the previous version of a case file is kept: `case.yaml.bak`.
pub fn backup_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The loader stops at the first value that does not fit the format and
/// says where by line and column, which the form cannot show; reading the
/// same case again from its JSON, serde says where by path (for a missing
/// field, the group that lacks it), so the finding can sit beside its
/// field. Only when the loader's one finding has no path of its own.
fn place_loader_error(findings: &mut [Finding], case: &Value) {
    let [only] = findings else {
        return;
    };
    if !only.path.is_empty() || only.severity != Severity::Error {
        return;
    }
    if let Err(e) = serde_path_to_error::deserialize::<_, crate::case::Case>(case) {
        only.path = crate::profile::name_path(case, e.path());
    }
}

/// A finding for the page: its path made concrete (`people[kerry]` →
/// `people[3]`, as the form names fields), with its words.
fn finding_json(f: &Finding, case: &Value) -> Value {
    let path = CasePath::parse(&f.path)
        .ok()
        .and_then(|p| p.concrete(case).or(Some(p)))
        .map(|p| p.to_string())
        .unwrap_or_else(|| f.path.clone());
    json!({
        "severity": f.severity.to_string(),
        "code": f.code,
        "path": path,
        "message": f.message,
        "help": f.help,
    })
}
