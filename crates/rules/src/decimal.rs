//! Numbers as written: a JSON number literal, or what a person typed into a field, read
//! exactly, so that nothing is rounded before a rule sees it (RULES.md "Input rules":
//! `2.9999999999999999` is not 3, and `7.996` hours is not 8).

use alloc::vec::Vec;

/// An exact decimal: `digits × 10^exp`, `digits` without leading or trailing zeros.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decimal {
    /// Below zero (`-0` is zero, not negative).
    pub negative: bool,
    /// Significant digits, most significant first; empty for zero.
    digits: Vec<u8>,
    /// The power of ten the digits are scaled by.
    exp: i64,
}

impl Decimal {
    /// Reads a plain decimal: an optional sign, digits with at most one point (`7`,
    /// `-2`, `7.5`, `.5`, `3.`), and an optional exponent (`1e3`). `None` for anything
    /// else. JSON literals are a subset of this.
    ///
    /// The value is exact (RULES.md "Numbers are read exactly"): the exponent is applied
    /// as written, whatever its length, so `3` followed by a million zeros and
    /// `e-1000002` is 0.03. Only an exponent past the `i64` range is saturated, where the
    /// value is decided regardless: at least 10^(2^63 − 1), or more than 2^63 − 1
    /// decimal places. Time and memory are linear in the text.
    pub fn parse(text: &str) -> Option<Decimal> {
        let b = text.as_bytes();
        let mut i = 0;
        let mut negative = false;
        if let Some(&c) = b.first() {
            if c == b'-' || c == b'+' {
                negative = c == b'-';
                i = 1;
            }
        }
        let mut digits = Vec::new();
        // Digits after the point, and zeros read but not yet kept (they are kept only
        // when a non-zero digit follows; trailing ones scale instead). Both count
        // characters of `text`, so each is below 2^63.
        let mut places: usize = 0;
        let mut zeros: usize = 0;
        let mut seen_digit = false;
        let mut seen_point = false;
        while let Some(&c) = b.get(i) {
            match c {
                b'0'..=b'9' => {
                    seen_digit = true;
                    if seen_point {
                        places = places.saturating_add(1);
                    }
                    if c == b'0' {
                        // Leading zeros are not significant: `0.05` is 5e-2.
                        if !digits.is_empty() {
                            zeros = zeros.saturating_add(1);
                        }
                    } else {
                        digits.resize(digits.len().saturating_add(zeros), 0);
                        zeros = 0;
                        digits.push(c - b'0');
                    }
                }
                b'.' if !seen_point => seen_point = true,
                _ => break,
            }
            i += 1;
        }
        if !seen_digit {
            return None;
        }
        // The exponent as written, saturated at u64::MAX: past it, the total below is
        // beyond the i64 range on the same side, whatever the digits add (under 2^63).
        let mut written: i128 = 0;
        if let Some(&c) = b.get(i) {
            if c != b'e' && c != b'E' {
                return None;
            }
            i += 1;
            let mut e_negative = false;
            if let Some(&s) = b.get(i) {
                if s == b'-' || s == b'+' {
                    e_negative = s == b'-';
                    i += 1;
                }
            }
            let start = i;
            let mut e: u64 = 0;
            while let Some(&c) = b.get(i) {
                if !c.is_ascii_digit() {
                    return None;
                }
                e = e
                    .checked_mul(10)
                    .and_then(|e| e.checked_add(u64::from(c - b'0')))
                    .unwrap_or(u64::MAX);
                i += 1;
            }
            if i == start {
                return None;
            }
            written = if e_negative {
                -i128::from(e)
            } else {
                i128::from(e)
            };
        }
        if digits.is_empty() {
            return Some(Decimal {
                negative: false,
                digits,
                exp: 0,
            });
        }
        // value = digits × 10^(written − places + trailing zeros), exactly.
        let count = |n: usize| i128::try_from(n).unwrap_or(i128::MAX);
        let exp = written
            .saturating_sub(count(places))
            .saturating_add(count(zeros));
        let exp = i64::try_from(exp).unwrap_or(if exp < 0 { i64::MIN } else { i64::MAX });
        Some(Decimal {
            negative,
            digits,
            exp,
        })
    }

    /// Reads what a person typed into a field: as [`Decimal::parse`], but without an
    /// exponent (nobody types `1e2` hours, and a stray `e` should say "not a number").
    pub fn parse_typed(text: &str) -> Option<Decimal> {
        if text.contains(['e', 'E']) {
            None
        } else {
            Decimal::parse(text)
        }
    }

    /// Zero.
    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// No non-zero digit after the point.
    pub fn is_whole(&self) -> bool {
        self.exp >= 0
    }

