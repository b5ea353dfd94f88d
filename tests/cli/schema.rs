//! The JSON Schema: `casepack schema` prints it, the committed copy the
//! samples point editors at is the same, every sample is valid against it,
//! and the bad fixtures it can judge are rejected by it as by `check`.

use super::*;

const SCHEMA_FILE: &str = "docs/case.schema.json";

fn compiled() -> (boon::Schemas, boon::SchemaIndex) {
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join(SCHEMA_FILE)).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("urn:casepack:case", schema).unwrap();
    let index = compiler.compile("urn:casepack:case", &mut schemas).unwrap();
    (schemas, index)
}

/// A case file read as plain YAML data, as an editor sees it.
fn as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

#[test]
fn the_committed_schema_is_what_casepack_prints_and_is_draft_07() {
    let out = casepack(&root(), &["schema"]);
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let committed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join(SCHEMA_FILE)).unwrap()).unwrap();
    assert_eq!(
        printed, committed,
        "run `casepack schema > {SCHEMA_FILE}` after changing the case format"
    );
    assert_eq!(
        printed["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    assert_eq!(printed["additionalProperties"], false);
}

#[test]
fn every_sample_points_at_the_schema_and_is_valid_against_it() {
    let (schemas, index) = compiled();
    let mut count = 0;
    for entry in std::fs::read_dir(root().join("samples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=../docs/case.schema.json\n"),
            "{} lacks the schema line",
            path.display()
        );
        if let Err(e) = schemas.validate(&as_json(&path), index) {
            panic!("{} is not valid: {e}", path.display());
        }
        count += 1;
    }
    assert!(count >= 2);
}

#[test]
fn the_schema_rejects_the_fixtures_whose_shape_is_wrong_and_only_those() {
    let (schemas, index) = compiled();
    // Fixtures broken in shape (a misspelt field, an unknown choice, a
    // missing field) are rejected by the schema as by `check`; those broken
    // in meaning (dates out of order, a deadline past the calendar) are
    // valid in shape, and only `check` can find them.
    let shape = ["misspelt-field", "unknown-outcome", "missing-reference"];
    let meaning = [
        "hearing-before-issue",
        "letter-after-meeting",
        "meeting-before-lpm",
        "out-of-range",
        "no-worries",
    ];
    for name in shape {
        let value = as_json(&root().join(format!("tests/fixtures/bad/{name}.yaml")));
        assert!(
            schemas.validate(&value, index).is_err(),
            "{name} passed the schema"
        );
    }
    for name in meaning {
        let value = as_json(&root().join(format!("tests/fixtures/bad/{name}.yaml")));
        if let Err(e) = schemas.validate(&value, index) {
            panic!("{name} should be valid in shape: {e}");
        }
    }
}

/// Every case file the repository holds, samples and fixtures (the bad
/// ones aside: they are broken on purpose).
fn every_case_file() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["samples", "tests/fixtures", "tests/fixtures/families"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Runs a validator the way a user would; `./test` installs both.
fn validator(program: &str, args: &[String]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} must be installed to run this test (`./test` installs it: npm install -g ajv-cli@5.0.0; pip install check-jsonschema==0.39.0): {e}")
        })
}

#[test]
fn strict_validators_accept_the_schema_and_every_case_file() {
    let files = every_case_file();
    assert!(files.len() >= 6, "{files:?}");
    let rel: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    // ajv in strict mode refuses unknown keywords and formats (uint32…).
    // Its YAML reader follows YAML 1.1 and turns `2026-11-16` into a
    // timestamp; editors and casepack read YAML 1.2, where it is a string.
    // So ajv is given each case as YAML 1.2 reads it, written out as JSON.
    let json_dir = tempfile::tempdir().unwrap();
    let mut args: Vec<String> = ["validate", "--spec=draft7", "--strict=true", "-s"]
        .map(String::from)
        .to_vec();
    args.push(root().join(SCHEMA_FILE).display().to_string());
    for (i, f) in files.iter().enumerate() {
        let json = json_dir.path().join(format!("{i:02}.json"));
        std::fs::write(&json, serde_json::to_vec(&as_json(f)).unwrap()).unwrap();
        args.push("-d".into());
        args.push(json.display().to_string());
    }
    let out = validator("ajv", &args);
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(out.status.success(), "ajv: {said}");
    assert_eq!(said.matches(" valid").count(), rel.len(), "{said}");
    let mut args: Vec<String> = vec!["--schemafile".into(), SCHEMA_FILE.into()];
    args.extend(rel.iter().cloned());
    let out = validator("check-jsonschema", &args);
    assert!(
        out.status.success(),
        "check-jsonschema: {}{}",
        stdout(&out),
        stderr(&out)
    );
    // And they are not vacuous: a misspelt field fails both.
    let misspelt = json_dir.path().join("misspelt.json");
    let bad_case = as_json(&root().join("tests/fixtures/bad/misspelt-field.yaml"));
    std::fs::write(&misspelt, serde_json::to_vec(&bad_case).unwrap()).unwrap();
    let bad = vec![
        "validate".into(),
        "--spec=draft7".into(),
        "--strict=true".into(),
        "-s".into(),
        SCHEMA_FILE.into(),
        "-d".into(),
        misspelt.display().to_string(),
    ];
    assert!(!validator("ajv", &bad).status.success());
    let bad = vec![
        "--schemafile".into(),
        SCHEMA_FILE.into(),
        "tests/fixtures/bad/misspelt-field.yaml".into(),
    ];
    assert!(!validator("check-jsonschema", &bad).status.success());
}
