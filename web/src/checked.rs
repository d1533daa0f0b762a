//! What saved answers were last checked under: the rule book's digest and what it
//! decided (verdicts, totals, dates, counts of findings). Every link, autosave and export
//! records it; answers opened under another rule book are re-checked, and the app says
//! in words what the current rules decide differently. (`Receipt::of`, which reads the
//! answers, is in [`crate::eval`].)

use rules::book::{RULE_BOOK_DIGEST, RULE_BOOK_VERSION};

/// This build's digest as a saved text records it: its first 16 hex digits, enough to
/// tell two rule books apart.
pub fn digest_short() -> &'static str {
    RULE_BOOK_DIGEST.get(7..23).unwrap_or(RULE_BOOK_DIGEST)
}

/// A saved digest as people see it: the algorithm's name, then its digits ("sha256:0123…").
pub fn digest_label(short: &str) -> String {
    let algorithm = RULE_BOOK_DIGEST.get(..7).unwrap_or("");
    format!("{algorithm}{short}…")
}

/// "rule book 2026-12 (sha256:0123456789abcdef…)": the rules this build decides by.
pub fn rule_book_label() -> String {
    format!(
        "rule book {RULE_BOOK_VERSION} ({})",
        digest_label(digest_short())
    )
}

/// What a rule book decided for one application.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Receipt {
    /// The rule book's digest (see [`digest_short`]).
    pub digest: String,
    /// Meets the three commitments (`None`: not answered yet).
    pub ready: Option<bool>,
    /// The team is complete (`None`: it could not be checked).
    pub team_valid: Option<bool>,
    /// The fee total of the plan, in dollars.
    pub total_usd: Option<u64>,
    /// The next cohort, as the app names it ("March 2027").
    pub cohort: String,
    /// The credits' claim deadline ("30 November 2027"), or empty.
    pub claim_deadline: String,
    /// "Must fix" findings of readiness, the team, the fees and the calendar.
    pub to_fix: u32,
    /// Credit claims that can be claimed today.
    pub claimable: u32,
}

impl Receipt {
    /// What `now` (the current rules' receipt for the same answers) decides differently,
    /// one phrase each; empty when nothing differs.
    pub fn changes(&self, now: &Receipt) -> Vec<String> {
        let yes_no = |b: Option<bool>, yes: &str, no: &str| match b {
            Some(true) => yes.to_string(),
            Some(false) => no.to_string(),
            None => String::from("not decided"),
        };
        let mut out = Vec::new();
        if self.ready != now.ready {
            let words = |b| yes_no(b, "meets the commitments", "does not meet the commitments");
            out.push(format!(
                "readiness: {}, was {}",
                words(now.ready),
                words(self.ready)
            ));
        }
        if self.team_valid != now.team_valid {
            let words = |b| yes_no(b, "complete", "not complete");
            out.push(format!(
                "the team: {}, was {}",
                words(now.team_valid),
                words(self.team_valid)
            ));
        }
        if self.total_usd != now.total_usd {
            let usd = |t: Option<u64>| {
                t.map_or_else(|| String::from("not priced"), |t| rules::Usd(t).to_string())
            };
            out.push(format!(
                "the fee total: {}, was {}",
                usd(now.total_usd),
                usd(self.total_usd)
            ));
        }
        if self.cohort != now.cohort {
            out.push(format!(
                "the next cohort: {}, was {}",
                or_none(&now.cohort),
                or_none(&self.cohort)
            ));
        }
        if self.claim_deadline != now.claim_deadline {
            out.push(format!(
                "credit claims due by {}, was {}",
                or_none(&now.claim_deadline),
                or_none(&self.claim_deadline)
            ));
        }
        if self.to_fix != now.to_fix {
            out.push(format!("{} to fix, was {}", now.to_fix, self.to_fix));
        }
        if self.claimable != now.claimable {
            out.push(format!(
                "{} credit claims claimable today, was {}",
                now.claimable, self.claimable
            ));
        }
        out
    }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "none"
    } else {
        s
    }
}

/// The words shown when answers checked under another rule book are opened: which rules
/// decide them now, and what those decide differently. `None` when `old` is this build's.
pub fn recheck_notice(old: &Receipt, now: &Receipt) -> Option<String> {
    if old.digest == now.digest {
        return None;
    }
    let changes = old.changes(now);
    let what = if changes.is_empty() {
        String::from("nothing it decides has changed.")
    } else {
        format!("what changed: {}.", changes.join("; "))
    };
    Some(format!(
        "These answers were last checked under another rule book ({}). Re-checked under the current {}: {what}",
        digest_label(&old.digest),
        rule_book_label()
    ))
}
