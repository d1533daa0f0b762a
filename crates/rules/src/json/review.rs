//! One row per application, for a program office checking many at once (issue 22):
//! what `impower assess --csv` and `--jsonl` print, defined once here.
//!
//! Every figure of a [`Row`] is read from the `assess` answer that `impower assess FILE`
//! prints for the same file (the typed [`Assessment`], not JSON read back); nothing here
//! decides a rule again. The findings are counted as the app labels them
//! (`web/src/ui.rs`, `finding_label`): "Must fix", "Check", "To come" and "Too late".
//! The organization is the one thing a row takes from the request
//! itself: `app.organization` of an exported application, carried and never evaluated.
//! No IO: the command line reads the files, and writes the rows.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};

use serde::ser::SerializeMap;
use serde::Serialize;

use super::{assess, read, Assessment, Json};
use crate::book::{RuleId, RULE_BOOK_DIGEST, RULE_BOOK_VERSION};
use crate::date;
use crate::error::InputError;
use crate::finding::{Finding, Severity};

/// How many columns a row has.
pub const WIDTH: usize = 19;

/// The columns, in order: the CSV header, and the keys of each JSON line.
pub const COLUMNS: [&str; WIDTH] = [
    "file",
    "organization",
    "rule_book",
    "rule_book_digest",
    "ready",
    "C1",
    "C2",
    "C3",
    "team_valid",
    "must_fix",
    "to_check",
    "to_come",
    "too_late",
    "projects",
    "total_usd",
    "total_usd_without_prior",
    "next_cohort",
    "claim_deadline",
    "error",
];

/// One application's row. `None` is a blank cell (`null` in JSON): not asked, not
/// answered, or the file was refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// The file, as the command line names it.
    pub file: String,
    /// `app.organization` of an exported application, when it is a string.
    pub organization: Option<String>,
    /// The rule book's version that answered (the answer's `rule_book.version`).
    pub rule_book: Option<&'static str>,
    /// Its digest (the answer's `rule_book.digest`).
    pub rule_book_digest: Option<&'static str>,
    /// The three critical commitments are all met (`readiness.ready`).
    pub ready: Option<bool>,
    /// Each commitment is met, C1, C2, C3 (`readiness.commitments[].met`).
    pub commitments: [Option<bool>; 3],
    /// The team is valid (`team.valid`); `None` without a team, or while its verdict
    /// waits for a name (RULES.md, "Drafts").
    pub team_valid: Option<bool>,
    /// Findings that can be fixed now, over every part: severity `error`, neither to
    /// come nor too late ("Must fix").
    pub must_fix: Option<u64>,
    /// Findings of severity `warning`, over every part ("Check").
    pub to_check: Option<u64>,
    /// Errors that time will settle: what they ask for comes by a day still ahead
    /// (`due`; "To come · by <day>").
    pub to_come: Option<u64>,
    /// Errors whose last day has passed (`passed`, not `due`; "Too late · <day>"):
    /// nothing the applicant does now changes them.
    pub too_late: Option<u64>,
    /// New projects priced (`fees.projects`).
    pub projects: Option<u64>,
    /// Their fees (`fees.total_usd`).
    pub total_usd: Option<u64>,
    /// The total if earlier projects did not count (`fees.total_usd_without_prior`, F3),
    /// only where it differs from `total_usd`.
    pub total_usd_without_prior: Option<u64>,
    /// The next cohort, by its month (`schedule.cohort.id`, `2027-03`).
    pub next_cohort: Option<String>,
    /// The last day to claim credit (`credits.claim_deadline`, `YYYY-MM-DD`).
    pub claim_deadline: Option<String>,
    /// Why the file was refused: the refusal's path, message and code in words.
    pub error: Option<String>,
}

/// One cell of a [`Row`]: text, yes/no, or a whole number; `None` is blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text.
    Text(Option<&'a str>),
    /// Yes or no.
    YesNo(Option<bool>),
    /// A whole number, never negative.
    Number(Option<u64>),
}

