//! Saved work survives every release: a share link and an exported file made by an
//! earlier release (`golden/<commit>-*`, written by that release's own code from the
//! full application of `web/tests/share.rs`, never by this build) open in this build to
//! the same application, field by field as written out below, through each way a person
//! brings them back: the link in the address, the copy saved on this device (the
//! autosave holds the same text as the link), and "Open answers from a file".
//!
//! A later release that changes the format adds its own fixtures beside these and keeps
//! these passing: an older version is migrated, never remapped.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use rules::book::Collaborative;
use rules::credits::Stage;
use rules::readiness::{Qi, SuccessFactor};
use rules::team::Role;
use web::export::import;
use web::persist::start;
use web::share::decode;
use web::state::{State, View};

/// Release 6b69fe7 (landed 2026-12-04): the link's `a=` text, also what it autosaved.
const LINK_6B69FE7: &str = include_str!("golden/6b69fe7-link.txt");
/// Release 6b69fe7: "Download answers" of the same application.
const EXPORT_6B69FE7: &str = include_str!("golden/6b69fe7-export.json");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date")
}

/// The application the fixtures hold, checked field by field: written out here, not
/// taken from this build's encoder, so a change that remaps a saved value fails.
fn assert_is_the_full_application(s: &State, how: &str) {
    assert_eq!(s.organization, "Mercy Radiology — Nord & Süd", "{how}");
    assert_eq!(
        (s.sponsor, s.clinical_leader, s.can_audit, s.can_report_data),
        (Some(true), Some(true), Some(true), Some(false)),
        "{how}: the commitments"
    );
    assert_eq!(s.coach, Some(Qi::Experienced), "{how}");
    assert_eq!(*s.factors.get(SuccessFactor::S1), Some(true), "{how}: S1");
    assert_eq!(*s.factors.get(SuccessFactor::S6), Some(false), "{how}: S6");
    assert_eq!(
        *s.factors.get(SuccessFactor::S2),
        None,
        "{how}: S2 unanswered"
    );
    assert_eq!(s.projects, "3", "{how}");
    assert_eq!(
        s.collaboratives.get(1).copied().flatten(),
        Some(Collaborative::ProstateMrImageQuality),
        "{how}: project 2's collaborative"
    );
    assert_eq!(s.collaboratives.first().copied().flatten(), None, "{how}");
    assert_eq!(
        s.people.len(),
        13,
        "{how}: the twelve, and the credits' participant"
    );
    let names: Vec<&str> = s.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names.get(..4),
        Some(
            &[
                "Project sponsor",
                "Physician leader",
                "Team leader",
                "QI coach"
            ][..]
        ),
        "{how}: the starter people keep the names they had"
    );
    let p = |i: usize| {
        s.people
            .get(i)
            .unwrap_or_else(|| panic!("{how}: person {i}"))
    };
    assert_eq!(p(0).roles, vec![(Role::Sponsor, 1)], "{how}");
    assert!(!p(0).physician, "{how}");
    assert_eq!(p(1).roles, vec![(Role::PhysicianLeader, 1)], "{how}");
    assert!(p(1).physician, "{how}: the physician leader's degree");
    assert_eq!(
        p(1).hours,
        "not yet",
        "{how}: hours as typed, unreadable kept"
    );
    assert_eq!(p(2).roles, vec![(Role::TeamLeader, 1)], "{how}");
    assert_eq!(
        p(3).roles,
        vec![(Role::QiCoach, 1), (Role::QiCoach, 2)],
        "{how}"
    );
    for i in 0..8 {
        let m = p(4 + i);
        assert_eq!(m.name, format!("Team member number {i}"), "{how}");
        assert_eq!(m.hours, "4.5", "{how}");
        assert_eq!(m.qi, Qi::Learning, "{how}");
        assert_eq!(m.roles, vec![(Role::TeamMember, 1 + i as u32 % 3)], "{how}");
    }
    assert_eq!(s.price_other.as_deref(), Some("4"), "{how}: the what-if");
    assert_eq!(s.prior_projects, "2", "{how}");
    assert_eq!(s.plan_date, "2026-11-22", "{how}");
    assert_eq!(s.graduation, "2027-08-31", "{how}");
    // Format 1 kept credit participants apart from the Team; they are moved onto it.
    // The one project's Stage C and documents became every project's, so each claim is
    // decided as it was.
    assert_eq!(s.progress.len(), 3, "{how}");
    assert!(
        s.progress
            .iter()
            .all(|g| g.stage_c_complete && g.documents.is_empty()),
        "{how}: Stage C complete, no document, on every project"
    );
    // Dr. Ada Lovelace was named by no one in the Team: added to it, without a role
    // (the Team asks for one), her answers on project 1. She was not on the roster at
    // the start and had not opted in; the eleven empty participants were dropped.
    let ada = p(12);
    assert_eq!(ada.name, "Dr. Ada Lovelace", "{how}");
    assert!(ada.physician, "{how}");
    assert!(ada.roles.is_empty(), "{how}");
    assert!(!ada.opted_in, "{how}");
    let credit = ada
        .credit(1)
        .unwrap_or_else(|| panic!("{how}: her project 1 answers"));
    assert_eq!(credit.stages, vec![Stage::A], "{how}: Stage A only");
    assert!(credit.joined_late, "{how}: not on the roster at the start");
    assert_eq!(ada.credits.len(), 1, "{how}");
    assert!(
        s.people
            .iter()
            .take(12)
            .all(|p| p.credits.is_empty() && !p.opted_in),
        "{how}"
    );
}

