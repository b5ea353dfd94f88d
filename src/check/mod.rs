//! Stage 9, check: every finding about a case that loaded, whoever's rule
//! it is. The case alone (its format version, blank text, dates in an
//! impossible order, its people, references between its parts, what it
//! withholds), its attachments, the meeting its pack is for and what that
//! meeting requires, its deadlines as at a day, the letters to parents as
//! they will print, and what each reader's pack would disclose.
//!
//! The stages before it compute (a schedule, a reader's copy, a laid-out
//! letter) and say in typed values what they could not do; this stage
//! turns all of it into [`Finding`](crate::diagnostics::Finding)s, each at
//! the field it is about, with help and the procedure it comes from. The
//! loader's own findings (YAML that does not parse, a field the format
//! does not have) are made in `case::load`, the one place that reads the
//! text; everything else is made here. `pipeline` decides when each check
//! runs.

mod attachments;
mod audience;
mod case;
mod dates;
mod deadlines;
mod easy_read;
mod evidence;
mod family;
mod leaks;
mod letters;
mod links;
mod meeting;
mod must_say;
mod support;
mod withhold;

pub use self::deadlines::{data_running_out, schedule};
pub use attachments::attachments;
pub use audience::conflicts as audience_conflicts;
pub use case::case_alone;
pub use easy_read::{EasyReading, easy_read};
pub use leaks::leaks;
pub use letters::{Reading, letters};
pub use meeting::{meeting, outcome_note};
pub use support::{solicitors_list, support_at_meeting};
pub use withhold::entries as withheld;

#[cfg(test)]
mod tests;
