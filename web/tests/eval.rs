//! The app's state and answers, natively: bad fields are reported beside their input
//! while every other answer keeps coming.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use rules::readiness::Qi;
use rules::team::Role;
use rules::Hours;
use web::eval::{evaluate, parse_count, parse_hours};
use web::state::{Action, PersonEdit, State};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date")
}

fn state_after(actions: Vec<Action>) -> State {
    let mut s = State::new(today());
    for a in actions {
        s.apply(a);
    }
    s
}

/// Names the starter roster's four people (examples until named) after their roles.
fn named_starters() -> Vec<Action> {
    [
        "Project sponsor",
        "Physician leader",
        "Team leader",
        "QI coach",
    ]
    .into_iter()
    .zip(1u32..)
    .map(|(name, id)| Action::Person(id, PersonEdit::Name(name.into())))
    .collect()
}

fn named_state_after(actions: Vec<Action>) -> State {
    let mut all = named_starters();
    all.extend(actions);
    state_after(all)
}

#[test]
fn a_fresh_state_answers_everything() {
    let r = evaluate(&named_state_after(vec![]));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.fees.as_ref().map(|e| e.total_usd.0), Some(6000));
    assert_eq!(
        r.fee_table
            .iter()
            .map(|e| e.total_usd.0)
            .collect::<Vec<_>>(),
        [6000, 12000, 15000, 21000, 27000, 30000]
    );
    assert_eq!(
        r.schedule.as_ref().map(|s| s.cohort.id.as_str()),
        Some("2027-03")
    );
    assert!(
        r.readiness.is_none(),
        "no verdict before the questions are answered"
    );
    assert_eq!(r.readiness_unanswered, 5);
    assert!(r.team.as_ref().is_some_and(|t| !t.valid));
    assert!(!r.team_blocked);
    assert_eq!(r.fees.as_ref().map(|e| e.teams_needed), Some(1));
    assert_eq!(r.what_if, None);
    assert_eq!(
        r.credits.iter().map(|c| c.project).collect::<Vec<_>>(),
        vec![1; 4],
        "each named person has a claim on project 1, from the Team"
    );
}

#[test]
fn bad_fee_fields_are_named_and_the_rest_keeps_working() {
    for (text, needle) in [
        ("", "Enter a whole number"),
        ("-2", "negative"),
        ("2.5", "not a whole number"),
        ("abc", "not a number"),
        ("1000000000000", "out of range"),
        ("1000000000000000000000000000000", "far too large"),
        ("1e3", "not a number"),
    ] {
        let r = evaluate(&state_after(vec![Action::Projects(text.into())]));
        let msg = r
            .error_for("fee-projects")
            .unwrap_or_else(|| panic!("no error for {text:?}"));
        assert!(msg.contains(needle), "{text:?} gave {msg:?}");
        assert!(r.fees.is_none());
        assert_eq!(r.fee_table.len(), 6, "the side-by-side still answers");
        assert!(r.schedule.is_some(), "the calendar still answers");
    }
}

#[test]
fn earlier_projects_move_the_discount() {
    let r = evaluate(&state_after(vec![Action::PriorProjects("2".into())]));
    let e = r.fees.expect("an estimate");
    assert_eq!(
        (
            e.total_usd.0,
            e.projects[0].number,
            e.projects[0].discounted
        ),
        (3000, 3, true)
    );
}

#[test]
fn bad_dates_are_named() {
    let r = evaluate(&state_after(vec![
        Action::PlanDate("2027-02-30".into()),
        Action::Graduation("soon".into()),
    ]));
    assert!(r
        .error_for("plan-date")
        .is_some_and(|m| m.contains("does not exist")));
    assert!(r.error_for("graduation").is_some());
    assert!(r.schedule.is_none() && r.credits.is_empty());
    assert!(r.fees.is_some());
}

#[test]
fn bad_hours_are_named_by_person_and_the_team_still_answers() {
    let r = evaluate(&state_after(vec![
        Action::Person(3, PersonEdit::Hours("10^12".into())),
        Action::Person(4, PersonEdit::Hours("-1".into())),
    ]));
    assert!(r
        .error_for("person-3-hours")
        .is_some_and(|m| m.contains("not a number")));
    assert!(r
        .error_for("person-4-hours")
        .is_some_and(|m| m.contains("out of range")));
    assert!(r.team.is_some());
}

