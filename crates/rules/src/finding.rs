//! Findings: what an evaluation says, each tied to a rule and its source.

use alloc::string::String;

use serde::Serialize;

use crate::book::{RuleId, Source};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The pages state it as a requirement.
    Error,
    /// The pages give it as ideal, approximate or implied.
    Warning,
    /// Worth knowing.
    Info,
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
    pub message: String,
    /// The words the rule rests on.
    pub source: Source,
    /// Our reading, when the rule rests on one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'static str>,
}

impl Finding {
    /// A finding of `rule`, citing the rule's main source and interpretation.
    pub fn new(rule: RuleId, severity: Severity, message: impl Into<String>) -> Self {
        let def = rule.def();
        Finding {
            rule,
            severity,
            project: None,
            person: None,
            message: message.into(),
            source: def.sources[0],
            interpretation: def.interpretation,
        }
    }

    /// An error finding.
    pub fn error(rule: RuleId, message: impl Into<String>) -> Self {
        Finding::new(rule, Severity::Error, message)
    }

    /// A warning finding.
    pub fn warning(rule: RuleId, message: impl Into<String>) -> Self {
        Finding::new(rule, Severity::Warning, message)
    }

    /// An info finding.
    pub fn info(rule: RuleId, message: impl Into<String>) -> Self {
        Finding::new(rule, Severity::Info, message)
    }

    /// Cites the rule's `n`th source instead of its first (kept if out of range).
    #[must_use]
    pub fn citing(mut self, n: usize) -> Self {
        if let Some(s) = self.rule.def().sources.get(n) {
            self.source = *s;
        }
        self
    }

    /// Ties the finding to a project.
    #[must_use]
    pub fn in_project(mut self, project: u32) -> Self {
        self.project = Some(project);
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
