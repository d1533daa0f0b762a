//! Calendar dates as the contract writes them: `YYYY-MM-DD`, checked.

use alloc::format;
use alloc::string::String;

use chrono::{Datelike, Months, NaiveDate};

use crate::error::{quote, ErrorCode, InputError};

/// The earliest year accepted.
pub const MIN_YEAR: i32 = 1900;
/// The latest year accepted (leaves room for cohorts and deadlines after it).
pub const MAX_YEAR: i32 = 9000;

/// Parses a strict `YYYY-MM-DD` date; `field` names it in the error.
pub fn parse(text: &str, field: &str) -> Result<NaiveDate, InputError> {
    let bad = |why: &str| {
        InputError::new(
            ErrorCode::InvalidDate,
            field,
            format!("{why}: expected a date as YYYY-MM-DD, e.g. 2026-11-22"),
        )
    };
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(bad(&format!("{} is not a date", quote(text))));
    }
    let num =
        |r: core::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let year = i32::try_from(y).unwrap_or(0);
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(InputError::new(
            ErrorCode::OutOfRange,
            field,
            format!("the year {year} is out of range: use a year from {MIN_YEAR} to {MAX_YEAR}"),
        ));
    }
    NaiveDate::from_ymd_opt(year, m, d)
        .ok_or_else(|| bad(&format!("{text} does not exist on the calendar")))
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Formats a date for people, as every message and view writes it: `1 March 2027`.
/// (ISO `YYYY-MM-DD` is for the contract and files only.)
pub fn long(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

/// The English name of month 1–12 (empty for any other number).
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

/// `date` plus `months` calendar months, clamped to the end of a shorter month.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

/// The last day of the month `date` falls in.
pub fn month_end(date: NaiveDate) -> Option<NaiveDate> {
    add_months(date.with_day(1)?, 1)?.pred_opt()
}

/// Serializes a date as `YYYY-MM-DD`.
pub(crate) fn ser<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(*date))
}

/// Serializes a present optional date as `YYYY-MM-DD` (with `skip_serializing_if`).
pub(crate) fn ser_some<S: serde::Serializer>(
    date: &Option<NaiveDate>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => ser(d, s),
        None => s.serialize_none(),
    }
}
