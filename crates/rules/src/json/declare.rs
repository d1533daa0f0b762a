//! The contract's requests, declared once.
//!
//! [`request!`] declares a request shape: its fields in reading order, whether each is
//! required, optional or optional with a default, its type and its documentation. From
//! that one declaration come
//!
//! - the struct the request is read into, and the reader ([`Wire::read`]): unknown
//!   fields refused, required fields asked for, every value checked for its type, closed
//!   set and bounds, every refusal naming the field's exact path;
//! - the writer (`Serialize`): what the app's export writes, read back as the same
//!   request (a test reads every spec request, writes it and reads it again);
//! - the description ([`Shape`], [`Ty`]) from which the TypeScript declarations
//!   (`crates/typescript`) and the fuzzer's vocabulary (`fuzz/driver`) are generated.
//!
//! Adding a request field is one line here (plus its rule and spec case). Rules that
//! join several fields (a role's project against the request's count, S3 derived from
//! the coach) stay with the rule that decides them (`requests.rs`).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use chrono::NaiveDate;

use super::obj::{wrong_type, Obj};
use super::Json;
use crate::error::{quote, ErrorCode, InputError};
use crate::hours::Hours;
use crate::wire::Closed;

/// A declared field's type, as the contract writes it.
#[derive(Clone, Debug)]
pub enum Ty {
    /// `true` or `false`.
    Bool,
    /// A whole number as written, from `min` to `max`.
    Count {
        /// The least.
        min: u32,
        /// The most.
        max: u32,
    },
    /// Weekly hours: a number from 0 to 168 with at most two decimal places.
    Hours,
    /// `YYYY-MM-DD`.
    Date,
    /// Any text.
    Text,
    /// One of a closed set of names.
    OneOf(&'static [&'static str]),
    /// Distinct names of a closed set, as an array.
    SetOf(&'static [&'static str]),
    /// An array of values.
    List(Box<Ty>),
    /// A value, or `null` (RULES.md, "Drafts": not answered yet).
    OrNull(Box<Ty>),
    /// A declared object.
    Object(fn() -> Shape),
    /// Exactly this text.
    Lit(&'static str),
    /// A whole number from 1 to this one (an export's `version`).
    UpTo(u32),
    /// An object carried, never read.
    Map,
    /// Nothing: a field another alternative has (`team` in an `assess` without one).
    Undefined,
}

/// How a field may be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// It must be given.
    Required,
    /// It may be left out.
    Optional,
    /// It may be left out; then the default holds.
    Defaulted,
    /// It must not be given: it follows from another answer (the message says which).
    Refused(&'static str),
}

/// A declared field.
#[derive(Clone, Debug)]
pub struct Field {
    /// Its JSON name.
    pub name: &'static str,
    /// Its type.
    pub ty: Ty,
    /// Whether it must, may or must not be given.
    pub presence: Presence,
    /// What it means, in one line (never a program fact: those are in `program`).
    pub doc: &'static str,
}

/// A declared object: its TypeScript name, documentation and fields in reading order.
#[derive(Clone, Debug)]
pub struct Shape {
    /// Its TypeScript name.
    pub name: &'static str,
    /// What it is.
    pub doc: &'static str,
    /// Its fields.
    pub fields: Vec<Field>,
}

impl Shape {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A value the contract reads: its type, and how it is read from JSON. `at` is the
/// value's path, written only for a refusal.
pub trait Wire: Sized {
    /// Its declared type.
    fn ty() -> Ty;
    /// Reads it.
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError>;
}

/// Where a value is in the request: built into a path only when refused.
#[derive(Clone, Copy, Debug)]
pub enum At<'a> {
    /// The field `key` of the object at `parent`.
    Field(&'a str, &'a str),
    /// Item `index` of the array at `parent`.
    Item(&'a str, usize),
}

impl At<'_> {
    /// The path, as errors write it (`team.people[2].name`).
    pub fn path(&self) -> String {
        match *self {
            At::Field(parent, key) => crate::path::join(parent, key),
            At::Item(parent, i) => crate::path::index(parent, i),
        }
    }
}

impl Wire for bool {
    fn ty() -> Ty {
        Ty::Bool
    }
    #[inline(never)]
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        match v {
            Json::Bool(b) => Ok(*b),
            v => Err(wrong_type(&at.path(), "true or false", v)),
        }
    }
}

impl Wire for String {
    fn ty() -> Ty {
        Ty::Text
    }
    #[inline(never)]
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        match v {
            Json::String(s) => Ok(s.clone()),
            v => Err(wrong_type(&at.path(), "a string", v)),
        }
    }
}

/// A number literal's text, or the refusal.
#[inline(never)]
fn number<'a>(v: &'a Json, at: &At<'_>, want: &str) -> Result<&'a str, InputError> {
    match v {
        Json::Number(n) => Ok(n),
        v => Err(wrong_type(&at.path(), want, v)),
    }
}

