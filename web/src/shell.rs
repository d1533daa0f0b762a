//! The page's static shell: its title, tagline and the first view's questions as plain
//! HTML, which `cargo xtask post-build` writes into the built `index.html`, so that on a
//! slow connection the questions show as soon as the page arrives, before the
//! WebAssembly does. The app replaces it when it starts (`crate::start` empties `#app`).
//!
//! The shell is inert: its fields are disabled until the app has loaded, and it says so.
//! The words are the ones the app shows, from the same constants and the rules' own
//! questions, so the two cannot drift apart (`tests/shell.rs` checks them).

use rules::book::RuleId;
use rules::readiness::{self, questions};

/// The page's heading.
pub const TITLE: &str = "ImPower readiness";

/// What the page does, under its heading.
pub const TAGLINE: &str = "Check your commitments, build your team, price your projects, plan your dates and credits for the ACR ImPower program. Everything runs in your browser; nothing is sent anywhere.";

/// The Readiness view's heading.
pub const READINESS_HEADING: &str = "Are you ready to apply?";

/// What the shell says while the app loads.
pub const LOADING: &str = "Loading the checker: the questions can be answered in a moment.";

/// The first choice of the coach question, before an answer.
pub const CHOOSE: &str = "Choose an answer";

/// The link that skips the header.
pub const SKIP: &str = "Skip to content";

/// The organization's field, its label and hint.
pub const ORGANIZATION: (&str, &str) = (
    "Name of your organization (optional)",
    "Shown on the summary for leadership.",
);

/// The choice to answer C1 and C2 from the Team view's roster.
pub const ROSTER_ANSWERS: &str =
    "Answer the sponsor, clinical leader and coach questions from our team roster (Team view)";

/// The tools: copy the link, download, open a file, start again.
pub const TOOLS: [&str; 4] = [
    "Copy link",
    "Download answers",
    "Open answers from a file",
    "Start again",
];

/// The tools' name as a landmark.
pub const TOOLS_NAME: &str = "Share and save";

/// Text for HTML content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A yes/no question, as the app's `YesNo` draws it.
fn yes_no(out: &mut String, id: &str, question: &str) {
    out.push_str("<fieldset class=\"yesno\"><legend>");
    out.push_str(&escape(question));
    out.push_str("</legend>");
    for answer in ["Yes", "No"] {
        let input = format!("shell-{id}-{}", answer.to_ascii_lowercase());
        out.push_str(&format!(
            "<span class=\"radio\"><input type=\"radio\" id=\"{input}\" name=\"shell-{id}\"><label for=\"{input}\">{answer}</label></span>"
        ));
    }
    out.push_str("</fieldset>");
}

/// The shell: the header (title, tagline, the views' tabs, the tools) and the Readiness
/// view's first questions, as HTML to put in `<div id="app">`. The app draws the same
/// elements with the same classes, so nothing moves when it takes over (e2e
/// `phone.test.mjs` measures it). The tabs are links that work before the app does (the
/// app opens the view the address names); every field and button waits, disabled.
pub fn html() -> String {
    let mut out = String::with_capacity(6144);
    out.push_str(&format!(
        "<a class=\"skip\" href=\"#main\">{}</a><header><h1>{}</h1><p class=\"tagline\">{}</p><nav aria-label=\"Views\"><ul>",
        escape(SKIP),
        escape(TITLE),
        escape(TAGLINE)
    ));
    for v in crate::state::View::ALL {
        let current = if v == crate::state::View::Readiness {
            " aria-current=\"page\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<li><a href=\"#{}\"{current}>{}</a></li>",
            v.key(),
            escape(v.label())
        ));
    }
    out.push_str(&format!(
        "</ul></nav><div class=\"tools no-print\" role=\"group\" aria-label=\"{}\">",
        escape(TOOLS_NAME)
    ));
    let [copy, download, open, again] = TOOLS.map(escape);
    out.push_str(&format!(
        "<button type=\"button\" disabled>{copy}</button><button type=\"button\" disabled>{download}</button><input type=\"file\" id=\"shell-open-file\" class=\"visually-hidden\" disabled><label class=\"file button\" for=\"shell-open-file\">{open}</label><button type=\"button\" disabled>{again}</button><p class=\"saved\">\u{a0}</p></div></header>"
    ));
    out.push_str("<main id=\"main\" class=\"loading\" aria-busy=\"true\"><section aria-labelledby=\"readiness-h\"><h2 id=\"readiness-h\">");
    out.push_str(&escape(READINESS_HEADING));
    out.push_str(&format!(
        "</h2><div class=\"field\"><label for=\"shell-organization\">{}</label><p class=\"hint\">{}</p><div class=\"inputs\"><input id=\"shell-organization\" type=\"text\" disabled></div></div>",
        escape(ORGANIZATION.0),
        escape(ORGANIZATION.1)
    ));
    out.push_str("<p class=\"verdict\" role=\"status\">");
    out.push_str(&escape(LOADING));
    out.push_str("</p>");
    out.push_str(&format!(
        "<div class=\"check\"><input type=\"checkbox\" id=\"shell-roster\" disabled><label for=\"shell-roster\">{}</label></div>",
        escape(ROSTER_ANSWERS)
    ));
    let topic = |n: usize, id: RuleId| {
        format!(
            "<fieldset disabled><legend>{n}. {}</legend>",
            escape(readiness::commitment_topic(id))
        )
    };
    out.push_str(&topic(1, RuleId::C1));
    yes_no(&mut out, "sponsor", questions::SPONSOR);
    yes_no(&mut out, "leader", questions::CLINICAL_LEADER);
    out.push_str("</fieldset>");
    out.push_str(&topic(2, RuleId::C2));
    out.push_str(&format!(
        "<div class=\"field\"><label for=\"shell-coach\">{}</label><select id=\"shell-coach\"><option>{}</option></select></div>",
        escape(questions::COACH),
        escape(CHOOSE)
    ));
    out.push_str("</fieldset>");
    out.push_str(&topic(3, RuleId::C3));
    yes_no(&mut out, "audit", questions::CAN_AUDIT);
    yes_no(&mut out, "report", questions::CAN_REPORT_DATA);
    out.push_str("</fieldset></section></main>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_html_reads_as_markup() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jo'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jo&apos;&lt;/a&gt;"
        );
    }
}
