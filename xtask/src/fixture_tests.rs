//! The post-build steps, the budget and the MSRV check against the small built site in
//! xtask/tests/fixtures/ (dist/: a minified page as Trunk writes it, with integrity on
//! every asset, and stand-in files). Each test works on its own copy.

use crate::budget::{measure, over, Ceilings};
use crate::html::find;
use crate::post_build::{npm_package, strip_page_scripts, widget_loader, AppFiles};
use crate::prerender::prerender;
use crate::review_page::review_page;
use crate::util::{files_under, root, sha256_csp, sha384_sri};
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fresh copy of fixtures/dist, removed when dropped.
struct Site(PathBuf);

impl Site {
    fn new(test: &str) -> Site {
        // The post-build runs terser from .tools (cargo xtask tools installs it).
        crate::tools::set_path();
        let dir = std::env::temp_dir().join(format!("xtask-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let from = fixtures().join("dist");
        for file in files_under(&from).unwrap() {
            let to = dir.join(file.strip_prefix(&from).unwrap());
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(&file, &to).unwrap();
        }
        Site(dir)
    }
    fn read(&self, name: &str) -> String {
        fs::read_to_string(self.0.join(name)).unwrap()
    }
    fn bytes(&self, name: &str) -> Vec<u8> {
        fs::read(self.0.join(name)).unwrap()
    }
    /// Every post-build step but the ones that need cargo, wasm-bindgen and wasm-opt.
    fn post_build(&self) -> AppFiles {
        strip_page_scripts(&self.0).unwrap();
        let files = widget_loader(&self.0, &fixtures().join("impower-ready.js")).unwrap();
        npm_package(
            &fixtures().join("npm"),
            &self.0.join("embed"),
            "9.8.7",
            &files,
        )
        .unwrap();
        review_page(
            &self.0,
            &root().join("web/review"),
            &fs::read_to_string(root().join("index.html")).unwrap(),
            &files,
        )
        .unwrap();
        prerender(
            &self.0.join("index.html"),
            &fs::read_to_string(fixtures().join("shell.html")).unwrap(),
        )
        .unwrap();
        files
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn scripts_are_stripped_and_their_integrity_recomputed() {
    let site = Site::new("strip");
    let before = site.read("index.html");
    strip_page_scripts(&site.0).unwrap();
    let page = site.read("index.html");
    let boot = site.read("boot-0a1b2c3d.js");
    assert!(
        !boot.contains("//") && !boot.contains("/*") && !boot.contains("\n "),
        "{boot}"
    );
    assert!(
        boot.contains("import(") && boot.contains("module_or_path"),
        "{boot}"
    );
    for (url, file) in [
        ("./boot-0a1b2c3d.js", "boot-0a1b2c3d.js"),
        (
            "./embed/impower-web-0a1b2c3d.js",
            "embed/impower-web-0a1b2c3d.js",
        ),
    ] {
        let tag = find(&page, &format!("[src=\"{url}\"], [href=\"{url}\"]")).unwrap();
        assert_eq!(
            tag[0].get("integrity"),
            Some(sha384_sri(&site.bytes(file)).as_str()),
            "{url}"
        );
    }
    // Only the integrity values changed: the .wasm's, the stylesheet's and the icon's stay.
    assert_eq!(page.len(), before.len());
    let differ = page
        .bytes()
        .zip(before.bytes())
        .filter(|(a, b)| a != b)
        .count();
    assert!(differ > 0 && differ <= 2 * 64, "{differ} bytes changed");
    let wasm = find(&page, "link[rel=preload]").unwrap();
    assert_eq!(
        wasm[0].get("integrity"),
        Some(sha384_sri(&site.bytes("embed/impower-web-0a1b2c3d_bg.wasm")).as_str())
    );
}

#[test]
fn a_page_whose_integrity_is_stale_is_refused() {
    let site = Site::new("stale");
    fs::write(site.0.join("boot-0a1b2c3d.js"), "changed();\n").unwrap();
    let err = strip_page_scripts(&site.0).unwrap_err();
    assert!(err.contains("occurs 0 times"), "{err}");
}

#[test]
fn the_widget_loader_gets_the_names_and_integrity_of_the_app_files() {
    let site = Site::new("widget");
    strip_page_scripts(&site.0).unwrap();
    let files = widget_loader(&site.0, &fixtures().join("impower-ready.js")).unwrap();
    assert_eq!(
        files,
        AppFiles {
            module: "impower-web-0a1b2c3d.js".into(),
            wasm: "impower-web-0a1b2c3d_bg.wasm".into(),
            style: "style-0a1b2c3d.css".into(),
        }
    );
    let loader = site.read("embed/impower-ready.js");
    let module_sri = sha384_sri(&site.bytes("embed/impower-web-0a1b2c3d.js"));
    let wasm_sri = sha384_sri(&site.bytes("embed/impower-web-0a1b2c3d_bg.wasm"));
    let style_sri = sha384_sri(&site.bytes("embed/style-0a1b2c3d.css"));
    // Filled, then minified: every name and integrity is in it, no placeholder left.
    for want in [
        "\"impower-web-0a1b2c3d.js\"",
        "\"impower-web-0a1b2c3d_bg.wasm\"",
        "\"style-0a1b2c3d.css\"",
        module_sri.as_str(),
        wasm_sri.as_str(),
        style_sri.as_str(),
    ] {
        assert!(loader.contains(want), "{want} not in {loader}");
    }
    assert!(!loader.contains('@') && !loader.contains("//"), "{loader}");
}

#[test]
fn the_widget_loader_refuses_a_module_outside_embed() {
    let site = Site::new("outside");
    let page = site
        .read("index.html")
        .replace("data-js=./embed/", "data-js=./");
    fs::write(site.0.join("index.html"), page).unwrap();
    let err = widget_loader(&site.0, &fixtures().join("impower-ready.js")).unwrap_err();
    assert!(err.contains("not a file of embed/"), "{err}");
}

#[test]
fn the_npm_package_gets_the_version_and_names() {
    let site = Site::new("npm");
    site.post_build();
    let package = site.read("embed/package.json");
    assert!(package.contains("\"version\": \"9.8.7\""), "{package}");
    assert!(
        package.contains("\"impower-web-0a1b2c3d_bg.wasm\"") && !package.contains('@'),
        "{package}"
    );
    assert_eq!(site.read("embed/README.md"), "# impower-ready (fixture)\n");
}

#[test]
fn the_review_page_gets_the_apps_policy_and_checks_everything_it_loads() {
    let site = Site::new("review");
    site.post_build();
    let page = site.read("review.html");
    assert!(!page.contains('@'), "a placeholder is left: {page}");
    let source = fs::read_to_string(root().join("index.html")).unwrap();
    let policy = |html: &str| {
        find(html, "meta[http-equiv=Content-Security-Policy]").unwrap()[0]
            .get("content")
            .unwrap()
            .to_string()
    };
    assert_eq!(policy(&page), policy(&source));
    let sri = |name: &str| sha384_sri(&site.bytes(name));
    for (selector, file) in [
        ("link[rel=icon]", "favicon-0a1b2c3d.svg"),
        (
            "link[rel=stylesheet][href=\"embed/style-0a1b2c3d.css\"]",
            "embed/style-0a1b2c3d.css",
        ),
        ("link[rel=stylesheet][href=\"review.css\"]", "review.css"),
        ("script[src=\"review.js\"]", "review.js"),
    ] {
        let tags = find(&page, selector).unwrap();
        assert_eq!(tags.len(), 1, "{selector}");
        assert_eq!(tags[0].get("integrity"), Some(sri(file).as_str()), "{file}");
    }
    // The script knows the JS API's integrity, and is minified.
    let script = site.read("review.js");
    for file in ["embed/impower.js", "embed/impower_bg.wasm"] {
        assert!(script.contains(&sri(file)), "{file} in {script}");
    }
    assert!(
        !script.contains("_INTEGRITY@") && !script.contains("// "),
        "{script}"
    );
}

#[test]
fn the_shell_is_inserted_and_the_stylesheet_inlined_with_its_hash_in_the_csp() {
    let site = Site::new("prerender");
    site.post_build();
    let page = site.read("index.html");
    let shell = fs::read_to_string(fixtures().join("shell.html")).unwrap();
    assert!(
        page.contains(&format!(
            "<div id=\"app\">{}</div><noscript>",
            shell.trim_end()
        )),
        "{page}"
    );
    assert!(!page.contains("Loading…"));
    let css = site.read("embed/style-0a1b2c3d.css");
    assert!(
        page.contains(&format!("<style>{css}</style><script ")),
        "{page}"
    );
    assert!(find(&page, "link[rel=stylesheet]").unwrap().is_empty());
    let csp = find(&page, "meta[http-equiv=Content-Security-Policy]").unwrap();
    let content = csp[0].get("content").unwrap();
    assert!(
        content.contains(&format!(
            "; style-src 'self' '{}'; img-src",
            sha256_csp(css.as_bytes())
        )),
        "{content}"
    );
    // The rest of the page is as Trunk minified it.
    assert!(
        page.starts_with(
            "<!doctype html><html lang=en><meta charset=utf-8><meta content=\"default-src"
        ),
        "{page}"
    );
    assert!(
        page.contains("src=./boot-0a1b2c3d.js type=module></script>"),
        "{page}"
    );
}

#[test]
fn prerender_refuses_a_csp_without_style_src_self() {
    let site = Site::new("csp");
    let page = site.read("index.html").replace("style-src 'self'; ", "");
    fs::write(site.0.join("index.html"), page).unwrap();
    let err = prerender(&site.0.join("index.html"), "<p>x</p>").unwrap_err();
    assert!(err.contains("Content-Security-Policy"), "{err}");
}

/// The gzip size of a fixture file, from the gzip program directly.
fn gz(site: &Site, name: &str) -> u64 {
    let out = std::process::Command::new("gzip")
        .arg("-9c")
        .arg(site.0.join(name))
        .output()
        .unwrap();
    assert!(out.status.success());
    out.stdout.len() as u64
}

#[test]
fn the_budget_adds_up_each_page_and_fails_over_a_ceiling() {
    let site = Site::new("budget");
    site.post_build();
    let report = measure(&site.0).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let shared = gz(&site, "embed/impower-web-0a1b2c3d.js")
        + gz(&site, "embed/impower-web-0a1b2c3d_bg.wasm");
    assert_eq!(
        report.app,
        gz(&site, "index.html") + gz(&site, "boot-0a1b2c3d.js") + shared
    );
    assert_eq!(
        report.widget,
        gz(&site, "embed/impower-ready.js") + gz(&site, "embed/style-0a1b2c3d.css") + shared
    );
    assert_eq!(
        report.api,
        gz(&site, "embed/impower.js") + gz(&site, "embed/impower_bg.wasm")
    );
    assert_eq!(
        report.app_wasm,
        gz(&site, "embed/impower-web-0a1b2c3d_bg.wasm")
    );
    assert_eq!(
        report.review,
        gz(&site, "review.html") + gz(&site, "review.js") + gz(&site, "review.css")
    );
    assert_eq!(report.style, gz(&site, "embed/style-0a1b2c3d.css"));
    // The favicon is not code; the types are listed apart.
    assert!(report
        .rows
        .iter()
        .all(|r| !r.name.ends_with(".svg") && !r.name.ends_with(".d.ts")));
    assert_eq!(report.types.len(), 2);
    assert!(report.rows.iter().all(|r| r.brotli > 0 && r.gzip > 0));

    let exact = Ceilings {
        app_wasm: report.app_wasm,
        app_total: report.app,
        js_api_total: report.api,
        widget_total: report.widget,
        review_total: report.review,
    };
    assert!(
        report.widget <= report.app,
        "the fixture's widget is smaller than its app"
    );
    assert_eq!(over(&report, &exact), Vec::<String>::new());
    let tight = Ceilings {
        js_api_total: report.api - 1,
        ..exact
    };
    assert_eq!(
        over(&report, &tight),
        vec![format!(
            "over budget: JS API {} > {}",
            report.api,
            report.api - 1
        )]
    );
    let tight = Ceilings {
        app_wasm: report.app_wasm - 1,
        ..exact
    };
    assert_eq!(over(&report, &tight).len(), 1);
}

#[test]
fn the_budget_finds_a_page_that_does_not_hold_its_stylesheet_or_an_uncounted_file() {
    let site = Site::new("budget-bad");
    site.post_build();
    let page = site.read("index.html").replace("<style>", "<style>/* */");
    fs::write(site.0.join("index.html"), page).unwrap();
    fs::write(site.0.join("embed/extra.js"), "x();\n").unwrap();
    let problems = measure(&site.0).unwrap().problems;
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("embed/extra.js"), "{problems:?}");
    assert!(problems[1].contains("as its <style>"), "{problems:?}");
}

#[test]
fn ceilings_are_read_from_json() {
    let c = Ceilings::parse(
        "{\"app_wasm\": 1, \"app_total\": 2, \"js_api_total\": 3, \"widget_total\": 4, \"review_total\": 5}",
    )
    .unwrap();
    assert_eq!(
        c,
        Ceilings {
            app_wasm: 1,
            app_total: 2,
            js_api_total: 3,
            widget_total: 4,
            review_total: 5
        }
    );
    assert!(Ceilings::parse("{\"app_wasm\": 1}")
        .unwrap_err()
        .contains("app_total"));
    let real =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("budget.json")).unwrap();
    assert!(Ceilings::parse(&real).is_ok());
}

#[test]
fn msrv_is_the_highest_declared_by_a_dependency() {
    let text = fs::read_to_string(fixtures().join("metadata.json")).unwrap();
    let mut metadata: serde_json::Value = serde_json::from_str(&text).unwrap();
    let verdict = crate::msrv::check(&metadata).unwrap();
    assert_eq!(
        verdict.lines[0],
        "the locked dependencies need Rust 1.85.1 or newer; highest declared:"
    );
    assert_eq!(
        verdict.lines[1..4],
        [
            "  1.85.1   new 2.3.0",
            "  1.70     old 1.0.0",
            "  1.9      mid 0.4.0"
        ]
    );
    assert_eq!(verdict.low.len(), 2, "{:?}", verdict.low);
    assert!(verdict.low[0].starts_with("a declares rust-version 1.85, below 1.85.1"));

    metadata["packages"][0]["rust_version"] = "1.86".into();
    metadata["packages"][1]["rust_version"] = "1.85.1".into();
    let verdict = crate::msrv::check(&metadata).unwrap();
    assert!(verdict.low.is_empty());
    assert_eq!(
        verdict.lines.last().unwrap(),
        "workspace rust-version: 1.86 (ok)"
    );
}

#[test]
fn wasm_opt_settings_are_read_from_the_real_index_html() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let (level, flags) =
        crate::post_build::wasm_opt_settings(&fs::read_to_string(root.join("index.html")).unwrap())
            .unwrap();
    assert_eq!(level, "z");
    assert!(
        flags.contains(&"--converge".to_string()) && flags.iter().all(|f| f.starts_with("--")),
        "{flags:?}"
    );
    let err =
        crate::post_build::wasm_opt_settings("<link data-trunk rel=rust href=x data-wasm-opt=z>")
            .unwrap_err();
    assert!(err.contains("data-wasm-opt-params"), "{err}");
}

#[test]
fn a_placeholder_left_unfilled_is_refused() {
    let site = Site::new("placeholder");
    let npm = site.0.join("npm");
    fs::create_dir_all(&npm).unwrap();
    for name in ["impower.d.ts", "impower-ready.d.ts", "README.md"] {
        fs::copy(fixtures().join("npm").join(name), npm.join(name)).unwrap();
    }
    fs::write(
        npm.join("package.json"),
        "{ \"version\": \"@VERSION@\", \"x\": \"a@b.c @OTHER_NAME@\" }",
    )
    .unwrap();
    let files = AppFiles {
        module: "m.js".into(),
        wasm: "w.wasm".into(),
        style: "s.css".into(),
    };
    let err = npm_package(&npm, &site.0.join("embed"), "1.0.0", &files).unwrap_err();
    assert!(err.contains("@OTHER_NAME@"), "{err}");
    fs::write(
        npm.join("package.json"),
        "{ \"version\": \"1.0.0\", \"x\": \"a@b.c@d\" }",
    )
    .unwrap();
    let err = npm_package(&npm, &site.0.join("embed"), "2.0.0", &files).unwrap_err();
    assert!(err.contains("@VERSION@"), "{err}");
}