#[test]
fn duplicate_names_are_errors_and_empty_ones_are_unanswered() {
    let r = evaluate(&named_state_after(vec![
        Action::Person(2, PersonEdit::Name("Project sponsor".into())),
        Action::Person(3, PersonEdit::Name("  ".into())),
        Action::Person(3, PersonEdit::Hours("".into())),
    ]));
    assert!(r
        .error_for("person-2-name")
        .is_some_and(|m| m.contains("Another person")));
    // Empty is not answered yet: no error to show on leaving the field (which would move
    // the page under the pointer), and the team's verdict waits for the name.
    assert_eq!(r.error_for("person-3-name"), None);
    assert_eq!(r.error_for("person-3-hours"), None);
    assert!(r.team.is_some());
    assert!(r.team_blocked);
}

fn member(id: u32, name: &str) -> Vec<Action> {
    vec![
        Action::AddPerson,
        Action::Person(id, PersonEdit::Name(name.into())),
        Action::Person(id, PersonEdit::Hours("4".into())),
        Action::Person(id, PersonEdit::Role(Role::TeamMember, 1, true)),
    ]
}

#[test]
fn completing_the_starter_team_makes_it_valid_and_answers_c1_c2_when_asked() {
    let mut actions = vec![
        Action::Person(3, PersonEdit::DataAccess(true)),
        Action::Person(4, PersonEdit::Qi(Qi::Learning)),
    ];
    actions.extend(member(5, "Ann"));
    actions.extend(member(6, "Bo"));
    let r = evaluate(&named_state_after(actions.clone()));
    let t = r.team.as_ref().expect("a team");
    assert!(t.valid, "{:#?}", t.findings);
    assert!(
        r.readiness_from_team.is_none(),
        "editing the team never answers readiness by itself"
    );
    actions.push(Action::RosterAnswers(true));
    let r = evaluate(&named_state_after(actions));
    let (sponsor, leader, coach) = r.readiness_from_team.expect("asked for");
    assert!(sponsor && leader);
    assert_eq!(coach, Qi::Learning);
    // It says from whom.
    assert_eq!(
        r.roster_who.as_deref(),
        Some("Project sponsor (project sponsor); Physician leader (physician leader); QI coach (QI coach)")
    );
}

/// Issue 18: the starter roster is examples, not answers: its people have no names, so
/// they are counted as unanswered, the team is not judged, and asking the roster to
/// answer C1 and C2 answers nothing until every person is named.
#[test]
fn examples_are_not_answers() {
    let fresh = State::new(today());
    assert!(fresh.people.iter().all(|p| p.name.is_empty()));
    assert_eq!(fresh.people.len(), 4);
    let r = evaluate(&state_after(vec![Action::RosterAnswers(true)]));
    assert!(r.team_blocked, "unnamed people: the team waits for names");
    // Not named is not answered yet, not an error (issue 21: an error shown on leaving
    // an empty field moved the page under the pointer); the team counts who to name.
    assert_eq!(
        r.errors.iter().filter(|e| e.id.ends_with("-name")).count(),
        0
    );
    assert_eq!(r.team.as_ref().map(|t| t.unnamed()), Some(4));
    assert_eq!(
        r.readiness_from_team, None,
        "no commitment answered by examples"
    );
    assert!(r.roster_waiting);
    assert_eq!(r.readiness_unanswered, 5);
    // Named, the roster answers, and says from whom.
    let r = evaluate(&named_state_after(vec![Action::RosterAnswers(true)]));
    assert!(r.readiness_from_team.is_some());
    assert!(!r.roster_waiting);
}

#[test]
fn the_roster_answers_only_when_asked() {
    let fresh = evaluate(&State::new(today()));
    assert!(fresh.readiness_from_team.is_none());
    let off = evaluate(&state_after(vec![
        Action::AddPerson,
        Action::RosterAnswers(false),
    ]));
    assert!(off.readiness_from_team.is_none());
}