impl Wire for Hours {
    fn ty() -> Ty {
        Ty::Hours
    }
    #[inline(never)]
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        Hours::from_literal(number(v, at, "a number")?, "").map_err(|e| e.under(&at.path()))
    }
}

impl Wire for NaiveDate {
    fn ty() -> Ty {
        Ty::Date
    }
    #[inline(never)]
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        match v {
            Json::String(s) => crate::date::parse(s, "").map_err(|e| e.under(&at.path())),
            v => Err(wrong_type(&at.path(), "a string", v)),
        }
    }
}

/// A whole number as written, from `MIN` to `MAX`: `3` and `3.0` are 3; a fraction, a
/// negative or a number past the bounds is refused at its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count<const MIN: u32, const MAX: u32>(pub u32);

/// A whole number as written, within `min..=max`.
#[inline(never)]
fn count(v: &Json, at: &At<'_>, min: u32, max: u32) -> Result<u32, InputError> {
    let text = number(v, at, "a whole number")?;
    let n = super::obj::whole(text).map_err(|e| e.under(&at.path()))?;
    crate::bounds::count("", n, min, max).map_err(|e| e.under(&at.path()))
}

impl<const MIN: u32, const MAX: u32> Wire for Count<MIN, MAX> {
    fn ty() -> Ty {
        Ty::Count { min: MIN, max: MAX }
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        count(v, at, MIN, MAX).map(Count)
    }
}

/// One name of a closed set (an enum declared with `wire_enum!`).
#[inline(never)]
pub(crate) fn key_of(v: &Json, at: &At<'_>, keys: &[&str]) -> Result<usize, InputError> {
    let Json::String(s) = v else {
        return Err(wrong_type(&at.path(), "a string", v));
    };
    keys.iter().position(|k| k == s).ok_or_else(|| {
        InputError::new(
            ErrorCode::UnknownValue,
            at.path(),
            format!("{} is not known: use one of {}", quote(s), keys.join(", ")),
        )
    })
}

impl<T: Closed> Wire for T {
    fn ty() -> Ty {
        Ty::OneOf(T::KEYS)
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        let i = key_of(v, at, T::KEYS)?;
        T::ALL
            .get(i)
            .copied()
            .ok_or_else(|| InputError::new(ErrorCode::UnknownValue, at.path(), "not a known value"))
    }
}

/// Distinct names of a closed set: a name given twice is refused at its place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Set<T>(pub Vec<T>);

impl<T: Closed> Wire for Set<T> {
    fn ty() -> Ty {
        Ty::SetOf(T::KEYS)
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        let items = list(v, at)?;
        let parent = at.path();
        let mut out: Vec<T> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let x = T::read(item, &At::Item(&parent, i))?;
            if out.contains(&x) {
                return Err(InputError::new(
                    ErrorCode::Duplicate,
                    crate::path::index(&parent, i),
                    format!("{} is listed twice", quote(x.key())),
                ));
            }
            out.push(x);
        }
        Ok(Set(out))
    }
}

/// An array's items, or the refusal.
#[inline(never)]
fn list<'a>(v: &'a Json, at: &At<'_>) -> Result<&'a [Json], InputError> {
    match v {
        Json::Array(a) => Ok(a),
        v => Err(wrong_type(&at.path(), "an array", v)),
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn ty() -> Ty {
        Ty::List(Box::new(T::ty()))
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        let items = list(v, at)?;
        let parent = at.path();
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::read(item, &At::Item(&parent, i))?);
        }
        Ok(out)
    }
}

/// A value or `null`: `None` is "not answered yet" (RULES.md, "Drafts").
impl<T: Wire> Wire for Option<T> {
    fn ty() -> Ty {
        Ty::OrNull(Box::new(T::ty()))
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        match v {
            Json::Null => Ok(None),
            v => T::read(v, at).map(Some),
        }
    }
}

/// The object of a declared shape at `at`, its unknown fields refused.
#[inline(never)]
pub(crate) fn object<'a>(
    v: &'a Json,
    at: &At<'_>,
    allowed: &[&str],
) -> Result<Obj<'a>, InputError> {
    Obj::new(v, &at.path(), allowed)
}

/// A field that follows from another answer: refused when given.
#[inline(never)]
pub(crate) fn refuse(o: &Obj<'_>, key: &str, why: &str) -> Result<(), InputError> {
    match o.field(key) {
        Some(_) => Err(InputError::new(ErrorCode::DerivedField, o.at(key), why)),
        None => Ok(()),
    }
}

