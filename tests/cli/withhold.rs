//! Withheld text: a field the case marks confidential prints as
//! "[withheld]" in the packs of readers it is kept from — in every
//! document's text and in the PDFs' metadata — and as itself elsewhere; and
//! a `withhold` that names anything but text is refused with nothing written.

use super::*;

/// The sample with Kerry Hartley's solicitor's firm kept from everyone
/// outside the authority, and what Maisie told her teacher kept from Tomasz.
fn withholding() -> tempfile::TempDir {
    let text = std::fs::read_to_string(root().join(SAMPLE))
        .unwrap()
        .replace(
            "\n# Documents written elsewhere",
            "\nwithhold:\n  - { field: \"people[kerry].solicitor.firm\", from: outside-authority }\n  - { field: \"worries[0].evidence[2]\", from: [tomasz] }\n\n# Documents written elsewhere",
        );
    case_dir(&text)
}

#[test]
fn withheld_text_never_reaches_the_readers_it_is_kept_from() {
    let dir = withholding();
    let check = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let build = |args: &[&str], zip: &str| {
        let mut all = vec!["build", "case.yaml", "-o", zip];
        all.extend_from_slice(args);
        let out = casepack(dir.path(), &all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        pack_text(&unzip(&dir.path().join(zip)))
    };
    let firm = squash("Raman & Cole");
    let told = squash("Maisie told her teacher she puts Leo to bed");
    // Tomasz's own pack: neither; Kerry's: what Maisie said, not the firm.
    let tomasz = build(&["--recipient", "tomasz"], "tomasz.zip");
    assert!(!tomasz.contains(&firm) && !tomasz.contains(&told));
    assert!(tomasz.contains("[withheld]"));
    let kerry = build(&["--recipient", "kerry"], "kerry.zip");
    assert!(!kerry.contains(&firm));
    assert!(kerry.contains(&told));
    // Advocates: kept from a person is kept from their lawyer too.
    let advocates = build(&["--audience", "advocates"], "advocates.zip");
    assert!(!advocates.contains(&firm) && !advocates.contains(&told));
    // The panel sees everything.
    let panel = build(&[], "panel.zip");
    assert!(panel.contains(&firm) && panel.contains(&told));
    assert!(!panel.contains("[withheld]"));
}

#[test]
fn a_withhold_that_names_anything_but_text_is_refused_and_nothing_is_written() {
    // The issue's own example first: a date of birth cannot be withheld.
    let refused = [
        (
            "people[maisie].born",
            "withhold-not-text",
            "is a date: only text the documents print can be withheld",
        ),
        ("people[kerry]", "withhold-not-text", "is a whole person"),
        ("worries", "withhold-not-text", "is a list"),
        (
            "people[kerry].gender",
            "withhold-not-text",
            "is one of a fixed set of values",
        ),
        (
            "people[kerry].advocate",
            "withhold-not-text",
            "is a yes-or-no value",
        ),
        (
            "children[0]",
            "withhold-not-text",
            "is an id, a reference or a time",
        ),
        (
            "people[kerry].nickname",
            "withhold-nothing",
            "is not a field of the case format",
        ),
        (
            "people[nobody].address",
            "withhold-nothing",
            "names nothing in the case",
        ),
        (
            "worries[9].worry",
            "withhold-nothing",
            "names nothing in the case",
        ),
    ];
    for (field, code, says) in refused {
        let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap().replace(
            "\n# Documents written elsewhere",
            &format!("\nwithhold:\n  - field: \"{field}\"\n    from: parents\n\n# Documents written elsewhere"),
        );
        let dir = case_dir(&text);
        let args = ["build", "case.yaml", "--audience", "parents", "-o", "."];
        let out = casepack(dir.path(), &args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{field}: {err}");
        assert!(
            err.contains(&format!("error[{code}]: `{field}` {says}")),
            "{field}: {err}"
        );
        // The whole finding, the line quoted.
        let name: String = field
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        pin!(format!("withhold-{name}"), dir.path(), &args, &out);
        let zips = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "zip")
            })
            .count();
        assert_eq!(zips, 0, "{field}: a pack was written");
    }
    // A reader who is no one.
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap().replace(
        "\n# Documents written elsewhere",
        "\nwithhold:\n  - { field: \"worries[0].worry\", from: [tomasx] }\n\n# Documents written elsewhere",
    );
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    pin!(
        "withheld-from-no-one",
        dir.path(),
        &["check", "case.yaml"],
        &out
    );
}