#[test]
fn fewer_projects_drop_roles_on_removed_projects() {
    let r = evaluate(&named_state_after(vec![
        Action::Projects("2".into()),
        Action::Person(4, PersonEdit::Role(Role::QiCoach, 2, true)),
        Action::Projects("1".into()),
    ]));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.team.map(|t| t.people[3].required_hours_min), Some(8));
}

#[test]
fn parsers_use_the_rules_bounds() {
    assert_eq!(parse_count(" 3 ", "projects", 1, 100), Ok(3));
    assert!(parse_count("0", "projects", 1, 100).is_err());
    assert_eq!(parse_hours("7.5"), Ok(Hours::from_hundredths(750)));
    assert_eq!(parse_hours(" .5 "), Ok(Hours::from_hundredths(50)));
    assert_eq!(parse_hours("7.25"), Ok(Hours::from_hundredths(725)));
    assert!(parse_hours("169").is_err());
    assert!(parse_hours("NaN").is_err());
    assert!(parse_hours("1e2").is_err(), "no exponents for hours");
    let e = parse_hours("7.996").unwrap_err();
    assert!(e.contains("two decimal places"), "{e}");
    for bad in ["", ".", "-", "1.2.3", "4h", "٣", "-2"] {
        assert!(parse_hours(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn any_name_the_user_can_type_leaves_the_team_answered() {
    for names in [
        ["Ann", "Ann", "Ann (2)"],
        ["Tab\there", "B", "C"],
        ["A", "", "Person 2"],
    ] {
        let mut actions = vec![Action::AddPerson];
        for (id, n) in [1u32, 2, 6].into_iter().zip(names) {
            actions.push(Action::Person(id, PersonEdit::Name(n.into())));
        }
        let r = evaluate(&state_after(actions));
        assert!(r.team.is_some(), "{names:?}: the team verdict vanished");
        assert_eq!(r.team.map(|t| t.people.len()), Some(5), "{names:?}");
    }
}

#[test]
fn one_set_of_projects_for_team_fees_and_summary() {
    let r = evaluate(&state_after(vec![Action::Projects("2".into())]));
    assert_eq!(r.fees.as_ref().map(|e| e.total_usd.0), Some(12000));
    assert_eq!(r.fees.as_ref().map(|e| e.teams_needed), Some(2));
    assert_eq!(r.what_if, None);
}

/// Issue 18: a what-if is priced beside the plan and never changes it: not the team,
/// not the plan's fees, not the saved answers' plan.
#[test]
fn a_what_if_never_changes_the_plan() {
    let plan = state_after(vec![Action::Projects("2".into())]);
    let r = evaluate(&state_after(vec![
        Action::Projects("2".into()),
        Action::PriceOther(Some("7".into())),
    ]));
    assert_eq!(
        r.fees.as_ref().map(|e| e.total_usd.0),
        Some(12000),
        "the plan's price"
    );
    assert_eq!(r.what_if.as_ref().map(|e| e.teams_needed), Some(7));
    assert_eq!(r.what_if.as_ref().map(|e| e.total_usd.0), Some(36000));
    assert_eq!(r.team.as_ref().map(|t| t.people.len()), Some(4));
    let with = state_after(vec![
        Action::Projects("2".into()),
        Action::PriceOther(Some("7".into())),
    ]);
    assert_eq!(with.projects, plan.projects, "the Team's projects");
    assert_eq!(with.team_projects(), Some(2));
    // A what-if that cannot be read is named, and the plan still answers.
    let r = evaluate(&state_after(vec![
        Action::Projects("2".into()),
        Action::PriceOther(Some("-7".into())),
    ]));
    assert!(r.error_for("price-other").is_some());
    assert_eq!(r.fees.as_ref().map(|e| e.total_usd.0), Some(12000));
    assert_eq!(r.what_if, None);
    // Emptied, the what-if is gone, without an error.
    let r = evaluate(&state_after(vec![Action::PriceOther(Some(String::new()))]));
    assert!(r.error_for("price-other").is_none());
    assert_eq!(r.what_if, None);
}

/// Issue 18: with earlier projects, the plan's fees give the other reading's total
/// beside the total (F3), and the warning that says to confirm.
#[test]
fn earlier_projects_give_both_readings() {
    let r = evaluate(&state_after(vec![Action::PriorProjects("2".into())]));
    let e = r.fees.as_ref().expect("fees");
    assert_eq!(e.total_usd.0, 3000);
    assert_eq!(e.total_usd_without_prior.map(|u| u.0), Some(6000));
    assert!(e
        .findings
        .iter()
        .any(|f| f.rule == rules::RuleId::F3 && f.severity == rules::Severity::Warning));
}

/// Issue 18: the team's headline agrees with the findings it lists, on every team case
/// of the corpus: a ✓ only when no finding is an error or a warning (a warning may ask
/// to add someone), a ✗ whenever one is an error.
#[test]
fn the_team_headline_agrees_with_its_findings() {
    use web::eval::{team_headline, Tone};
    let mut seen = 0;
    for case in corpus::CASES.iter().filter(|c| c.name.starts_with("team/")) {
        let Ok(file) = serde_json::from_str::<serde_json::Value>(case.text) else {
            continue;
        };
        let Ok(text) = corpus::request_text(&file) else {
            continue;
        };
        let Ok(req) =
            rules::json::parse(&text).and_then(|j| rules::json::requests::team_request(&j, ""))
        else {
            continue;
        };
        let t = rules::team::validate(&req);
        let (tone, _) = team_headline(&t);
        let errors = t
            .findings
            .iter()
            .any(|f| f.severity == rules::Severity::Error);
        let warnings = t
            .findings
            .iter()
            .any(|f| f.severity == rules::Severity::Warning);
        assert_eq!(tone == Tone::Met, !errors && !warnings, "{}", case.name);
        assert_eq!(tone == Tone::Fix, errors, "{}", case.name);
        seen += 1;
    }
    assert!(seen >= 5, "only {seen} team cases");
}

#[test]
fn unreadable_hours_are_never_read_as_zero() {
    let r = evaluate(&named_state_after(vec![Action::Person(
        3,
        PersonEdit::Hours("ten".into()),
    )]));
    assert!(r
        .error_for("person-3-hours")
        .is_some_and(|m| m.contains("not a number")));
    // The rules decide what unanswered hours withhold: only T7 for that person (a
    // warning), so the verdict stands (RULES.md, "Drafts").
    assert!(!r.team_blocked, "hours do not withhold the team's verdict");
    let t = r.team.expect("findings still come");
    assert_eq!(
        t.people.iter().position(|h| h.hours_per_week.is_none()),
        Some(2),
        "the rules were told the third person's hours are not answered yet"
    );
    assert_eq!(t.unanswered, vec![rules::team::Unanswered::Hours(2)]);
    assert!(
        !t.findings
            .iter()
            .any(|f| f.rule == rules::RuleId::T7 && f.person.as_deref() == Some("Team leader")),
        "no shortfall is made up for the unreadable hours: {:?}",
        t.findings
    );
}

#[test]
fn new_people_start_blank_and_removals_can_be_undone() {
    let mut s = State::new(today());
    s.apply(Action::AddPerson);
    let added = s.people.last().cloned().expect("a person");
    assert!(added.roles.is_empty() && added.name.is_empty() && added.hours.is_empty());
    s.apply(Action::RemovePerson(2));
    assert_eq!(s.people.len(), 4);
    s.apply(Action::Undo);
    assert_eq!(s.people.len(), 5);
    assert_eq!(s.people[1].id, 2, "back at its place");
    s.apply(Action::Person(4, PersonEdit::Role(Role::QiCoach, 1, false)));
    assert!(s.people[3].roles.is_empty());
    s.apply(Action::Undo);
    assert_eq!(s.people[3].roles, vec![(Role::QiCoach, 1)]);
    s.apply(Action::Organization("Mercy".into()));
    s.apply(Action::StartAgain);
    assert_eq!(s.organization, "");
    s.apply(Action::Undo);
    assert_eq!(s.organization, "Mercy");
}

#[test]
fn readiness_names_what_is_unmet_once_answered() {
    use web::state::Commitment::*;
    let mut actions = vec![
        Action::Commitment(Sponsor, true),
        Action::Commitment(ClinicalLeader, false),
        Action::Coach(Qi::Learning),
        Action::Commitment(CanAudit, true),
    ];
    let r = evaluate(&state_after(actions.clone()));
    assert!(r.readiness.is_none());
    assert_eq!(r.readiness_unanswered, 1);
    actions.push(Action::Commitment(CanReportData, true));
    let r = evaluate(&state_after(actions));
    let rep = r.readiness.expect("a verdict");
    assert!(!rep.ready);
    let unmet: Vec<_> = rep
        .commitments
        .iter()
        .filter(|c| !c.met)
        .map(|c| c.id)
        .collect();
    assert_eq!(unmet, vec![rules::RuleId::C1]);
    // S4 follows the sponsor answer until changed; S3 follows the (learning) coach.
    assert_eq!(
        *r.factors.get(rules::readiness::SuccessFactor::S4),
        web::eval::FactorState::Follows(rules::RuleId::C1, Some(true))
    );
    assert_eq!(
        *r.factors.get(rules::readiness::SuccessFactor::S3),
        web::eval::FactorState::Derived(Some(false))
    );
}

#[test]
fn errors_wait_for_the_field_unless_typing_cannot_fix_them() {
    use web::eval::{settled_date, settled_number};
    assert!(!settled_number("", 100, 0));
    assert!(!settled_number("0", 100, 0), "0 may become 05");
    assert!(settled_number("ten", 100, 0));
    assert!(settled_number("101", 100, 0));
    assert!(settled_number("2.5", 100, 0));
    assert!(!settled_number("7.", 168, 2));
    assert!(settled_number("7.996", 168, 2));
    assert!(!settled_date("2027-0"));
    assert!(settled_date("2027-02-30"));
    assert!(settled_date("soon"));
}

/// Issue 18: one graduation date and one claim deadline everywhere: the credits follow
/// the cohort the Calendar plans until the user types another date, and only then differ.
#[test]
fn credits_follow_the_calendars_graduation_unless_typed() {
    let mut actions = vec![Action::Person(1, PersonEdit::Name("Ann Sponsor".into()))];
    let r = evaluate(&state_after(actions.clone()));
    let planned = r.schedule.as_ref().map(|sc| sc.cohort.claim_deadline);
    assert!(planned.is_some());
    assert_eq!(r.credits.first().map(|c| c.report.claim_deadline), planned);
    assert!(
        r.error_for("graduation").is_none(),
        "an empty field follows, it is no error"
    );
    // Planning from another date moves both.
    actions.push(Action::PlanDate("2027-08-15".into()));
    let r = evaluate(&state_after(actions.clone()));
    let planned = r.schedule.as_ref().map(|sc| sc.cohort.claim_deadline);
    assert_eq!(
        planned.map(rules::date::format).as_deref(),
        Some("2028-11-30")
    );
    assert_eq!(r.credits.first().map(|c| c.report.claim_deadline), planned);
    // A typed date is used instead.
    actions.push(Action::Graduation("2025-02-18".into()));
    let r = evaluate(&state_after(actions.clone()));
    assert_eq!(
        r.credits
            .first()
            .map(|c| rules::date::format(c.report.claim_deadline))
            .as_deref(),
        Some("2025-05-18")
    );
    // A Calendar date that cannot be read: no credits, and the error is the Calendar's.
    actions.push(Action::Graduation(String::new()));
    actions.push(Action::PlanDate("soon".into()));
    let r = evaluate(&state_after(actions));
    assert!(r.credits.is_empty());
    assert!(r.error_for("plan-date").is_some() && r.error_for("graduation").is_none());
}

/// Issue 18: credits come from the Team: every named person, once per project they are
/// on (a coach on two projects has two claims of up to 20), unnamed examples never.
#[test]
fn credits_come_from_the_roster_one_claim_per_person_and_project() {
    use rules::credits::{Document, Stage};
    let mut actions = vec![
        Action::Projects("2".into()),
        Action::Person(4, PersonEdit::Name("Cy Coach".into())),
        Action::Person(4, PersonEdit::Role(Role::QiCoach, 2, true)),
        Action::Person(4, PersonEdit::Physician(true)),
        Action::Graduation("2025-02-18".into()),
    ];
    for k in [1, 2] {
        for st in Stage::ALL {
            actions.push(Action::Person(4, PersonEdit::Stage(k, *st, true)));
        }
        actions.push(Action::StageC(k, true));
        for d in Document::ALL {
            actions.push(Action::Document(k, *d, true));
        }
    }
    actions.push(Action::Person(4, PersonEdit::OptedIn(true)));
    let mut s = state_after(actions);
    s.today = NaiveDate::from_ymd_opt(2025, 3, 1).expect("a date");
    let r = evaluate(&s);
    let claims: Vec<(u32, u32, bool)> = r
        .credits
        .iter()
        .map(|c| (c.project, c.report.credits, c.report.claimable))
        .collect();
    assert_eq!(
        claims,
        vec![(1, 20, true), (2, 20, true)],
        "two claims of 20"
    );
    assert!(
        r.credits.iter().all(|c| c.name == "Cy Coach"),
        "the unnamed starters claim nothing"
    );
    // Joined project 2 late: not on its roster at the start (CR4), project 1 unchanged.
    s.apply(Action::Person(4, PersonEdit::JoinedLate(2, true)));
    let r = evaluate(&s);
    let claimable: Vec<bool> = r.credits.iter().map(|c| c.report.claimable).collect();
    assert_eq!(claimable, vec![true, false]);
    // Taking the role away keeps the typed stages and shows the claim as off the roster.
    s.apply(Action::Person(4, PersonEdit::JoinedLate(2, false)));
    s.apply(Action::Person(4, PersonEdit::Role(Role::QiCoach, 2, false)));
    let r = evaluate(&s);
    let two = r.credits.iter().find(|c| c.project == 2).expect("kept");
    assert!(two
        .report
        .findings
        .iter()
        .any(|f| f.rule == rules::book::RuleId::CR4));
}

/// Issue 18: the opt-in is due by the Calendar cohort's Session 1 (its team start), and
/// once that day has passed it is "too late", never a reminder to opt in.
#[test]
fn the_opt_in_is_due_by_session_1_then_passed() {
    let at = |today: NaiveDate| {
        let mut s = State::new(today);
        s.apply(Action::Person(1, PersonEdit::Name("Ann Sponsor".into())));
        s.apply(Action::PlanDate("2026-11-22".into()));
        let r = evaluate(&s);
        let session_1 = r.schedule.as_ref().map(|sc| sc.cohort.team_starts);
        let cr5 = r
            .credits
            .first()
            .and_then(|c| {
                c.report
                    .findings
                    .iter()
                    .find(|f| f.rule == rules::book::RuleId::CR5)
                    .cloned()
            })
            .expect("not opted in");
        (session_1, cr5.due, cr5.passed)
    };
    let (session_1, due, passed) = at(today());
    assert_eq!(
        session_1.map(rules::date::format).as_deref(),
        Some("2027-03-01")
    );
    assert_eq!((due, passed), (session_1, None), "due by Session 1");
    let later = NaiveDate::from_ymd_opt(2027, 4, 1).expect("a date");
    let (session_1, due, passed) = at(later);
    assert_eq!((due, passed), (None, session_1), "passed after it");
}

/// A project's answers are kept per project, grown when one is given and never cut: a
/// project typed away and back keeps its collaborative and its progress; the number of
/// projects is read once, by `evaluate`.
#[test]
fn a_project_typed_away_and_back_keeps_its_answers() {
    use rules::book::Collaborative;
    let mut s = State::new(today());
    s.apply(Action::Projects("3".into()));
    s.apply(Action::Collaborative(3, Some(Collaborative::ALL[0])));
    s.apply(Action::StageC(3, true));
    assert_eq!(evaluate(&s).projects, Some(3));
    s.apply(Action::Projects("1".into()));
    let one = evaluate(&s);
    assert_eq!(one.projects, Some(1));
    assert_eq!(
        one.team_request.as_ref().map(|t| t.collaboratives().len()),
        Some(1),
        "only project 1's collaborative goes to the rules"
    );
    s.apply(Action::Projects("x".into()));
    assert_eq!(evaluate(&s).projects, None);
    s.apply(Action::Projects("3".into()));
    assert_eq!(s.collaboratives.get(2), Some(&Some(Collaborative::ALL[0])));
    assert!(s.progress.get(2).is_some_and(|p| p.stage_c_complete));
    // A project past any there can be is not stored.
    s.apply(Action::StageC(rules::bounds::MAX_PROJECTS + 1, true));
    assert_eq!(s.progress.len(), 3);
}
