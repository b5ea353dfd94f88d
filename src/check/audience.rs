//! Whether the pack can be for its audience at all: a meeting that requires
//! a document an audience may not receive (a privileged record, for the
//! advocates) cannot have its pack made for them.

use crate::diagnostics::Finding;
use crate::profile::{Check, PackAudience, Profile, SelectedMeeting, refusal};

/// An error (at case path `at`) for each document the meeting requires that
/// `audience` may not receive: such a pack would be missing what the meeting needs, so it is
/// refused rather than built without it.
pub fn conflicts(
    profile: &Profile,
    meeting: &SelectedMeeting,
    audience: PackAudience,
    at: &str,
) -> Vec<Finding> {
    let Some(m) = profile.meeting(&meeting.id) else {
        return Vec::new();
    };
    m.requires
        .iter()
        .filter(|r| r.applies_to(&meeting.purpose))
        .filter_map(|r| match r.check() {
            Check::Document(d) => profile.document(d),
            _ => None,
        })
        .filter_map(|d| refusal(d, audience).map(|why| (d, why)))
        .map(|(d, why)| {
            Finding::error(
                "document-not-for-audience",
                at,
                format!(
                    "the {} pack cannot be for {}: it must hold \"{}\", and it is {why}",
                    m.name,
                    audience.label(),
                    d.name
                ),
            )
            .help(format!(
                "build this meeting's pack for the panel or the legal adviser (`--audience panel`); `casepack explain {}` lists what each audience gets",
                m.id
            ))
            .source("000 §6")
        })
        .collect()
}
