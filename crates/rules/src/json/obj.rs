//! Reading a parsed request field by field: each value checked for its type and
//! bounds, each refusal naming the field's path, unknown fields refused.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use chrono::NaiveDate;

use super::Json;
use crate::bounds::{self, NotWhole};
use crate::date;
use crate::decimal::Decimal;
use crate::error::{quote, ErrorCode, InputError};
use crate::hours::Hours;
use crate::path::join;

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

#[inline(never)]
pub(crate) fn enum_value<T>(
    v: &Json,
    path: &str,
    parse: fn(&str) -> Option<T>,
    keys: &[&str],
) -> Result<T, InputError> {
    let Json::String(s) = v else {
        return Err(wrong_type(path, "a string", v));
    };
    parse(s).ok_or_else(|| {
        InputError::new(
            ErrorCode::UnknownValue,
            path,
            format!("{} is not known: use one of {}", quote(s), keys.join(", ")),
        )
    })
}

/// A JSON object being read, with its path and its allowed keys.
pub(crate) struct Obj<'a> {
    pub(crate) fields: &'a [(String, Json)],
    path: String,
}

impl<'a> Obj<'a> {
    #[inline(never)]
    pub(crate) fn new(v: &'a Json, path: &str, allowed: &[&str]) -> Result<Self, InputError> {
        let Json::Object(fields) = v else {
            return Err(wrong_type(path, "an object", v));
        };
        if let Some((k, _)) = fields.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(InputError::new(
                ErrorCode::UnknownField,
                crate::path::key(path, k),
                format!(
                    "{} is not a field here: use {}",
                    quote(k),
                    allowed.join(", ")
                ),
            ));
        }
        Ok(Obj {
            fields,
            path: path.to_string(),
        })
    }

    pub(crate) fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    #[inline(never)]
    pub(crate) fn field(&self, key: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    #[inline(never)]
    pub(crate) fn get(&self, key: &str) -> Result<&'a Json, InputError> {
        self.field(key).ok_or_else(|| {
            InputError::new(
                ErrorCode::MissingField,
                self.at(key),
                format!("{key} is required"),
            )
        })
    }

    #[inline(never)]
    pub(crate) fn bool(&self, key: &str) -> Result<bool, InputError> {
        match self.get(key)? {
            Json::Bool(b) => Ok(*b),
            v => Err(wrong_type(&self.at(key), "true or false", v)),
        }
    }

    #[inline(never)]
    pub(crate) fn opt_bool(&self, key: &str) -> Result<Option<bool>, InputError> {
        self.field(key).map(|_| self.bool(key)).transpose()
    }

    #[inline(never)]
    pub(crate) fn string(&self, key: &str) -> Result<&'a str, InputError> {
        match self.get(key)? {
            Json::String(s) => Ok(s),
            v => Err(wrong_type(&self.at(key), "a string", v)),
        }
    }

    /// A field that must be given, as `null` while not answered yet (RULES.md, "Drafts").
    #[inline(never)]
    pub(crate) fn answered(&self, key: &str) -> Result<Option<&'a Json>, InputError> {
        Ok(match self.get(key)? {
            Json::Null => None,
            v => Some(v),
        })
    }

    #[inline(never)]
    pub(crate) fn array(&self, key: &str) -> Result<&'a [Json], InputError> {
        match self.get(key)? {
            Json::Array(a) => Ok(a),
            v => Err(wrong_type(&self.at(key), "an array", v)),
        }
    }

    #[inline(never)]
    pub(crate) fn number(&self, key: &str, want: &str) -> Result<&'a str, InputError> {
        match self.get(key)? {
            Json::Number(n) => Ok(n),
            v => Err(wrong_type(&self.at(key), want, v)),
        }
    }

    /// Weekly hours as written: 0 to 168, at most two decimal places.
    #[inline(never)]
    pub(crate) fn hours(&self, key: &str) -> Result<Hours, InputError> {
        let text = self.number(key, "a number")?;
        // The path is written only for a refusal: reading stays free of allocations.
        Hours::from_literal(text, "").map_err(|e| e.under(&self.at(key)))
    }

    /// A whole, non-negative count as written; refuses fractions (`2.9999999999999999`
    /// included), negatives and absurd sizes. Bounds are the request's to check.
    #[inline(never)]
    pub(crate) fn count(&self, key: &str) -> Result<u64, InputError> {
        let text = self.number(key, "a whole number")?;
        let refuse = |code, why: &str| {
            Err(InputError::new(
                code,
                self.at(key),
                format!("{} {why}", short(text)),
            ))
        };
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

    #[inline(never)]
    pub(crate) fn opt_count(&self, key: &str) -> Result<Option<u64>, InputError> {
        self.field(key).map(|_| self.count(key)).transpose()
    }

    #[inline(never)]
    pub(crate) fn date(&self, key: &str) -> Result<NaiveDate, InputError> {
        date::parse(self.string(key)?, "").map_err(|e| e.under(&self.at(key)))
    }

    pub(crate) fn opt_date(&self, key: &str) -> Result<Option<NaiveDate>, InputError> {
        self.field(key).map(|_| self.date(key)).transpose()
    }

    #[inline(never)]
    pub(crate) fn enumerated<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<T>,
        keys: &[&str],
    ) -> Result<T, InputError> {
        enum_value(self.get(key)?, "", parse, keys).map_err(|e| e.under(&self.at(key)))
    }

    #[inline(never)]
    pub(crate) fn opt_enum<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<T>,
        keys: &[&str],
    ) -> Result<Option<T>, InputError> {
        self.field(key)
            .map(|_| self.enumerated(key, parse, keys))
            .transpose()
    }

    /// An array of distinct values of a closed set.
    #[inline(never)]
    pub(crate) fn set<T: PartialEq>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<T>,
        keys: &[&str],
    ) -> Result<Vec<T>, InputError> {
        let mut out = Vec::new();
        for (i, v) in self.array(key)?.iter().enumerate() {
            let at = format!("{}[{i}]", self.at(key));
            let x = enum_value(v, &at, parse, keys)?;
            if out.contains(&x) {
                let name = match v {
                    Json::String(s) => quote(s),
                    _ => String::new(),
                };
                return Err(InputError::new(
                    ErrorCode::Duplicate,
                    at,
                    format!("{name} is listed twice"),
                ));
            }
            out.push(x);
        }
        Ok(out)
    }
}
