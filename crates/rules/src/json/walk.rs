//! The one walk that writes an answer: a [`Serialize`] value mapped onto JSON's values
//! and handed, token by token, to a [`Sink`] that writes them down. Two sinks: the JSON
//! text of [`super::text`] (the widget's `impower-change` detail) and the JS API's tape
//! (`crates/embed/src/tape.rs`). Whatever the sink, the mapping is this one, which is
//! `serde_json`'s:
//!
//! | serde | JSON | sink calls |
//! |---|---|---|
//! | `None`, `()`, a unit struct | `null` | [`Sink::null`] |
//! | `bool` | `true` / `false` | [`Sink::bool`] |
//! | an integer of 8 to 64 bits (128 within `i64` or `u64`) | a number | [`Sink::signed`], [`Sink::unsigned`] |
//! | `f64` | a number; `null` when not finite | [`Sink::float`], [`Sink::null`] |
//! | `str`, `char`, a unit variant | a string (the variant's name) | [`Sink::str`] |
//! | `Some(v)`, a newtype struct | `v` | `v`'s |
//! | bytes, a sequence, a tuple, a tuple struct | an array | `open_array`, [`Sink::element`] before each item, `close_array` |
//! | a struct, a map (text keys) | an object, in field order | `open_object`, [`Sink::key`] before each value, `close_object` |
//! | a newtype variant | `{"Name":v}` | an object of one key |
//! | a tuple or struct variant | `{"Name":[..]}` / `{"Name":{..}}` | an object of one key holding an array / object |
//!
//! Refused with [`Unsupported`], whatever the sink: an `f32`, a map key that is not text
//! (`serde_json` writes a number key as its digits) and a 128-bit integer outside `i64`
//! and `u64`; and by a sink, a float it cannot write (the text takes whole hundredths
//! only, see [`super::text`]). The contract has none of them.
//!
//! The walk is monomorphised per value type and sink, as a hand-written serializer is;
//! each build carries one sink (the app the text, the JS API the tape).

use core::fmt;

use serde::ser::{self, Impossible, Serialize};

/// Where [`walk`] writes a value's JSON, one call per JSON token. Text (a string or a key)
/// comes as `&str`: when it is the program's own (a field or variant name, a
/// `&'static str` of the rule book) it points into the data segment, which a sink may
/// tell from temporaries by its address.
pub trait Sink {
    /// `null`.
    fn null(&mut self);
    /// `true` or `false`.
    fn bool(&mut self, v: bool);
    /// An integer that fits in 64 bits signed.
    fn signed(&mut self, v: i64);
    /// An integer that fits in 64 bits unsigned.
    fn unsigned(&mut self, v: u64);
    /// A finite float, or [`Unsupported`] when the sink cannot write it (the text: any
    /// but whole hundredths).
    fn float(&mut self, v: f64) -> Result<(), Unsupported>;
    /// A string.
    fn str(&mut self, s: &str);
    /// An object's key: before its value, the first after `open_object` or the value
    /// before.
    fn key(&mut self, key: &str);
    /// Before each item of an array.
    fn element(&mut self);
    /// `[`.
    fn open_array(&mut self);
    /// `]`.
    fn close_array(&mut self);
    /// `{`.
    fn open_object(&mut self);
    /// `}`.
    fn close_object(&mut self);
}

/// A value this walk does not write (see the module's documentation).
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

/// `value` written into `sink`, which is given back; on a refusal the sink is dropped
/// with what it held.
pub fn walk<S: Sink, T: Serialize + ?Sized>(value: &T, sink: S) -> Result<S, Unsupported> {
    let mut w = Walk(sink);
    value.serialize(&mut w)?;
    Ok(w.0)
}

type Done = Result<(), Unsupported>;

/// The serializer: the sink being written.
struct Walk<S>(S);

impl<S: Sink> Walk<S> {
    /// A float: `null` when not finite, as `serde_json` writes.
    fn float(&mut self, v: f64) -> Done {
        if v.is_finite() {
            self.0.float(v)
        } else {
            self.0.null();
            Ok(())
        }
    }