impl Cell<'_> {
    /// As a CSV cell: the text, `yes`/`no`, the number's digits, or empty.
    pub fn text(&self) -> Cow<'_, str> {
        match *self {
            Cell::Text(t) => Cow::Borrowed(t.unwrap_or("")),
            Cell::YesNo(b) => Cow::Borrowed(match b {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            }),
            Cell::Number(n) => n.map_or(Cow::Borrowed(""), |n| Cow::Owned(n.to_string())),
        }
    }
}

impl Serialize for Cell<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Cell::Text(t) => t.serialize(s),
            Cell::YesNo(b) => b.serialize(s),
            Cell::Number(n) => n.serialize(s),
        }
    }
}

impl Row {
    /// The cells, in the order of [`COLUMNS`].
    pub fn cells(&self) -> [Cell<'_>; WIDTH] {
        let [c1, c2, c3] = self.commitments;
        [
            Cell::Text(Some(&self.file)),
            Cell::Text(self.organization.as_deref()),
            Cell::Text(self.rule_book),
            Cell::Text(self.rule_book_digest),
            Cell::YesNo(self.ready),
            Cell::YesNo(c1),
            Cell::YesNo(c2),
            Cell::YesNo(c3),
            Cell::YesNo(self.team_valid),
            Cell::Number(self.must_fix),
            Cell::Number(self.to_check),
            Cell::Number(self.to_come),
            Cell::Number(self.too_late),
            Cell::Number(self.projects),
            Cell::Number(self.total_usd),
            Cell::Number(self.total_usd_without_prior),
            Cell::Text(self.next_cohort.as_deref()),
            Cell::Text(self.claim_deadline.as_deref()),
            Cell::Text(self.error.as_deref()),
        ]
    }

    /// The cells as a spreadsheet may read them: each cell's [`Cell::text`], made
    /// [`spreadsheet_text`] so that none is taken for a formula.
    pub fn spreadsheet_cells(&self) -> [String; WIDTH] {
        self.cells()
            .map(|c| spreadsheet_text(&c.text()).into_owned())
    }
}

/// An object keyed by [`COLUMNS`], in their order: numbers as numbers, yes/no as
/// booleans, blank as `null`.
impl Serialize for Row {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(WIDTH))?;
        for (key, cell) in COLUMNS.iter().zip(self.cells()) {
            map.serialize_entry(key, &cell)?;
        }
        map.end()
    }
}

/// The first characters that make a spreadsheet program read a cell as a formula
/// (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a spreadsheet cell that is never a formula: when it starts with one of
/// [`FORMULA_STARTS`], a single quote `'` before it (the cell then reads as text, the
/// quote shown). Any column may hold one: an organization's name is what the applicant
/// typed, and a number would if it were ever negative.
pub fn spreadsheet_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The row of one file, named `file`, whose text is `input`: read and answered exactly
/// as `impower assess FILE` reads and answers it.
pub fn review(file: &str, input: &str) -> Row {
    let value = match read(input) {
        Ok(v) => v,
        Err(e) => return row(file, None, Err(&e)),
    };
    let organization = organization(&value);
    match assess(&value) {
        Ok(a) => row(file, organization, Ok(&a)),
        Err(e) => row(file, organization, Err(&e)),
    }
}

/// An exported application's `app.organization`, when it is a string (the app carries
/// it; the rules never read it).
pub fn organization(request: &Json) -> Option<&str> {
    match request.get("app")?.get("organization")? {
        Json::String(name) => Some(name),
        _ => None,
    }
}

