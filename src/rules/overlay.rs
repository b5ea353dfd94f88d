//! Authority profiles from files: a profile file says only where an
//! authority differs from the built-in default (what meetings and documents
//! are called, who chairs, timescales, what a pack must hold, freshness
//! limits, the letterhead, template overrides), and is laid over it. The
//! result is checked exactly as the default is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{AttachmentKind, Attendance, Chair, Due, Profile, Requirement, Role, default_profile};

/// A profile file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Overlay {
    /// Short id, e.g. `care-planning-meeting`.
    profile: String,
    /// Human name.
    name: String,
    /// The profile it changes: only `default` exists.
    #[serde(default)]
    extends: Option<String>,
    #[serde(default)]
    protective_marking: Option<String>,
    #[serde(default)]
    privileged_marking: Option<String>,
    #[serde(default)]
    due_soon_working_days: Option<u32>,
    /// The council's name and contacts, replacing the case's on every document.
    #[serde(default)]
    letterhead: Option<LetterheadFile>,
    /// A folder (relative to the profile file) of templates replacing the built-in ones of the same name.
    #[serde(default)]
    templates: Option<String>,
    /// What meetings and documents are called.
    #[serde(default)]
    terminology: Terminology,
    /// Changes to timescale steps, by step id.
    #[serde(default)]
    timescales: BTreeMap<String, StepChange>,
    /// Changes to meeting types, by meeting id.
    #[serde(default)]
    meetings: BTreeMap<String, MeetingChange>,
    /// Roles replaced (same id) or added.
    #[serde(default)]
    roles: Vec<Role>,
    /// Attachment kinds replaced (same id) or added, with their freshness limits.
    #[serde(default)]
    attachment_kinds: Vec<AttachmentKind>,
    /// The bundle's sections and page limit, replacing the default's.
    #[serde(default)]
    bundle: Option<super::BundleRules>,
    /// Plain-language targets changed, glossary terms added or replaced.
    #[serde(default)]
    plain_language: Option<super::plain::PlainChange>,
    /// Paragraphs of letters to parents in the authority's own words, by document id.
    #[serde(default)]
    wording: super::Wording,
}

/// Names an authority uses.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Terminology {
    #[serde(default)]
    meetings: BTreeMap<String, MeetingNames>,
    /// Document id to the name the authority gives it.
    #[serde(default)]
    documents: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingNames {
    name: String,
    short: String,
}

/// A change to one timescale step: only the fields given change.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepChange {
    #[serde(default)]
    when: Option<String>,
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    responsible: Option<String>,
    #[serde(default)]
    due: Option<Due>,
    #[serde(default)]
    counted: Option<String>,
    /// Required: a changed timescale must say where it comes from.
    source: String,
}

/// A change to one meeting type.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingChange {
    #[serde(default)]
    decides: Option<String>,
    #[serde(default)]
    chair: Option<Chair>,
    #[serde(default)]
    attendees: Option<Attendance>,
    #[serde(default)]
    pack: Option<Vec<String>>,
    #[serde(default)]
    timing: Option<Vec<String>>,
    /// Requirements added, or replacing one with the same id.
    #[serde(default)]
    requires: Vec<Requirement>,
    /// Requirement ids dropped.
    #[serde(default)]
    drop_requires: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LetterheadFile {
    name: String,
    #[serde(default)]
    service: Option<String>,
    address: Vec<String>,
    phone: String,
    email: String,
    /// A PNG, JPEG or SVG file, relative to the profile file.
    #[serde(default)]
    logo: Option<String>,
}

/// The council's letterhead from a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// The council's name.
    pub name: String,
    /// The service or directorate.
    pub service: Option<String>,
    /// Postal address, one line per item.
    pub address: Vec<String>,
    /// Main telephone number.
    pub phone: String,
    /// Main email address.
    pub email: String,
    /// The logo: file extension (`png`, `jpg`, `svg`) and bytes.
    pub logo: Option<(String, Vec<u8>)>,
}

/// Reads a profile file and lays it over the default.
pub fn load(path: &Path) -> Result<Profile, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the profile {}: {e}", path.display()))?;
    let mut overlay: Overlay = serde_saphyr::from_str(&text)
        .map_err(|e| format!("the profile {} is not valid: {e}", path.display()))?;
    overlay.wording.origin = Some(std::sync::Arc::new(crate::diagnostics::SourceFile {
        name: path.display().to_string(),
        text,
    }));
    let dir = path.parent().unwrap_or(Path::new("."));
    apply(overlay, dir).map_err(|e| format!("the profile {}: {e}", path.display()))
}

