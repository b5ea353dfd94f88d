//! The commands that read no case: `meetings` and `explain`, pinned whole.

use super::*;

#[test]
fn meetings_lists_every_type_and_explain_prints_its_requirements() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(dir.path(), &["meetings"]);
    assert!(out.status.success());
    pin!("meetings", dir.path(), &["meetings"], &out);
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
        ]
    );
    // Each type's chair, attendees, pack (and for the LPM its bundle's
    // sections and who gets what), timescales and sources; for a meeting
    // whose pack keeps a record, its agenda and the ids notes go under.
    for id in &ids {
        let out = casepack(dir.path(), &["explain", id]);
        assert!(out.status.success(), "{id}");
        pin!(format!("explain-{id}"), dir.path(), &["explain", id], &out);
    }
    let out = casepack(dir.path(), &["explain", "cpm-2"]);
    assert_eq!(out.status.code(), Some(2));
    pin!("explain-unknown", dir.path(), &["explain", "cpm-2"], &out);
}
