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
pub use roster::{check_name, Assignment, Person, TeamRequest};
pub use validate::{validate, PersonHours, TeamReport};
