//! The bounds every request is checked against, and whole counts read as written.
//!
//! These limits are ours, not the program's: they refuse absurd input before any work
//! is done. The program's own numbers are in [`crate::program`].

use alloc::format;

use crate::decimal::Decimal;
use crate::error::{quote, ErrorCode, InputError};

/// The most new projects one fee estimate prices, or one team plans.
pub const MAX_PROJECTS: u32 = 100;
/// The most earlier projects an organization may report.
pub const MAX_PRIOR_PROJECTS: u32 = 10_000;
/// The most cohorts one schedule lists.
pub const MAX_COHORTS: u32 = 12;
/// The most people a team request may list.
pub const MAX_PEOPLE: usize = 500;
/// The most role assignments one person may hold.
pub const MAX_ROLES_PER_PERSON: usize = 200;
/// The most characters in a name.
pub const MAX_NAME_CHARS: usize = 100;
/// The most hours in a week.
pub const MAX_HOURS: u32 = 168;

/// Checks a count against its bounds; `field` names it in the error.
pub fn count(field: &str, n: u64, min: u32, max: u32) -> Result<u32, InputError> {
    match u32::try_from(n) {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err(InputError::new(
            ErrorCode::OutOfRange,
            field,
            format!("{n} is out of range: give a whole number from {min} to {max}"),
        )),
    }
}

/// Reads a whole count from a number as written (`3`, `3.0`, `3e0`), within bounds:
/// `2.9999999999999999` is not a whole number, whatever a float would round it to.
pub fn count_literal(field: &str, text: &str, min: u32, max: u32) -> Result<u32, InputError> {
    match Decimal::parse(text) {
        Some(d) => count_decimal(field, text, &d, min, max),
        None => Err(not_a_number(field, text, min, max)),
    }
}

/// Why a number is not a whole count: its error code and the words for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotWhole {
    /// Below zero.
    Negative,
    /// A non-zero digit after the point, as written.
    Fraction,
    /// Larger than any count.
    TooLarge,
}

impl NotWhole {
    /// The error code it is refused with.
    pub const fn code(self) -> ErrorCode {
        match self {
            NotWhole::Fraction => ErrorCode::NotInteger,
            NotWhole::Negative | NotWhole::TooLarge => ErrorCode::OutOfRange,
        }
    }

    /// What is wrong, after the number: "is negative".
    pub const fn why(self) -> &'static str {
        match self {
            NotWhole::Negative => "is negative",
            NotWhole::Fraction => "is not a whole number",
            NotWhole::TooLarge => "is far too large",
        }
    }
}

/// The number as a whole, non-negative count, decided on the number as written.
pub fn whole(d: &Decimal) -> Result<u64, NotWhole> {
    if d.negative {
        Err(NotWhole::Negative)
    } else if !d.is_whole() {
        Err(NotWhole::Fraction)
    } else {
        d.to_u64().ok_or(NotWhole::TooLarge)
    }
}

/// [`count_literal`] for a number already read.
pub fn count_decimal(
    field: &str,
    text: &str,
    d: &Decimal,
    min: u32,
    max: u32,
) -> Result<u32, InputError> {
    let e = match whole(d) {
        Ok(n) => return count(field, n, min, max),
        Err(e) => e,
    };
    Err(InputError::new(
        e.code(),
        field,
        format!(
            "{} {}: give a whole number from {min} to {max}",
            quote(text),
            e.why()
        ),
    ))
}

/// Reads a whole count from what a person typed: surrounding spaces are ignored, an
/// empty field says what to enter.
pub fn count_text(field: &str, text: &str, min: u32, max: u32) -> Result<u32, InputError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(InputError::new(
            ErrorCode::Empty,
            field,
            format!("enter a whole number from {min} to {max}"),
        ));
    }
    match Decimal::parse_typed(t) {
        Some(d) => count_decimal(field, t, &d, min, max),
        None => Err(not_a_number(field, t, min, max)),
    }
}

fn not_a_number(field: &str, text: &str, min: u32, max: u32) -> InputError {
    InputError::new(
        ErrorCode::WrongType,
        field,
        format!(
            "{} is not a number: give a whole number from {min} to {max}",
            quote(text)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_as_written() {
        assert_eq!(count_literal("p", "3", 1, 10), Ok(3));
        assert_eq!(count_literal("p", "3.0", 1, 10), Ok(3));
        let e = count_literal("p", "2.9999999999999999", 1, 10).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::NotInteger, "p"));
        assert_eq!(
            count_literal("p", "-1", 0, 10).unwrap_err().code,
            ErrorCode::OutOfRange
        );
        assert_eq!(
            count_literal("p", "1e40", 0, 10).unwrap_err().code,
            ErrorCode::OutOfRange
        );
        assert_eq!(
            count_text("p", "  ", 1, 10).unwrap_err().code,
            ErrorCode::Empty
        );
        assert_eq!(
            count_text("p", "ten", 1, 10).unwrap_err().code,
            ErrorCode::WrongType
        );
        assert_eq!(count_text("p", " 4 ", 1, 10), Ok(4));
        assert_eq!(
            count_text("p", "0", 1, 10).unwrap_err().code,
            ErrorCode::OutOfRange
        );
    }
}
