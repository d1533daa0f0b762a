//! The state as a link, a saved copy and a file: what goes out comes back whole, a
//! full application fits in a short link, and no link or file, however damaged or
//! hostile, panics or changes anything it should not.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use proptest::prelude::*;
use rules::book::Collaborative;
use rules::credits::{Document, Stage};
use rules::readiness::Qi;
use rules::readiness::SuccessFactor;
use rules::team::Role;
use web::eval::evaluate;
use web::export::{export, import};
use web::persist::{hash_for, parse_hash};
use web::share::{decode, encode, Problem, VERSION};
use web::state::{Action, Commitment, PersonEdit, State, View};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date")
}

/// A full application: 3 projects, 12 people, readiness, fees, credits.
fn full() -> State {
    let mut s = State::new(today());
    let mut act = |a| s.apply(a);
    act(Action::Organization("Mercy Radiology — Nord & Süd".into()));
    for (c, b) in [
        (Commitment::Sponsor, true),
        (Commitment::ClinicalLeader, true),
        (Commitment::CanAudit, true),
        (Commitment::CanReportData, false),
    ] {
        act(Action::Commitment(c, b));
    }
    act(Action::Coach(Qi::Experienced));
    act(Action::Factor(SuccessFactor::S1, true));
    act(Action::Factor(SuccessFactor::S6, false));
    act(Action::Projects("3".into()));
    act(Action::Collaborative(
        2,
        Some(Collaborative::ProstateMrImageQuality),
    ));
    for i in 0..8 {
        act(Action::AddPerson);
        let id = 5 + i;
        act(Action::Person(
            id,
            PersonEdit::Name(format!("Team member number {i}")),
        ));
        act(Action::Person(id, PersonEdit::Hours("4.5".into())));
        act(Action::Person(
            id,
            PersonEdit::Role(Role::TeamMember, 1 + i % 3, true),
        ));
        act(Action::Person(id, PersonEdit::Qi(Qi::Learning)));
    }
    act(Action::Person(4, PersonEdit::Role(Role::QiCoach, 2, true)));
    act(Action::Person(2, PersonEdit::Hours("not yet".into())));
    act(Action::PriceOther(Some("4".into())));
    act(Action::PriorProjects("2".into()));
    act(Action::Graduation("2027-08-31".into()));
    // Credits from the roster: project 1's Stage C and two documents, an opt-in, the
    // QI coach's stages on project 2, a team member who joined late.
    act(Action::StageC(1, true));
    act(Action::Document(2, Document::A3, true));
    act(Action::Document(2, Document::TeamRoster, true));
    act(Action::Person(
        4,
        PersonEdit::Name("Dr. Ada Lovelace".into()),
    ));
    act(Action::Person(4, PersonEdit::OptedIn(true)));
    act(Action::Person(4, PersonEdit::Stage(2, Stage::C, true)));
    act(Action::Person(4, PersonEdit::Stage(2, Stage::A, true)));
    act(Action::Person(6, PersonEdit::JoinedLate(2, true)));
    s
}

#[test]
fn a_full_application_travels_whole_in_a_short_link() {
    let s = full();
    let code = encode(&s);
    let (back, problem) = decode(&code, today()).expect("reads");
    assert_eq!(problem, None);
    assert_eq!(back.content(), s.content());
    let link = format!(
        "https://example.org/impower/{}",
        hash_for(View::Summary, &code)
    );
    assert!(link.len() <= 2000, "{} characters", link.len());
    println!("full application link: {} characters", link.len());
    assert_eq!(
        parse_hash(&hash_for(View::Team, &code)).code.as_deref(),
        Some(code.as_str())
    );
    assert_eq!(
        parse_hash(&hash_for(View::Team, &code)).view,
        Some(View::Team)
    );
}

#[test]
fn a_cut_link_keeps_what_it_can_and_says_so() {
    let code = encode(&full());
    let cut = &code[..code.len() * 2 / 3];
    let (s, problem) = decode(cut, today()).expect("part reads");
    assert!(matches!(problem, Some(Problem::Partly(_))), "{problem:?}");
    assert_eq!(s.organization, "Mercy Radiology — Nord & Süd");
    assert_eq!(s.projects, "3");
}

#[test]
fn newer_and_foreign_links_are_refused_with_a_reason() {
    assert_eq!(
        decode(&format!("{}.AAAA", VERSION + 1), today()),
        Err(Problem::Newer(VERSION + 1))
    );
    for bad in [
        "",
        "hello",
        "1.",
        "1.!!!",
        "0.AAAA",
        "x.AAAA",
        "1.<script>alert(1)</script>",
    ] {
        match decode(bad, today()) {
            Err(p) => assert!(!p.message(web::share::Source::Link).is_empty()),
            Ok((_, Some(_))) => {}
            Ok((_, None)) => panic!("{bad:?} read as a whole state"),
        }
    }
}

