//! Authority profiles as whole rule sets. A profile `extends:` another (a
//! built-in one by name, or a file beside it; the built-in default when it
//! does not say; `extends: none` for one that stands alone) and adds,
//! changes, replaces or removes any of its timelines, steps, meeting types,
//! purposes, documents, requirements, roles and attachment kinds (see
//! [`super::merge`]). The layers are merged as data, then turned into typed
//! rules once and checked exactly as the built-in profiles are.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use serde_json::Value;

use super::Profile;
use super::merge::{empty, merge, name_path};

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
/// one a run uses is merged and checked).
static LOADED: [OnceLock<Result<Arc<Profile>, String>>; BUILT_IN.len()] =
    [const { OnceLock::new() }; BUILT_IN.len()];

/// The built-in profile called `name`, if there is one.
pub fn built_in(name: &str) -> Option<Result<&'static Profile, String>> {
    Some(shared_built_in(name)?.map(|p| &**p))
}

/// The built-in profile called `name`, shared: every case of a run that
/// uses it holds the one copy, never a clone of its own.
fn shared_built_in(name: &str) -> Option<Result<&'static Arc<Profile>, String>> {
    let i = BUILT_IN
        .iter()
        .position(|b| b.name == name || b.aliases.contains(&name))?;
    let b = BUILT_IN[i];
    let loaded = LOADED[i].get_or_init(|| {
        let layer = layer(b.text, &Origin::BuiltIn(b.name), &mut Vec::new())?;
        finish(layer)
            .map(Arc::new)
            .map_err(|e| format!("the built-in profile `{}`: {e}", b.name))
    });
    Some(loaded.as_ref().map_err(Clone::clone))
}

/// A profile as [`find`] finds it, shared: a built-in one is not copied.
pub fn find_shared(name_or_file: &str, dir: &Path) -> Result<Arc<Profile>, String> {
    match shared_built_in(name_or_file) {
        Some(p) => p.cloned(),
        None => find(name_or_file, dir).map(Arc::new),
    }
}

/// A profile named on the command line or in a case: a built-in one by
/// name, else a file (relative to `dir`).
pub fn find(name_or_file: &str, dir: &Path) -> Result<Profile, String> {
    match built_in(name_or_file) {
        Some(p) => p.cloned(),
        None if looks_like_a_name(name_or_file) => {
            let names: Vec<&str> = BUILT_IN.iter().map(|b| b.name).collect();
            Err(format!(
                "`{name_or_file}` is neither a built-in profile ({}) nor a `.yaml` file",
                names.join(", ")
            ))
        }
        None => load(&dir.join(name_or_file)),
    }
}

fn looks_like_a_name(s: &str) -> bool {
    !s.contains(['/', '\\', '.'])
}

impl Profile {
    /// A whole profile from its text: it stands alone unless it `extends`
    /// a built-in one. Checked as every profile is.
    pub fn from_yaml(text: &str) -> Result<Profile, String> {
        finish(layer(text, &Origin::Text, &mut Vec::new())?)
    }
}

/// Reads a profile file, with whatever it extends.
pub fn load(path: &Path) -> Result<Profile, String> {
    let text = super::file::read(path)?;
    let layer = layer(&text, &Origin::File(path.to_path_buf()), &mut Vec::new())?;
    finish(layer).map_err(|e| format!("the profile {}: {e}", path.display()))
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
    wording: super::Wording,
}

