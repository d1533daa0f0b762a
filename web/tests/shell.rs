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
    // Every field and button is disabled (itself, or in a disabled fieldset), and the
    // page says it is loading.
    assert_eq!(html.matches("<fieldset disabled>").count(), 3);
    let inputs = html.matches("<input").count() + html.matches("<select").count();
    assert_eq!(
        inputs, 12,
        "four yes/no questions, the coach question, the organization, the roster choice and the file"
    );
    assert_eq!(html.matches("<button").count(), 3, "the tools");
    // Walk the tags: every field sits inside a disabled fieldset.
    let mut open: Vec<bool> = Vec::new();
    for tag in html.split('<').skip(1) {
        if tag.starts_with("fieldset") {
            open.push(tag.starts_with("fieldset disabled"));
        } else if tag.starts_with("/fieldset") {
            open.pop();
        } else if tag.starts_with("input") || tag.starts_with("select") || tag.starts_with("button")
        {
            let own = tag.split('>').next().unwrap_or("").contains(" disabled");
            assert!(
                open.contains(&true) || own,
                "a field or button that works before the app does: <{tag}"
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
    for banned in ["<script", "style=", "<style", "javascript:"] {
        assert!(!html.contains(banned), "the shell holds {banned:?}");
    }
    // No event handler attribute in any tag (the words may say "on").
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        assert!(!tag.contains(" on"), "a handler in <{tag}>");
    }
}

/// The shell draws what the app draws above the first question (issue 21: the questions
/// moved 401 px on a phone when the app took over): the views' tabs, the tools, the
/// organization and the roster choice, in the app's own words.
#[test]
fn the_shell_has_the_apps_header_tools_and_first_fields() {
    let html = shell();
    for v in web::state::View::ALL {
        assert!(
            html.contains(&format!("<a href=\"#{}\"", v.key())),
            "no tab for {}",
            v.label()
        );
        assert!(html.contains(v.label()));
    }
    for words in web::shell::TOOLS {
        assert!(html.contains(words), "no {words:?}");
    }
    assert!(html.contains(web::shell::ORGANIZATION.0));
    assert!(html.contains(web::shell::ROSTER_ANSWERS));
    assert!(html.contains(web::shell::SKIP));
    // The order the app draws them in.
    let at = |s: &str| html.find(s).unwrap_or(usize::MAX);
    assert!(at("<h1>") < at("<nav") && at("<nav") < at(web::shell::TOOLS[0]));
    assert!(at(web::shell::TOOLS[3]) < at("<main") && at("<main") < at(web::shell::ORGANIZATION.0));
    assert!(
        at(web::shell::ORGANIZATION.0) < at(web::shell::LOADING)
            && at(web::shell::LOADING) < at(web::shell::ROSTER_ANSWERS)
    );
}
