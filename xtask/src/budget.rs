//! `cargo xtask budget [DIST]` (default dist): the size budget of the built site. Prints
//! each shipped file's size, gzip and brotli, and the totals; fails when the app's .wasm
//! or a total is over its ceiling in xtask/budget.json (gzip bytes; ceilings only go down,
//! and git's history of that file says when and why each moved). With twiggy installed
//! it also prints where the app's bytes are.
//!
//! gzip is GNU gzip's own `gzip -9c FILE` (on every machine this runs on): no deflate
//! crate writes its bytes (flate2's measured the JS API 399 B larger), and the ceilings
//! have always been in its bytes, so they stay comparable across releases.
//!
//! Each total is what one page downloads:
//! - app: index.html (its stylesheet inlined), its loader (boot-*.js) and the shared files;
//! - widget, on a bare host page: embed/impower-ready.js, the shared files and the
//!   stylesheet (embed/style-*.css);
//! - JS API: embed/impower.js and embed/impower_bg.wasm;
//! - review page (review.html, issue 22): its own files, review.html, review.js and
//!   review.css, ceilinged on their own; it also downloads the app's stylesheet
//!   (embed/style-*.css) and the JS API, each under its own line already, and printed
//!   beside it as what the page downloads in all. The check fails unless review.html
//!   names the stylesheet.
//!
//! The shared files are the one build of the app in embed/: its wasm-bindgen module
//! (impower-web-*.js) and its .wasm, counted in both the app and the widget; the check
//! fails unless both pages name each. The stylesheet counts for the widget; the check
//! fails unless the widget names it and the page holds it whole.
//!
//! ## Where the bytes are, and what was measured (moved here from ARCHITECTURE.md)
//!
//! No `{}` on floats, no `str::parse::<f64>`, no Unicode case or escape tables
//! (`to_lowercase`, `is_alphanumeric`, `{:?}` on text, slicing that can panic) in code
//! the browser runs: each pulls kilobytes of tables into every build for a few messages.
//! The browser builds use talc, not dlmalloc, as their allocator; the app is a binary and
//! the JS API is built with `cargo rustc --crate-type cdylib`, so link-time optimisation
//! applies to both (cargo drops it for a package that is both cdylib and rlib). wasm-
//! opt's flags (on the rust link of `index.html`) were measured one by one; capping the
//! inlining of single-caller functions alone saved 2.4 KB. Trunk cannot minify our
//! JavaScript, so the post-build hook minifies it with terser (issue 20: the app and the
//! widget −1.2 KB, the JS API −0.8 KB, over stripping comments). `cargo xtask budget`
//! prints the gzip and brotli size of every shipped file and twiggy's largest items,
//! counts each total as what one page downloads, and enforces ceilings that only go down
//! (budget.json: app 191.62 KB, target 100 KB; widget 190.29 KB and never more than the
//! app; JS API 47.10 KB, target 40 KB; the review page's own files 8.93 KB, issue 22:
//! review.js is 5.9 KB of it, the row, the CSV and the strict JSON reader that words a
//! refusal as the command line does). Issue 21 lowered the app's by 1.29 KB, the
//! widget's by 1.70 KB and the JS API's by 0.21 KB while adding its phone, keyboard and
//! shell work (+3 KB of module at one point): wasm-bindgen's hashed import and glue-only
//! export names renamed short in both files (`short_imports.rs`, −3.5 KB), the answers
//! compared by pointer instead of a derived `PartialEq` (−3.7 KB raw). Measured and not
//! kept: "Why?" as a memoised component (+464 B; Fees p95 at 4× only 21 → 20 ms), a
//! helper for the Calendar's date lists and rows (+276 B gzip though −2.3 KB raw).
//! Issue 20 lowered the app's and the widget's by
//! 1.6 and 1.7 KB (the Fees view's repeated F4 sentence went too) and raised the JS API's by 1.59 KB: drafts (null names and hours, the
//! `unanswered` list, +0.7 KB) and the contract read from its declaration (typed structs
//! per request instead of hand-written getters: +3.8 KB at first, then −2.0 KB by
//! reading the rules' own types (`impl for`), one `assess` shape, paths built only on a
//! refusal and fields read by position; a roster that waits for names, +0.1 KB; at one
//! point +0.3 KB of code was +2.0 KB gzip: typed reads compress worse than the old
//! getter calls). Measured and not kept there: boxing refusals
//! (−80 B), out-of-line field readers (+400 B), fields reordered to drop less on a
//! refusal (−110 B, at the cost of the declaration's order), opt-level "s" (+3.2 KB),
//! other wasm-opt passes (0 to +500 B). Earlier, the app's ceilings were raised in one session for the
//! features the brief orders before the size work: issue 8's application state, issue 9's
//! leadership document, the static shell and the per-person Team component, and again for
//! issue 17's safeguards of typed work (+7.0 KB net) and issue 18's readings and examples
//! (+4.4 KB net, the JS API +0.8 KB with the contract's new answers), then issue 18's
//! credits from the Team, share format 2 and the summary ready to sign (+7.1 KB net; the
//! JS API +0.5 KB for `due`, `passed` and `session_1`), then issue 19's rule book on
//! every answer and the re-check of answers saved under another (+2.2 KB; the JS API +0.2
//! KB), and the success factors keyed by their type (+0.6 KB; the JS API -0.2 KB), and
//! `as_of` with the dated facts (+0.9 KB; the JS API +0.7 KB); budget.sh's history
//! (`git show 9989fd7:scripts/budget.sh`) says by how much. Measured and not kept in that change: a helper for the Calendar's date
//! lists (+17 B), other wasm-opt pass orders (±0.3 KB). Where the app's bytes are, after
//! wasm-opt (twiggy on a build that keeps names): code 133 KB gzip, data (text) 25 KB. Of
//! the code, Yew is about 57 KB (a bare counter); `evaluate` with the rules inlined into
//! it is about 26 KB raw; the views' expanded `html!` trees about 110 KB raw. Measured
//! and not kept: prop-building helpers for every field (−25 B), a generic table function
//! for the Calendar (+1.4 KB), elements built with `VTag` directly (+2.4 KB); loading the
//! rule-book prose lazily would save at most its 3.7 KB gzip. The text is needed (answers
//! cite their sources). What did pay is *monomorphization and scaffolding*, found by
//! grouping twiggy's items by name: every Yew component carries about a kilobyte of its
//! own lifecycle code (`CreateRunner`, `props_changed`, `mount`, `type_id`…), and every
//! element type of a `BTreeSet` a copy of the tree's code. The six views and the
//! stateless widgets (`why_of`, `findings`, `error_summary`, `yes_no`, `check`, `select`)
//! are plain functions: none holds state, and their props (new callbacks, the whole
//! state) changed on every render, so a component's props check never saved a render (app
//! −6.0 KB gzip; keystroke p95 at 4× throttling unchanged, 11.4 ms). Only what holds
//! state stays a component (`App`, `Tools`, `TextField`, `PersonCard`, which also spares
//! the Team view's other people a render). The rules' small sets are sorted `Vec`s (app
//! −1.8 KB, JS API −2.2 KB). The rule book's columns (summaries, sources,
//! interpretations) are tables of their own, made from its rows at compile time: a static
//! table keeps every string it points to, and the JS API cites sources but never shows a
//! summary (−0.8 KB). Raw HTML for the read-only parts (`Html::from_html_unchecked`) was
//! not tried: it sets `innerHTML`, which a host page's Trusted Types policy would refuse.

