//! `cargo xtask <task>`: impower-ready's build in Rust (the alias is in .cargo/config.toml;
//! `./dev` calls it). Each task is one module; `cargo xtask help` lists them.

mod bench;
mod budget;
mod flows;
mod html;
mod msrv;
mod post_build;
mod precompress;
mod prerender;
mod review_page;
mod short_imports;
mod snippet;
mod strip_js;
mod tools;
mod util;

#[cfg(test)]
mod fixture_tests;

const USAGE: &str = "usage: cargo xtask <task>
  test                       install what the tests need, then fmt, clippy and every test
  serve                      install what the app needs, build it and serve it (PORT, default 8080)
  bench                      speed figures (DIST, default dist; built when missing)
  post-build [OUT]           Trunk's post_build hook (OUT = $TRUNK_STAGING_DIR): embed/, the first paint
  budget [DIST]              the size budget of a built site (default dist; ceilings in xtask/budget.json)
  msrv                       is the workspace's rust-version true of Cargo.lock?
  browser-tests [corpus|e2e|all]   the tests in headless Chromium (e2e against DIST, default dist)
  tools                      install every tool, skipping what is there at the right version
  codegen                    write crates/embed/npm/impower.d.ts from the rules' types
  precompress [DIST]         write FILE.br and FILE.gz beside each page, script, style and .wasm";

fn main() {
    tools::set_path();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match task {
        "test" => flows::test(),
        "serve" => flows::serve(),
        "bench" => flows::bench(),
        "post-build" => post_build::post_build(rest),
        "budget" => budget::budget(rest),
        "precompress" => precompress::precompress(rest),
        "msrv" => msrv::msrv(),
        "browser-tests" => flows::browser_tests(rest),
        "tools" => tools::tools(),
        "codegen" => flows::codegen(),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown task '{other}'\n{USAGE}")),
    };
    if let Err(e) = result {
        eprintln!("xtask {task}: {e}");
        std::process::exit(1);
    }
}