    /// `{"variant":` then `[` or `{`: closed by [`Walk::close_variant`].
    fn open_variant(&mut self, variant: &str, array: bool) {
        self.0.open_object();
        self.0.key(variant);
        if array {
            self.0.open_array();
        } else {
            self.0.open_object();
        }
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.0.element();
        value.serialize(self)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Done {
        self.0.key(key);
        value.serialize(self)
    }

    fn close_array(&mut self) -> Done {
        self.0.close_array();
        Ok(())
    }

    fn close_object(&mut self) -> Done {
        self.0.close_object();
        Ok(())
    }

    fn close_variant(&mut self, array: bool) -> Done {
        if array {
            self.0.close_array();
        } else {
            self.0.close_object();
        }
        self.0.close_object();
        Ok(())
    }
}

impl<S: Sink> ser::Serializer for &mut Walk<S> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.0.bool(v);
        Ok(())
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
        self.0.signed(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Done {
        if let Ok(v) = i64::try_from(v) {
            self.serialize_i64(v)
        } else {
            self.serialize_u128(v as u128)
        }
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.0.unsigned(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.serialize_u64(u64::try_from(v).map_err(|_| Unsupported)?)
    }
    fn serialize_f32(self, _v: f32) -> Done {
        Err(Unsupported)
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.0.str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.0.str(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.0.open_array();
        for &b in v {
            self.0.element();
            self.0.unsigned(b.into());
        }
        self.close_array()
    }
    fn serialize_none(self) -> Done {
        self.0.null();
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.0.null();
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.0.null();
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Done {
        self.0.str(variant);
        Ok(())
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
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.0.open_object();
        self.field(variant, value)?;
        self.close_object()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Unsupported> {
        self.0.open_array();
        Ok(self)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self, Unsupported> {
        self.0.open_array();
        Ok(self)
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self, Unsupported> {
        self.0.open_array();
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Unsupported> {
        self.open_variant(variant, true);
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Unsupported> {
        self.0.open_object();
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Unsupported> {
        self.0.open_object();
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Unsupported> {
        self.open_variant(variant, false);
        Ok(self)
    }
}

impl<S: Sink> ser::SerializeSeq for &mut Walk<S> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        self.close_array()
    }
}

impl<S: Sink> ser::SerializeTuple for &mut Walk<S> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        self.close_array()
    }
}

impl<S: Sink> ser::SerializeTupleStruct for &mut Walk<S> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        self.close_array()
    }
}

impl<S: Sink> ser::SerializeTupleVariant for &mut Walk<S> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        self.close_variant(true)
    }
}

impl<S: Sink> ser::SerializeMap for &mut Walk<S> {
    type Ok = ();
    type Error = Unsupported;
    /// Text keys only, as JSON has.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(Key(&mut self.0))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.close_object()
    }
}

impl<S: Sink> ser::SerializeStruct for &mut Walk<S> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        self.close_object()
    }
}

impl<S: Sink> ser::SerializeStructVariant for &mut Walk<S> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        self.close_variant(false)
    }
}

/// A map's key: text (a string, a character, a unit variant's name, or one of them inside
/// `Some` or a newtype struct), written by [`Sink::key`]; anything else is refused.
struct Key<'a, S>(&'a mut S);

impl<S: Sink> Key<'_, S> {
    fn text(self, key: &str) -> Done {
        self.0.key(key);
        Ok(())
    }
}

