//! Authority profiles as whole rule sets. A profile `extends:` another (a
//! built-in one by name, or a file beside it; the built-in default when it
//! does not say; `extends: none` for one that stands alone) and adds,
//! changes, replaces or removes any of its timelines, steps, meeting types,
//! purposes, documents, requirements, roles and attachment kinds (see
//! [`super::merge`]). The layers are merged as data, then turned into typed
//! rules once and checked exactly as the built-in profiles are.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use serde::Deserialize;
use serde_json::Value;

use super::error::{ProfileError, rule};
use super::merge::{empty, merge, name_path};
use super::{Profile, TimelineRules};
use crate::calendar::Calendar;

/// A profile casepack ships with, for one of the procedures it comes from.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    /// Its name, for `--profile NAME` and a case's `profile:`.
    pub name: &'static str,
    /// Other names it answers to.
    pub aliases: &'static [&'static str],
    /// The procedure it encodes.
    pub procedure: &'static str,
    text: &'static str,
}

/// The default profile: a case that names none, and a profile that
/// extends none, uses it.
pub const DEFAULT: BuiltIn = BuiltIn {
    name: "gloucestershire",
    aliases: &["default"],
    procedure: "004 Gloucestershire Legal Planning Meeting protocol (the default)",
    text: include_str!("../../data/profiles/gloucestershire.yaml"),
};

/// Every built-in profile, the default first (as `casepack profiles` lists them).
pub const BUILT_IN: &[BuiltIn] = &[
    DEFAULT,
    BuiltIn {
        name: "blackpool",
        aliases: &[],
        procedure: "000 Blackpool Care Planning Meetings (its Legal Planning Meeting)",
        text: include_str!("../../data/profiles/blackpool.yaml"),
    },
    BuiltIn {
        name: "procedures-manual-2023",
        aliases: &[],
        procedure: "001 Care Planning Procedure - Care Proceedings, procedures manual v27 (2023)",
        text: include_str!("../../data/profiles/procedures-manual-2023.yaml"),
    },
    BuiltIn {
        name: "metropolitan-looked-after",
        aliases: &[],
        procedure: "002 Metropolitan Borough care planning meetings for looked-after children",
        text: include_str!("../../data/profiles/metropolitan-looked-after.yaml"),
    },
    BuiltIn {
        name: "wokingham",
        aliases: &[],
        procedure: "003 Wokingham final Care Planning Meeting in proceedings",
        text: include_str!("../../data/profiles/wokingham.yaml"),
    },
];

/// Each built-in profile, loaded the first time it is asked for (only the
/// one a run uses is merged and checked), with the embedded calendar.
static LOADED: [OnceLock<Result<Arc<Profile>, ProfileError>>; BUILT_IN.len()] =
    [const { OnceLock::new() }; BUILT_IN.len()];

/// Built-in profiles loaded with another calendar (`--holidays`), each
/// once per run: (which built-in, the calendar, the profile).
static WITH_OTHER_CALENDARS: Mutex<Vec<(usize, Calendar, Arc<Profile>)>> = Mutex::new(Vec::new());

/// The built-in profile called `name`, if there is one, checked with the
/// embedded calendar: for `casepack meetings` and `explain`, which date nothing.
pub fn built_in(name: &str) -> Option<Result<&'static Profile, ProfileError>> {
    let i = built_in_index(name)?;
    Some(embedded(i).map(|p| &**p))
}

fn built_in_index(name: &str) -> Option<usize> {
    BUILT_IN
        .iter()
        .position(|b| b.name == name || b.aliases.contains(&name))
}