#[test]
fn the_6b69fe7_link_opens_the_same_application() {
    let (s, problem) = decode(LINK_6B69FE7.trim(), today()).expect("it opens");
    assert_eq!(problem, None, "read whole");
    assert_is_the_full_application(&s, "decoded link");
    // Opened from the address bar, on the view it names.
    let opened = start(
        today(),
        &format!("#fees?a={}", LINK_6B69FE7.trim()),
        None,
        false,
        None,
    );
    assert_eq!(opened.state.view, View::Fees);
    assert_eq!(opened.unreadable, None);
    assert_is_the_full_application(&opened.state, "link in the address");
}

#[test]
fn the_6b69fe7_autosave_reopens_the_same_application_and_says_nothing() {
    let reopened = start(
        today(),
        "",
        Some(LINK_6B69FE7.trim().to_string()),
        false,
        None,
    );
    assert_eq!(
        (reopened.notice, reopened.unreadable, reopened.keep),
        (None, None, None),
        "a copy this build reads whole is no news"
    );
    assert_is_the_full_application(&reopened.state, "autosave");
}

#[test]
fn the_6b69fe7_export_opens_the_same_application_and_is_still_an_assess_request() {
    let imported = import(EXPORT_6B69FE7, today()).expect("the file opens");
    assert_eq!(imported.problem, None);
    assert_is_the_full_application(&imported.state, "export");
    // The file is an `assess` request the command line still answers: its fees part
    // (that release priced the what-if of 4 projects after 2 earlier: #3 to #6).
    let answer = rules::json::answer("assess", EXPORT_6B69FE7).expect("answered");
    let v = serde_json::to_value(&answer).expect("an answer");
    assert_eq!(v["fees"]["total_usd"], 18000);
    assert_eq!(v["fees"]["total_usd_without_prior"], 21000);
}

/// Format 2 (2026-12-07): every closed-set value by its permanent code, credits from
/// the Team. Written by that release's `write_golden` from the full application of
/// `web/tests/share.rs`.
const LINK_FORMAT2: &str = include_str!("golden/format2-2026-12-07-link.txt");
/// Format 2: "Download answers" of the same application.
const EXPORT_FORMAT2: &str = include_str!("golden/format2-2026-12-07-export.json");

/// The format 2 application, field by field, written out here.
fn assert_is_the_format2_application(s: &State, how: &str) {
    use rules::credits::Document;
    assert_eq!(s.organization, "Mercy Radiology — Nord & Süd", "{how}");
    assert_eq!(
        (s.sponsor, s.clinical_leader, s.can_audit, s.can_report_data),
        (Some(true), Some(true), Some(true), Some(false)),
        "{how}"
    );
    assert_eq!(s.coach, Some(Qi::Experienced), "{how}");
    assert_eq!(
        s.factors.iter().map(|(_, a)| *a).collect::<Vec<_>>(),
        [Some(true), None, None, None, None, Some(false), None],
        "{how}: S1 yes, S6 no, the rest unanswered"
    );
    assert_eq!(s.projects, "3", "{how}");
    assert_eq!(
        s.collaboratives,
        vec![None, Some(Collaborative::ProstateMrImageQuality), None],
        "{how}"
    );
    assert_eq!(s.people.len(), 12, "{how}");
    let p = |i: usize| {
        s.people
            .get(i)
            .unwrap_or_else(|| panic!("{how}: person {i}"))
    };
    assert_eq!(p(0).roles, vec![(Role::Sponsor, 1)], "{how}");
    assert_eq!(p(1).roles, vec![(Role::PhysicianLeader, 1)], "{how}");
    assert!(p(1).physician, "{how}");
    assert_eq!(p(1).hours, "not yet", "{how}");
    let ada = p(3);
    assert_eq!(ada.name, "Dr. Ada Lovelace", "{how}");
    assert_eq!(
        ada.roles,
        vec![(Role::QiCoach, 1), (Role::QiCoach, 2)],
        "{how}"
    );
    assert!(ada.opted_in, "{how}");
    assert_eq!(ada.credits.len(), 1, "{how}");
    assert_eq!(
        ada.credit(2).map(|c| (c.stages.clone(), c.joined_late)),
        Some((vec![Stage::A, Stage::C], false)),
        "{how}: Stages A and C on project 2"
    );
    for i in 0..8 {
        let m = p(4 + i);
        assert_eq!(m.name, format!("Team member number {i}"), "{how}");
        assert_eq!(m.qi, Qi::Learning, "{how}");
        assert_eq!(m.roles, vec![(Role::TeamMember, 1 + i as u32 % 3)], "{how}");
    }
    assert_eq!(
        p(5).credit(2).map(|c| (c.stages.is_empty(), c.joined_late)),
        Some((true, true)),
        "{how}: team member 1 joined project 2 late"
    );
    assert_eq!(s.price_other.as_deref(), Some("4"), "{how}");
    assert_eq!(s.prior_projects, "2", "{how}");
    assert_eq!(s.plan_date, "2026-11-22", "{how}");
    assert_eq!(s.graduation, "2027-08-31", "{how}");
    let progress: Vec<(bool, Vec<Document>)> = s
        .progress
        .iter()
        .map(|g| (g.stage_c_complete, g.documents.clone()))
        .collect();
    assert_eq!(
        progress,
        vec![
            (true, vec![]),
            (false, vec![Document::TeamRoster, Document::A3]),
            (false, vec![]),
        ],
        "{how}: project 1's Stage C, project 2's documents"
    );
}

