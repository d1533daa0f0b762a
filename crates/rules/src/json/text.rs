//! A [`Serialize`] value as compact JSON text, exactly as `serde_json::to_string` writes
//! it, by a small writer that the browser builds carry instead of `serde_json`'s: the JS
//! API writes its answers with it, and the widget its `impower-change` detail, so the
//! answers keep the shapes of the JSON contract, written by the rules' own `Serialize`
//! impls. Mapping, as `serde_json` writes: `None`
//! and `()` as `null`, a unit variant as its name, a sequence or tuple as an array, a
//! struct or map as an object in field order, a newtype variant `{"Name":value}`, a
//! tuple or struct variant `{"Name":[..]}` / `{"Name":{..}}`, an integer as its digits,
//! strings with the same escapes.
//!
//! Floats: the contract's only ones are hours, held in hundredths, so a float is written
//! when it is the double nearest a whole number of hundredths (`Writer::hundredths`),
//! `null` when not finite. Refused, with [`Unsupported`]: any other float (`serde_json`
//! writes the shortest text that reads back, which takes a float printer), an `f32`, a
//! map key that is not text (`serde_json` writes a number key as its digits) and a
//! 128-bit integer beyond 64 bits. The contract has none of them. `web/tests/to_js.rs`
//! compares the text with `serde_json`'s for every corpus answer.

use alloc::string::String;
use core::fmt;

use serde::ser::{self, Serialize};

/// `value` as compact JSON text, exactly as `serde_json::to_string` writes it.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    let mut w = Writer(String::with_capacity(512));
    value.serialize(&mut w)?;
    Ok(w.0)
}

/// A value this writer does not write (see the module's documentation).
#[derive(Debug, PartialEq)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value the JSON contract does not have")
    }
}

impl ser::StdError for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

type Done = Result<(), Unsupported>;

/// The text written so far.
struct Writer(String);

impl Writer {
    fn raw(&mut self, s: &str) -> Done {
        self.0.push_str(s);
        Ok(())
    }

    /// `s` as a JSON string, escaped as `serde_json` escapes.
    fn string(&mut self, s: &str) -> Done {
        crate::escape::json_string(&mut self.0, s);
        Ok(())
    }

    /// An integer's digits, `-` first when `negative`.
    fn integer(&mut self, negative: bool, mut n: u64) -> Done {
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
        Ok(())
    }

    /// A 128-bit integer, when it fits in 64 bits.
    fn wide(&mut self, negative: bool, n: u128) -> Done {
        let n = u64::try_from(n).map_err(|_| Unsupported)?;
        self.integer(negative, n)
    }

    /// A float that is the double nearest `n / 100` for a whole `n`, written as `n / 100`
    /// in decimal (`7.25`, `7.5`, `7.0`; `-0.0` for minus zero): that text reads back as
    /// the same double, and below 10^12 no shorter text does, so it is also the text
    /// `serde_json` writes. `null` when not finite, as `serde_json` writes.
    fn hundredths(&mut self, v: f64) -> Done {
        if !v.is_finite() {
            return self.raw("null");
        }
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
        self.integer(v.is_sign_negative(), n / 100)?;
        self.0.push('.');
        self.0.push(char::from(b'0' + (n / 10 % 10) as u8));
        if !n.is_multiple_of(10) {
            self.0.push(char::from(b'0' + (n % 10) as u8));
        }
        Ok(())
    }

    /// Opens an array or object: `bracket` is `[` or `{`.
    fn open(&mut self, bracket: char) -> Compound<'_> {
        self.0.push(bracket);
        Compound(self)
    }

    /// Opens `{"variant":` then the array or object of the variant's data.
    fn open_variant(&mut self, variant: &str, bracket: char) -> Result<Variant<'_>, Unsupported> {
        self.0.push('{');
        self.string(variant)?;
        self.0.push(':');
        Ok(Variant(self.open(bracket)))
    }
}

/// An array or object being written.
struct Compound<'a>(&'a mut Writer);

/// The array or object of an enum variant's data, inside `{"variant":…}`.
struct Variant<'a>(Compound<'a>);

impl Compound<'_> {
    /// A comma, unless this is the first item (a finished value never ends in `[` or `{`).
    fn comma(&mut self) {
        if !matches!(self.0 .0.as_bytes().last(), Some(b'[' | b'{')) {
            self.0 .0.push(',');
        }
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.comma();
        value.serialize(&mut *self.0)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Done {
        self.key(key);
        value.serialize(&mut *self.0)
    }

    /// `,"key":` (no comma before the first).
    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.comma();
        let _ = self.0.string(key);
        self.0 .0.push(':');
    }

    fn close(self, bracket: char) -> Done {
        self.0 .0.push(bracket);
        Ok(())
    }
}

impl Variant<'_> {
    fn close(self, bracket: char) -> Done {
        let w = self.0 .0;
        w.0.push(bracket);
        w.0.push('}');
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Variant<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.raw(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.integer(v < 0, v.unsigned_abs())
    }
    fn serialize_i128(self, v: i128) -> Done {
        self.wide(v < 0, v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.integer(false, v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.integer(false, v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.integer(false, v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.integer(false, v)
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.wide(false, v)
    }
    fn serialize_f32(self, _v: f32) -> Done {
        Err(Unsupported)
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.hundredths(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        let mut seq = self.open('[');
        for b in v {
            seq.item(b)?;
        }
        seq.close(']')
    }
    fn serialize_none(self) -> Done {
        self.raw("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.raw("null")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.raw("null")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Done {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        let mut o = self.open('{');
        o.field(variant, value)?;
        o.close('}')
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('['))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('['))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('['))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Unsupported> {
        self.open_variant(variant, '[')
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('{'))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('{'))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Unsupported> {
        self.open_variant(variant, '{')
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        self.close(']')
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        self.close(']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        self.close(']')
    }
}

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.0.item(value)
    }
    fn end(self) -> Done {
        self.close(']')
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    /// Text keys only: a key must write a JSON string.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.comma();
        let at = self.0 .0.len();
        key.serialize(&mut *self.0)?;
        if self.0 .0.as_bytes().get(at) != Some(&b'"') {
            return Err(Unsupported);
        }
        self.0 .0.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self.0)
    }
    fn end(self) -> Done {
        self.close('}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        self.close('}')
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.0.field(key, value)
    }
    fn end(self) -> Done {
        self.close('}')
    }
}
