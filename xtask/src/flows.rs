//! The sequences `./dev` runs: `test`, `serve`, `bench`, `browser-tests`, `codegen`.

use crate::tools::{
    build_site, need_chromium, need_e2e_deps, need_npm_deps, need_site_tools, need_twiggy,
    need_wasm_bindgen, need_wasm_target,
};
use crate::util::{cargo, root, run, say, which, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `cargo xtask test`: installs what the tests need, then fmt, clippy and every test.
pub fn test() -> Result {
    need_wasm_target()?;
    say("rust-version in Cargo.toml covers what Cargo.lock needs");
    crate::msrv::msrv()?;
    say("cargo fmt --check");
    run(&mut cargo(&["fmt", "--all", "--", "--check"]))?;
    say("cargo clippy --all-targets -- -D warnings (native, then wasm32 for the browser crates)");
    run(&mut cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(&mut cargo(&[
        "clippy",
        "-p",
        "impower-rules",
        "-p",
        "impower-web",
        "-p",
        "impower-corpus",
        "-p",
        "impower-embed",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    say("the rules crate builds for wasm32-unknown-unknown");
    run(&mut cargo(&[
        "build",
        "-p",
        "impower-rules",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    // The post-build's fixture tests run terser.
    crate::tools::need_terser()?;
    say("native tests: rules, properties, command line, case corpus, app state, xtask");
    run(&mut cargo(&["test", "--workspace"]))?;
    say("fuzzing, bounded: every verb, arbitrary bytes and mutated requests (prints figures; fuzz/README.md has the soak)");
    run(&mut cargo(&[
        "run",
        "--release",
        "-q",
        "-p",
        "impower-fuzz",
        "--",
        "--iterations",
        "20000",
        "--contract",
    ]))?;
    say("speed: one keystroke re-derives every answer (prints figures)");
    run(&mut cargo(&[
        "bench",
        "-q",
        "-p",
        "impower-web",
        "--bench",
        "keystroke",
    ]))?;
    corpus()?;
    build_site()?;
    need_twiggy()?;
    crate::budget::budget(&["dist".into()])?;
    e2e(&root().join("dist"))
}

/// `cargo xtask serve`: builds the app and serves it on http://127.0.0.1:$PORT (8080).
pub fn serve() -> Result {
    need_site_tools()?;
    let port = std::env::var("PORT").unwrap_or_else(|_| "8080".into());
    // trunk serve builds the site itself (once, then again on each change).
    say(&format!(
        "trunk serve --release: building, then serving on http://127.0.0.1:{port} (Ctrl-C to stop)"
    ));
    run(Command::new("trunk")
        .args([
            "serve",
            "--release",
            "--offline",
            "--address",
            "127.0.0.1",
            "--port",
            &port,
        ])
        .current_dir(root()))
}

/// `cargo xtask codegen`: writes crates/embed/npm/impower.d.ts from the rules' types
/// (the impower-typescript binary does it all).
pub fn codegen() -> Result {
    run(&mut cargo(&[
        "run",
        "--locked",
        "-q",
        "-p",
        "impower-typescript",
        "--",
        "--write",
    ]))
}

/// `cargo xtask browser-tests corpus|e2e|all` (default all; e2e runs against $DIST,
/// default dist, relative to the current directory).
pub fn browser_tests(args: &[String]) -> Result {
    let dist = || {
        absolute(Path::new(
            &std::env::var("DIST").unwrap_or_else(|_| "dist".into()),
        ))
    };
    match args.first().map(String::as_str).unwrap_or("all") {
        "corpus" => corpus(),
        "e2e" => e2e(&dist()),
        "all" => corpus().and_then(|_| e2e(&dist())),
        other => Err(format!(
            "browser-tests: unknown '{other}': usage: cargo xtask browser-tests corpus|e2e|all"
        )),
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::env::current_dir()
        .map(|d| d.join(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

/// The rule-case corpus and the app's component tests, compiled to WASM, run by
/// wasm-bindgen-test-runner in headless Chromium (tests/tests/browser.rs,
/// web/tests/components.rs).
fn corpus() -> Result {
    need_chromium()?;
    need_wasm_target()?;
    need_wasm_bindgen()?;
    say("in headless Chromium: the case corpus and the app's component tests (wasm32)");
    let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| which("chromedriver"));
    run(cargo(&[
        "test",
        "-p",
        "impower-corpus",
        "-p",
        "impower-web",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("CHROMEDRIVER", chromedriver)
    .env(
        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
        root().join("tests/webdriver.json"),
    ))
}

/// The end-to-end tests in e2e/ against the built site in `dist`.
fn e2e(dist: &Path) -> Result {
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{}/index.html not found: build the site first (trunk build) or set DIST",
            dist.display()
        ));
    }
    need_chromium()?;
    need_e2e_deps()?;
    say(&format!("end-to-end tests against {}", dist.display()));
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| which("chromium"));
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1"])
        .current_dir(root().join("e2e"))
        .env("DIST", dist)
        .env("CHROMIUM", chromium))
}

/// `cargo xtask bench`: the speed figures (see crate::bench). The site is built first
/// when $DIST (default dist/) has no app or JS API in it.
pub fn bench() -> Result {
    let default = root().join("dist");
    let dist = std::env::var("DIST")
        .map(|d| absolute(Path::new(&d)))
        .unwrap_or_else(|_| default.clone());
    let built = |d: &Path| d.join("index.html").is_file() && d.join("embed/impower.js").is_file();
    crate::bench::bench(&dist, || {
        if !built(&dist) {
            if dist != default {
                return Err(format!(
                    "{} has no built site: build it or unset DIST",
                    dist.display()
                ));
            }
            build_site()?;
        }
        need_chromium()?;
        need_e2e_deps()?;
        need_npm_deps(&root().join("e2e/bench"))
    })
}
