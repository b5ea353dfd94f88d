//! Extensions of a deadline agreed at review LPMs (004 §11a(ii)): which of
//! them count, and why the others do not.

use crate::case::{Case, Date, ReviewDecision};
use crate::profile::Extension;

/// An extension a review LPM made that does not count as made, or counts
/// but was made too late. `review` is its place in `review_lpms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The head of service's agreement is needed and not recorded.
    NotAgreed {
        /// The review LPM.
        review: usize,
        /// The rule's source.
        source: String,
    },
    /// The review LPM does not say by how many weeks.
    NoWeeks {
        /// The review LPM.
        review: usize,
        /// The most weeks the rule allows in all.
        max_weeks: u32,
        /// The rule's source.
        source: String,
    },
    /// It would take the extensions past the most the rule allows.
    TooLong {
        /// The review LPM.
        review: usize,
        /// The most weeks the rule allows in all.
        max_weeks: u32,
        /// The weeks all of them would come to.
        total: u32,
        /// The rule's source.
        source: String,
    },
    /// It counts, but the review LPM was held after the deadline it extends.
    AfterDeadline {
        /// The review LPM.
        review: usize,
        /// When it was held.
        held: Date,
        /// The deadline it extends.
        due: Date,
        /// The rule's source.
        source: String,
    },
}

/// The weeks review LPMs validly added to a deadline `due`, and the last
/// such meeting; a [`Problem`] for each extension not properly agreed.
pub(super) fn extension(
    case: &Case,
    rule: &Extension,
    due: Date,
    problems: &mut Vec<Problem>,
) -> Option<(u32, Date)> {
    let mut total = 0;
    let mut last = None;
    for (review, r) in case.review_lpms.iter().enumerate() {
        if r.decision != Some(ReviewDecision::ExtendPreProceedings) {
            continue;
        }
        let source = rule.source.clone();
        if rule.head_of_service_must_agree && !r.head_of_service_agreed {
            problems.push(Problem::NotAgreed { review, source });
            continue;
        }
        let Some(weeks) = r.extension_weeks else {
            problems.push(Problem::NoWeeks {
                review,
                max_weeks: rule.max_weeks,
                source,
            });
            continue;
        };
        if total + weeks > rule.max_weeks {
            problems.push(Problem::TooLong {
                review,
                max_weeks: rule.max_weeks,
                total: total + weeks,
                source,
            });
            continue;
        }
        if r.date > due {
            problems.push(Problem::AfterDeadline {
                review,
                held: r.date,
                due,
                source,
            });
        }
        total += weeks;
        last = Some(r.date);
    }
    last.map(|at| (total, at))
}
