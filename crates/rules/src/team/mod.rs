//! The project team (T1–T8): who holds which role on which project, and whether each
//! project has the team it needs.
//!
//! - [`hours`]: the two editions of the weekly-hours table, looked up by role.
//! - [`roster`]: the checked roster (names, hours, roles per project).
//! - [`validate`](mod@validate): every finding per project and per person, and each
//!   person's required hours.

pub mod hours;
pub mod roster;
pub mod validate;

pub use crate::vocab::{Edition, Qi, Role};
pub use hours::{edition_differences, hours, hours_table, starter_hours};
pub use roster::{check_name, Assignment, Member, Person, TeamRequest, Unanswered};
pub use validate::{validate, validate_under, PersonHours, TeamReport};

/// Adds `x` to `set`, a sorted `Vec` used as a small set; false when it was there. The
/// sets here hold at most a roster's names or one person's roles (bounded by
/// `crate::bounds`), and a `BTreeSet` per element type costs the browser builds
/// kilobytes of code.
pub(crate) fn insert_sorted<T: Ord>(set: &mut alloc::vec::Vec<T>, x: T) -> bool {
    match set.binary_search(&x) {
        Ok(_) => false,
        Err(at) => {
            set.insert(at, x);
            true
        }
    }
}
