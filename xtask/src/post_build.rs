//! `cargo xtask post-build [OUT]`: Trunk's post_build hook (OUT = $TRUNK_STAGING_DIR).
//! Completes OUT/embed/ after Trunk has built the app into it, then gives the page its
//! first paint, in this order:
//!
//! 1. the scripts index.html loads lose their comments ([`crate::strip_js`]), and the page
//!    their new integrity;
//! 2. `impower.js` + `impower_bg.wasm`: the rules' JS API (crates/embed), built here and
//!    optimised like the app, with wasm-bindgen's snippet folded in ([`crate::snippet`]);
//! 3. `impower-ready.js`, the `<impower-ready>` widget's loader, gets the names and
//!    integrity of the app's module, .wasm and stylesheet read from the built page;
//!    `example.*` (a host page, styled unlike us) is copied beside it;
//! 4. the npm package's files (embed/ is its folder): the types, README, package.json
//!    with the workspace version;
//! 5. `review.html`, the reviewer's table, beside the page ([`crate::review_page`]): the
//!    app's policy, its stylesheet, the JS API, each file checked by its integrity;
//! 6. the page's first paint ([`crate::prerender`]): the static shell and the stylesheet
//!    inlined, allowed by its sha256 in the CSP.

use crate::html::{find, replace_once};
use crate::strip_js::strip_file;
use crate::util::{
    cargo, copy, files_starting, output, read_bytes, read_text, root, run, sha384_sri, write,
    Result,
};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn post_build(args: &[String]) -> Result {
    let out = match args {
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(PathBuf::from)
            .ok_or("post-build: give the output folder (cargo xtask post-build dist), or run it as Trunk's hook")?,
        [dir] => PathBuf::from(dir),
        _ => return Err("usage: cargo xtask post-build [OUT]".into()),
    };
    let root = root();
    let page = out.join("index.html");
    if !page.is_file() {
        return Err(format!(
            "{} not found: the app is built first (trunk build)",
            page.display()
        ));
    }
    // wasm-opt's level and flags are written once, on the app's rust link in index.html
    // (Trunk reads them only from there): the JS API is optimised exactly like the app.
    let source = std::env::var_os("TRUNK_HTML_FILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("index.html"));
    let source_html = read_text(&source)?;
    let (level, flags) =
        wasm_opt_settings(&source_html).map_err(|e| format!("{}: {e}", source.display()))?;

    let embed = out.join("embed");
    shorten_app_imports(&out, &embed)?;
    strip_page_scripts(&out)?;
    let metadata = cargo_metadata()?;
    build_js_api(&metadata, &embed, &level, &flags)?;
    crate::snippet::inline_snippet(&embed)?;
    shorten_imports(&embed.join("impower.js"), &embed.join("impower_bg.wasm"))?;
    strip_file(&embed.join("impower.js"))?;
    let names = widget_loader(&out, &root.join("web/embed/impower-ready.js"))?;
    for example in files_starting(&root.join("web/embed"), "example.")? {
        copy(
            &example,
            &embed.join(example.file_name().unwrap_or_default()),
        )?;
    }
    npm_package(
        &root.join("crates/embed/npm"),
        &embed,
        &workspace_version(&metadata)?,
        &names,
    )?;
    crate::review_page::review_page(&out, &root.join("web/review"), &source_html, &names)
        .map_err(|e| format!("review.html: {e}"))?;

    let shell = output(cargo(&[
        "run",
        "-q",
        "--locked",
        "-p",
        "impower-web",
        "--bin",
        "shell",
    ]))?;
    crate::prerender::prerender(&page, &shell)?;
    println!(
        "post-build: embed/ and review.html complete; the static shell and the stylesheet are in {}",
        page.display()
    );
    Ok(())
}

/// wasm-opt's level (`data-wasm-opt`) and flags (`data-wasm-opt-params`) from the
/// `<link data-trunk rel="rust">` of the source index.html.
pub fn wasm_opt_settings(index_html: &str) -> Result<(String, Vec<String>)> {
    let links = find(index_html, "link[data-trunk][rel=rust]")?;
    let link = links
        .first()
        .ok_or("no <link data-trunk rel=\"rust\">: Trunk builds the app from it")?;
    match (link.get("data-wasm-opt"), link.get("data-wasm-opt-params")) {
        (Some(level), Some(params)) if !level.is_empty() && !params.trim().is_empty() => Ok((
            level.to_string(),
            params.split_whitespace().map(String::from).collect(),
        )),
        _ => Err(
            "the rust link has no data-wasm-opt / data-wasm-opt-params: write both on it".into(),
        ),
    }
}

/// Renames the imports of a module and its glue (`crate::short_imports`); the old and new
/// integrity of each file.
fn shorten_imports(js: &Path, wasm: &Path) -> Result<[(String, String); 2]> {
    let (glue, module) = (read_text(js)?, read_bytes(wasm)?);
    let (new_module, new_glue, n) = crate::short_imports::shorten(&module, &glue)
        .map_err(|e| format!("{}: {e}", wasm.display()))?;
    if n == 0 {
        return Err(format!(
            "{}: no import renamed: is {} its wasm-bindgen glue?",
            wasm.display(),
            js.display()
        ));
    }
    write(js, &new_glue)?;
    write(wasm, &new_module)?;
    Ok([
        (sha384_sri(glue.as_bytes()), sha384_sri(new_glue.as_bytes())),
        (sha384_sri(&module), sha384_sri(&new_module)),
    ])
}

/// The app's module and glue (`embed/impower-web-*`), their imports renamed and their
/// integrity in index.html written anew.
fn shorten_app_imports(out: &Path, embed: &Path) -> Result {
    let files = files_starting(embed, "impower-web-")?;
    let pick = |suffix: &str| -> Result<PathBuf> {
        match files
            .iter()
            .filter(|f| f.to_string_lossy().ends_with(suffix))
            .collect::<Vec<_>>()[..]
        {
            [one] => Ok(one.clone()),
            _ => Err(format!(
                "{}: expected one impower-web-*{suffix} (Trunk's output)",
                embed.display()
            )),
        }
    };
    let page_path = out.join("index.html");
    let mut page = read_text(&page_path)?;
    for (before, after) in shorten_imports(&pick(".js")?, &pick("_bg.wasm")?)? {
        page = replace_once(&page, &before, &after, "the integrity of the app's module")
            .map_err(|e| format!("{}: {e}", page_path.display()))?;
    }
    write(&page_path, page)
}

/// Strips every script index.html loads with an integrity (Trunk writes one on each)
/// and writes the stripped file's integrity in place of the old one.
pub fn strip_page_scripts(out: &Path) -> Result {
    let page_path = out.join("index.html");
    let mut page = read_text(&page_path)?;
    let scripts: Vec<String> = find(&page, "[integrity]")?
        .iter()
        .filter_map(|tag| tag.get("src").or(tag.get("href")).map(str::to_string))
        .filter(|url| url.ends_with(".js"))
        .collect();
    if scripts.is_empty() {
        return Err(format!(
            "{}: loads no script with an integrity: is it Trunk's output?",
            page_path.display()
        ));
    }
    for url in scripts {
        let file = local_file(out, &url).map_err(|e| format!("{}: {e}", page_path.display()))?;
        let before = sha384_sri(&read_bytes(&file)?);
        strip_file(&file)?;
        let after = sha384_sri(&read_bytes(&file)?);
        page = replace_once(&page, &before, &after, &format!("the integrity of {url}"))
            .map_err(|e| format!("{}: {e}", page_path.display()))?;
    }
    write(&page_path, page)
}

/// The file of `out` that the page's relative `url` names.
fn local_file(out: &Path, url: &str) -> Result<PathBuf> {
    let rel = url.strip_prefix("./").unwrap_or(url);
    if rel.is_empty() || rel.starts_with('/') || rel.contains("..") || rel.contains(':') {
        return Err(format!(
            "{url} is not a relative URL of a built file (Trunk.toml's public_url is \"./\")"
        ));
    }
    Ok(out.join(rel))
}

/// `cargo metadata` of the workspace: where cargo puts its output, and the version.
fn cargo_metadata() -> Result<serde_json::Value> {
    let text = output(cargo(&[
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
        "--offline",
    ]))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("cargo metadata printed no JSON ({e}): run it by hand to see why"))
}