fn apply(o: Overlay, dir: &Path) -> Result<Profile, String> {
    if let Some(base) = &o.extends
        && base != "default"
    {
        return Err(format!("`extends: {base}`: profiles extend only `default`"));
    }
    let mut p = default_profile().clone();
    p.profile = o.profile;
    p.name = o.name;
    if let Some(m) = o.protective_marking {
        p.protective_marking = m;
    }
    if let Some(m) = o.privileged_marking {
        p.privileged_marking = m;
    }
    if let Some(n) = o.due_soon_working_days {
        p.due_soon_working_days = n;
    }
    for (id, names) in o.terminology.meetings {
        let m = p
            .meetings
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or_else(|| format!("terminology: `{id}` is not a meeting type"))?;
        m.name = names.name;
        m.short = names.short;
    }
    for (id, name) in o.terminology.documents {
        let d = p
            .documents
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or_else(|| format!("terminology: `{id}` is not a document"))?;
        d.name = name;
    }
    for (id, change) in o.timescales {
        let step = p
            .timelines
            .iter_mut()
            .flat_map(|t| t.steps.iter_mut())
            .find(|s| s.id == id)
            .ok_or_else(|| format!("timescales: `{id}` is not a step"))?;
        if let Some(v) = change.when {
            step.when = v;
        }
        if let Some(v) = change.action {
            step.action = v;
        }
        if let Some(v) = change.responsible {
            step.responsible = v;
        }
        if let Some(v) = change.due {
            step.due = v;
        }
        if change.counted.is_some() {
            step.counted = change.counted;
        }
        step.source = change.source;
    }
    for role in o.roles {
        match p.roles.iter_mut().find(|r| r.id == role.id) {
            Some(r) => *r = role,
            None => p.roles.push(role),
        }
    }
    if let Some(c) = o.plain_language {
        p.plain_language.change(c.targets, c.glossary);
    }
    if let Some(b) = o.bundle {
        p.bundle = b;
    }
    for kind in o.attachment_kinds {
        match p.attachment_kinds.iter_mut().find(|k| k.id == kind.id) {
            Some(k) => *k = kind,
            None => p.attachment_kinds.push(kind),
        }
    }
    for (id, change) in o.meetings {
        let m = p
            .meetings
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or_else(|| format!("meetings: `{id}` is not a meeting type"))?;
        if let Some(v) = change.decides {
            m.decides = v;
        }
        if let Some(v) = change.chair {
            m.chair = v;
        }
        if let Some(v) = change.attendees {
            m.attendees = v;
        }
        if let Some(v) = change.pack {
            m.pack = v;
        }
        if let Some(v) = change.timing {
            m.timing = v;
        }
        for drop in &change.drop_requires {
            let before = m.requires.len();
            m.requires.retain(|r| &r.id != drop);
            if m.requires.len() == before {
                return Err(format!(
                    "meetings.{id}.drop_requires: `{drop}` is not one of its requirements"
                ));
            }
        }
        for req in change.requires {
            match m.requires.iter_mut().find(|r| r.id == req.id) {
                Some(r) => *r = req,
                None => m.requires.push(req),
            }
        }
    }
    if let Some(l) = o.letterhead {
        let logo = match &l.logo {
            None => None,
            Some(file) => Some(read_logo(&dir.join(file))?),
        };
        p.letterhead = Some(Letterhead {
            name: l.name,
            service: l.service,
            address: l.address,
            phone: l.phone,
            email: l.email,
            logo,
        });
    }
    if let Some(t) = o.templates {
        p.templates = read_templates(&dir.join(t))?;
    }
    p.wording.overlay(o.wording);
    p.check()?;
    Ok(p)
}

fn read_logo(path: &PathBuf) -> Result<(String, Vec<u8>), String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let ext = match ext.as_str() {
        "png" | "svg" => ext,
        "jpg" | "jpeg" => "jpg".to_string(),
        _ => {
            return Err(format!(
                "the logo {} must be a PNG, JPEG or SVG file",
                path.display()
            ));
        }
    };
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read the logo {}: {e}", path.display()))?;
    Ok((ext, bytes))
}

/// Every `.typ` file in `dir`, each of which must replace a built-in template.
fn read_templates(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the templates folder {}: {e}", dir.display()))?;
    let mut out = BTreeMap::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("typ") {
            continue;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if !crate::render::TEMPLATES.iter().any(|(n, _)| *n == name) {
            let names: Vec<&str> = crate::render::TEMPLATES.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "{} does not replace a built-in template (they are {})",
                path.display(),
                names.join(", ")
            ));
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        out.insert(name, text);
    }
    Ok(out)
}