/// The row for `file`: the figures of its `assess` answer, or the refusal that stands
/// in its place (a request refused, or a file that could not be read).
pub fn row(
    file: &str,
    organization: Option<&str>,
    answer: Result<&Assessment, &InputError>,
) -> Row {
    let base = Row {
        file: file.to_string(),
        organization: organization.map(String::from),
        ..Row::default()
    };
    let a = match answer {
        Ok(a) => a,
        Err(e) => {
            return Row {
                error: Some(refusal(e)),
                ..base
            }
        }
    };
    // The answer carries the rule book that decided it; every answer of one build
    // carries the same.
    let crate::book::RuleBook = a.rule_book;
    let commitment = |id: RuleId| {
        a.readiness
            .as_ref()
            .and_then(|r| r.commitments.iter().find(|c| c.id == id))
            .map(|c| c.met)
    };
    let fees = a.fees.as_ref();
    let total_usd = fees.map(|f| f.total_usd.0);
    Row {
        rule_book: Some(RULE_BOOK_VERSION),
        rule_book_digest: Some(RULE_BOOK_DIGEST),
        ready: a.readiness.as_ref().map(|r| r.ready),
        commitments: [
            commitment(RuleId::C1),
            commitment(RuleId::C2),
            commitment(RuleId::C3),
        ],
        team_valid: a.team.as_ref().filter(|t| t.decided()).map(|t| t.valid),
        must_fix: Some(count(a, Label::MustFix)),
        to_check: Some(count(a, Label::Check)),
        to_come: Some(count(a, Label::ToCome)),
        too_late: Some(count(a, Label::TooLate)),
        projects: fees.map(|f| len(f.projects.len())),
        total_usd,
        total_usd_without_prior: fees
            .and_then(|f| f.total_usd_without_prior)
            .map(|t| t.0)
            .filter(|t| Some(*t) != total_usd),
        next_cohort: a.schedule.as_ref().map(|s| s.cohort.id.clone()),
        claim_deadline: a.credits.as_ref().map(|c| date::format(c.claim_deadline)),
        ..base
    }
}

/// A refusal in words: `fees.projects: -1 is negative: … (out_of_range)`.
pub fn refusal(e: &InputError) -> String {
    format!("{e} ({})", e.code.key())
}

/// How the app labels a finding (`web/src/ui.rs`, `finding_label`): an error is "To
/// come" while it has a `due` day, else "Too late" once it has a `passed` one, else
/// "Must fix"; a warning is "Check"; a note is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// An error that can be fixed now.
    MustFix,
    /// A warning.
    Check,
    /// An error time will settle, by its `due` day.
    ToCome,
    /// An error whose last day (`passed`) is behind.
    TooLate,
    /// Information.
    Note,
}

impl Label {
    /// The label of `f`, as the app shows it.
    pub fn of(f: &Finding) -> Label {
        match (f.severity, f.due, f.passed) {
            (Severity::Error, Some(_), _) => Label::ToCome,
            (Severity::Error, None, Some(_)) => Label::TooLate,
            (Severity::Error, None, None) => Label::MustFix,
            (Severity::Warning, ..) => Label::Check,
            (Severity::Info, ..) => Label::Note,
        }
    }
}

/// How many findings the app labels `label`, over every part.
fn count(a: &Assessment, label: Label) -> u64 {
    let none: &[Finding] = &[];
    let parts = [
        a.readiness.as_ref().map_or(none, |r| &r.findings),
        a.team.as_ref().map_or(none, |t| &t.findings),
        a.fees.as_ref().map_or(none, |f| &f.findings),
        a.schedule.as_ref().map_or(none, |s| &s.findings),
        a.credits.as_ref().map_or(none, |c| &c.findings),
    ];
    let n = parts
        .iter()
        .flat_map(|p| p.iter())
        .filter(|f| Label::of(f) == label)
        .count();
    len(n)
}

