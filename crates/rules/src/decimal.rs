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

/// The largest exponent kept; beyond it every value is "far too large" or zero anyway.
const EXP_LIMIT: i64 = 1_000_000;

impl Decimal {
    /// Reads a plain decimal: an optional sign, digits with at most one point (`7`,
    /// `-2`, `7.5`, `.5`, `3.`), and an optional exponent (`1e3`). `None` for anything
    /// else. JSON literals are a subset of this.
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
        let mut exp: i64 = 0;
        let mut seen_digit = false;
        let mut seen_point = false;
        while let Some(&c) = b.get(i) {
            match c {
                b'0'..=b'9' => {
                    seen_digit = true;
                    if seen_point {
                        exp -= 1;
                    }
                    if !(digits.is_empty() && c == b'0') {
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
            let mut e: i64 = 0;
            while let Some(&c) = b.get(i) {
                if !c.is_ascii_digit() {
                    return None;
                }
                e = (e * 10 + i64::from(c - b'0')).min(EXP_LIMIT);
                i += 1;
            }
            if i == start {
                return None;
            }
            exp += if e_negative { -e } else { e };
        }
        // Leading zeros after the point were not pushed but still scale: `0.05` is 5e-2.
        while digits.last() == Some(&0) {
            digits.pop();
            exp += 1;
        }
        if digits.is_empty() {
            return Some(Decimal {
                negative: false,
                digits,
                exp: 0,
            });
        }
        Some(Decimal {
            negative,
            digits,
            exp: exp.clamp(-EXP_LIMIT, EXP_LIMIT),
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

    /// How many decimal places the value needs (`7.25` → 2, `7.250` → 2, `7` → 0).
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
        assert_eq!(d("1e-999999999999").places(), 1_000_000);
        assert_eq!(Decimal::parse_typed("1e2"), None);
        assert_eq!(Decimal::parse_typed("7.5"), Decimal::parse("7.5"));
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