impl<S: Sink> ser::Serializer for Key<'_, S> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Impossible<(), Unsupported>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Impossible<(), Unsupported>;
    type SerializeStruct = Impossible<(), Unsupported>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Done {
        self.text(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Done {
        self.text(variant)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }

    fn serialize_bool(self, _v: bool) -> Done {
        Err(Unsupported)
    }
    fn serialize_i8(self, _v: i8) -> Done {
        Err(Unsupported)
    }
    fn serialize_i16(self, _v: i16) -> Done {
        Err(Unsupported)
    }
    fn serialize_i32(self, _v: i32) -> Done {
        Err(Unsupported)
    }
    fn serialize_i64(self, _v: i64) -> Done {
        Err(Unsupported)
    }
    fn serialize_u8(self, _v: u8) -> Done {
        Err(Unsupported)
    }
    fn serialize_u16(self, _v: u16) -> Done {
        Err(Unsupported)
    }
    fn serialize_u32(self, _v: u32) -> Done {
        Err(Unsupported)
    }
    fn serialize_u64(self, _v: u64) -> Done {
        Err(Unsupported)
    }
    fn serialize_f32(self, _v: f32) -> Done {
        Err(Unsupported)
    }
    fn serialize_f64(self, _v: f64) -> Done {
        Err(Unsupported)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Done {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Done {
        Err(Unsupported)
    }
    fn serialize_unit(self) -> Done {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Done {
        Err(Unsupported)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

#[cfg(test)]
mod tests {
    use alloc::collections::BTreeMap;
    use alloc::format;
    use alloc::string::{String, ToString};
    use alloc::vec;
    use alloc::vec::Vec;

    use serde::Serialize;

    use super::*;
    use crate::json::text::to_json;

    /// The sink calls, one word each.
    #[derive(Default)]
    struct Calls(Vec<String>);

    impl Sink for Calls {
        fn null(&mut self) {
            self.0.push("null".into());
        }
        fn bool(&mut self, v: bool) {
            self.0.push(format!("{v}"));
        }
        fn signed(&mut self, v: i64) {
            self.0.push(format!("i({v})"));
        }
        fn unsigned(&mut self, v: u64) {
            self.0.push(format!("u({v})"));
        }
        fn float(&mut self, v: f64) -> Result<(), Unsupported> {
            self.0.push(format!("f({v:?})"));
            Ok(())
        }
        fn str(&mut self, s: &str) {
            self.0.push(format!("str({s})"));
        }
        fn key(&mut self, key: &str) {
            self.0.push(format!("key({key})"));
        }
        fn element(&mut self) {
            self.0.push(",".into());
        }
        fn open_array(&mut self) {
            self.0.push("[".into());
        }
        fn close_array(&mut self) {
            self.0.push("]".into());
        }
        fn open_object(&mut self) {
            self.0.push("{".into());
        }
        fn close_object(&mut self) {
            self.0.push("}".into());
        }
    }

    fn calls<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
        walk(value, Calls::default()).map(|c| c.0.join(" "))
    }

    #[derive(Serialize)]
    struct UnitStruct;

    #[derive(Serialize)]
    struct Newtype(u16);

    #[derive(Serialize)]
    struct TupleStruct(i8, char);

    #[derive(Serialize)]
    struct Struct {
        a: bool,
        b: Option<u32>,
    }

    #[derive(Serialize)]
    enum Variant {
        Unit,
        Newtype(u8),
        Tuple(i32, &'static str),
        Struct { a: bool, b: Option<u32> },
    }

    #[derive(Serialize)]
    struct Inner {
        inner: f64,
    }

    #[derive(Serialize)]
    struct Flattened {
        outer: (),
        #[serde(flatten)]
        flat: Inner,
    }

    /// A byte string: serialized with `serialize_bytes`.
    struct Bytes(&'static [u8]);

    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }

    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    enum KeyName {
        Name,
    }

    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct KeyText(&'static str);

    #[test]
    fn every_case_of_the_data_model_calls_the_sink_as_json_has_it() {
        let cases: Vec<(Result<String, Unsupported>, &str)> = vec![
            (calls(&()), "null"),
            (calls(&None::<u8>), "null"),
            (calls(&Some(true)), "true"),
            (calls(&false), "false"),
            (calls(&UnitStruct), "null"),
            (calls(&-3i8), "i(-3)"),
            (calls(&i16::MIN), "i(-32768)"),
            (calls(&7i32), "i(7)"),
            (calls(&i64::MIN), "i(-9223372036854775808)"),
            (calls(&0i64), "i(0)"),
            (calls(&i128::from(i64::MIN)), "i(-9223372036854775808)"),
            (calls(&i128::from(u64::MAX)), "u(18446744073709551615)"),
            (calls(&255u8), "u(255)"),
            (calls(&u16::MAX), "u(65535)"),
            (calls(&u32::MAX), "u(4294967295)"),
            (calls(&u64::MAX), "u(18446744073709551615)"),
            (calls(&u128::from(u64::MAX)), "u(18446744073709551615)"),
            (calls(&7.25f64), "f(7.25)"),
            (calls(&-0.5f64), "f(-0.5)"),
            (calls(&-0.0f64), "f(-0.0)"),
            (calls(&f64::NAN), "null"),
            (calls(&f64::NEG_INFINITY), "null"),
            (calls(&'é'), "str(é)"),
            (calls("text"), "str(text)"),
            (calls(&Newtype(9)), "u(9)"),
            (calls(&Bytes(&[1, 2])), "[ , u(1) , u(2) ]"),
            (calls(&Vec::<u8>::new()), "[ ]"),
            (calls(&vec![Some(1u8), None]), "[ , u(1) , null ]"),
            (calls(&(1u8, "a")), "[ , u(1) , str(a) ]"),
            (calls(&TupleStruct(-1, 'x')), "[ , i(-1) , str(x) ]"),
            (
                calls(&Struct { a: true, b: None }),
                "{ key(a) true key(b) null }",
            ),
            (
                calls(&BTreeMap::from([("k", 1u8), ("j", 2)])),
                "{ key(j) u(2) key(k) u(1) }",
            ),
            (calls(&Variant::Unit), "str(Unit)"),
            (calls(&Variant::Newtype(4)), "{ key(Newtype) u(4) }"),
            (
                calls(&Variant::Tuple(-2, "t")),
                "{ key(Tuple) [ , i(-2) , str(t) ] }",
            ),
            (
                calls(&Variant::Struct {
                    a: false,
                    b: Some(3),
                }),
                "{ key(Struct) { key(a) false key(b) u(3) } }",
            ),
            // A flattened struct is written as a map: keys through `serialize_key`.
            (
                calls(&Flattened {
                    outer: (),
                    flat: Inner { inner: 1.5 },
                }),
                "{ key(outer) null key(inner) f(1.5) }",
            ),
            // Text keys of every kind.
            (calls(&BTreeMap::from([('c', ())])), "{ key(c) null }"),
            (
                calls(&BTreeMap::from([(KeyName::Name, ())])),
                "{ key(Name) null }",
            ),
            (calls(&BTreeMap::from([(Some("s"), ())])), "{ key(s) null }"),
            (
                calls(&BTreeMap::from([(KeyText("n"), ())])),
                "{ key(n) null }",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got.as_deref(), Ok(expected));
        }
    }

    #[test]
    fn what_the_contract_does_not_have_is_refused() {
        assert_eq!(calls(&0.5f32), Err(Unsupported));
        assert_eq!(calls(&(u128::from(u64::MAX) + 1)), Err(Unsupported));
        assert_eq!(calls(&(i128::from(i64::MIN) - 1)), Err(Unsupported));
        assert_eq!(calls(&BTreeMap::from([(1u8, 2u8)])), Err(Unsupported));
        assert_eq!(calls(&BTreeMap::from([(true, 2u8)])), Err(Unsupported));
        assert_eq!(calls(&BTreeMap::from([((), 2u8)])), Err(Unsupported));
        assert_eq!(
            calls(&BTreeMap::from([(None::<&str>, 2u8)])),
            Err(Unsupported)
        );
        assert_eq!(calls(&BTreeMap::from([(vec!["a"], 2u8)])), Err(Unsupported));
        assert_eq!(calls(&[[(0.5f32,)]]), Err(Unsupported), "deep inside");
        // The text's floats: whole hundredths below 10^12 only.
        for x in [1.0f64 / 3.0, 0.125, 7.125, 0.005, 1e12, -1e12, 1e300] {
            assert_eq!(to_json(&x), Err(Unsupported), "{x}");
            assert_eq!(calls(&x), Ok(format!("f({x:?})")), "{x}");
        }
        assert_eq!(to_json(&[[0.005f64]]), Err(Unsupported), "deep inside");
    }
    #[derive(Serialize)]
    struct Every {
        text: &'static str,
        unit: (),
        unit_struct: UnitStruct,
        none: Option<u8>,
        some: Option<i16>,
        bools: (bool, bool),
        ints: (i8, i16, i32, i64, i128),
        uints: (u8, u16, u32, u64, u128),
        floats: Vec<f64>,
        character: char,
        bytes: Bytes,
        newtype: Newtype,
        tuple_struct: TupleStruct,
        variants: Vec<Variant>,
        empty: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        map: BTreeMap<String, Vec<u32>>,
        keys: BTreeMap<KeyName, char>,
        #[serde(flatten)]
        flat: Inner,
    }

    #[test]
    fn the_text_sink_writes_what_serde_json_writes() {
        let every = Every {
            text: "quote \" backslash \\ newline \n tab \t nul \u{0} \u{1f} é — 𝄞 \u{7f}",
            unit: (),
            unit_struct: UnitStruct,
            none: None,
            some: Some(-12),
            bools: (true, false),
            ints: (i8::MIN, -1, 0, i64::MIN, i128::from(i64::MAX)),
            uints: (0, 1, u32::MAX, u64::MAX, u128::from(u64::MAX)),
            floats: vec![
                0.0,
                -0.0,
                7.25,
                7.5,
                7.0,
                -3.05,
                123456789.99,
                f64::NAN,
                f64::INFINITY,
            ],
            character: '"',
            bytes: Bytes(&[0, 255]),
            newtype: Newtype(65535),
            tuple_struct: TupleStruct(-128, 'z'),
            variants: vec![
                Variant::Unit,
                Variant::Newtype(7),
                Variant::Tuple(-3, "x"),
                Variant::Struct { a: true, b: None },
            ],
            empty: vec![],
            empty_map: BTreeMap::new(),
            map: BTreeMap::from([("b".to_string(), vec![1, 2]), ("a\"".to_string(), vec![])]),
            keys: BTreeMap::from([(KeyName::Name, 'k')]),
            flat: Inner { inner: 0.01 },
        };
        let expected = serde_json::to_string(&every).map_err(|_| Unsupported);
        assert_eq!(to_json(&every), expected);
        // Each part alone too: a value at the top, with no comma before it.
        assert_eq!(
            to_json(&every.variants),
            serde_json::to_string(&every.variants).map_err(|_| Unsupported)
        );
        assert_eq!(
            to_json(&every.floats),
            serde_json::to_string(&every.floats).map_err(|_| Unsupported)
        );
        assert_eq!(to_json(&Variant::Unit).as_deref(), Ok("\"Unit\""));
        assert_eq!(to_json(&-7i64).as_deref(), Ok("-7"));
    }
}
