//! Roles named by id in the rules, resolved as the profile is read: a
//! meeting's chair, its attendees and an attendee requirement each name a
//! role by its id, and each becomes a [`RoleId`] (a place in the profile's
//! `roles`) as it is read, or the profile is refused there, at that field.
//! So code that holds a [`RoleId`] holds a role that exists.
//!
//! serde reads one field at a time with no view of the rest, so the ids of
//! the profile's roles are put where the reading can see them, for the
//! length of one reading ([`with_roles`]); a role read at any other time
//! is refused.

use std::cell::RefCell;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

thread_local! {
    /// The ids of the roles of the profile being read on this thread.
    static ROLES: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// A role of the profile: its place in `roles`. Made only while the
/// profile is read, from an id that names one of its roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleId(usize);

impl RoleId {
    /// Its place in the profile's `roles`.
    pub(super) fn index(self) -> usize {
        self.0
    }
}

impl<'de> Deserialize<'de> for RoleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RoleId, D::Error> {
        let id = String::deserialize(d)?;
        ROLES.with_borrow(|roles| match roles {
            None => Err(D::Error::custom("a role is read only as part of a profile")),
            Some(roles) => roles
                .iter()
                .position(|r| *r == id)
                .map(RoleId)
                .ok_or_else(|| D::Error::custom(format!("`{id}` is not a role"))),
        })
    }
}

/// Runs `read` with `roles` (the profile's role ids, in order) known to
/// every [`RoleId`] it reads.
pub(super) fn with_roles<T>(roles: Vec<String>, read: impl FnOnce() -> T) -> T {
    /// Forgets the roles however the reading ends.
    struct Forget;
    impl Drop for Forget {
        fn drop(&mut self) {
            ROLES.with_borrow_mut(|r| *r = None);
        }
    }
    ROLES.with_borrow_mut(|r| *r = Some(roles));
    let _forget = Forget;
    read()
}
