//! A [`Serialize`] value as compact JSON text, exactly as `serde_json::to_string` writes
//! it, by a small writer that the browser builds carry instead of `serde_json`'s: the
//! widget writes its `impower-change` detail with it, so the detail keeps the shapes of
//! the JSON contract, written by the rules' own `Serialize` impls.
//!
//! The value is walked by [`super::walk`], which maps it as `serde_json` does and refuses
//! what the contract does not have; this module is the [`Sink`] that writes each value
//! down as `serde_json` writes it: no spaces, a comma between items, strings with the
//! same escapes (`crate::escape`), an integer as its digits, a float as its hundredths in
//! decimal (the contract's only floats are hours; any other float is refused, as it
//! would take a float printer). `web/tests/to_js.rs` compares the text with
//! `serde_json`'s for every corpus answer.

use alloc::string::String;

use serde::Serialize;

use super::walk::{walk, Sink, Unsupported};

/// `value` as compact JSON text, exactly as `serde_json::to_string` writes it.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    walk(value, Text(String::with_capacity(512))).map(|t| t.0)
}

/// The text written so far.
struct Text(String);

impl Text {
    /// A comma, unless this is the first item (a finished value never ends in `[` or `{`).
    fn comma(&mut self) {
        if !matches!(self.0.as_bytes().last(), Some(b'[' | b'{')) {
            self.0.push(',');
        }
    }

    /// The digits of `n`, `-` first when `negative`.
    fn integer(&mut self, negative: bool, mut n: u64) {
        // u64::MAX has 20 digits: written into the buffer from its end.
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            if let Some(d) = digits.get_mut(i) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || i == 0 {
                break;
            }
        }
        if negative {
            self.0.push('-');
        }
        for &d in digits.get(i..).unwrap_or_default() {
            self.0.push(char::from(d));
        }
    }
}

impl Sink for Text {
    fn null(&mut self) {
        self.0.push_str("null");
    }

    fn bool(&mut self, v: bool) {
        self.0.push_str(if v { "true" } else { "false" });
    }

    fn signed(&mut self, v: i64) {
        self.integer(v < 0, v.unsigned_abs());
    }

    fn unsigned(&mut self, v: u64) {
        self.integer(false, v);
    }

    /// The contract's only floats are hours, held in hundredths: a float is written when
    /// it is the double nearest `n / 100` for a whole `n`, as `n / 100` in decimal
    /// (`7.25`, `7.5`, `7.0`; `-0.0` for minus zero). That text reads back as the same
    /// double, and below 10^12 no shorter text does, so it is also the text `serde_json`
    /// writes. Any other float is refused: `serde_json` writes the shortest text that
    /// reads back, which takes a float printer.
    fn float(&mut self, v: f64) -> Result<(), Unsupported> {
        let a = v.abs();
        if a >= 1e12 {
            return Err(Unsupported);
        }
        // `a` is not negative: the cast truncates, which is the floor here (no_std has
        // no `f64::floor`).
        let n = (a * 100.0 + 0.5) as u64;
        if n as f64 / 100.0 != a {
            return Err(Unsupported);
        }
        self.integer(v.is_sign_negative(), n / 100);
        self.0.push('.');
        self.0.push(char::from(b'0' + (n / 10 % 10) as u8));
        if !n.is_multiple_of(10) {
            self.0.push(char::from(b'0' + (n % 10) as u8));
        }
        Ok(())
    }

    /// `s` as a JSON string, escaped as `serde_json` escapes.
    fn str(&mut self, s: &str) {
        crate::escape::json_string(&mut self.0, s);
    }

    /// `,"key":` (no comma before the first).
    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.comma();
        crate::escape::json_string(&mut self.0, key);
        self.0.push(':');
    }

    fn element(&mut self) {
        self.comma();
    }

    fn open_array(&mut self) {
        self.0.push('[');
    }

    fn close_array(&mut self) {
        self.0.push(']');
    }

    fn open_object(&mut self) {
        self.0.push('{');
    }

    fn close_object(&mut self) {
        self.0.push('}');
    }
}