    /// How many decimal places the value needs (`7.25` → 2, `7.250` → 2, `7` → 0);
    /// 2^63 for a value needing that many or more.
    pub fn places(&self) -> u64 {
        if self.exp >= 0 {
            0
        } else {
            self.exp.unsigned_abs()
        }
    }

    /// The value × 10^`shift` when that is a whole number fitting in a `u64`; `None`
    /// when it is negative, has a fraction left, or is too large.
    pub fn scaled_u64(&self, shift: i64) -> Option<u64> {
        if self.negative {
            return None;
        }
        let exp = self.exp.checked_add(shift)?;
        if exp < 0 {
            return None;
        }
        let mut n: u64 = 0;
        for d in &self.digits {
            n = n.checked_mul(10)?.checked_add(u64::from(*d))?;
        }
        for _ in 0..exp {
            n = n.checked_mul(10)?;
        }
        Some(n)
    }

    /// The whole value as a `u64`, when whole, non-negative and small enough.
    pub fn to_u64(&self) -> Option<u64> {
        self.scaled_u64(0)
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;
    use alloc::format;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn reads_exactly_what_is_written() {
        assert_eq!(d("3").to_u64(), Some(3));
        assert_eq!(d("3.0").to_u64(), Some(3));
        assert_eq!(d("3.").to_u64(), Some(3));
        assert_eq!(d("1e2").to_u64(), Some(100));
        assert_eq!(d("1.5e1").to_u64(), Some(15));
        assert!(!d("2.9999999999999999").is_whole());
        assert!(!d("1.0000000000000001").is_whole());
        assert_eq!(d("7.25").scaled_u64(2), Some(725));
        assert_eq!(d("7.250").places(), 2);
        assert_eq!(d("7.996").places(), 3);
        assert_eq!(d("0.05").scaled_u64(2), Some(5));
        assert_eq!(d(".5").scaled_u64(1), Some(5));
        assert!(d("-4").negative);
        assert!(!d("-0").negative);
        assert!(d("0.000").is_zero());
        assert_eq!(d("1e999999999999999999999").to_u64(), None);
        assert_eq!(d("99999999999999999999999").to_u64(), None);
        assert_eq!(d("1e-999999999999").places(), 999_999_999_999);
        assert_eq!(Decimal::parse_typed("1e2"), None);
        assert_eq!(Decimal::parse_typed("7.5"), Decimal::parse("7.5"));
    }

    #[test]
    fn applies_the_exponent_as_written() {
        let zeros = "0".repeat(1_000_000);
        // 3 followed by a million zeros, × 10^-1000002: 0.03, not 3.
        let c = d(&format!("3{zeros}e-1000002"));
        assert!(!c.is_whole());
        assert_eq!(c.places(), 2);
        assert_eq!(c.scaled_u64(2), Some(3));
        assert_eq!(d(&format!("8{zeros}e-1000001")).scaled_u64(2), Some(80));
        assert_eq!(d(&format!("8{zeros}e-1000002")).scaled_u64(2), Some(8));
        assert_eq!(d(&format!("8{zeros}e-1000003")).places(), 3);
        assert_eq!(d(&format!("3{zeros}e-1000000")).to_u64(), Some(3));
        assert_eq!(d(&format!("0.{zeros}3e1000002")).to_u64(), Some(30));
        assert_eq!(d(&format!("0.{zeros}3e1000001")).to_u64(), Some(3));
        assert!(!d(&format!("0.{zeros}3e1000000")).is_whole());
        assert_eq!(d(&format!("1e0{zeros}2")).to_u64(), Some(100));
        assert_eq!(d(&format!("1{zeros}e-0{zeros}")).to_u64(), None);
        // Exponents past any integer: decided by their sign alone.
        let huge = "9".repeat(100);
        assert_eq!(d(&format!("1e{huge}")).to_u64(), None);
        assert!(d(&format!("1e{huge}")).is_whole());
        assert!(!d(&format!("1e-{huge}")).is_whole());
        assert_eq!(d(&format!("1e-{huge}")).places(), 1 << 63);
        assert_eq!(d(&format!("1{zeros}e-{huge}")).places(), 1 << 63);
        assert_eq!(d(&format!("0e{huge}")).to_u64(), Some(0));
        assert_eq!(d(&format!("-0.{zeros}e-{huge}")), d("0"));
        assert_eq!(d("1e18446744073709551615").to_u64(), None);
        assert!(!d("1e-18446744073709551616").is_whole());
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for s in [
            "", "-", ".", "ten", "1..2", "1e", "1e+", "0x10", "1 2", "--1", "1e5.5",
        ] {
            assert_eq!(Decimal::parse(s), None, "{s}");
        }
    }
}