fn len(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use alloc::vec::Vec;

    const EXPORT: &str = r#"{
      "format": "impower-ready", "version": 1,
      "app": {"organization": "=HYPERLINK(\"x\")"},
      "readiness": {"sponsor": true, "clinical_leader": true, "coach": "experienced",
                    "can_audit": true, "can_report_data": false},
      "fees": {"projects": 3, "prior_projects": 1},
      "schedule": {"date": "2026-11-22"},
      "credits": {"physician": false, "stages": [], "stage_c_complete": true,
                  "documents": [], "on_roster_at_start": true, "opted_in": true,
                  "graduation": "2027-08-31", "today": "2026-11-22"}
    }"#;

    fn answer(text: &str) -> Assessment {
        let value = read(text).unwrap();
        assess(&value).unwrap()
    }

    #[test]
    fn a_row_takes_every_figure_from_the_answer() {
        let a = answer(EXPORT);
        let r = review("a.json", EXPORT);
        assert_eq!(r.file, "a.json");
        assert_eq!(r.organization.as_deref(), Some("=HYPERLINK(\"x\")"));
        assert_eq!(r.rule_book, Some(RULE_BOOK_VERSION));
        assert_eq!(r.rule_book_digest, Some(RULE_BOOK_DIGEST));
        let readiness = a.readiness.as_ref().unwrap();
        assert_eq!(r.ready, Some(readiness.ready));
        assert_eq!(r.ready, Some(false));
        assert_eq!(r.commitments, [Some(true), Some(true), Some(false)]);
        assert_eq!(r.team_valid, None);
        let all: Vec<&Finding> = readiness
            .findings
            .iter()
            .chain(&a.fees.as_ref().unwrap().findings)
            .chain(&a.schedule.as_ref().unwrap().findings)
            .chain(&a.credits.as_ref().unwrap().findings)
            .collect();
        let n = |keep: &dyn Fn(&Finding) -> bool| all.iter().filter(|f| keep(f)).count() as u64;
        let error = |f: &Finding| f.severity == Severity::Error;
        assert_eq!(
            r.must_fix,
            Some(n(&|f| error(f) && f.due.is_none() && f.passed.is_none()))
        );
        assert_eq!(r.to_check, Some(n(&|f| f.severity == Severity::Warning)));
        assert_eq!(r.to_come, Some(n(&|f| error(f) && f.due.is_some())));
        assert_eq!(r.too_late, Some(0));
        // Every error is one of the three, as the app shows each under one label.
        assert_eq!(
            r.must_fix.zip(r.to_come).map(|(a, b)| a + b),
            Some(n(&error))
        );
        assert!(r.must_fix > Some(0) && r.to_check > Some(0) && r.to_come > Some(0));
        // Projects #2 to #4 with one earlier: #3 is discounted either way.
        assert_eq!(r.projects, Some(3));
        assert_eq!(r.total_usd, Some(15_000));
        assert_eq!(r.total_usd_without_prior, None);
        assert_eq!(r.next_cohort.as_deref(), Some("2027-03"));
        assert_eq!(r.claim_deadline.as_deref(), Some("2027-11-30"));
        assert_eq!(r.error, None);
    }

    #[test]
    fn errors_are_counted_as_the_app_labels_them() {
        // Graduated long ago: the claim deadline has passed ("Too late"), and the stages
        // never taken are no fix to make now either.
        let late = r#"{"credits": {"physician": true, "stages": [], "stage_c_complete": true,
            "documents": [], "on_roster_at_start": true, "opted_in": true,
            "graduation": "2025-01-31", "today": "2026-11-22"}}"#;
        let a = answer(late);
        let r = review("late.json", late);
        let findings = &a.credits.as_ref().unwrap().findings;
        let n = |label| findings.iter().filter(|f| Label::of(f) == label).count() as u64;
        assert!(n(Label::TooLate) > 0, "{findings:?}");
        assert_eq!(r.too_late, Some(n(Label::TooLate)));
        assert_eq!(r.must_fix, Some(n(Label::MustFix)));
        assert_eq!(r.to_come, Some(0));
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count() as u64;
        assert_eq!(
            n(Label::MustFix) + n(Label::ToCome) + n(Label::TooLate),
            errors
        );

        let f = |due, passed| Finding {
            due,
            passed,
            ..Finding::new(RuleId::CR7, Severity::Error, "x")
        };
        let day = date::parse("2027-08-31", "").ok();
        assert_eq!(Label::of(&f(None, None)), Label::MustFix);
        assert_eq!(Label::of(&f(day, None)), Label::ToCome);
        assert_eq!(Label::of(&f(None, day)), Label::TooLate);
        assert_eq!(Label::of(&f(day, day)), Label::ToCome);
        let warning = Finding::new(RuleId::S1, Severity::Warning, "x");
        assert_eq!(
            Label::of(&Finding {
                due: day,
                ..warning
            }),
            Label::Check
        );
        assert_eq!(
            Label::of(&Finding::new(RuleId::S1, Severity::Info, "x")),
            Label::Note
        );
    }

    #[test]
    fn the_other_reading_of_f3_is_shown_only_where_it_differs() {
        let r = review(
            "b.json",
            r#"{"fees": {"projects": 1, "prior_projects": 2}}"#,
        );
        assert_eq!(r.total_usd, Some(3_000));
        assert_eq!(r.total_usd_without_prior, Some(6_000));
        assert_eq!(r.projects, Some(1));
        // Parts not asked for are blank.
        assert_eq!((r.ready, r.commitments), (None, [None; 3]));
        assert_eq!((r.next_cohort, r.claim_deadline), (None, None));
        assert_eq!(r.organization, None);
    }

    #[test]
    fn a_team_waiting_for_a_name_has_no_verdict_yet() {
        let team = |name: &str| {
            format!(
                r#"{{"team": {{"projects": 1, "people": [{{"name": {name},
                "hours_per_week": 4, "roles": [{{"role": "team_member", "project": 1}}]}}]}}}}"#
            )
        };
        assert_eq!(review("t", &team("null")).team_valid, None);
        // Named, it has its verdict: no sponsor, so not valid.
        assert_eq!(review("t", &team("\"Ana\"")).team_valid, Some(false));
    }

    #[test]
    fn a_refusal_says_where_what_and_which_code() {
        let r = review(
            "c.json",
            r#"{"app": {"organization": "Mercy"}, "fees": {"projects": -1}}"#,
        );
        assert_eq!(r.organization.as_deref(), Some("Mercy"));
        let error = r.error.unwrap();
        assert!(
            error.starts_with("fees.projects: -1 is negative"),
            "{error}"
        );
        assert!(error.ends_with(" (out_of_range)"), "{error}");
        assert_eq!((r.rule_book, r.must_fix, r.total_usd), (None, None, None));

        let r = review("d.json", "{\n\"a\": 1,\n");
        assert!(r.error.unwrap().contains("line 3 column 1"));

        let e = InputError::new(ErrorCode::Io, "", "could not read it: no such file");
        let r = row("e.json", None, Err(&e));
        assert_eq!(
            r.error.as_deref(),
            Some("could not read it: no such file (io)")
        );
    }

    #[test]
    fn a_row_is_as_wide_as_its_columns_and_keyed_by_them() {
        let r = review("a.json", EXPORT);
        let v = serde_json::to_value(&r).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut columns = COLUMNS.to_vec();
        columns.sort_unstable();
        assert_eq!(keys, columns);
        assert_eq!(v["C3"], false);
        assert_eq!(v["team_valid"], serde_json::Value::Null);
        assert_eq!(v["total_usd"], 15_000);
        assert_eq!(v["error"], serde_json::Value::Null);
        let text = serde_json::to_string(&r).unwrap();
        let at = |k: &str| text.find(&format!("\"{k}\":")).unwrap();
        assert!(COLUMNS.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");

        let cells = r.spreadsheet_cells();
        assert_eq!(cells[1], "'=HYPERLINK(\"x\")");
        assert_eq!(cells[4], "no");
        assert_eq!(cells[8], "");
        assert_eq!(cells[14], "15000");
    }

    #[test]
    fn no_cell_starts_a_formula() {
        for bad in ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_text(bad), format!("'{bad}"));
        }
        for fine in ["", "Mercy", "15000", "2027-03", " =x", "'quoted"] {
            assert_eq!(spreadsheet_text(fine), fine);
        }
    }
}
