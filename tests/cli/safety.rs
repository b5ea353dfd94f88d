//! Writing safely: files are readable by their owner only, and a build
//! interrupted with Ctrl-C (SIGINT) at any moment leaves either the whole
//! pack and bundle or nothing at all — never a half-written file.

use super::*;

/// A fictional expert report of `n` pages (see bundle.rs).
fn long_report(n: usize) -> Vec<u8> {
    super::bundle::long_pdf(n)
}

/// What a build left in `dir`: packs, bundles and temporary files.
fn outputs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".zip") || n.ends_with(".pdf") || n.ends_with(".part"))
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap());
    let out = casepack(dir.path(), &["build", "case.yaml", "--bundle"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = casepack(dir.path(), &["timeline", "case.yaml", "--ics", "case.ics"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in ["case-pack.zip", "case-bundle.pdf", "case.ics"] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name} is {:o}", mode & 0o777);
    }
}

#[cfg(unix)]
#[test]
fn a_build_interrupted_at_any_moment_leaves_all_or_nothing() {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap().replace(
        "attachments:\n",
        "attachments:\n  - path: attachments/expert.pdf\n    title: Psychological assessment\n    kind: expert-report\n    date: 2026-10-01\n",
    );
    let dir = case_dir(&text);
    std::fs::write(dir.path().join("attachments/expert.pdf"), long_report(2000)).unwrap();
    let mut interrupted = 0;
    let mut finished = 0;
    // Every 125 ms across the build (about 1.8 s here: rendering, then the
    // pack's and the bundle's temporary files, then their renames).
    let delays: Vec<u64> = (0..18).map(|i| 50 + 125 * i).collect();
    for &delay in &delays {
        for name in outputs(dir.path()) {
            std::fs::remove_file(dir.path().join(name)).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_casepack"))
            .args([
                "build",
                "case.yaml",
                "--meeting",
                "lpm",
                "--bundle",
                "--today",
                TODAY,
            ])
            .current_dir(dir.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        let left = outputs(dir.path());
        match status.code() {
            Some(0) => {
                finished += 1;
                assert_eq!(
                    left,
                    ["case-bundle.pdf", "case-pack.zip"],
                    "after {delay} ms"
                );
                // Whole: the zip opens and the bundle has every page.
                assert!(unzip(&dir.path().join("case-pack.zip")).contains_key("manifest.json"));
            }
            _ => {
                interrupted += 1;
                assert!(
                    left.is_empty(),
                    "interrupted after {delay} ms, left {left:?}"
                );
            }
        }
    }
    assert!(interrupted > 0, "no build was interrupted");
    assert_eq!(interrupted + finished, delays.len());
}
