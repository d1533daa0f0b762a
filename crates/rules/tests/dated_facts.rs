//! Issue 19's drill: a fee change is one new dated entry in `program::FACTS` (the old one
//! untouched), made here on a fixture list with a made-up later fee, in this test only.
//! Old dates keep their answers, new dates get the new ones, and the messages and the
//! rule book's summaries show the figure in force. ARCHITECTURE.md walks through the
//! same edit on the real list.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use rules::fees::{estimate_under, FeeRequest};
use rules::program::{in_force, in_force_among, summary, Facts, Fees, FACTS, FACTS_2024};
use rules::{RuleId, Usd};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

/// The facts of 2024 with a made-up fee change from 2028-01-01.
fn later() -> Facts {
    Facts {
        from: rules::program::day(2028, 1, 1),
        read_from: "a made-up fee change, in this test only",
        fees: Fees {
            project: Usd(7_000),
            discounted: Usd(3_500),
            discount_every: 3,
        },
        ..FACTS_2024
    }
}

#[test]
fn a_later_fee_is_one_dated_entry_and_old_dates_keep_old_answers() {
    let sets = [FACTS_2024, later()];
    let req = FeeRequest::new(3, 0).expect("a request");
    let price = |d: &str| {
        let facts = in_force_among(&sets, Some(day(d))).expect("a set");
        estimate_under(req, facts).expect("priced")
    };
    let old = price("2027-12-31");
    let new = price("2028-01-01");
    // 6000 + 6000 + 3000 before the change; 7000 + 7000 + 3500 from its first day.
    assert_eq!(old.total_usd, Usd(15_000));
    assert_eq!(new.total_usd, Usd(17_500));
    let says = |e: &rules::fees::FeeEstimate, rule: RuleId, words: &str| {
        e.findings
            .iter()
            .any(|f| f.rule == rule && f.message.contains(words))
    };
    assert!(says(&old, RuleId::F1, "Each project costs $6,000."));
    assert!(says(&new, RuleId::F1, "Each project costs $7,000."));
    assert!(says(&new, RuleId::F2, "Every third project costs $3,500"));
    assert!(
        !new.findings.iter().any(|f| f.message.contains("$6,000")),
        "no old figure in the new answer"
    );
    // The rule book's summaries are built from the facts in force.
    assert_eq!(summary(RuleId::F1, &later()), "A project costs $7,000.");
    assert_eq!(
        summary(RuleId::F2, &later()),
        "Every third project costs $3,500."
    );
    assert_eq!(summary(RuleId::F1, &FACTS_2024), "A project costs $6,000.");
    assert_eq!(
        summary(RuleId::F2, &FACTS_2024),
        "Every third project costs $3,000."
    );
    // A day before every set reads the oldest; no day, the latest.
    assert_eq!(
        in_force_among(&sets, Some(day("2020-01-01"))),
        Some(&FACTS_2024)
    );
    assert_eq!(in_force_among(&sets, None), Some(&later()));
}

#[test]
fn the_book_holds_one_set_of_facts_today_and_every_day_reads_it() {
    assert_eq!(FACTS, &[FACTS_2024]);
    // Each set's first day is a real date, and the sets are oldest first.
    assert!(FACTS.iter().all(|f| f.from > NaiveDate::MIN));
    assert!(FACTS.windows(2).all(|w| w[0].from < w[1].from));
    for d in [
        "2000-01-01",
        "2024-07-22",
        "2024-07-23",
        "2026-12-07",
        "2099-12-31",
    ] {
        assert_eq!(in_force(Some(day(d))), &FACTS_2024, "{d}");
    }
    assert_eq!(in_force(None), &FACTS_2024);
}

/// Credit follows the same rule: a made-up later credit table decides claims whose
/// `as_of` (by default the graduation) falls on or after its first day.
#[test]
fn credits_are_decided_by_the_facts_in_force() {
    use rules::credits::{assess_under, CreditInput, Stage};
    use rules::program::Credits;
    let later = Facts {
        from: rules::program::day(2028, 1, 1),
        credits: Credits {
            stage_c: 12,
            max_per_project: 22,
            ..FACTS_2024.credits
        },
        ..FACTS_2024
    };
    let sets = [FACTS_2024, later];
    let input = |graduation: &str| CreditInput {
        physician: true,
        stages: vec![Stage::A, Stage::B, Stage::C],
        stage_c_complete: true,
        documents: Vec::new(),
        on_roster_at_start: true,
        opted_in: true,
        session_1: None,
        graduation: day(graduation),
        as_of: None,
        today: day("2029-01-01"),
    };
    let worth = |g: &str| {
        let i = input(g);
        let facts = in_force_among(&sets, i.as_of.or(Some(i.graduation))).expect("a set");
        assess_under(&i, facts).expect("assessed").credits
    };
    assert_eq!(
        worth("2027-08-31"),
        20,
        "5 + 5 + 10 under the facts of 2024"
    );
    assert_eq!(worth("2028-02-29"), 22, "5 + 5 + 12 under the later table");
}

