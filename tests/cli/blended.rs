//! A blended family as a new user writes it (`ferreira-asante.yaml`: three
//! parents, one in prison, domestic abuse, an unborn baby, a school kept
//! from one father, a daughter who shares her first name with the social
//! worker): texts written once with `{children}` print each parent's own
//! children, every leak is reported in one run at the field printed, and
//! attendees named by id print with their roles and attendance.

use super::*;

const FAMILY: &str = "tests/fixtures/families/ferreira-asante.yaml";

fn letter(dir: &Path, who: &str) -> String {
    let pack = unzip(&dir.join("out").join(format!("case-parents-{who}-pack.zip")));
    squash(&pack_text(&pack))
}

#[test]
fn a_blended_family_written_once_builds_every_parents_pack_first_time() {
    let text = std::fs::read_to_string(root().join(FAMILY)).unwrap();
    let dir = case_dir(&text);
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--audience", "parents", "-o", "out"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("error["), "{}", stderr(&out));
    let tiago = letter(dir.path(), "tiago");
    for said in [
        "Since our meeting we have not seen enough change to keep Sam and Leo safe.",
        "Sam and Leo have enough to eat and are looked after every day.",
        "Sam and Leo could be hurt if the abuse starts again.",
        // The social worker Sam Wells is printed; the girl Sam is his daughter.
        "Sam Wells",
        "If Sam and Leo are not kept safe",
    ] {
        assert!(tiago.contains(&squash(said)), "Tiago's pack lacks {said:?}");
    }
    let kwame = letter(dir.path(), "kwame");
    for said in [
        "Your unborn baby could be hurt if the abuse starts again.",
        "What needs to change: Your unborn baby is kept safe from abuse.",
        "If your unborn baby cannot be kept safe once born",
        "Sam Wells",
    ] {
        assert!(kwame.contains(&squash(said)), "Kwame's pack lacks {said:?}");
    }
    for not_his in ["Sam Ferreira", "Leo", "Sam and", "Sam,", "Riverside"] {
        assert!(!kwame.contains(not_his), "Kwame's pack holds {not_his:?}");
    }
    // Words meant for Kwame are his alone.
    assert!(!tiago.contains("cannot be kept safe once born"));
    let nicole = letter(dir.path(), "nicole");
    assert!(nicole.contains(&squash("Sam, Leo and your unborn baby could be hurt")));
    assert!(
        nicole.contains(&squash("Riverside Primary")),
        "Nicole reads Leo's school"
    );
    assert!(
        !tiago.contains("Riverside"),
        "Leo's school is kept from Tiago"
    );
    // Nothing of the references is left to print.
    for pack in [&tiago, &kwame, &nicole] {
        assert!(!pack.contains("{children}") && !pack.contains("{is|are}"));
    }
}

#[test]
fn every_leak_is_reported_in_one_run_at_the_field_printed() {
    // Mason is named in a chronology entry (for the panel, not printed in
    // Sam's pack), in Ava's evidence and in Ava's plan row: the two that
    // reach Sam's letter and agreement are both errors, each at its own
    // line; the chronology is not blamed.
    let text = std::fs::read_to_string(root().join("tests/fixtures/families/whitfield-cole.yaml"))
        .unwrap()
        .replace(
            "event: Dana and the children moved to a refuge,",
            "event: \"Dana, Ava and Mason moved to a refuge\",",
        )
        .replace(
            "      - Ava has been at school for 74 out of every 100 school days since September.",
            "      - Ava has been at school for 74 out of every 100 days; Mason is often late for nursery.",
        )
        .replace(
            "  - action: Take Ava to school every day, on time",
            "  - action: Take Ava and Mason to school and nursery every day",
        );
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut at: Vec<(String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "disclosure")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    at.sort();
    let line = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1;
    assert_eq!(
        at,
        [
            ("plan[0].action".to_string(), line("Take Ava and Mason")),
            (
                "worries[1].evidence[0]".to_string(),
                line("Mason is often late")
            ),
        ],
        "{v}"
    );
    // Written once with the children named by reference, it builds.
    let fixed = text
        .replace(
            "every 100 days; Mason is often late for nursery.",
            "every 100 school days since September.",
        )
        .replace(
            "  - action: Take Ava and Mason to school and nursery every day",
            "  - action: Take Ava to school every day, on time",
        );
    let dir = case_dir(&fixed);
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "p.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn attendees_named_by_id_print_with_their_roles_and_whether_they_came() {
    let text = std::fs::read_to_string(root().join(SAMPLE))
        .unwrap()
        .replace(
            "    - { id: martin, attended: true }",
            "    - { id: martin, attended: false }",
        );
    let dir = case_dir(&text);
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--meeting", "lpm", "-o", "p.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    let minutes = squash(&pdf_text(&pack["lpm-minutes.pdf"]));
    for row in [
        "Dr Helen Marsh Head of Service (chair)",
        "Owen Pritchard Legal adviser",
        "Martin Shaw Team manager",
        "Grace Adeyemi Social worker",
    ] {
        assert!(
            minutes.contains(&squash(row)),
            "the minutes lack {row:?}:\n{minutes}"
        );
    }
    // Those who came are ticked (drawn, not text); who did not is said.
    assert_eq!(minutes.matches("Absent").count(), 1, "{minutes}");
    // The parents' meeting knows each parent's help by who they come for.
    let text = std::fs::read_to_string(root().join(FAMILY)).unwrap();
    let dir = case_dir(&text.replace(
        "    - { as: advocate, for: nicole, name: Joy Mensah }\n",
        "",
    ));
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    let err = stderr(&out);
    assert!(
        err.contains("the mother's advocate is not at the pre-proceedings meeting: Nicole Ferreira needs an advocate"),
        "{err}"
    );
    let dir = case_dir(&text);
    let err = stderr(&casepack(dir.path(), &["check", "case.yaml"]));
    assert!(
        !err.contains("advocate-not-booked")
            && !err.contains("interpreter-not-booked")
            && !err.contains("missing-attendee"),
        "{err}"
    );
}
