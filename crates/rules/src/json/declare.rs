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
    /// It must be given, unless a roster answers it (`readiness` beside a `team` in
    /// `assess`: C1 and C2 come from the roster).
    Roster,
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

/// A value the contract reads: its type, and how it is read from JSON. `at` is the
/// value's path, written only for a refusal.
pub trait Wire: Sized {
    /// Its declared type.
    fn ty() -> Ty;
    /// Reads it.
    fn read(v: &Json, at: &At<'_>) -> Read<Self>;
}

/// A refusal while reading, boxed: a field's result is then two words, which keeps the
/// code that passes it on small (each declared field has some).
#[derive(Debug)]
pub struct Refusal(pub Box<InputError>);

impl From<InputError> for Refusal {
    #[inline(never)]
    fn from(e: InputError) -> Self {
        Refusal(Box::new(e))
    }
}

/// What reading a declared value gives.
pub type Read<T> = Result<T, Refusal>;

/// Where a value is in the request, as a chain up to the root: built into a path
/// (`team.people[2].name`) only when refused, so reading allocates no path.
#[derive(Clone, Copy, Debug)]
pub enum At<'a> {
    /// The request itself, at this path ("" for the whole request).
    Root(&'a str),
    /// The field `key` of the object at the first.
    Field(&'a At<'a>, &'a str),
    /// Item `index` of the array at the first.
    Item(&'a At<'a>, usize),
}

impl At<'_> {
    /// The path, as errors write it.
    pub fn path(&self) -> String {
        match *self {
            At::Root(path) => String::from(path),
            At::Field(parent, key) => crate::path::key(&parent.path(), key),
            At::Item(parent, i) => crate::path::index(&parent.path(), i),
        }
    }
}

impl Wire for bool {
    fn ty() -> Ty {
        Ty::Bool
    }
    #[inline(never)]
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        match v {
            Json::Bool(b) => Ok(*b),
            v => Err(wrong_type(&at.path(), "true or false", v).into()),
        }
    }
}

impl Wire for String {
    fn ty() -> Ty {
        Ty::Text
    }
    #[inline(never)]
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        match v {
            Json::String(s) => Ok(s.clone()),
            v => Err(wrong_type(&at.path(), "a string", v).into()),
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
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        Ok(Hours::from_literal(number(v, at, "a number")?, "").map_err(|e| e.under(&at.path()))?)
    }
}

impl Wire for NaiveDate {
    fn ty() -> Ty {
        Ty::Date
    }
    #[inline(never)]
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        match v {
            Json::String(s) => Ok(crate::date::parse(s, "").map_err(|e| e.under(&at.path()))?),
            v => Err(wrong_type(&at.path(), "a string", v).into()),
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
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        Ok(Count(count(v, at, MIN, MAX)?))
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
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        let i = key_of(v, at, T::KEYS)?;
        T::ALL.get(i).copied().ok_or_else(|| {
            InputError::new(ErrorCode::UnknownValue, at.path(), "not a known value").into()
        })
    }
}

/// Distinct names of a closed set: a name given twice is refused at its place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Set<T>(pub Vec<T>);

/// Distinct names of `keys`, as positions in it: the part of reading a [`Set`] that
/// does not depend on its type.
#[inline(never)]
fn positions(v: &Json, at: &At<'_>, keys: &[&str]) -> Result<Vec<usize>, InputError> {
    let items = list(v, at)?;
    let mut out: Vec<usize> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = At::Item(at, i);
        let x = key_of(item, &here, keys)?;
        if out.contains(&x) {
            return Err(InputError::new(
                ErrorCode::Duplicate,
                here.path(),
                format!(
                    "{} is listed twice",
                    quote(keys.get(x).copied().unwrap_or(""))
                ),
            ));
        }
        out.push(x);
    }
    Ok(out)
}

impl<T: Closed> Wire for Set<T> {
    fn ty() -> Ty {
        Ty::SetOf(T::KEYS)
    }
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        let found = positions(v, at, T::KEYS)?;
        Ok(Set(found
            .into_iter()
            .filter_map(|i| T::ALL.get(i).copied())
            .collect()))
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
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        let items = list(v, at)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::read(item, &At::Item(at, i))?);
        }
        Ok(out)
    }
}

