//! `review.html`, the reviewer's table (issue 22), beside the app in OUT/: web/review/'s
//! page, script and stylesheet, finished the way post-build finishes embed/ (see
//! [`crate::post_build`]), and loading nothing it has not checked:
//!
//! - `review.js` gets the integrity of the JS API it loads (`embed/impower.js` as
//!   minified, `embed/impower_bg.wasm`), then is minified itself ([`crate::strip_js`]);
//! - `review.html` gets the app's Content-Security-Policy (the source index.html's
//!   `<meta>`, its very text), the app's stylesheet and favicon by their built names,
//!   and the integrity of every file it loads.
//!
//! It runs after the JS API is built and minified and the widget loader has the app's
//! file names; `cargo xtask budget` counts what the page downloads on a line of its own.

use crate::html::find;
use crate::post_build::{filled, AppFiles};
use crate::strip_js::strip_file;
use crate::util::{copy, read_bytes, read_text, sha384_sri, write, Result};
use std::path::Path;

/// Writes OUT/review.html, OUT/review.js and OUT/review.css from `sources` (web/review),
/// with the policy of `index_html` (the source page) and the app's `files`.
pub fn review_page(out: &Path, sources: &Path, index_html: &str, files: &AppFiles) -> Result {
    let embed = out.join("embed");
    let sri = |path: &Path| read_bytes(path).map(|b| sha384_sri(&b));

    // The script first: the page names it by its integrity once filled and minified.
    let template = sources.join("review.js");
    let script = read_text(&template)?
        .replace("@API_INTEGRITY@", &sri(&embed.join("impower.js"))?)
        .replace(
            "@API_WASM_INTEGRITY@",
            &sri(&embed.join("impower_bg.wasm"))?,
        );
    filled(&script, &template)?;
    let js = out.join("review.js");
    write(&js, script)?;
    strip_file(&js)?;
    let css = out.join("review.css");
    copy(&sources.join("review.css"), &css)?;

    let csp = find(index_html, "meta[http-equiv=Content-Security-Policy]")?
        .first()
        .and_then(|t| t.get("content").map(String::from))
        .filter(|c| !c.is_empty())
        .ok_or("index.html has no Content-Security-Policy <meta>: review.html takes the app's")?;
    let page = out.join("index.html");
    let icon = find(&read_text(&page)?, "link[rel=icon]")?;
    let (Some(favicon), Some(favicon_integrity)) = (
        icon.first().and_then(|t| t.get("href")),
        icon.first().and_then(|t| t.get("integrity")),
    ) else {
        return Err(format!(
            "{}: no <link rel=icon> with an href and an integrity (Trunk writes one)",
            page.display()
        ));
    };
    let attribute = |v: &str| v.replace('&', "&amp;").replace('"', "&quot;");
    let template = sources.join("review.html");
    let html = read_text(&template)?
        .replace("@CSP@", &attribute(&csp))
        .replace("@FAVICON_INTEGRITY@", favicon_integrity)
        .replace("@FAVICON@", &attribute(favicon))
        .replace("@STYLE_INTEGRITY@", &sri(&embed.join(&files.style))?)
        .replace("@STYLE@", &files.style)
        .replace("@REVIEW_CSS_INTEGRITY@", &sri(&css)?)
        .replace("@REVIEW_JS_INTEGRITY@", &sri(&js)?);
    filled(&html, &template)?;
    write(&out.join("review.html"), html)
}
