//! The weekly-hours tables of [`crate::program`], looked up by edition and role (T7).

use alloc::vec::Vec;

use crate::hours::Hours;
use crate::program::{HoursRow, HOURS_IMPOWER, HOURS_LEARNING_NETWORK};
use crate::vocab::{Edition, PerRole, Role};

/// The hours table of an edition: a row per role.
pub fn hours_table(edition: Edition) -> &'static PerRole<HoursRow> {
    match edition {
        Edition::Impower => &HOURS_IMPOWER,
        Edition::LearningNetwork => &HOURS_LEARNING_NETWORK,
    }
}

/// A role's row in an edition. Kept out of line: one copy of the table look-up for
/// every caller (25 B less on the JS API).
#[inline(never)]
pub fn hours(edition: Edition, role: Role) -> &'static HoursRow {
    hours_table(edition).get(role)
}

/// The hours a week a person taking on `role` should plan at least: the table's
/// minimum, or zero where the page states none. (The app's starter roster uses it.)
pub fn starter_hours(edition: Edition, role: Role) -> Hours {
    Hours::whole(hours(edition, role).min.unwrap_or(0))
}

/// Where the two editions differ, role by role: `(role, impower row, learning-network row)`.
pub fn edition_differences() -> Vec<(Role, &'static HoursRow, &'static HoursRow)> {
    Role::ALL
        .iter()
        .map(|&r| {
            (
                r,
                hours(Edition::Impower, r),
                hours(Edition::LearningNetwork, r),
            )
        })
        .filter(|(_, a, b)| (a.min, a.max) != (b.min, b.max))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_is_its_roles() {
        for e in Edition::ALL {
            for (role, row) in hours_table(*e).iter() {
                assert_eq!(row.role, role);
            }
        }
        assert_eq!(
            starter_hours(Edition::Impower, Role::QiCoach),
            Hours::whole(8)
        );
        assert_eq!(
            starter_hours(Edition::Impower, Role::DataAnalyst),
            Hours::ZERO
        );
    }
}