/// Built-in profile `i` with the embedded calendar, loaded once.
fn embedded(i: usize) -> Result<&'static Arc<Profile>, ProfileError> {
    let b = BUILT_IN[i];
    LOADED[i]
        .get_or_init(|| {
            let cal = Calendar::england_and_wales();
            let layer = layer(b.text, &Origin::BuiltIn(b.name), &mut Vec::new())?;
            finish(layer, cal)
                .map(Arc::new)
                .map_err(|e| e.in_(format!("the built-in profile `{}`", b.name)))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The built-in profile called `name`, checked with `cal`, shared: every
/// case of a run that uses it holds the one copy, never a clone of its own.
fn shared_built_in(name: &str, cal: &Calendar) -> Option<Result<Arc<Profile>, ProfileError>> {
    let i = built_in_index(name)?;
    if cal == Calendar::england_and_wales() {
        return Some(embedded(i).cloned());
    }
    // A poisoned lock only means another case's thread panicked; the list is whole.
    let mut others = WITH_OTHER_CALENDARS
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some((_, _, p)) = others.iter().find(|(j, c, _)| *j == i && c == cal) {
        return Some(Ok(p.clone()));
    }
    let b = BUILT_IN[i];
    let loaded = layer(b.text, &Origin::BuiltIn(b.name), &mut Vec::new())
        .and_then(|layer| finish(layer, cal))
        .map(Arc::new)
        .map_err(|e| e.in_(format!("the built-in profile `{}`", b.name)));
    if let Ok(p) = &loaded {
        others.push((i, cal.clone(), p.clone()));
    }
    Some(loaded)
}

/// A profile as [`find`] finds it, shared: a built-in one is not copied.
pub fn find_shared(
    name_or_file: &str,
    dir: &Path,
    cal: &Calendar,
) -> Result<Arc<Profile>, ProfileError> {
    match shared_built_in(name_or_file, cal) {
        Some(p) => p,
        None => find(name_or_file, dir, cal).map(Arc::new),
    }
}

/// A profile named on the command line or in a case: a built-in one by
/// name, else a file (relative to `dir`); checked with the calendar `cal`
/// the run counts days by.
pub fn find(name_or_file: &str, dir: &Path, cal: &Calendar) -> Result<Profile, ProfileError> {
    match shared_built_in(name_or_file, cal) {
        Some(p) => p.map(|p| (*p).clone()),
        None if looks_like_a_name(name_or_file) => Err(ProfileError::Unknown {
            name: name_or_file.to_string(),
            built_in: BUILT_IN.iter().map(|b| b.name).collect(),
        }),
        None => load(&dir.join(name_or_file), cal),
    }
}

fn looks_like_a_name(s: &str) -> bool {
    !s.contains(['/', '\\', '.'])
}

impl Profile {
    /// A whole profile from its text: it stands alone unless it `extends`
    /// a built-in one. Checked as every profile is, with `cal`.
    pub fn from_yaml(text: &str, cal: &Calendar) -> Result<Profile, ProfileError> {
        finish(layer(text, &Origin::Text, &mut Vec::new())?, cal)
    }
}

/// Reads a profile file, with whatever it extends, checked with `cal`.
pub fn load(path: &Path, cal: &Calendar) -> Result<Profile, ProfileError> {
    let text = super::file::read(path)?;
    let layer = layer(&text, &Origin::File(path.to_path_buf()), &mut Vec::new())?;
    finish(layer, cal).map_err(|e| e.in_(format!("the profile {}", path.display())))
}

/// Where a profile's text came from: what its `extends` and files are relative to.
enum Origin {
    BuiltIn(&'static str),
    File(PathBuf),
    /// Text given whole (`Profile::from_yaml`): stands alone unless it extends.
    Text,
}

impl Origin {
    fn describe(&self) -> String {
        match self {
            Origin::BuiltIn(n) => format!("the built-in profile `{n}`"),
            Origin::File(p) => format!("the profile {}", p.display()),
            Origin::Text => "the profile".to_string(),
        }
    }
}

/// A profile's rules as data, with the parts read from files beside it.
struct Layer {
    value: Value,
    letterhead: Option<super::Letterhead>,
    templates: BTreeMap<String, String>,
    pictures: BTreeMap<String, super::Picture>,
    wording: super::Wording,
}

/// Reads one profile's text and lays it over what it extends. `seen`
/// holds the profiles on the way here, so a loop is refused.
fn layer(text: &str, origin: &Origin, seen: &mut Vec<String>) -> Result<Layer, ProfileError> {
    let here = origin.describe();
    if seen.contains(&here) {
        return Err(ProfileError::Loop {
            here,
            through: seen.clone(),
        });
    }
    seen.push(here.clone());
    let mut value: Value = serde_saphyr::from_str(text).map_err(|e| ProfileError::Yaml {
        here: here.clone(),
        message: e.to_string(),
    })?;
    let map = value
        .as_object_mut()
        .ok_or_else(|| rule!("{here} is not a mapping of keys to values"))?;
    for key in ["profile", "name"] {
        if !map.get(key).is_some_and(Value::is_string) {
            return Err(rule!("{here}: every profile gives its `{key}`"));
        }
    }
    let dir = match origin {
        Origin::File(p) => p.parent().map(Path::to_path_buf),
        Origin::BuiltIn(_) | Origin::Text => None,
    };
    let extends = map.remove("extends");
    let letterhead = map.remove("letterhead");
    let templates = map.remove("templates");
    let pictures = map.remove("pictures");
    let wording = map.remove("wording");
    let mut base = match extends.as_ref().map(|e| e.as_str().ok_or(e)) {
        Some(Err(e)) => return Err(rule!("{here}: `extends: {e}` names no profile")),
        Some(Ok("none")) => Layer {
            value: empty(),
            letterhead: None,
            templates: BTreeMap::new(),
            pictures: BTreeMap::new(),
            wording: super::Wording::default(),
        },
        // The default is the first built-in; anything else extends it.
        None if matches!(origin, Origin::Text)
            || matches!(origin, Origin::BuiltIn(n) if *n == DEFAULT.name) =>
        {
            Layer {
                value: empty(),
                letterhead: None,
                templates: BTreeMap::new(),
                pictures: BTreeMap::new(),
                wording: super::Wording::default(),
            }
        }
        None => parent(DEFAULT.name, dir.as_deref(), seen)?,
        Some(Ok(name)) => parent(name, dir.as_deref(), seen)
            .map_err(|e| e.in_(format!("{here}: `extends: {name}`")))?,
    };
    merge(&mut base.value, value).map_err(|e| e.in_(here.clone()))?;
    if let Some(l) = letterhead {
        let dir = dir
            .as_deref()
            .ok_or_else(|| rule!("a built-in profile has no letterhead"))?;
        let l: LetterheadFile =
            serde_json::from_value(l).map_err(|e| rule!("{here}: `letterhead`: {e}"))?;
        base.letterhead = Some(l.read(dir)?);
    }
    if let Some(t) = templates {
        let dir = dir
            .as_deref()
            .ok_or_else(|| rule!("a built-in profile has no templates folder"))?;
        let t = t
            .as_str()
            .ok_or_else(|| rule!("{here}: `templates` is a folder name"))?;
        base.templates = read_templates(&dir.join(t))?;
    }
    if let Some(p) = pictures {
        let dir = dir
            .as_deref()
            .ok_or_else(|| rule!("a built-in profile has no pictures folder"))?;
        let p = p
            .as_str()
            .ok_or_else(|| rule!("{here}: `pictures` is a folder name"))?;
        base.pictures = super::pictures::read_pictures(&dir.join(p))?;
    }
    if let Some(w) = wording {
        let mut w: super::Wording =
            serde_json::from_value(w).map_err(|e| rule!("{here}: `wording`: {e}"))?;
        let name = match origin {
            // As the user wrote it: `westshore.yaml`, not `./westshore.yaml`.
            Origin::File(p) => p.strip_prefix(".").unwrap_or(p).display().to_string(),
            Origin::BuiltIn(_) | Origin::Text => here.clone(),
        };
        w.origin = Some(std::sync::Arc::new(crate::diagnostics::SourceFile {
            name,
            text: text.to_string(),
        }));
        base.wording.overlay(w);
    }
    Ok(base)
}

/// The layer for `extends: NAME`: a built-in profile, or a file in `dir`.
fn parent(name: &str, dir: Option<&Path>, seen: &mut Vec<String>) -> Result<Layer, ProfileError> {
    if let Some(b) = BUILT_IN
        .iter()
        .find(|b| b.name == name || b.aliases.contains(&name))
    {
        return layer(b.text, &Origin::BuiltIn(b.name), seen);
    }
    let dir = dir.ok_or_else(|| ProfileError::NotBuiltIn(name.to_string()))?;
    let path = dir.join(name);
    layer(&super::file::read(&path)?, &Origin::File(path), seen)
}

/// `value` typed as `T`; what does not fit is named by its place.
fn read<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, ProfileError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let hint = if e.inner().to_string().contains("expected a string") {
            " (put it in quotes: YAML reads a bare 003 as the number 3)"
        } else {
            ""
        };
        ProfileError::Shape {
            at: name_path(value, e.path()),
            message: e.inner().to_string(),
            hint,
        }
    })
}

