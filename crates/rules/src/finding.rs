//! Findings: what an evaluation says, each tied to a rule and its source.

use alloc::borrow::Cow;
use alloc::string::String;

use chrono::NaiveDate;
use serde::Serialize;

use crate::book::{RuleId, Source};
use crate::date;
use crate::wire::wire_enum;

wire_enum! {
    /// How much a finding matters.
    pub enum Severity {
        /// The pages state it as a requirement.
        Error = "error",
        /// The pages give it as ideal, approximate or implied.
        Warning = "warning",
        /// Worth knowing.
        Info = "info",
    }
}

/// One thing an evaluation found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The rule it applies.
    pub rule: RuleId,
    /// How much it matters.
    pub severity: Severity,
    /// The project it concerns (1-based), if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<u32>,
    /// The person it concerns, by name, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// What was found and what to do about it.
    pub message: Cow<'static, str>,
    /// The words the rule rests on.
    pub source: Source,
    /// Our reading, when the rule rests on one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'static str>,
    /// Not yet due: what this finding asks for comes, or must be done, by this day
    /// (after `today`), so it is "to come", not a failure.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date::ser_some"
    )]
    pub due: Option<NaiveDate>,
    /// Too late: the last day to act on it was this one (before `today`); nothing the
    /// applicant does now changes it.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date::ser_some"
    )]
    pub passed: Option<NaiveDate>,
}

impl Finding {
    /// A finding of `rule`, citing the rule's main source and interpretation.
    pub fn new(rule: RuleId, severity: Severity, message: impl Into<Cow<'static, str>>) -> Self {
        Finding::of(rule, severity, message.into())
    }

    /// [`Finding::new`] for a message already made: one body for every caller.
    fn of(rule: RuleId, severity: Severity, message: Cow<'static, str>) -> Self {
        Finding {
            rule,
            severity,
            project: None,
            person: None,
            message,
            source: rule.source(),
            interpretation: rule.interpretation(),
            due: None,
            passed: None,
        }
    }

    /// An error finding.
    pub fn error(rule: RuleId, message: impl Into<Cow<'static, str>>) -> Self {
        Finding::new(rule, Severity::Error, message)
    }

    /// A warning finding.
    pub fn warning(rule: RuleId, message: impl Into<Cow<'static, str>>) -> Self {
        Finding::new(rule, Severity::Warning, message)
    }

    /// An info finding.
    pub fn info(rule: RuleId, message: impl Into<Cow<'static, str>>) -> Self {
        Finding::new(rule, Severity::Info, message)
    }

    /// Cites `source`, one of the rule's own sources named in [`crate::book`] (such as
    /// [`crate::book::T2_DEGREE`]), instead of its first. A source that is not the
    /// rule's is ignored, so a finding never cites words its rule does not rest on.
    #[must_use]
    pub fn citing(mut self, source: Source) -> Self {
        if self.rule.sources().contains(&source) {
            self.source = source;
        }
        self
    }

    /// Ties the finding to a project.
    #[must_use]
    pub fn in_project(mut self, project: u32) -> Self {
        self.project = Some(project);
        self
    }

    /// Marks it "to come" by `day` (see [`Finding::due`]).
    #[must_use]
    pub fn due(mut self, day: NaiveDate) -> Self {
        self.due = Some(day);
        self
    }

    /// Marks it too late since `day` (see [`Finding::passed`]).
    #[must_use]
    pub fn passed(mut self, day: NaiveDate) -> Self {
        self.passed = Some(day);
        self
    }

    /// Ties the finding to a person.
    #[must_use]
    pub fn for_person(mut self, name: &str) -> Self {
        self.person = Some(name.into());
        self
    }
}

/// Whether any finding is an error.
pub fn has_error(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
