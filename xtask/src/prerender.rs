//! The page's first paint comes with the page itself (the last step of post-build):
//!
//! 1. the static shell (web::shell::html, printed by the `shell` binary) goes into the
//!    staged index.html in place of the "Loading…" placeholder `<div id="app">`: on a slow
//!    connection the first questions show as soon as the page arrives, inert until the
//!    app replaces them (see web/src/shell.rs);
//! 2. the stylesheet goes into the page as its one `<style>`, allowed by its sha256 in the
//!    page's Content-Security-Policy (`style-src 'self' 'sha256-…'`), in place of the
//!    `<link rel="stylesheet">`: a linked stylesheet holds the first paint back by one
//!    more round trip (at Fast 3G the first question showed at 1.2 s instead of 0.6 s).
//!    The file stays in embed/ for the widget, whose shadow root links it.

use crate::html::{find, replace_elements, replace_once};
use crate::util::{read_text, sha256_csp, write, Result};
use std::path::Path;

/// What the CSP's style-src says before the stylesheet's hash is added to it.
const STYLE_SRC: &str = "style-src 'self';";

/// Rewrites the page at `page_path` with `shell` (the shell's HTML) and its stylesheet.
pub fn prerender(page_path: &Path, shell: &str) -> Result {
    let fail = |why: String| format!("prerender: {}: {why}", page_path.display());
    let shell = shell.trim_end_matches('\n');
    if shell.is_empty() {
        return Err(fail(
            "the shell binary printed nothing: run `cargo run -p impower-web --bin shell`".into(),
        ));
    }
    let page = read_text(page_path)?;
    let (page, apps) =
        replace_elements(&page, "div#app", &format!("<div id=\"app\">{shell}</div>"))?;
    if apps != 1 {
        return Err(fail(format!(
            "{apps} <div id=\"app\">, not one (see index.html)"
        )));
    }

    let links = find(&page, "link[rel=stylesheet]")?;
    let href = match links.as_slice() {
        [link] => link.get("href").unwrap_or_default().to_string(),
        _ => {
            return Err(fail(format!(
                "{} stylesheet links, not one (see index.html)",
                links.len()
            )))
        }
    };
    let name = href.strip_prefix("./").unwrap_or(&href);
    if !is_built_stylesheet(name) {
        return Err(fail(format!(
            "the stylesheet is '{href}', not embed/style-<hash>.css (see index.html)"
        )));
    }
    let css_path = page_path.parent().unwrap_or(Path::new(".")).join(name);
    let css = read_text(&css_path)?;
    if css.to_ascii_lowercase().contains("</style") {
        return Err(fail(format!(
            "{} holds </style, which would end the inline <style>",
            css_path.display()
        )));
    }

    let csp = find(&page, "meta[http-equiv=Content-Security-Policy]")?;
    match csp.as_slice() {
        [meta]
            if meta
                .get("content")
                .unwrap_or_default()
                .matches(STYLE_SRC)
                .count()
                == 1 => {}
        _ => {
            return Err(fail(format!(
                "not one Content-Security-Policy <meta> with {STYLE_SRC} (see index.html)"
            )))
        }
    }
    let allowed = format!("style-src 'self' '{}';", sha256_csp(css.as_bytes()));
    let page = replace_once(&page, STYLE_SRC, &allowed, "the CSP's").map_err(fail)?;
    let (page, _) = replace_elements(
        &page,
        "link[rel=stylesheet]",
        &format!("<style>{css}</style>"),
    )?;
    write(page_path, page)
}

/// `embed/style-<hex>.css`, the name Trunk gives the stylesheet.
fn is_built_stylesheet(name: &str) -> bool {
    name.strip_prefix("embed/style-")
        .and_then(|rest| rest.strip_suffix(".css"))
        .is_some_and(|hash| {
            !hash.is_empty()
                && hash
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        })
}