#[test]
fn the_format2_link_autosave_and_export_open_the_same_application() {
    let (s, problem) = decode(LINK_FORMAT2.trim(), today()).expect("it opens");
    assert_eq!(problem, None, "read whole");
    assert_is_the_format2_application(&s, "decoded link");
    let opened = start(
        today(),
        &format!("#credits?a={}", LINK_FORMAT2.trim()),
        None,
        false,
        None,
    );
    assert_eq!(opened.state.view, View::Credits);
    assert_is_the_format2_application(&opened.state, "link in the address");
    let reopened = start(
        today(),
        "",
        Some(LINK_FORMAT2.trim().to_string()),
        false,
        None,
    );
    assert_eq!((reopened.notice, reopened.unreadable), (None, None));
    assert_is_the_format2_application(&reopened.state, "autosave");
    let imported = import(EXPORT_FORMAT2, today()).expect("the file opens");
    assert_eq!(imported.problem, None);
    assert_is_the_format2_application(&imported.state, "export");
    let answer = rules::json::answer("assess", EXPORT_FORMAT2).expect("answered");
    let v = serde_json::to_value(&answer).expect("an answer");
    assert_eq!(v["credits"]["claim_deadline"], "2027-11-30");
}

/// The format 2 application as if checked under another rule book that decided
/// otherwise (written by `write_golden` with a made-up receipt).
const OTHER_RULES_FORMAT2: &str = include_str!("golden/format2-2026-12-07-other-rules-link.txt");

/// Issue 19: answers checked under another rule book open the same, are re-checked under
/// this build's, and the app says in words what it decides differently; a change of the
/// answers ends the comparison, and this build's own save says nothing.
#[test]
fn answers_checked_under_another_rule_book_are_rechecked_and_say_what_changed() {
    use web::checked::{digest_short, recheck_notice, Receipt};
    use web::eval::evaluate;
    use web::state::Action;
    let (s, problem) = decode(OTHER_RULES_FORMAT2.trim(), today()).expect("it opens");
    assert_eq!(problem, None);
    assert_is_the_format2_application(&s, "checked under other rules");
    let old = s
        .checked
        .clone()
        .expect("what it was checked under is recorded");
    assert_eq!(old.digest, "0123456789abcdef");
    let notice = recheck_notice(&old, &Receipt::of(&evaluate(&s))).expect("another rule book");
    for words in [
        "These answers were last checked under another rule book (sha256:0123456789abcdef…).",
        &format!(
            "Re-checked under the current rule book {} (sha256:{}…): what changed: ",
            rules::book::RULE_BOOK_VERSION,
            digest_short()
        ),
        "the fee total: $15,000, was $12,000",
        "the next cohort: March 2027, was September 2026",
        "credit claims due by 30 November 2027, was none",
    ] {
        assert!(notice.contains(words), "{words:?} not in {notice:?}");
    }
    assert!(
        !notice.contains("readiness:"),
        "readiness decided alike: {notice}"
    );
    // Saved again by this build: its own rules, nothing to say.
    let (own, _) = decode(&web::share::encode(&s), today()).expect("it opens");
    let mine = own.checked.clone().expect("recorded");
    assert_eq!(mine.digest, digest_short());
    assert_eq!(recheck_notice(&mine, &Receipt::of(&evaluate(&own))), None);
    // A change of the answers ends the comparison.
    let mut s = s;
    s.apply(Action::Organization("Mercy".into()));
    assert_eq!(s.checked, None);
}
