//! Input errors: what was wrong, with the path of the field that was wrong.

use alloc::string::String;

use core::fmt;

use serde::Serialize;

/// What kind of input was refused. Serialized in `snake_case`, e.g. `"out_of_range"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The text is not JSON.
    MalformedJson,
    /// The verb is not one of the contract's.
    UnknownVerb,
    /// A value has the wrong JSON type.
    WrongType,
    /// A required field is absent.
    MissingField,
    /// A field the contract does not know (often a typo).
    UnknownField,
    /// A string outside its closed set (role, edition, stage, coach, …).
    UnknownValue,
    /// A count that is not a whole number.
    NotInteger,
    /// A number below or above its allowed bounds.
    OutOfRange,
    /// A date that is not `YYYY-MM-DD` or does not exist.
    InvalidDate,
    /// The same value given twice where each may appear once.
    Duplicate,
    /// The same key given twice in one JSON object.
    DuplicateField,
    /// A text that must not be empty is empty (a person's name).
    Empty,
    /// A number with more decimal places than the field keeps (hours: two).
    TooPrecise,
    /// A field the rules derive from another answer (S3 from `coach`).
    DerivedField,
    /// The command line was called wrongly (arguments, not input).
    Usage,
    /// The input could not be read (command line only).
    Io,
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
        self.path = crate::json::join(prefix, &self.path);
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