/// The calendar too: a made-up later preparation phase of three months decides the
/// schedules planned from its first day on; earlier plans keep two.
#[test]
fn the_calendar_is_decided_by_the_facts_in_force() {
    use rules::calendar::schedule_under;
    use rules::program::Calendar;
    let later = Facts {
        from: rules::program::day(2029, 1, 1),
        calendar: Calendar {
            preparation_months: 3,
            ..FACTS_2024.calendar
        },
        ..FACTS_2024
    };
    let sets = [FACTS_2024, later];
    let plan = |d: &str| {
        let d = day(d);
        let facts = in_force_among(&sets, Some(d)).expect("a set");
        schedule_under(d, 1, facts).expect("planned")
    };
    let old = plan("2028-06-01");
    assert_eq!(old.cohort.id, "2028-09");
    assert_eq!(old.cohort.preparation_starts, day("2028-07-01"));
    let new = plan("2029-06-01");
    assert_eq!(new.cohort.id, "2029-09");
    assert_eq!(new.cohort.preparation_starts, day("2029-06-01"));
    let p2 = |s: &rules::calendar::Schedule, words: &str| {
        s.findings
            .iter()
            .any(|f| f.rule == RuleId::P2 && f.message.contains(words))
    };
    assert!(p2(&old, "two months to pick team members"));
    assert!(p2(&new, "three months to pick team members"));
}

/// The summaries that state a figure say today's, from the facts, word for word as the
/// rule book had them written out before.
#[test]
fn the_summaries_state_the_figures_in_force() {
    for (rule, words) in [
        (RuleId::F1, "A project costs $6,000."),
        (RuleId::F2, "Every third project costs $3,000."),
        (RuleId::P1, "Cohorts begin in March and September."),
        (RuleId::P2, "A two-month preparation phase for the physician leader, team leader and QI coach."),
        (RuleId::P3, "The team takes part for six months; the physician leader, team leader and QI coach for eight."),
        (RuleId::P4, "Team members attend ten two-hour learning sessions."),
        (RuleId::CR1, "Stage A is worth 5 credits, Stage B 5, Stage C 10; at most 20 per project."),
        (RuleId::T4, "Each project has one QI coach; a coach serves at most two project teams."),
        (RuleId::T5, "Each project has two to four team members from the front line."),
        (RuleId::CR7, "Claims are due within three months of graduation."),
    ] {
        assert_eq!(summary(rule, &FACTS_2024), words, "{rule}");
    }
}

/// The team counts and the hours tables too: a made-up later rule of three to five
/// members checks teams dated from its first day; earlier ones keep two to four.
#[test]
fn the_team_is_checked_by_the_facts_in_force() {
    use rules::program::Team;
    use rules::team::{validate_under, Assignment, Edition, Person, Qi, Role, TeamRequest};
    let later = Facts {
        from: rules::program::day(2029, 1, 1),
        team: Team {
            members_min: 3,
            members_max: 5,
            ..FACTS_2024.team
        },
        ..FACTS_2024
    };
    let sets = [FACTS_2024, later];
    let person = |name: &str, role: Role| Person {
        name: Some(name.into()),
        hours_per_week: Some(rules::Hours::whole(8)),
        physician: role == Role::PhysicianLeader,
        data_access: true,
        qi: Qi::Experienced,
        roles: vec![Assignment { role, project: 1 }],
    };
    let people = vec![
        person("Ann", Role::Sponsor),
        person("Dr. Bo", Role::PhysicianLeader),
        person("Cy", Role::TeamLeader),
        person("Di", Role::QiCoach),
        person("Ed", Role::TeamMember),
        person("Flo", Role::TeamMember),
    ];
    let req = TeamRequest::new(Edition::Impower, 1, Vec::new(), people).expect("a team");
    let t5 = |d: &str| {
        let facts = in_force_among(&sets, Some(day(d))).expect("a set");
        validate_under(&req, facts)
            .findings
            .into_iter()
            .filter(|f| f.rule == RuleId::T5 && f.severity != rules::Severity::Info)
            .count()
    };
    assert_eq!(t5("2028-12-31"), 0, "two members are within two to four");
    assert_eq!(t5("2029-01-01"), 1, "two members are short of three");
}