/// Types the merged rules and checks them as a whole, dating with `cal`.
fn finish(layer: Layer, cal: &Calendar) -> Result<Profile, ProfileError> {
    // The roles' ids, so each role the rules name is resolved as it is read.
    let roles: Vec<String> = layer
        .value
        .get("roles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_string))
        .collect();
    let mut profile: Profile = super::ids::with_roles(roles, || read(&layer.value))?;
    profile.timelines = std::mem::take(&mut profile.written_timelines)
        .into_iter()
        .map(TimelineRules::try_from)
        .collect::<Result<_, _>>()?;
    profile.letterhead = layer.letterhead;
    profile.templates = layer.templates;
    profile.pictures = layer.pictures;
    profile.wording = layer.wording;
    profile.check(cal)?;
    Ok(profile)
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

impl LetterheadFile {
    fn read(self, dir: &Path) -> Result<super::Letterhead, ProfileError> {
        let logo = match &self.logo {
            None => None,
            Some(file) => Some(read_logo(&dir.join(file))?),
        };
        Ok(Letterhead {
            name: self.name,
            service: self.service,
            address: self.address,
            phone: self.phone,
            email: self.email,
            logo,
        })
    }
}

fn read_logo(path: &PathBuf) -> Result<(String, Vec<u8>), ProfileError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let ext = match ext.as_deref() {
        Some(e @ ("png" | "svg")) => e.to_string(),
        Some("jpg" | "jpeg") => "jpg".to_string(),
        _ => {
            return Err(rule!(
                "the logo {} must be a PNG, JPEG or SVG file",
                path.display()
            ));
        }
    };
    let bytes = std::fs::read(path).map_err(|e| ProfileError::File {
        what: "the logo",
        path: path.clone(),
        source: Arc::new(e),
    })?;
    Ok((ext, bytes))
}

/// Every `.typ` file in `dir`, each of which must replace a built-in template.
fn read_templates(dir: &Path) -> Result<BTreeMap<String, String>, ProfileError> {
    let folder = |e| ProfileError::File {
        what: "the templates folder",
        path: dir.to_path_buf(),
        source: Arc::new(e),
    };
    let entries = std::fs::read_dir(dir).map_err(folder)?;
    let mut out = BTreeMap::new();
    for entry in entries {
        let path = entry.map_err(folder)?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("typ") {
            continue;
        }
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            return Err(rule!(
                "{} has no file name casepack can read",
                path.display()
            ));
        };
        if !crate::templates::names().any(|n| n == name) {
            let names: Vec<&str> = crate::templates::names().collect();
            return Err(rule!(
                "{} does not replace a built-in template (they are {})",
                path.display(),
                names.join(", ")
            ));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| ProfileError::File {
            what: "the template",
            path: path.clone(),
            source: Arc::new(e),
        })?;
        out.insert(name, text);
    }
    Ok(out)
}
