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

/// The shell: the header and the Readiness view's three commitments, as HTML to put in
/// `<div id="app">` (the app keeps the same structure and classes, so nothing moves
/// when it takes over).
pub fn html() -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("<header><h1>");
    out.push_str(&escape(TITLE));
    out.push_str("</h1><p class=\"tagline\">");
    out.push_str(&escape(TAGLINE));
    out.push_str("</p></header>");
    out.push_str("<main class=\"loading\" aria-busy=\"true\"><section aria-labelledby=\"readiness-h\"><h2 id=\"readiness-h\">");
    out.push_str(&escape(READINESS_HEADING));
    out.push_str("</h2><p class=\"verdict\" role=\"status\">");
    out.push_str(&escape(LOADING));
    out.push_str("</p>");
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