/// A value or `null`: `None` is "not answered yet" (RULES.md, "Drafts").
impl<T: Wire> Wire for Option<T> {
    fn ty() -> Ty {
        Ty::OrNull(Box::new(T::ty()))
    }
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
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
    at: &'a At<'a>,
    allowed: &'static [&'static str],
) -> Read<Obj<'a>> {
    Ok(Obj::new(v, at, allowed)?)
}

/// Field `i` of `o`'s declared names: its name, and its value if given. One copy for
/// every shape and type: a declared read passes only the field's position.
#[inline(never)]
pub(crate) fn slot<'a>(o: &Obj<'a>, i: usize) -> (&'static str, Option<&'a Json>) {
    let key = o.names.get(i).copied().unwrap_or("");
    (key, o.field(key))
}

/// Required field `i` of `o`, read as `T`.
#[inline]
pub(crate) fn req<T: Wire>(o: &Obj<'_>, i: usize) -> Read<T> {
    match slot(o, i) {
        (key, Some(v)) => T::read(v, &At::Field(o.at, key)),
        (key, None) => Err(missing(o, key)),
    }
}

/// The refusal of a required field not given.
#[inline(never)]
fn missing(o: &Obj<'_>, key: &str) -> Refusal {
    InputError::new(
        ErrorCode::MissingField,
        At::Field(o.at, key).path(),
        format!("{key} is required"),
    )
    .into()
}

/// Optional field `i` of `o`, read as `T` when given.
#[inline]
pub(crate) fn opt<T: Wire>(o: &Obj<'_>, i: usize) -> Read<Option<T>> {
    match slot(o, i) {
        (key, Some(v)) => T::read(v, &At::Field(o.at, key)).map(Some),
        (_, None) => Ok(None),
    }
}

/// A field that follows from another answer: refused when given.
#[inline(never)]
pub(crate) fn refuse(o: &Obj<'_>, i: usize, why: &str) -> Read<()> {
    match slot(o, i) {
        (key, Some(_)) => {
            Err(InputError::new(ErrorCode::DerivedField, At::Field(o.at, key).path(), why).into())
        }
        (_, None) => Ok(()),
    }
}

