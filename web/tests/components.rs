//! Component tests in a real browser: render the app into the DOM, type into fields
//! and click, then read what a user would see.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web::app::{App, AppProps};
use web::state::View;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app on a fresh element, on `view`, with a fixed today.
async fn mount(view: View) -> Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = doc.create_element("div").expect("a div");
    doc.body()
        .expect("a body")
        .append_child(&root)
        .expect("attach");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let embedded = SINGLE.with(|s| s.replace(false));
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            today,
            view,
            embedded,
            config: web::app::Config {
                only: embedded.then_some(view),
                ..Default::default()
            },
            on_change: None,
            initial: None,
            notice: None,
            keep: None,
            unreadable: None,
        },
    )
    .render();
    settle().await;
    root
}

thread_local! {
    /// Set by [`mount_single`]: the next mount is one embedded view.
    static SINGLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Mounts one view alone, as the embedded widget shows it (the fee estimator's own
/// "Projects planned" field: a page with no team).
async fn mount_single(view: View) -> Element {
    SINGLE.with(|s| s.set(true));
    mount(view).await
}

/// Lets Yew's scheduler render what the last event changed.
async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::from_millis(25)).await;
    }
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).expect("an event")
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().expect("an input");
    input.set_value(value);
    input.dispatch_event(&bubbling("input")).expect("dispatch");
    settle().await;
}

async fn choose(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = find(root, selector).dyn_into().expect("a select");
    select.set_value(value);
    select
        .dispatch_event(&bubbling("change"))
        .expect("dispatch");
    settle().await;
}

async fn click(root: &Element, selector: &str) {
    let el: HtmlElement = find(root, selector).dyn_into().expect("an element");
    el.click();
    settle().await;
}

/// Leaves a field, as tabbing away does.
async fn leave(root: &Element, selector: &str) {
    find(root, selector)
        .dispatch_event(&Event::new("blur").expect("an event"))
        .expect("dispatch");
    settle().await;
}

async fn tick(root: &Element, selector: &str) {
    click(root, selector).await;
}

#[wasm_bindgen_test]
async fn fees_update_as_you_type_and_mark_the_third_project() {
    let root = mount_single(View::Fees).await;
    assert_eq!(text(&root, "#fees-total"), "$6,000");
    type_into(&root, "#fee-projects", "3").await;
    assert_eq!(text(&root, "#fees-total"), "$15,000");
    let rows = root
        .query_selector_all("table.fees tbody tr")
        .expect("rows");
    assert_eq!(rows.length(), 3);
    assert!(text(&root, "table.fees tbody tr:nth-child(3)").contains("discounted"));
    type_into(&root, "#prior-projects", "1").await;
    assert_eq!(
        text(&root, "#fees-total"),
        "$15,000",
        "projects #2-#4: #3 discounted"
    );
    assert!(text(&root, "table.fees tbody tr:nth-child(2)").contains("#3"));
}

/// Issue 18: in the app the Team's projects are the plan; Fees prices it and a what-if
/// apart, and typing the what-if never changes the plan.
#[wasm_bindgen_test]
async fn in_the_app_fees_price_the_plan_and_a_what_if_apart() {
    let root = mount(View::Fees).await;
    assert!(root
        .query_selector("#fee-projects")
        .ok()
        .flatten()
        .is_none());
    assert!(text(&root, "#fee-plan").contains("Projects planned: 1, as in the Team view"));
    type_into(&root, "#price-other", "7").await;
    assert_eq!(text(&root, "#fees-total"), "$6,000", "the plan's price");
    assert!(text(&root, "#what-if-total").starts_with("7 projects would cost $36,000"));
    assert!(text(&root, "#fee-plan").contains("Projects planned: 1,"));
}

#[wasm_bindgen_test]
async fn a_bad_field_shows_its_error_beside_it_and_in_the_summary() {
    let root = mount_single(View::Fees).await;
    type_into(&root, "#fee-projects", "-4").await;
    let field = find(&root, "#fee-projects");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(text(&root, "#fee-projects-error").contains("negative"));
    assert!(text(&root, ".error-summary").contains("Projects planned"));
    assert_eq!(
        find(&root, ".error-summary a")
            .get_attribute("href")
            .as_deref(),
        Some("#fee-projects")
    );
    assert!(
        root.query_selector("#fees-total").ok().flatten().is_none(),
        "no total for a bad count"
    );
    assert_eq!(
        root.query_selector_all("table.compare tbody tr")
            .map(|l| l.length())
            .unwrap_or(0),
        6,
        "the side-by-side still answers"
    );
    type_into(&root, "#fee-projects", "2").await;
    assert_eq!(text(&root, "#fees-total"), "$12,000");
    assert!(root
        .query_selector("#fee-projects-error")
        .ok()
        .flatten()
        .is_none());
}

