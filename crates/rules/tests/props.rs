//! Property tests: the rule book's formulas hold for every input, and no input panics.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rules::calendar;
use rules::credits::claim_deadline;
use rules::fees::{estimate, FeeRequest};
use serde_json::Value;

fn date() -> impl Strategy<Value = NaiveDate> {
    (1950i32..=2200, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

proptest! {
    /// F1–F3: total = 6000·n − 3000·(third projects among prior+1 ..= prior+n).
    #[test]
    fn fee_total_formula(n in 1u64..=100, prior in 0u64..=10_000) {
        let e = estimate(FeeRequest::new(n, prior).unwrap()).unwrap();
        let thirds = (prior + n) / 3 - prior / 3;
        prop_assert_eq!(e.total_usd.0, 6000 * n - 3000 * thirds);
        prop_assert_eq!(e.projects.len() as u64, n);
        prop_assert_eq!(e.projects.iter().filter(|p| p.discounted).count() as u64, thirds);
        prop_assert!(e.projects.iter().all(|p| p.discounted == (p.number % 3 == 0)));
    }

    /// F4: coaches = ⌈n/2⌉.
    #[test]
    fn coaches_formula(n in 1u64..=100) {
        let e = estimate(FeeRequest::new(n, 0).unwrap()).unwrap();
        prop_assert_eq!(u64::from(e.coaches_needed), n.div_ceil(2));
        prop_assert_eq!(u64::from(e.teams_needed), n);
    }

    /// CR7: the deadline falls 89 to 92 days after graduation, never before the same day
    /// number unless clamped to a month end.
    #[test]
    fn claim_deadline_window(g in date()) {
        let d = claim_deadline(g).unwrap();
        let days = (d - g).num_days();
        prop_assert!((89..=92).contains(&days), "{g} -> {d}: {days} days");
        prop_assert!(d.day() == g.day() || d.succ_opt().unwrap().day() == 1);
    }

    /// P1–P3: the next cohort prepares on or after the date, within six months of it,
    /// starts in March or September, and graduates at a month end six months on.
    #[test]
    fn next_cohort_window(today in date()) {
        let s = calendar::schedule(today, 1).unwrap();
        let c = &s.cohort;
        prop_assert!(c.preparation_starts >= today);
        prop_assert!(c.preparation_starts <= rules::date::add_months(today, 6).unwrap());
        prop_assert!(c.team_starts >= today);
        prop_assert!([3, 9].contains(&c.team_starts.month()));
        prop_assert_eq!(c.graduation.succ_opt().unwrap().day(), 1);
        prop_assert_eq!(rules::date::add_months(c.team_starts, 6).unwrap().pred_opt().unwrap(), c.graduation);
        prop_assert_eq!(s.sessions.len(), 10);
        prop_assert_eq!(Some(s.sessions[9].date), calendar::session_day(c.graduation));
    }

    /// P2 "Late entry": a late entry exactly when a cohort's preparation began before the
    /// date and its team starts after it (checked against every cohort of the year
    /// before, the year and the year after, written out here), in March or September,
    /// with its P2 warning, and never the next cohort.
    #[test]
    fn late_entry_window(today in date()) {
        let s = calendar::schedule(today, 1).unwrap();
        let preparing: Vec<_> = [today.year() - 1, today.year(), today.year() + 1]
            .into_iter()
            .flat_map(|y| [(y, 3), (y, 9)])
            .filter_map(|(y, m)| {
                let team = NaiveDate::from_ymd_opt(y, m, 1)?;
                let prep = NaiveDate::from_ymd_opt(y, m - 2, 1)?;
                (prep < today && today < team).then_some((prep, team))
            })
            .collect();
        prop_assert!(preparing.len() <= 1);
        let late = s.late_entry.as_ref().map(|l| (l.preparation_starts, l.team_starts));
        prop_assert_eq!(late, preparing.first().copied());
        let warned = s.findings.iter().any(|f| f.rule == rules::RuleId::P2 && f.severity == rules::Severity::Warning);
        prop_assert_eq!(warned, late.is_some());
        if let Some(l) = &s.late_entry {
            prop_assert!(l.id != s.cohort.id);
            prop_assert!(l.team_starts < s.cohort.team_starts);
        }
    }

    /// F3: with earlier projects the other reading's total (counted from the first new
    /// project) is given beside the total, with a warning; without them, neither.
    #[test]
    fn other_reading_beside_the_total(n in 1u64..=100, prior in 0u64..=10_000) {
        let e = estimate(FeeRequest::new(n, prior).unwrap()).unwrap();
        let alone = 6000 * n - 3000 * (n / 3);
        prop_assert_eq!(e.total_usd_without_prior.map(|u| u.0), (prior > 0).then_some(alone));
        let warned = e.findings.iter().any(|f| f.rule == rules::RuleId::F3 && f.severity == rules::Severity::Warning);
        prop_assert_eq!(warned, prior > 0);
    }

    /// Any text into any verb answers or errs, never panics.
    #[test]
    fn arbitrary_text_never_panics(verb in prop::sample::select(rules::json::VERBS), text in ".{0,200}") {
        let _ = rules::respond(verb, &text);
    }

    /// Any JSON value into any verb answers or errs, never panics, and errors are JSON.
    #[test]
    fn arbitrary_json_never_panics(verb in prop::sample::select(rules::json::VERBS), v in json_value()) {
        match rules::respond(verb, &v.to_string()) {
            Ok(answer) => prop_assert!(answer.is_object()),
            Err(e) => prop_assert!(serde_json::to_string(&e).is_ok()),
        }
    }

    /// Requests shaped like the contract's, with wild values, never panic.
    #[test]
    fn contract_shaped_json_never_panics(
        verb in prop::sample::select(rules::json::VERBS),
        fields in prop::collection::btree_map(field_name(), json_value(), 0..8),
    ) {
        let v = Value::Object(fields.into_iter().collect());
        let _ = rules::respond(verb, &v.to_string());
        let _ = rules::respond("assess", &serde_json::json!({ "team": v.clone(), "fees": v.clone(), "credits": v }).to_string());
    }
}

fn field_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "projects",
        "prior_projects",
        "date",
        "count",
        "sponsor",
        "clinical_leader",
        "coach",
        "can_audit",
        "can_report_data",
        "success_factors",
        "edition",
        "people",
        "collaboratives",
        "physician",
        "stages",
        "stage_c_complete",
        "documents",
        "on_roster_at_start",
        "opted_in",
        "graduation",
        "today",
        "name",
        "hours_per_week",
        "roles",
        "role",
        "project",
        "qi",
    ])
    .prop_map(String::from)
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        (0u64..200).prop_map(Value::from),
        prop::sample::select(vec![
            "impower",
            "learning-network",
            "qi_coach",
            "team_member",
            "A",
            "C",
            "a3",
            "2027-02-30",
            "2026-11-22",
            "experienced",
            "<script>"
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// P4/P5 (issue 9): no estimated session, nor the coaches' application meeting the day
/// after it, falls on a weekend, for every cohort from 2025 to 2040; sessions stay in
/// order, inside the team's six months, Session 10 at most three days before graduation.
#[test]
fn session_estimates_fall_on_weekdays_2025_to_2040() {
    use chrono::Weekday::{Sat, Sun};
    let mut checked = 0;
    for year in 2025..=2040 {
        for month in rules::program::CALENDAR.cohort_months {
            let c = calendar::cohort(year, month).unwrap();
            let s = calendar::sessions(&c);
            assert_eq!(s.len(), 10);
            for (i, x) in s.iter().enumerate() {
                for d in [x.date, x.application_meeting] {
                    assert!(
                        ![Sat, Sun].contains(&d.weekday()),
                        "{} session {}: {d} is a {:?}",
                        c.id,
                        x.number,
                        d.weekday()
                    );
                }
                assert!(
                    x.date >= c.team_starts && x.date <= c.graduation,
                    "{} session {}",
                    c.id,
                    x.number
                );
                if i > 0 {
                    assert!(x.date > s[i - 1].date, "{}: sessions out of order", c.id);
                }
                checked += 1;
            }
            assert!(
                (c.graduation - s[9].date).num_days() <= 3,
                "{}: session 10 on {}",
                c.id,
                s[9].date
            );
        }
    }
    assert_eq!(checked, 16 * 2 * 10);
}
