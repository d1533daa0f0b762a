//! Whole US dollars with checked arithmetic; never floating point.

use core::fmt;

use serde::Serialize;

/// An amount in whole US dollars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Usd(pub u64);

impl Usd {
    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Usd) -> Option<Usd> {
        self.0.checked_add(other.0).map(Usd)
    }

    /// `self − other`, or `None` below zero.
    pub fn checked_sub(self, other: Usd) -> Option<Usd> {
        self.0.checked_sub(other.0).map(Usd)
    }

    /// `self × n`, or `None` on overflow.
    pub fn checked_mul(self, n: u32) -> Option<Usd> {
        self.0.checked_mul(u64::from(n)).map(Usd)
    }
}

/// Formats as `$15,000`.
impl fmt::Display for Usd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = itoa(self.0);
        let digits = digits.as_bytes();
        f.write_str("$")?;
        for (i, d) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                f.write_str(",")?;
            }
            write!(f, "{}", char::from(*d))?;
        }
        Ok(())
    }
}

fn itoa(n: u64) -> alloc::string::String {
    alloc::format!("{n}")
}
