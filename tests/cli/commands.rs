//! The commands that read no case: `meetings` and `explain`.

use super::*;

#[test]
fn meetings_lists_every_type_and_explain_prints_its_requirements() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(dir.path(), &["meetings"]);
    assert!(out.status.success());
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "lpm",
            "review-lpm",
            "pre-proceedings-meeting",
            "advocates-meeting",
            "cpm-one",
            "cpm-two",
            "cpm-three",
            "looked-after-cpm"
        ]
    );
    for id in &ids {
        let out = casepack(dir.path(), &["explain", id]);
        assert!(out.status.success(), "{id}");
        let text = stdout(&out);
        assert!(text.contains("Chair: "), "{id}: {text}");
        assert!(text.contains("The pack must hold"), "{id}: {text}");
    }
    let out = casepack(dir.path(), &["explain", "review-lpm"]);
    assert!(stdout(&out).contains("Never for: revoke-order"));
    // A meeting whose pack keeps a record lists its agenda and the ids
    // prepared notes go under.
    let out = casepack(dir.path(), &["explain", "looked-after-cpm"]);
    assert!(stdout(&out).contains(
        "  - Health, education and placement stability [health-education-placement] (002 \"Recording\")"
    ));
    // And the bundle's sections: the LPM's own, in 004 §4d's order.
    let out = casepack(dir.path(), &["explain", "lpm"]);
    assert!(stdout(&out).contains(
        "  A The social worker's papers: Social Worker's PLO Summary, Chronology, Genogram (004 §4d(i)-(iii))"
    ), "{}", stdout(&out));
    assert!(stdout(&out).contains("  D The meeting and letters: everything else"));
    // Who gets what: nothing privileged for parents or advocates.
    assert!(
        stdout(&out).contains("  parents: Letter of issue [letter-of-issue]\n"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(
        "  advocates: Chronology [chronology], Genogram [genogram], Letter of issue [letter-of-issue]\n"
    ));
    let out = casepack(dir.path(), &["explain", "cpm-2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`cpm-2` is not a meeting type"));
}
