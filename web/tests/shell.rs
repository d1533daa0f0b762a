//! The static shell written into index.html: the words of the app's first view, inert,
//! and nothing a strict CSP would refuse.
#![cfg(not(target_arch = "wasm32"))]

use rules::readiness::{self, questions};
use rules::RuleId;

fn shell() -> String {
    web::shell::html()
}

#[test]
fn the_shell_asks_the_apps_questions() {
    let html = shell();
    for q in [
        questions::SPONSOR,
        questions::CLINICAL_LEADER,
        questions::COACH,
        questions::CAN_AUDIT,
        questions::CAN_REPORT_DATA,
    ] {
        // The questions hold no character that HTML escapes, so they read as written.
        assert!(html.contains(q), "the shell lacks {q:?}");
    }
    for (n, id) in [(1, RuleId::C1), (2, RuleId::C2), (3, RuleId::C3)] {
        let legend = format!("<legend>{n}. {}</legend>", readiness::commitment_topic(id));
        assert!(html.contains(&legend), "the shell lacks {legend}");
    }
    assert!(html.contains(web::shell::READINESS_HEADING));
    assert!(html.contains(web::shell::TITLE));
}

#[test]
fn the_shell_is_inert_until_the_app_loads() {
    let html = shell();
    // Every field is in a disabled fieldset, and the page says it is loading.
    assert_eq!(html.matches("<fieldset disabled>").count(), 3);
    let inputs = html.matches("<input").count() + html.matches("<select").count();
    assert_eq!(inputs, 9, "four yes/no questions and the coach question");
    // Walk the tags: every field sits inside a disabled fieldset.
    let mut open: Vec<bool> = Vec::new();
    for tag in html.split('<').skip(1) {
        if tag.starts_with("fieldset") {
            open.push(tag.starts_with("fieldset disabled"));
        } else if tag.starts_with("/fieldset") {
            open.pop();
        } else if tag.starts_with("input") || tag.starts_with("select") {
            assert!(
                open.contains(&true),
                "a field outside a disabled fieldset: <{tag}"
            );
        }
    }
    assert!(open.is_empty(), "unclosed fieldsets");
    assert!(html.contains("aria-busy=\"true\""));
    assert!(html.contains(web::shell::LOADING));
}

#[test]
fn the_shell_has_nothing_a_strict_csp_refuses() {
    let html = shell().to_ascii_lowercase();
    for banned in ["<script", "style=", "<style", " on", "javascript:"] {
        assert!(!html.contains(banned), "the shell holds {banned:?}");
    }
}
