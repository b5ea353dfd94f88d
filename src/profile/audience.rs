//! Who a pack is put together for (`build --audience`): the panel, the
//! parents, the parties' advocates, or the local authority's legal adviser.
//! Each document and each kind of attachment lists the packs it may go in
//! (profile data); on top of that, and whatever the profile says, a
//! legally privileged document never goes to parents or advocates (000 §6):
//! a profile that lists one for them is refused when it loads, and a meeting
//! that requires one cannot have a pack for them.

use super::error::{ProfileError, rule};
use serde::{Deserialize, Serialize};

use super::{DocumentRule, Profile, SelectedMeeting};
use crate::case::Case;

/// A pack's audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PackAudience {
    /// The meeting's professionals: for the LPM, the panel's submission pack.
    Panel,
    /// The parents and others with parental responsibility.
    Parents,
    /// The parties' legal representatives.
    Advocates,
    /// The local authority's legal adviser.
    Legal,
}

impl PackAudience {
    /// Every audience, in the order the help lists them.
    pub const ALL: [PackAudience; 4] = [
        PackAudience::Panel,
        PackAudience::Parents,
        PackAudience::Advocates,
        PackAudience::Legal,
    ];

    /// Its id on the command line and in the manifest.
    pub fn id(self) -> &'static str {
        match self {
            PackAudience::Panel => "panel",
            PackAudience::Parents => "parents",
            PackAudience::Advocates => "advocates",
            PackAudience::Legal => "legal",
        }
    }

    /// The audience with `id`.
    pub fn from_id(id: &str) -> Option<PackAudience> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }

    /// Who it is, in words, for the cover and messages.
    pub fn label(self) -> &'static str {
        match self {
            PackAudience::Panel => "the meeting's professionals (panel)",
            PackAudience::Parents => "parents",
            PackAudience::Advocates => "the parties' legal representatives",
            PackAudience::Legal => "the local authority's legal adviser",
        }
    }

    /// Whether privileged documents may ever go to it: only inside the
    /// local authority (000 §6).
    pub fn may_see_privileged(self) -> bool {
        matches!(self, PackAudience::Panel | PackAudience::Legal)
    }
}

/// Whether a document may go in a pack for `audience`: listed for it, and
/// never privileged outside the local authority.
pub fn may_receive(rule: &DocumentRule, audience: PackAudience) -> bool {
    refusal(rule, audience).is_none()
}

/// Why a document may not go in a pack for `audience`, if it may not.
pub fn refusal(rule: &DocumentRule, audience: PackAudience) -> Option<&'static str> {
    if rule.privileged && !audience.may_see_privileged() {
        Some("legally privileged")
    } else if !rule.audiences.contains(&audience) {
        Some("not listed for this audience")
    } else {
        None
    }
}

impl Profile {
    /// No privileged document is listed for parents or advocates.
    pub(super) fn check_audiences(&self) -> Result<(), ProfileError> {
        for d in &self.documents {
            if let Some(a) = d
                .audiences
                .iter()
                .find(|a| d.privileged && !a.may_see_privileged())
            {
                return Err(rule!(
                    "document `{}` is legally privileged and cannot be for {} (000 §6)",
                    d.id,
                    a.label()
                ));
            }
        }
        Ok(())
    }
}

/// What of the meeting's pack `audience` does not get: its documents and
/// attachments, each with why.
pub fn left_out(
    profile: &Profile,
    meeting: &SelectedMeeting,
    case: &Case,
    audience: PackAudience,
) -> Vec<String> {
    let mut out = Vec::new();
    let pack = profile
        .meeting(&meeting.id)
        .map_or(&[][..], |m| &m.pack[..]);
    for rule in pack.iter().filter_map(|d| profile.document(d)) {
        if let Some(why) = refusal(rule, audience) {
            out.push(format!("{} ({why})", rule.name));
        }
    }
    for a in &case.attachments {
        if !attachment_for(profile, &a.kind, audience) {
            out.push(format!(
                "{} (attached; not listed for this audience)",
                a.title
            ));
        }
    }
    out
}

/// Whether an attachment of `kind` may go in a pack for `audience`.
pub fn attachment_for(profile: &Profile, kind: &str, audience: PackAudience) -> bool {
    profile
        .attachment_kind(kind)
        .is_some_and(|k| k.audiences.contains(&audience))
}