#[test]
fn an_export_is_an_assess_request_and_imports_back() {
    let s = full();
    let r = evaluate(&s);
    let text = export(&s, &r);
    let answer = rules::json::answer("assess", &text).expect("the contract reads the export");
    let v = serde_json::to_value(&answer).expect("an answer");
    assert!(
        v.get("fees").is_some() && v.get("schedule").is_some(),
        "{v}"
    );
    // The plan's 3 projects after 2 earlier, #3 to #5: 3000 + 6000 + 6000 (F2 on #3);
    // the what-if of 4 projects is not the plan, and the export prices the plan.
    assert_eq!(v["fees"]["total_usd"], 15000);
    assert_eq!(v["fees"]["total_usd_without_prior"], 15000);
    let imported = import(&text, today()).expect("imports");
    assert_eq!(imported.problem, None);
    assert_eq!(imported.state.content(), s.content());
}

#[test]
fn a_bad_file_changes_nothing_and_names_the_field() {
    let e =
        import(r#"{"format": "other", "fees": {"projects": 1}}"#, today()).expect_err("refused");
    assert_eq!(e.path, "format");
    let e = import(
        r#"{"format": "impower-ready", "version": 2, "app": {"fields": "1.AA"}}"#,
        today(),
    )
    .expect_err("refused");
    assert_eq!(e.path, "version");
    let e = import(
        r#"{"format": "impower-ready", "version": 1, "fees": {"projects": 2}}"#,
        today(),
    )
    .expect_err("refused");
    assert_eq!(
        e.path, "app.fields",
        "a request written by hand is the command line's to check"
    );
    let e = import(
        r#"{"format": "impower-ready", "version": 1, "app": {"fields": "1.!!"}}"#,
        today(),
    )
    .expect_err("refused");
    assert_eq!(e.path, "app.fields");
    let e = import("not json", today()).expect_err("refused");
    assert_eq!(e.code, rules::ErrorCode::MalformedJson);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Any text as a link: never a panic; a whole read gives a state that evaluates.
    #[test]
    fn any_link_text_is_safe(text in ".{0,300}") {
        if let Ok((s, _)) = decode(&text, today()) {
            let _ = evaluate(&s);
            let _ = encode(&s);
        }
    }

    /// Any bytes behind the version: never a panic, and what is read evaluates and
    /// encodes again to something that reads back the same.
    #[test]
    fn any_link_bytes_are_safe(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let code = format!("1.{}", web::share::base64url(&bytes));
        if let Ok((s, _)) = decode(&code, today()) {
            let _ = evaluate(&s);
            let again = encode(&s);
            let (s2, p2) = decode(&again, today()).expect("our own text reads");
            prop_assert_eq!(p2, None);
            prop_assert_eq!(s2.content(), s.content());
        }
    }

    /// A real link with one byte changed or cut: never a panic.
    #[test]
    fn damaged_links_are_safe(at in 0usize..2000, byte in any::<u8>(), cut in any::<bool>()) {
        let code = encode(&full());
        let mut b = code.into_bytes();
        let at = at % b.len();
        if cut { b.truncate(at); } else { b[at] = byte; }
        let text = String::from_utf8_lossy(&b);
        if let Ok((s, _)) = decode(&text, today()) {
            let _ = evaluate(&s);
        }
    }

    /// Any text as a file: never a panic; an error names where.
    #[test]
    fn any_file_text_is_safe(text in ".{0,300}") {
        let _ = import(&text, today());
    }
}

#[test]
fn base64_round_trips() {
    for n in 0..40u8 {
        let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
        assert_eq!(
            web::share::unbase64url(&web::share::base64url(&bytes)),
            Some(bytes)
        );
    }
}

/// Writes this release's golden fixtures from [`full`], for `web/tests/golden.rs`:
/// `WRITE_GOLDEN=<name> cargo test -p impower-web --test share write_golden`. Run once
/// when the format changes and commit the files; never rewrite a committed fixture.
#[test]
fn write_golden() {
    let Ok(name) = std::env::var("WRITE_GOLDEN") else {
        return;
    };
    let s = full();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    std::fs::write(dir.join(format!("{name}-link.txt")), encode(&s) + "\n").expect("written");
    std::fs::write(
        dir.join(format!("{name}-export.json")),
        export(&s, &evaluate(&s)),
    )
    .expect("written");
    // The same answers as if checked under another rule book that decided otherwise.
    let other = web::checked::Receipt {
        digest: "0123456789abcdef".into(),
        ready: Some(false),
        team_valid: Some(false),
        total_usd: Some(12000),
        cohort: "September 2026".into(),
        claim_deadline: String::new(),
        to_fix: 3,
        claimable: 0,
    };
    std::fs::write(
        dir.join(format!("{name}-other-rules-link.txt")),
        web::share::encode_checked(&s, &other) + "\n",
    )
    .expect("written");
}