/// The version of the workspace ([workspace.package] in Cargo.toml), impower-embed's.
fn workspace_version(meta: &serde_json::Value) -> Result<String> {
    meta["packages"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "impower-embed"))
        .and_then(|p| p["version"].as_str())
        .map(String::from)
        .ok_or_else(|| {
            "cargo metadata gave no version for impower-embed: is crates/embed a workspace member?"
                .into()
        })
}

/// The JS API: built with `cargo rustc --crate-type cdylib` (a package that declares
/// both cdylib and rlib gets no LTO from `cargo build`, rust-lang/cargo#9672, and LTO is
/// worth about a sixth of the file), wasm-bindgen, then wasm-opt with the app's level
/// and flags, -O3 and the level again (measured on the JS API: 0.35 KB gzip smaller).
fn build_js_api(meta: &serde_json::Value, embed: &Path, level: &str, flags: &[String]) -> Result {
    let target_dir = meta["target_directory"].as_str().ok_or(
        "cargo metadata gave no target_directory: run `cargo metadata --no-deps` to see why",
    )?;
    std::fs::create_dir_all(embed)
        .map_err(|e| format!("{}: cannot create it ({e})", embed.display()))?;
    run(cargo(&[
        "rustc",
        "--release",
        "--locked",
        "-p",
        "impower-embed",
        "--lib",
        "--crate-type",
        "cdylib",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let wasm = Path::new(target_dir).join("wasm32-unknown-unknown/release/impower_embed.wasm");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(embed)
        .args(["--out-name", "impower"])
        .arg(&wasm))?;
    let bg = embed.join("impower_bg.wasm");
    let level = format!("-O{level}");
    run(Command::new("wasm-opt")
        .arg(&level)
        .args(flags)
        .arg("-O3")
        .arg(&level)
        .arg(&bg)
        .arg("-o")
        .arg(&bg))
}

/// The names (inside embed/) of the app's module, .wasm and stylesheet.
#[derive(Debug, PartialEq, Eq)]
pub struct AppFiles {
    pub module: String,
    pub wasm: String,
    pub style: String,
}

/// Writes OUT/embed/impower-ready.js from `template`: the names Trunk gave the app's
/// module, .wasm and stylesheet, read from the built page (the `<meta name=impower-app>`
/// web/boot.js starts from, and the stylesheet link), each a file of embed/, and the
/// sha384 of each (the module as stripped), which the element checks before using it.
pub fn widget_loader(out: &Path, template: &Path) -> Result<AppFiles> {
    let page_path = out.join("index.html");
    let page = read_text(&page_path)?;
    let in_embed = |selector: &str, attr: &str| -> Result<String> {
        let value = find(&page, selector)?
            .first()
            .and_then(|t| t.get(attr))
            .unwrap_or_default()
            .to_string();
        let rel = value.strip_prefix("./").unwrap_or(&value);
        match rel.strip_prefix("embed/") {
            Some(name) if !name.contains('/') && out.join(rel).is_file() => Ok(name.to_string()),
            _ => Err(format!(
                "{}: {attr} of <{selector}> is '{value}', not a file of embed/ (see index.html's data-target-path)",
                page_path.display()
            )),
        }
    };
    let files = AppFiles {
        module: in_embed("meta[name=impower-app]", "data-js")?,
        wasm: in_embed("meta[name=impower-app]", "data-wasm")?,
        style: in_embed("link[rel=stylesheet]", "href")?,
    };
    let embed = out.join("embed");
    let sri = |name: &str| read_bytes(&embed.join(name)).map(|b| sha384_sri(&b));
    let loader = read_text(template)?
        .replace("@MODULE_INTEGRITY@", &sri(&files.module)?)
        .replace("@WASM_INTEGRITY@", &sri(&files.wasm)?)
        .replace("@STYLE_INTEGRITY@", &sri(&files.style)?)
        .replace("@MODULE@", &files.module)
        .replace("@WASM@", &files.wasm)
        .replace("@STYLE@", &files.style);
    filled(&loader, template)?;
    let target = embed.join("impower-ready.js");
    write(&target, loader)?;
    strip_file(&target)?;
    Ok(files)
}

/// Fails when `text` (made from `template`) still holds a `@NAME@` placeholder.
pub fn filled(text: &str, template: &Path) -> Result {
    let left = text.match_indices('@').find_map(|(at, _)| {
        let rest = &text[at + 1..];
        let name = &rest[..rest
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .unwrap_or(rest.len())];
        (!name.is_empty() && rest[name.len()..].starts_with('@')).then_some(name)
    });
    match left {
        Some(name) => Err(format!("@{name}@ of {} was not filled in: xtask/src/post_build.rs fills only the names it knows", template.display())),
        None => Ok(()),
    }
}

/// The npm package's files into embed/: the types, the README and package.json with
/// the workspace `version` and the app's file names.
pub fn npm_package(npm: &Path, embed: &Path, version: &str, files: &AppFiles) -> Result {
    for name in ["impower.d.ts", "impower-ready.d.ts", "README.md"] {
        copy(&npm.join(name), &embed.join(name))?;
    }
    let template = npm.join("package.json");
    let package = read_text(&template)?
        .replace("@VERSION@", version)
        .replace("@MODULE@", &files.module)
        .replace("@WASM@", &files.wasm)
        .replace("@STYLE@", &files.style);
    if !package.contains(&format!("\"version\": \"{version}\"")) {
        return Err(format!(
            "{} has no \"version\": \"@VERSION@\" to fill in: put it back",
            template.display()
        ));
    }
    filled(&package, &template)?;
    write(&embed.join("package.json"), package)
}