/// Declares a request shape (see the module's documentation). Each field is
/// `req name: T` (must be given), `opt name: T` (may be left out: `Option<T>`),
/// `roster name: T` (must be given unless a roster answers it: `Option<T>`),
/// `opt name: T = default` (may be left out: then `default`) or `refused name: T =
/// "why"` (follows from another answer: refused with `derived_field`, never held).
/// Field names are the JSON names, in reading order.
///
/// `pub struct Name { … }` declares the struct too; `impl for path::Type { … }` declares
/// the contract of a type the rules already have, whose fields the compiler then checks
/// against the declaration (each read as `T` and converted with `From`).
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

        $crate::json::declare::request! {
            @impls $name, $ts, concat!($($doc),*),
            $( [$mode $field : $ty $(= $default)?; concat!($($fdoc),*)] )*
        }
    };

    (
        $(#[doc = $doc:literal])*
        #[ts = $ts:literal]
        impl for $name:path {
            $( $(#[doc = $fdoc:literal])* $mode:ident $field:ident : $ty:ty $(= $default:expr)? ),* $(,)?
        }
    ) => {
        $crate::json::declare::request! {
            @impls $name, $ts, concat!($($doc),*),
            $( [$mode $field : $ty $(= $default)?; concat!($($fdoc),*)] )*
        }
    };

    (
        @impls $name:path, $ts:literal, $doc:expr,
        $( [$mode:ident $field:ident : $ty:ty $(= $default:expr)?; $fdoc:expr] )*
    ) => {
        impl $name {
            /// The JSON names of its fields, in reading order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Its declaration.
            pub fn shape() -> $crate::json::declare::Shape {
                $crate::json::declare::Shape {
                    name: $ts,
                    doc: $doc.trim_ascii(),
                    fields: alloc::vec![$(
                        $crate::json::declare::Field {
                            name: stringify!($field),
                            ty: <$ty as $crate::json::declare::Wire>::ty(),
                            presence: $crate::json::declare::request!(@presence $mode $(= $default)?),
                            doc: $fdoc.trim_ascii(),
                        }
                    ),*],
                }
            }
        }

        impl $crate::json::declare::Wire for $name {
            fn ty() -> $crate::json::declare::Ty {
                $crate::json::declare::Ty::Object(Self::shape)
            }

            #[inline(never)]
            fn read(
                v: &$crate::json::Json,
                at: &$crate::json::declare::At<'_>,
            ) -> $crate::json::declare::Read<Self> {
                let o = $crate::json::declare::object(v, at, Self::FIELDS)?;
                // Each field by its position in FIELDS.
                #[allow(non_camel_case_types, dead_code)]
                enum Idx { $($field),* }
                #[allow(clippy::useless_conversion)]
                Ok(Self {
                    $( $field: $crate::json::declare::request!(@read $mode o $field $ty $(= $default)?), )*
                })
            }
        }

        impl serde::Serialize for $name {
            #[allow(clippy::useless_conversion, clippy::clone_on_copy, clippy::redundant_clone)]
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let mut out = s.serialize_struct(stringify!($name), Self::FIELDS.len())?;
                $( $crate::json::declare::request!(@write $mode out self $field $ty $(= $default)?); )*
                out.end()
            }
        }
    };

    (@ty req $ty:ty) => { $ty };
    (@ty opt $ty:ty) => { Option<$ty> };
    (@ty roster $ty:ty) => { Option<$ty> };
    (@ty opt $ty:ty = $default:expr) => { $ty };
    (@ty refused $ty:ty = $why:expr) => { () };

    (@presence req) => { $crate::json::declare::Presence::Required };
    (@presence opt) => { $crate::json::declare::Presence::Optional };
    (@presence roster) => { $crate::json::declare::Presence::Roster };
    (@presence opt = $default:expr) => { $crate::json::declare::Presence::Defaulted };
    (@presence refused = $why:expr) => { $crate::json::declare::Presence::Refused($why) };

    (@read req $o:ident $field:ident $ty:ty) => {
        $crate::json::declare::req::<$ty>(&$o, Idx::$field as usize)?.into()
    };
    (@read opt $o:ident $field:ident $ty:ty) => {
        $crate::json::declare::opt::<$ty>(&$o, Idx::$field as usize)?.map(Into::into)
    };
    (@read roster $o:ident $field:ident $ty:ty) => {
        $crate::json::declare::opt::<$ty>(&$o, Idx::$field as usize)?.map(Into::into)
    };
    (@read opt $o:ident $field:ident $ty:ty = $default:expr) => {
        match $crate::json::declare::opt::<$ty>(&$o, Idx::$field as usize)? {
            Some(v) => v.into(),
            None => $default,
        }
    };
    (@read refused $o:ident $field:ident $ty:ty = $why:expr) => {
        $crate::json::declare::refuse(&$o, Idx::$field as usize, $why)?
    };

    (@write req $out:ident $self:ident $field:ident $ty:ty) => {
        $out.serialize_field(stringify!($field), &<$ty>::from($self.$field.clone()))?
    };
    (@write opt $out:ident $self:ident $field:ident $ty:ty) => {
        match &$self.$field {
            Some(v) => $out.serialize_field(stringify!($field), &<$ty>::from(v.clone()))?,
            None => $out.skip_field(stringify!($field))?,
        }
    };
    (@write roster $out:ident $self:ident $field:ident $ty:ty) => {
        $crate::json::declare::request!(@write opt $out $self $field $ty)
    };
    (@write opt $out:ident $self:ident $field:ident $ty:ty = $default:expr) => {
        $out.serialize_field(stringify!($field), &<$ty>::from($self.$field.clone()))?
    };
    (@write refused $out:ident $self:ident $field:ident $ty:ty = $why:expr) => {
        $out.skip_field(stringify!($field))?
    };
}

pub(crate) use request;

impl<const MIN: u32, const MAX: u32> From<Count<MIN, MAX>> for u32 {
    fn from(c: Count<MIN, MAX>) -> u32 {
        c.0
    }
}

impl<const MIN: u32, const MAX: u32> From<u32> for Count<MIN, MAX> {
    fn from(n: u32) -> Self {
        Count(n)
    }
}

impl<T> From<Set<T>> for Vec<T> {
    fn from(s: Set<T>) -> Vec<T> {
        s.0
    }
}

impl<T> From<Vec<T>> for Set<T> {
    fn from(v: Vec<T>) -> Self {
        Set(v)
    }
}

impl From<Day> for NaiveDate {
    fn from(d: Day) -> NaiveDate {
        d.0
    }
}

impl From<NaiveDate> for Day {
    fn from(d: NaiveDate) -> Self {
        Day(d)
    }
}

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
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        NaiveDate::read(v, at).map(Day)
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::date::format(self.0))
    }
}
