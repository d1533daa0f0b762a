//! The ACR ImPower rule book as pure Rust.
//!
//! Everything a radiology department must show to join ImPower lives here: the three
//! critical commitments and seven success factors ([`readiness`]), the project team and
//! its weekly hours ([`team`]), fees ([`fees`]), the cohort calendar ([`calendar`]) and
//! continuing-education credit ([`credits`]). The same code answers the command line,
//! the browser app and the JavaScript API, through the JSON contract in [`json`].
//!
//! # The central choice: rules are data with citations
//!
//! Every number the pages state (fees, periods, counts, credits, weekly hours) is
//! defined once, in [`program`], and every message is built from it.
//!
//! Each rule has a stable ID ([`book::RuleId`]) and a row in [`book::RULES`] quoting the
//! page it rests on; where our reading goes beyond the words, the row says so. Every
//! [`finding::Finding`] an evaluation returns carries its rule, severity, message and
//! source, so any surface can answer "why?". Evaluations return *every* finding, never
//! just the first.
//!
//! # Invariants
//!
//! - `no_std` + `alloc`: no IO, no clock, no browser types. Today's date is an input.
//! - No panics on any input: requests are checked at construction, and each refusal is an
//!   [`error::InputError`] naming the offending field. Clippy denies indexing, slicing,
//!   unwrap, expect, panic and unreachable in this crate's code, and per-role tables are
//!   [`vocab::PerRole`], read by an exhaustive match, so a new role fails to compile
//!   until every table gives it a value.
//! - Money is whole dollars ([`money::Usd`]) with checked arithmetic.
#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// No panicking path in library code: no indexing or slicing that can go out of bounds,
// no unwrap, expect, panic or unreachable (tests may). CI's clippy runs with -D warnings
// and these are denied outright, so a new one fails the build.
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable
    )
)]

extern crate alloc;

mod wire;

pub mod book;
pub mod bounds;
pub mod calendar;
pub mod credits;
pub mod date;
pub mod decimal;
pub mod error;
pub mod escape;
pub mod fees;
pub mod finding;
pub mod hours;
pub mod json;
pub mod money;
pub mod path;
pub mod program;
pub mod readiness;
pub mod team;
pub mod text;
pub mod vocab;

pub use book::{Page, RuleId, Source, RULES};
pub use error::{ErrorCode, InputError};
pub use finding::{Finding, Severity};
pub use hours::Hours;
pub use json::respond;
pub use money::Usd;
