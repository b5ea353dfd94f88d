//! Which case files a command reads: the files it is given, and every case
//! file under a folder it is given, so a team's caseload is one argument.

use std::path::{Path, PathBuf};

use super::failure::Failure;

/// The case files named by `args`, in a stable order, and the files in
/// those folders that were passed over because they are authority
/// profiles, not cases.
#[derive(Debug, Default)]
pub struct CaseFiles {
    /// The case files: each file argument as given, then each folder's
    /// case files sorted by path; none twice.
    pub cases: Vec<PathBuf>,
    /// Profile files found in a folder, which are not cases.
    pub profiles: Vec<PathBuf>,
}

impl CaseFiles {
    /// Whether the command was given one case file, not a folder or several:
    /// it then prints and exits exactly as it always has for one case.
    pub fn is_single(args: &[PathBuf]) -> bool {
        matches!(args, [one] if !one.is_dir())
    }
}

/// Collects the case files `args` name. A file is taken as it is (reading
/// it is the command's job, so a missing one is said there, by name); a
/// folder gives every `.yaml` or `.yml` file under it, at any depth, except
/// in hidden folders, and except authority profiles, which sit beside
/// cases but are not cases. A folder with no case file in it is an error:
/// a typo in a folder name must not read as "nothing is due".
pub fn case_files(args: &[PathBuf]) -> Result<CaseFiles, Failure> {
    let mut found = CaseFiles::default();
    for arg in args {
        if !arg.is_dir() {
            if !found.cases.contains(arg) {
                found.cases.push(arg.clone());
            }
            continue;
        }
        let mut files = Vec::new();
        walk(arg, &mut files).map_err(|e| {
            Failure::usage(format!("cannot read the folder {}: {e}", arg.display()))
        })?;
        files.sort();
        let before = found.cases.len();
        for file in files {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", file.display())))?;
            if is_profile(&text) {
                found.profiles.push(file);
            } else if !found.cases.contains(&file) {
                found.cases.push(file);
            }
        }
        if found.cases.len() == before {
            return Err(Failure::usage(format!(
                "{} holds no case file (.yaml or .yml)",
                arg.display()
            )));
        }
    }
    Ok(found)
}

/// Every `.yaml`/`.yml` file under `dir`, hidden folders and files left out.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Whether YAML text is an authority profile rather than a case: it has a
/// top-level key only a profile has. A case file can never hold these (the
/// case format refuses unknown keys), so nothing that is a case is skipped.
fn is_profile(text: &str) -> bool {
    const PROFILE_ONLY: &[&str] = &[
        "extends",
        "timelines",
        "meetings",
        "steps",
        "documents",
        "attachment_kinds",
    ];
    text.lines().any(|line| {
        PROFILE_ONLY.iter().any(|key| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_cases_sorted_and_passes_over_profiles() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b-family/attachments")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("z.yaml"), "format: 2\n").unwrap();
        std::fs::write(root.join("a.yml"), "format: 2\n").unwrap();
        std::fs::write(root.join("notes.txt"), "not a case").unwrap();
        std::fs::write(root.join("b-family/case.yaml"), "format: 2\n").unwrap();
        std::fs::write(root.join(".git/config.yaml"), "format: 2\n").unwrap();
        std::fs::write(root.join("westshore.yaml"), "name: x\nextends: default\n").unwrap();
        let found = case_files(&[root.to_path_buf()]).unwrap();
        assert_eq!(
            found.cases,
            vec![
                root.join("a.yml"),
                root.join("b-family/case.yaml"),
                root.join("z.yaml")
            ]
        );
        assert_eq!(found.profiles, vec![root.join("westshore.yaml")]);
    }

    #[test]
    fn a_folder_without_cases_is_said_and_files_are_taken_as_given() {
        let dir = tempfile::tempdir().unwrap();
        let err = case_files(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(
            err.message().contains("holds no case file"),
            "{}",
            err.message()
        );
        let file = dir.path().join("missing.yaml");
        let found = case_files(&[file.clone(), file.clone()]).unwrap();
        assert_eq!(found.cases, vec![file.clone()]);
        assert!(CaseFiles::is_single(&[file]));
        assert!(!CaseFiles::is_single(&[dir.path().to_path_buf()]));
    }
}
