//! Weekly hours, exact to the hundredth (RULES.md "Input rules"): `7.25` is 725
//! hundredths, more decimal places are refused, and a shortfall is never `0 h` or
//! float noise.

use alloc::format;
use alloc::string::String;
use core::fmt;

use serde::{Serialize, Serializer};

use crate::bounds::MAX_HOURS;
use crate::decimal::Decimal;
use crate::error::{quote, ErrorCode, InputError};

/// Hours a week, in hundredths of an hour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours(u32);

impl Hours {
    /// No hours.
    pub const ZERO: Hours = Hours(0);

    /// Whole hours.
    pub const fn whole(h: u32) -> Hours {
        Hours(h.saturating_mul(100))
    }

    /// Hundredths of an hour.
    pub const fn from_hundredths(h: u32) -> Hours {
        Hours(h)
    }

    /// The value in hundredths of an hour.
    pub const fn hundredths(self) -> u32 {
        self.0
    }

    /// `self − other`, or zero.
    #[must_use]
    pub fn saturating_sub(self, other: Hours) -> Hours {
        Hours(self.0.saturating_sub(other.0))
    }

    /// `self + other`, saturating.
    #[must_use]
    pub fn saturating_add(self, other: Hours) -> Hours {
        Hours(self.0.saturating_add(other.0))
    }

    /// Reads hours from a number as written: 0 to [`MAX_HOURS`], at most two decimal
    /// places; `field` names it in the error.
    pub fn from_literal(text: &str, field: &str) -> Result<Hours, InputError> {
        Hours::read(Decimal::parse(text), text, field)
    }

    fn read(d: Option<Decimal>, text: &str, field: &str) -> Result<Hours, InputError> {
        let d = d.ok_or_else(|| {
            InputError::new(
                ErrorCode::WrongType,
                field,
                format!(
                    "{} is not a number: give the hours a week, e.g. 4 or 7.5",
                    quote(text)
                ),
            )
        })?;
        Hours::from_decimal(&d, text, field)
    }

    /// [`Hours::from_literal`] for a number already read.
    pub fn from_decimal(d: &Decimal, text: &str, field: &str) -> Result<Hours, InputError> {
        let out_of_range = || {
            InputError::new(
                ErrorCode::OutOfRange,
                field,
                format!(
                    "{} is out of range: give the hours a week from 0 to {MAX_HOURS}",
                    quote(text)
                ),
            )
        };
        if d.negative {
            return Err(out_of_range());
        }
        if d.places() > 2 {
            return Err(InputError::new(
                ErrorCode::TooPrecise,
                field,
                format!(
                    "{} has more than two decimal places: give hours to the hundredth, e.g. 7.25",
                    quote(text)
                ),
            ));
        }
        match d.scaled_u64(2) {
            Some(h) if h <= u64::from(MAX_HOURS) * 100 => {
                Ok(Hours(u32::try_from(h).map_err(|_| out_of_range())?))
            }
            _ => Err(out_of_range()),
        }
    }

    /// Reads hours from what a person typed; an empty field says what to enter.
    pub fn from_text(text: &str, field: &str) -> Result<Hours, InputError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(InputError::new(
                ErrorCode::Empty,
                field,
                "enter the hours a week this person can give, e.g. 4",
            ));
        }
        Hours::read(Decimal::parse_typed(t), t, field)
    }
}

/// `7`, `7.5`, `7.25`.
impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => write!(f, "{whole}"),
            x if x.is_multiple_of(10) => write!(f, "{whole}.{}", x / 10),
            x => write!(f, "{whole}.{x:02}"),
        }
    }
}

impl Hours {
    /// The hours as text, as [`fmt::Display`] writes them.
    pub fn text(self) -> String {
        format!("{self}")
    }
}

/// Serialized as a JSON number of hours (`7.25`): the nearest double to a number of
/// hundredths prints as that decimal.
impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(100) {
            s.serialize_u32(self.0 / 100)
        } else {
            s.serialize_f64(f64::from(self.0) / 100.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_exact_hundredths() {
        assert_eq!(Hours::from_literal("7.25", "h"), Ok(Hours(725)));
        assert_eq!(Hours::from_literal("7.250", "h"), Ok(Hours(725)));
        assert_eq!(Hours::from_literal("168", "h"), Ok(Hours(16800)));
        assert_eq!(Hours::from_literal("0", "h"), Ok(Hours(0)));
        let e = Hours::from_literal("7.996", "h").unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooPrecise, "h"));
        assert_eq!(
            Hours::from_literal("168.01", "h").unwrap_err().code,
            ErrorCode::OutOfRange
        );
        assert_eq!(
            Hours::from_literal("-1", "h").unwrap_err().code,
            ErrorCode::OutOfRange
        );
        assert_eq!(
            Hours::from_literal("1e300", "h").unwrap_err().code,
            ErrorCode::OutOfRange
        );
        assert_eq!(
            Hours::from_text("", "h").unwrap_err().code,
            ErrorCode::Empty
        );
        assert_eq!(
            Hours::from_text("ten", "h").unwrap_err().code,
            ErrorCode::WrongType
        );
        assert_eq!(
            Hours::from_text("1e2", "h").unwrap_err().code,
            ErrorCode::WrongType
        );
        assert_eq!(Hours::from_literal("1e2", "h"), Ok(Hours(10000)));
        assert_eq!(Hours(800).saturating_sub(Hours(799)), Hours(1));
    }

    #[test]
    fn hours_read_as_people_write_them() {
        for (h, want) in [
            (700, "7"),
            (750, "7.5"),
            (725, "7.25"),
            (1, "0.01"),
            (16800, "168"),
        ] {
            assert_eq!(Hours(h).text(), want);
        }
    }
}