#[wasm_bindgen_test]
async fn readiness_verdict_follows_the_answers() {
    let root = mount(View::Readiness).await;
    assert!(
        text(&root, ".verdict").contains("Not answered yet: 5 questions"),
        "a neutral start, not a red verdict: {}",
        text(&root, ".verdict")
    );
    assert!(root
        .query_selector(".verdict .bad")
        .ok()
        .flatten()
        .is_none());
    tick(&root, "#c-sponsor-yes").await;
    tick(&root, "#c-leader-no").await;
    choose(&root, "#c-coach", "learning").await;
    tick(&root, "#c-audit-yes").await;
    tick(&root, "#c-report-yes").await;
    let verdict = text(&root, ".verdict");
    assert!(
        verdict.contains("C1 (sponsor and clinical leader) is not met"),
        "{verdict}"
    );
    assert!(
        verdict.contains("Next: Name a clinical leader"),
        "{verdict}"
    );
    tick(&root, "#c-leader-yes").await;
    assert!(text(&root, ".verdict").contains("You meet the three critical commitments"));
    // S4 and S5 follow C1 and C3; S3 follows the (learning) coach.
    assert!(
        text(&root, ".verdict").contains("2 of 7"),
        "{}",
        text(&root, ".verdict")
    );
    tick(&root, "#s1-yes").await;
    assert!(text(&root, ".verdict").contains("3 of 7"));
    assert!(text(&root, "ul.verdicts").contains("C2: ✓ Met"));
    let s3: HtmlInputElement = find(&root, "#s3-no").dyn_into().expect("a radio");
    assert!(s3.checked() && s3.disabled(), "S3 is derived, not asked");
}

#[wasm_bindgen_test]
async fn the_team_builder_reports_per_project_and_person() {
    let root = mount(View::Team).await;
    // The starter roster is examples: nobody is named yet, so the team waits for names.
    assert!(
        text(&root, ".verdict").contains("4 people to name before the team can be checked"),
        "{}",
        text(&root, ".verdict")
    );
    assert!(text(&root, "#person-1-name-hint").contains("Not named yet"));
    for (id, name) in [(1, "Sam"), (2, "Dr. Ada"), (3, "Lee"), (4, "Kim")] {
        type_into(&root, &format!("#person-{id}-name"), name).await;
    }
    assert!(text(&root, ".verdict").contains("not complete"));
    assert!(text(&root, "section.project").contains("T5"));
    click(&root, "#add-person").await;
    assert!(find(&root, "#person-5")
        .text_content()
        .unwrap_or_default()
        .contains("Person 5"));
    type_into(&root, "#person-3-hours", "2").await;
    assert!(
        text(&root, "#person-3").contains("4 h short"),
        "{}",
        text(&root, "main")
    );
    type_into(&root, "#person-3-hours", "lots").await;
    assert!(text(&root, "#person-3-hours-error").contains("not a number"));
    choose(&root, "#edition", "learning-network").await;
    assert!(text(&root, "main").contains("under the ACR Learning Network page"));
}