/// Declares a request shape (see the module's documentation). Each field is
/// `req name: T` (must be given), `opt name: T` (may be left out: `Option<T>`),
/// `opt name: T = default` (may be left out: then `default`) or `refused name: T =
/// "why"` (follows from another answer: refused with `derived_field`, never held).
/// Field names are the JSON names, in reading order.
macro_rules! request {
    (
        $(#[doc = $doc:literal])*
        #[ts = $ts:literal]
        pub struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $mode:ident $field:ident : $ty:ty $(= $default:expr)? ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, PartialEq)]
        #[allow(non_snake_case)]
        pub struct $name {
            $( $(#[doc = $fdoc])* pub $field: $crate::json::declare::request!(@ty $mode $ty $(= $default)?), )*
        }

        impl $name {
            /// The JSON names of its fields, in reading order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Its declaration.
            pub fn shape() -> $crate::json::declare::Shape {
                $crate::json::declare::Shape {
                    name: $ts,
                    doc: concat!($($doc),*).trim_ascii(),
                    fields: alloc::vec![$(
                        $crate::json::declare::Field {
                            name: stringify!($field),
                            ty: <$ty as $crate::json::declare::Wire>::ty(),
                            presence: $crate::json::declare::request!(@presence $mode $(= $default)?),
                            doc: concat!($($fdoc),*).trim_ascii(),
                        }
                    ),*],
                }
            }
        }

        impl $crate::json::declare::Wire for $name {
            fn ty() -> $crate::json::declare::Ty {
                $crate::json::declare::Ty::Object(Self::shape)
            }

            fn read(
                v: &$crate::json::Json,
                at: &$crate::json::declare::At<'_>,
            ) -> Result<Self, $crate::error::InputError> {
                let o = $crate::json::declare::object(v, at, Self::FIELDS)?;
                let here = o.path();
                Ok($name {
                    $( $field: $crate::json::declare::request!(@read $mode o here $field $ty $(= $default)?), )*
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let mut out = s.serialize_struct(stringify!($name), Self::FIELDS.len())?;
                $( $crate::json::declare::request!(@write $mode out self $field $(= $default)?); )*
                out.end()
            }
        }
    };

    (@ty req $ty:ty) => { $ty };
    (@ty opt $ty:ty) => { Option<$ty> };
    (@ty opt $ty:ty = $default:expr) => { $ty };
    (@ty refused $ty:ty = $why:expr) => { () };

    (@presence req) => { $crate::json::declare::Presence::Required };
    (@presence opt) => { $crate::json::declare::Presence::Optional };
    (@presence opt = $default:expr) => { $crate::json::declare::Presence::Defaulted };
    (@presence refused = $why:expr) => { $crate::json::declare::Presence::Refused($why) };

    (@read req $o:ident $here:ident $field:ident $ty:ty) => {
        <$ty as $crate::json::declare::Wire>::read(
            $o.get(stringify!($field))?,
            &$crate::json::declare::At::Field($here, stringify!($field)),
        )?
    };
    (@read opt $o:ident $here:ident $field:ident $ty:ty) => {
        match $o.field(stringify!($field)) {
            None => None,
            Some(v) => Some(<$ty as $crate::json::declare::Wire>::read(
                v,
                &$crate::json::declare::At::Field($here, stringify!($field)),
            )?),
        }
    };
    (@read opt $o:ident $here:ident $field:ident $ty:ty = $default:expr) => {
        match $o.field(stringify!($field)) {
            None => $default,
            Some(v) => <$ty as $crate::json::declare::Wire>::read(
                v,
                &$crate::json::declare::At::Field($here, stringify!($field)),
            )?,
        }
    };
    (@read refused $o:ident $here:ident $field:ident $ty:ty = $why:expr) => {
        $crate::json::declare::refuse(&$o, stringify!($field), $why)?
    };

    (@write req $out:ident $self:ident $field:ident) => {
        $out.serialize_field(stringify!($field), &$self.$field)?
    };
    (@write opt $out:ident $self:ident $field:ident) => {
        match &$self.$field {
            Some(v) => $out.serialize_field(stringify!($field), v)?,
            None => $out.skip_field(stringify!($field))?,
        }
    };
    (@write opt $out:ident $self:ident $field:ident = $default:expr) => {
        $out.serialize_field(stringify!($field), &$self.$field)?
    };
    (@write refused $out:ident $self:ident $field:ident = $why:expr) => {
        $out.skip_field(stringify!($field))?
    };
}

pub(crate) use request;

impl<const MIN: u32, const MAX: u32> serde::Serialize for Count<MIN, MAX> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

impl<T: serde::Serialize> serde::Serialize for Set<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// A date written as `YYYY-MM-DD` (chrono's own `Serialize` is not compiled in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day(pub NaiveDate);

impl Wire for Day {
    fn ty() -> Ty {
        Ty::Date
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        NaiveDate::read(v, at).map(Day)
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::date::format(self.0))
    }
}

/// A field that this alternative does not have (see [`Ty::Undefined`]): never read,
/// since a request that has it is read as the other alternative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Never;

impl Wire for Never {
    fn ty() -> Ty {
        Ty::Undefined
    }
    fn read(_: &Json, at: &At<'_>) -> Result<Self, InputError> {
        Err(InputError::new(
            ErrorCode::UnknownField,
            at.path(),
            "this field belongs to another kind of request",
        ))
    }
}

impl serde::Serialize for Never {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit()
    }
}
