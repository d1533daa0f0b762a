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
use rules::readiness::Qi;
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
    assert_eq!(
        s.factors.first().copied().flatten(),
        Some(true),
        "{how}: S1"
    );
    assert_eq!(
        s.factors.get(5).copied().flatten(),
        Some(false),
        "{how}: S6"
    );
    assert_eq!(
        s.factors.get(1).copied().flatten(),
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
    assert_eq!(s.people.len(), 12, "{how}");
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
    assert!(s.stage_c_complete, "{how}");
    assert_eq!(s.participants.len(), 12, "{how}");
    let ada = s.participants.first().unwrap_or_else(|| panic!("{how}"));
    assert_eq!(ada.name, "Dr. Ada Lovelace", "{how}");
    assert!(ada.physician, "{how}");
    assert_eq!(ada.stages, [true, false, false], "{how}: Stage A only");
    assert!(
        s.participants.iter().skip(1).all(|p| p.name.is_empty()),
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
    );
    assert_eq!(opened.state.view, View::Fees);
    assert_eq!(opened.unreadable, None);
    assert_is_the_full_application(&opened.state, "link in the address");
}

#[test]
fn the_6b69fe7_autosave_reopens_the_same_application_and_says_nothing() {
    let reopened = start(today(), "", Some(LINK_6B69FE7.trim().to_string()), false);
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