use crate::util::{files_under, read_bytes, read_text, root, Result};
use std::path::Path;

/// The ceilings, gzip bytes, from xtask/budget.json.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ceilings {
    pub app_wasm: u64,
    pub app_total: u64,
    pub js_api_total: u64,
    pub widget_total: u64,
    pub review_total: u64,
}

impl Ceilings {
    /// Reads them from `json`; each can be overridden by its environment variable
    /// (APP_WASM_MAX, APP_TOTAL_MAX, API_TOTAL_MAX, WIDGET_TOTAL_MAX, REVIEW_TOTAL_MAX)
    /// to try a change.
    pub fn parse(json: &str) -> Result<Ceilings> {
        let v: serde_json::Value =
            serde_json::from_str(json).map_err(|e| format!("not JSON ({e})"))?;
        let get = |key: &str, env: &str| -> Result<u64> {
            if let Some(over) = std::env::var(env).ok().and_then(|s| s.parse().ok()) {
                return Ok(over);
            }
            v[key]
                .as_u64()
                .ok_or_else(|| format!("no whole number \"{key}\": write it (gzip bytes)"))
        };
        Ok(Ceilings {
            app_wasm: get("app_wasm", "APP_WASM_MAX")?,
            app_total: get("app_total", "APP_TOTAL_MAX")?,
            js_api_total: get("js_api_total", "API_TOTAL_MAX")?,
            widget_total: get("widget_total", "WIDGET_TOTAL_MAX")?,
            review_total: get("review_total", "REVIEW_TOTAL_MAX")?,
        })
    }
}

