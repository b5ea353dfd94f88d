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

#[test]
fn an_encrypted_pack_opens_with_its_password_and_not_without() {
    let dir = case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap());
    let run = |password: Option<&str>, extra: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_casepack"));
        cmd.args([
            "build",
            "case.yaml",
            "--encrypt",
            "--force",
            "--today",
            TODAY,
        ])
        .args(extra)
        .current_dir(dir.path())
        .env_remove("CASEPACK_PASSWORD")
        .stdin(std::process::Stdio::null());
        if let Some(p) = password {
            cmd.env("CASEPACK_PASSWORD", p);
        }
        cmd.output().unwrap()
    };
    // No password and no terminal to ask at: refused, nothing written.
    let out = run(None, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--encrypt needs a password: set CASEPACK_PASSWORD"),
        "{}",
        stderr(&out)
    );
    assert!(outputs(dir.path()).is_empty());
    // The bundle would sit beside the pack unprotected.
    let out = run(Some("x"), &["--bundle"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );

    let out = run(Some("correct horse battery staple"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote case-pack.zip, encrypted with AES-256,"));
    let file = std::fs::File::open(dir.path().join("case-pack.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    // Without the password, or with a wrong one, nothing can be read.
    assert!(zip.by_name("manifest.json").is_err());
    assert!(zip.by_name_decrypt("manifest.json", b"wrong").is_err());
    let mut manifest = String::new();
    std::io::Read::read_to_string(
        &mut zip
            .by_name_decrypt("manifest.json", b"correct horse battery staple")
            .unwrap(),
        &mut manifest,
    )
    .unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(manifest["encrypted"], true);
    assert!(
        !manifest.to_string().contains("correct horse"),
        "the password is in the manifest"
    );
    let mut letter = Vec::new();
    std::io::Read::read_to_end(
        &mut zip
            .by_name_decrypt(
                "letter-before-proceedings-kerry.pdf",
                b"correct horse battery staple",
            )
            .unwrap(),
        &mut letter,
    )
    .unwrap();
    assert!(pdf_text(&letter).contains("Kerry"));
    // The zip's bytes hold neither the password nor the letter's text.
    let raw = std::fs::read(dir.path().join("case-pack.zip")).unwrap();
    let raw = String::from_utf8_lossy(&raw);
    assert!(!raw.contains("correct horse") && !raw.contains("%PDF"));
}