#[wasm_bindgen_test]
async fn the_calendar_and_credits_answer_from_the_date() {
    let root = mount(View::Calendar).await;
    assert!(text(&root, "main h3").contains("March 2027"));
    assert!(text(&root, "dl.dates").contains("31 August 2027"));
    type_into(&root, "#plan-date", "2027-02-30").await;
    assert!(text(&root, "#plan-date-error").contains("does not exist"));
    type_into(&root, "#plan-date", "2027-03-15").await;
    assert!(text(&root, "main h3").contains("September 2027"));
    assert!(text(&root, "dl.dates").contains("29 February 2028"));

    // Credits come from the Team: nobody named, no claim; the physician leader named,
    // one claim on project 1.
    click(&root, "a[href='#credits']").await;
    assert!(root
        .query_selector(".credit-result")
        .ok()
        .flatten()
        .is_none());
    assert!(text(&root, "main").contains("No one is named in the Team yet"));
    click(&root, "a[href='#team']").await;
    type_into(&root, "#person-2-name", "Dr. Ada").await;
    click(&root, "a[href='#credits']").await;
    for stage in ["A", "B", "C"] {
        tick(&root, &format!("#p-2-1-stage-{stage}")).await;
    }
    // Planned from 2027-03-15: the September 2027 cohort, Session 1 on 1 September
    // 2027, so the opt-in is due, not a fix.
    assert!(text(&root, ".credit-result").contains("20 credits"));
    assert!(text(&root, ".credit-result").contains("To come · by 1 September 2027"));
    assert!(text(&root, ".credit-result").contains("Not yet"));
    tick(&root, "#p-2-optin").await;
    type_into(&root, "#graduation", "2026-11-01").await;
    tick(&root, "#stage-c-1").await;
    for doc in [
        "team_roster",
        "project_charter",
        "a3",
        "sustain_plan",
        "graduation_presentation",
    ] {
        tick(&root, &format!("#doc-1-{doc}")).await;
    }
    assert!(
        text(&root, ".credit-result").contains("Can be claimed today"),
        "{}",
        text(&root, ".credit-result")
    );
    assert!(text(&root, ".credit-project").contains("claims due by 1 February 2027"));
}

#[wasm_bindgen_test]
async fn why_shows_the_rule_source_and_interpretation() {
    let root = mount_single(View::Fees).await;
    let why = text(&root, "table.fees details.why");
    assert!(why.contains("Rule F1"));
    assert!(why.contains("for a fee of $6,000"));
    type_into(&root, "#fee-projects", "3").await;
    let third = text(&root, "table.fees tbody tr:nth-child(3) details.why");
    assert!(
        third.contains("Rule F2") && third.contains("Our interpretation"),
        "{third}"
    );
}

#[wasm_bindgen_test]
async fn a_crash_replaces_the_app_with_a_message_never_a_blank_page() {
    let root = mount(View::Fees).await;
    web::register_root(&root);
    web::show_crash("panicked at eval.rs: <img src=x onerror=alert(1)>");
    assert_eq!(text(&root, "[role=alert] h2"), "Something went wrong");
    assert!(text(&root, "[role=alert]").contains("Reload the page"));
    assert!(
        text(&root, "pre").contains("<img src=x onerror=alert(1)>"),
        "the detail is shown as text"
    );
    assert!(
        root.query_selector("img").ok().flatten().is_none(),
        "and never parsed as HTML"
    );
    assert!(
        root.query_selector("#fees-total").ok().flatten().is_none(),
        "the broken app is gone"
    );
}

#[wasm_bindgen_test]
async fn each_person_keeps_their_own_hours_when_names_clash_or_are_empty() {
    let root = mount(View::Team).await;
    // Person 2 (physician leader, 4 h) takes person 1's name; person 3 (team leader) none.
    type_into(&root, "#person-1-name", "Project sponsor").await;
    type_into(&root, "#person-2-name", "Project sponsor").await;
    leave(&root, "#person-2-name").await;
    type_into(&root, "#person-3-name", "").await;
    assert!(text(&root, "#person-2-name-error").contains("Another person"));
    assert!(
        text(&root, "#person-1").contains("Needs 1 h a week"),
        "{}",
        text(&root, "#person-1")
    );
    assert!(
        text(&root, "#person-2").contains("Needs 4 h a week"),
        "{}",
        text(&root, "#person-2")
    );
    assert!(
        text(&root, "#person-3").contains("Needs 6–8 h a week"),
        "{}",
        text(&root, "#person-3")
    );
    type_into(&root, "#person-3-hours", "2").await;
    assert!(
        text(&root, "#person-3").contains("4 h short"),
        "findings follow the person too"
    );
}

#[wasm_bindgen_test]
async fn an_unmounted_app_is_forgotten_by_the_crash_message() {
    let gone = mount(View::Fees).await;
    web::register_root(&gone);
    web::unregister_root(&gone);
    let live = mount(View::Fees).await;
    web::register_root(&live);
    web::show_crash("boom");
    assert_eq!(text(&live, "[role=alert] h2"), "Something went wrong");
    assert!(gone.query_selector("[role=alert]").ok().flatten().is_none());
    assert_eq!(text(&gone, "#fees-total"), "$6,000");
}