/// One file's sizes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub bytes: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// What was measured, and what does not add up (whatever the ceilings).
#[derive(Debug, Default)]
pub struct Report {
    pub rows: Vec<Row>,
    pub types: Vec<Row>,
    pub app: u64,
    pub widget: u64,
    pub api: u64,
    /// review.html, review.js and review.css.
    pub review: u64,
    /// The app's stylesheet, which the widget and the review page load.
    pub style: u64,
    pub app_wasm: u64,
    pub problems: Vec<String>,
}

/// `gzip -9c FILE`'s size, as GNU gzip writes it (the name in its header).
pub fn gzip_size(path: &Path) -> Result<u64> {
    let out = std::process::Command::new("gzip")
        .arg("-9c")
        .arg(path)
        .output()
        .map_err(|e| format!("gzip could not run ({e}): install gzip (apt-get install gzip)"))?;
    if !out.status.success() {
        return Err(format!(
            "gzip -9c {} failed: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout.len() as u64)
}

/// Brotli at its best quality (11, window 22), as static hosts serve it (and as
/// `cargo xtask precompress` writes it).
pub fn brotli(name: &str, bytes: &[u8]) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| format!("{name}: brotli failed ({e})"))?;
    Ok(out)
}

/// [`brotli`]'s size.
pub fn brotli_size(name: &str, bytes: &[u8]) -> Result<u64> {
    Ok(brotli(name, bytes)?.len() as u64)
}

fn row(dist: &Path, path: &Path) -> Result<Row> {
    let bytes = read_bytes(path)?;
    let base = path.file_name().unwrap_or_default().to_string_lossy();
    Ok(Row {
        name: path
            .strip_prefix(dist)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned(),
        bytes: bytes.len() as u64,
        gzip: gzip_size(path)?,
        brotli: brotli_size(&base, &bytes)?,
    })
}

/// Measures the built site in `dist`.
pub fn measure(dist: &Path) -> Result<Report> {
    let mut r = Report::default();
    let page = read_text(&dist.join("index.html"))?;
    let widget_loader = read_text(&dist.join("embed/impower-ready.js"))?;
    let review_page = read_text(&dist.join("review.html")).map_err(|e| {
        format!("{e}: the review page is built with the app (cargo xtask post-build)")
    })?;
    let mut shared = 0;
    let shipped = |p: &&std::path::PathBuf| {
        p.extension()
            .is_some_and(|e| ["wasm", "js", "css", "html"].iter().any(|x| e == *x))
    };
    for path in files_under(dist)?.iter().filter(shipped) {
        let row = row(dist, path)?;
        let name = row.name.as_str();
        let file = name.strip_prefix("embed/").unwrap_or(name);
        let z = row.gzip;
        if name == "embed/impower.js" || name == "embed/impower_bg.wasm" {
            r.api += z;
        } else if ["review.html", "review.js", "review.css"].contains(&name) {
            r.review += z;
        } else if name.starts_with("embed/example.") {
        } else if name == "embed/impower-ready.js" {
            r.widget += z;
        } else if name.starts_with("embed/impower-web-")
            && (name.ends_with(".js") || name.ends_with("_bg.wasm"))
        {
            shared += 1;
            r.app += z;
            r.widget += z;
            for (page_name, text) in [
                ("index.html", &page),
                ("embed/impower-ready.js", &widget_loader),
            ] {
                if !text.contains(file) {
                    r.problems.push(format!("{page_name} does not load {name}: the app and the widget no longer share it"));
                }
            }
            if name.ends_with("_bg.wasm") {
                r.app_wasm = z;
            }
        } else if name.starts_with("embed/style-") && name.ends_with(".css") {
            shared += 1;
            r.widget += z;
            r.style = z;
            if !review_page.contains(name) {
                r.problems.push(format!("review.html does not load {name}"));
            }
            if !widget_loader.contains(file) {
                r.problems
                    .push(format!("embed/impower-ready.js does not load {name}"));
            }
            if !page.contains(&format!("<style>{}</style>", read_text(path)?)) {
                r.problems.push(format!(
                    "index.html does not hold {name} as its <style> (cargo xtask post-build)"
                ));
            }
        } else if name.starts_with("embed/") {
            r.problems.push(format!(
                "{name}: a file of embed/ that no total counts (xtask/src/budget.rs)"
            ));
        } else {
            r.app += z;
        }
        r.rows.push(row);
    }
    if shared != 3 {
        r.problems.push(format!(
            "{shared} shared files in embed/ (impower-web-*.js, impower-web-*_bg.wasm, style-*.css), not 3: a stale or partial build"
        ));
    }
    // The npm package's type declarations: no page loads them, listed for information.
    for path in files_under(dist)?
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".d.ts"))
    {
        r.types.push(row(dist, path)?);
    }
    Ok(r)
}

