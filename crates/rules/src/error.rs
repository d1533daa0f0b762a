//! Input errors: what was wrong, with the path of the field that was wrong.

use alloc::string::String;

use core::fmt;

use serde::Serialize;

use crate::wire::wire_enum;

wire_enum! {
    /// What kind of input was refused, by its contract name (`"out_of_range"`).
    pub enum ErrorCode {
        /// The text is not JSON.
        MalformedJson = "malformed_json",
        /// The verb is not one of the contract's.
        UnknownVerb = "unknown_verb",
        /// A value has the wrong JSON type.
        WrongType = "wrong_type",
        /// A required field is absent.
        MissingField = "missing_field",
        /// A field the contract does not know (often a typo).
        UnknownField = "unknown_field",
        /// A string outside its closed set (role, edition, stage, coach, …).
        UnknownValue = "unknown_value",
        /// A count that is not a whole number as written.
        NotInteger = "not_integer",
        /// A number below or above its allowed bounds.
        OutOfRange = "out_of_range",
        /// A date that is not `YYYY-MM-DD` or does not exist.
        InvalidDate = "invalid_date",
        /// The same value given twice where each may appear once.
        Duplicate = "duplicate",
        /// The same key given twice in one JSON object.
        DuplicateField = "duplicate_field",
        /// A text that must not be empty is empty (a person's name).
        Empty = "empty",
        /// A number with more decimal places than the field keeps (hours: two).
        TooPrecise = "too_precise",
        /// A field the rules derive from another answer (S3 from `coach`).
        DerivedField = "derived_field",
        /// The command line was called wrongly (arguments, not input).
        Usage = "usage",
        /// The input could not be read (command line only).
        Io = "io",
    }
}

/// A refused input: a code, a message that says what to do, and the field's path
/// (`projects`, `people[2].hours_per_week`, `stages[1]`; empty for the whole input).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// What kind of error.
    pub code: ErrorCode,
    /// What was wrong and what to do about it.
    pub message: String,
    /// The offending field.
    pub path: String,
}

impl InputError {
    /// An error at `path`.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            code,
            message: message.into(),
            path: path.into(),
        }
    }

    /// The same error, its path placed under `prefix` (`team` + `projects` = `team.projects`).
    #[must_use]
    pub fn under(mut self, prefix: &str) -> Self {
        self.path = crate::path::join(prefix, &self.path);
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl core::error::Error for InputError {}

/// Quotes user text for a message, shortened so hostile input cannot flood it.
pub fn quote(text: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::from("\"");
    for (i, c) in text.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        // Only what could break the message is escaped; other text, in any script,
        // is kept as written (and `escape_debug` would pull in Unicode tables).
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