/// Reads one profile's text and lays it over what it extends. `seen`
/// holds the profiles on the way here, so a loop is refused.
fn layer(text: &str, origin: &Origin, seen: &mut Vec<String>) -> Result<Layer, String> {
    let here = origin.describe();
    if seen.contains(&here) {
        return Err(format!(
            "{here} extends itself (through {})",
            seen.join(" → ")
        ));
    }
    seen.push(here.clone());
    let mut value: Value =
        serde_saphyr::from_str(text).map_err(|e| format!("{here} is not valid YAML: {e}"))?;
    let map = value
        .as_object_mut()
        .ok_or_else(|| format!("{here} is not a mapping of keys to values"))?;
    for key in ["profile", "name"] {
        if !map.get(key).is_some_and(Value::is_string) {
            return Err(format!("{here}: every profile gives its `{key}`"));
        }
    }
    let dir = match origin {
        Origin::File(p) => p.parent().map(Path::to_path_buf),
        Origin::BuiltIn(_) | Origin::Text => None,
    };
    let extends = map.remove("extends");
    let letterhead = map.remove("letterhead");
    let templates = map.remove("templates");
    let wording = map.remove("wording");
    let mut base = match extends.as_ref().map(|e| e.as_str().ok_or(e)) {
        Some(Err(e)) => return Err(format!("{here}: `extends: {e}` names no profile")),
        Some(Ok("none")) => Layer {
            value: empty(),
            letterhead: None,
            templates: BTreeMap::new(),
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
                wording: super::Wording::default(),
            }
        }
        None => parent(DEFAULT.name, dir.as_deref(), seen)?,
        Some(Ok(name)) => parent(name, dir.as_deref(), seen)
            .map_err(|e| format!("{here}: `extends: {name}`: {e}"))?,
    };
    merge(&mut base.value, value).map_err(|e| format!("{here}: {e}"))?;
    if let Some(l) = letterhead {
        let dir = dir
            .as_deref()
            .ok_or("a built-in profile has no letterhead")?;
        let l: LetterheadFile =
            serde_json::from_value(l).map_err(|e| format!("{here}: `letterhead`: {e}"))?;
        base.letterhead = Some(l.read(dir)?);
    }
    if let Some(t) = templates {
        let dir = dir
            .as_deref()
            .ok_or("a built-in profile has no templates folder")?;
        let t = t
            .as_str()
            .ok_or_else(|| format!("{here}: `templates` is a folder name"))?;
        base.templates = read_templates(&dir.join(t))?;
    }
    if let Some(w) = wording {
        let mut w: super::Wording =
            serde_json::from_value(w).map_err(|e| format!("{here}: `wording`: {e}"))?;
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
fn parent(name: &str, dir: Option<&Path>, seen: &mut Vec<String>) -> Result<Layer, String> {
    if let Some(b) = BUILT_IN
        .iter()
        .find(|b| b.name == name || b.aliases.contains(&name))
    {
        return layer(b.text, &Origin::BuiltIn(b.name), seen);
    }
    let dir = dir.ok_or_else(|| format!("`{name}` is not a built-in profile"))?;
    let path = dir.join(name);
    layer(&super::file::read(&path)?, &Origin::File(path), seen)
}

/// Types the merged rules and checks them as a whole.
fn finish(layer: Layer) -> Result<Profile, String> {
    // The roles' ids, so each role the rules name is resolved as it is read.
    let roles: Vec<String> = layer
        .value
        .get("roles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_string))
        .collect();
    let read = super::ids::with_roles(roles, || serde_path_to_error::deserialize(&layer.value));
    let mut profile: Profile = read.map_err(|e| {
        let hint = if e.inner().to_string().contains("expected a string") {
            " (put it in quotes: YAML reads a bare 003 as the number 3)"
        } else {
            ""
        };
        format!("{}: {}{hint}", name_path(&layer.value, e.path()), e.inner())
    })?;
    profile.letterhead = layer.letterhead;
    profile.templates = layer.templates;
    profile.wording = layer.wording;
    profile.check(crate::calendar::Calendar::england_and_wales())?;
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
    fn read(self, dir: &Path) -> Result<super::Letterhead, String> {
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

fn read_logo(path: &PathBuf) -> Result<(String, Vec<u8>), String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let ext = match ext.as_deref() {
        Some(e @ ("png" | "svg")) => e.to_string(),
        Some("jpg" | "jpeg") => "jpg".to_string(),
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
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            return Err(format!(
                "{} has no file name casepack can read",
                path.display()
            ));
        };
        if !crate::templates::names().any(|n| n == name) {
            let names: Vec<&str> = crate::templates::names().collect();
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