/// What is over its ceiling.
pub fn over(r: &Report, c: &Ceilings) -> Vec<String> {
    let mut over = Vec::new();
    let mut check = |what: &str, value: u64, max: u64| {
        if value > max {
            over.push(format!("over budget: {what} {value} > {max}"));
        }
    };
    check("app wasm", r.app_wasm, c.app_wasm);
    check("app total", r.app, c.app_total);
    check("JS API", r.api, c.js_api_total);
    check("widget", r.widget, c.widget_total);
    check("widget (more than the app)", r.widget, r.app);
    check("review page", r.review, c.review_total);
    over
}

pub fn print(r: &Report, c: &Ceilings) {
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "file", "bytes", "gzip", "brotli"
    );
    for row in &r.rows {
        println!(
            "{:<48} {:>10} {:>10} {:>10}",
            row.name, row.bytes, row.gzip, row.brotli
        );
    }
    for row in &r.types {
        println!(
            "{:<48} {:>10} {:>10} {:>10}  (types, not counted)",
            row.name, row.bytes, row.gzip, row.brotli
        );
    }
    println!(
        "{:<48} {:>10} {:>10}  (ceiling {}, target ~100000)",
        "app total (gzip)", "", r.app, c.app_total
    );
    println!(
        "{:<48} {:>10} {:>10}  (ceiling {})",
        "embed JS API total (gzip)", "", r.api, c.js_api_total
    );
    println!(
        "{:<48} {:>10} {:>10}  (ceiling {}, the app {})",
        "embed widget total, bare host page (gzip)", "", r.widget, c.widget_total, r.app
    );
    println!(
        "{:<48} {:>10} {:>10}  (ceiling {}; {} with the stylesheet and the JS API it loads)",
        "review page, review.html .js .css (gzip)",
        "",
        r.review,
        c.review_total,
        r.review + r.style + r.api
    );
}

/// Where the app's bytes are: twiggy's largest items of the .wasm before wasm-bindgen
/// and wasm-opt (the names survive only there: read them as proportions).
fn twiggy() {
    let meta = crate::util::output(crate::util::cargo(&[
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
        "--offline",
    ]));
    let target = meta
        .ok()
        .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
        .and_then(|m| m["target_directory"].as_str().map(std::path::PathBuf::from))
        .unwrap_or_else(|| root().join("target"));
    let wasm = target.join("wasm32-unknown-unknown/release/impower-web.wasm");
    if !crate::util::on_path("twiggy") || !wasm.is_file() {
        return;
    }
    let top = std::process::Command::new("twiggy")
        .arg("top")
        .arg(&wasm)
        .args(["-n", "18"])
        .output();
    if let Ok(top) = top {
        println!("\nlargest items of the app's WebAssembly (twiggy top, before wasm-opt):");
        for line in String::from_utf8_lossy(&top.stdout).lines() {
            if !line.contains("custom section") && !line.contains("function names") {
                println!("{}", line.chars().take(150).collect::<String>());
            }
        }
    }
}

pub fn budget(args: &[String]) -> Result {
    let dist = Path::new(args.first().map_or("dist", String::as_str));
    let file = root().join("xtask/budget.json");
    let ceilings =
        Ceilings::parse(&read_text(&file)?).map_err(|e| format!("{}: {e}", file.display()))?;
    let report = measure(dist)?;
    print(&report, &ceilings);
    let failures: Vec<String> = report
        .problems
        .iter()
        .cloned()
        .chain(over(&report, &ceilings))
        .collect();
    for f in &failures {
        println!("  {f}");
    }
    twiggy();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "budget: {} problem(s) above: make the files smaller, or fix the build",
            failures.len()
        ))
    }
}
