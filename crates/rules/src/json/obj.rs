//! Reading a parsed request field by field: each value checked for its type and
//! bounds, each refusal naming the field's path, unknown fields refused.

use alloc::format;
use alloc::string::{String, ToString};

use super::declare::At;
use super::Json;
use crate::bounds::{self, NotWhole};
use crate::decimal::Decimal;
use crate::error::{quote, ErrorCode, InputError};

pub(crate) fn wrong_type(path: &str, want: &str, got: &Json) -> InputError {
    InputError::new(
        ErrorCode::WrongType,
        path,
        format!("expected {want}, got {}", got.kind()),
    )
}

/// A number literal for a message: as written, shortened so hostile input cannot
/// flood it.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or(text)),
        None => text.to_string(),
    }
}

/// A whole, non-negative count as written; refuses fractions (`2.9999999999999999`
/// included), negatives and absurd sizes, at path "" (the caller's to place). Bounds
/// are the request's to check.
#[inline(never)]
pub(crate) fn whole(text: &str) -> Result<u64, InputError> {
    let refuse = |code, why: &str| Err(InputError::new(code, "", format!("{} {why}", short(text))));
    let Some(d) = Decimal::parse(text) else {
        return refuse(ErrorCode::WrongType, "is not a number");
    };
    match bounds::whole(&d) {
        Ok(n) => Ok(n),
        // Bounds are the request's to check, so a negative count says only the floor.
        Err(NotWhole::Negative) => refuse(
            ErrorCode::OutOfRange,
            "is negative: give a whole number, 0 or more",
        ),
        Err(e) => refuse(e.code(), e.why()),
    }
}

/// A JSON object being read: its fields, and where it is.
pub(crate) struct Obj<'a> {
    pub(crate) fields: &'a [(String, Json)],
    pub(crate) at: &'a At<'a>,
    /// The names it may have, in their declared order.
    pub(crate) names: &'static [&'static str],
}

impl<'a> Obj<'a> {
    /// The object at `at`, its keys all in `allowed`.
    #[inline(never)]
    pub(crate) fn new(
        v: &'a Json,
        at: &'a At<'a>,
        allowed: &'static [&'static str],
    ) -> Result<Self, InputError> {
        let Json::Object(fields) = v else {
            return Err(wrong_type(&at.path(), "an object", v));
        };
        if let Some((k, _)) = fields.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(InputError::new(
                ErrorCode::UnknownField,
                crate::path::key(&at.path(), k),
                format!(
                    "{} is not a field here: use {}",
                    quote(k),
                    allowed.join(", ")
                ),
            ));
        }
        Ok(Obj {
            fields,
            at,
            names: allowed,
        })
    }

    /// The value of `key`, if given.
    #[inline(never)]
    pub(crate) fn field(&self, key: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}