#[wasm_bindgen_test]
async fn errors_wait_until_the_field_is_left_unless_typing_cannot_fix_them() {
    let root = mount(View::Team).await;
    for (id, name) in [(1, "Sam"), (2, "Dr. Ada"), (3, "Lee"), (4, "Kim")] {
        type_into(&root, &format!("#person-{id}-name"), name).await;
    }
    type_into(&root, "#person-3-hours", "").await;
    assert!(
        root.query_selector("#person-3-hours-error")
            .ok()
            .flatten()
            .is_none(),
        "an emptied field is not an error while the user is still in it"
    );
    // Hours not answered withhold only that person's T7: the team keeps its verdict.
    assert!(
        !text(&root, ".verdict").contains("before the team can be checked"),
        "{}",
        text(&root, ".verdict")
    );
    // Left empty, it is not answered yet, not an error (issue 21: an error appearing on
    // leaving moved the page under the pointer); the person's line says so.
    leave(&root, "#person-3-hours").await;
    assert!(root
        .query_selector("#person-3-hours-error")
        .ok()
        .flatten()
        .is_none());
    assert!(text(&root, "#person-3").contains("Hours a week: not answered yet, so not judged."));
    type_into(&root, "#person-2-hours", "ten").await;
    assert!(
        text(&root, "#person-2-hours-error").contains("not a number"),
        "letters cannot become a number: shown at once"
    );
    assert!(
        !text(&root, "#person-2").contains("h short"),
        "unreadable hours are not judged as 0: {}",
        text(&root, "#person-2")
    );
}

fn focused_id() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn adding_and_removing_people_moves_focus_and_can_be_undone() {
    let root = mount(View::Team).await;
    click(&root, "#add-person").await;
    settle().await;
    assert_eq!(
        focused_id(),
        "person-5-name",
        "a new person's name takes focus"
    );
    // Not named yet, the new person is not on the roster: nothing is said of them yet.
    assert!(!find(&root, "#person-5")
        .text_content()
        .unwrap_or_default()
        .contains("no role yet"));
    type_into(&root, "#person-5-name", "Ann").await;
    assert!(find(&root, "#person-5")
        .text_content()
        .unwrap_or_default()
        .contains("Ann has no role yet"));
    type_into(&root, "#person-2-name", "Dr. Ada").await;
    click(&root, "#person-2 button.remove").await;
    settle().await;
    assert_eq!(
        focused_id(),
        "person-3-row",
        "focus goes to the next person's line"
    );
    assert!(root
        .query_selector("#person-2-row")
        .ok()
        .flatten()
        .is_none());
    assert!(text(&root, ".undo").contains("Removed Dr. Ada."));
    click(&root, ".undo button").await;
    settle().await;
    // Back, as one line (named), with focus on it; opened, their fields are there.
    assert_eq!(focused_id(), "person-2-row", "focus goes to who came back");
    click(&root, "#person-2-row").await;
    assert!(root.query_selector("#person-2").ok().flatten().is_some());
    assert_eq!(
        find(&root, "label[for=person-2-name]")
            .text_content()
            .as_deref(),
        Some("Name of person 2"),
        "each person's fields have their own names"
    );
}

/// The text of an input, as the page holds it.
fn value(root: &Element, selector: &str) -> String {
    find(root, selector)
        .dyn_into::<HtmlInputElement>()
        .expect("an input")
        .value()
}

#[wasm_bindgen_test]
async fn a_date_is_typed_or_picked_and_read_by_the_same_rules() {
    let root = mount(View::Calendar).await;
    assert_eq!(
        find(&root, "#plan-date-pick")
            .get_attribute("type")
            .as_deref(),
        Some("date")
    );
    assert_eq!(value(&root, "#plan-date-pick"), "2026-11-22", "today");
    type_into(&root, "#plan-date", "2027-03-01").await;
    assert_eq!(value(&root, "#plan-date-pick"), "2027-03-01");
    assert!(text(&root, "main h3").contains("September 2027"));
    type_into(&root, "#plan-date-pick", "2026-11-22").await;
    assert_eq!(
        value(&root, "#plan-date"),
        "2026-11-22",
        "a picked date is the text"
    );
    assert!(text(&root, "main h3").contains("March 2027"));
    type_into(&root, "#plan-date", "2027-02-30").await;
    assert!(text(&root, "#plan-date-error").contains("does not exist on the calendar"));
    assert_eq!(value(&root, "#plan-date-pick"), "", "nothing to pick from");
    type_into(&root, "#plan-date-pick", "").await;
    assert_eq!(
        value(&root, "#plan-date"),
        "2027-02-30",
        "a cleared picker leaves the text as typed"
    );
}
