//! `cargo xtask tools`: installs what the build and the tests need, each step skipped
//! when the tool is already there at the right version. Nothing is downloaded from
//! outside the package registries (crates.io, npm, Debian).

use crate::util::{
    on_path, output, prints_line_ending, read_bytes, read_text, root, run, say, write, Result,
};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
const TWIGGY_VERSION: &str = "0.8.0";

/// Puts the local tools first on PATH (for this process and every command it runs):
/// binaryen from npm in .tools/, then cargo's installs.
pub fn set_path() {
    let mut dirs = vec![root().join(".tools/node_modules/.bin")];
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo/bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    if let Ok(joined) = std::env::join_paths(dirs) {
        std::env::set_var("PATH", joined);
    }
}

/// The value of the line `key = "value"` of a TOML file (top-level keys only read by
/// line: the files are ours and write them so).
fn toml_line<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|l| {
        let (k, v) = l
            .split_once('=')
            .filter(|_| !l.trim_start().starts_with('#'))?;
        (k.trim() == key).then(|| v.trim().trim_matches('"'))
    })
}

/// The version Cargo.lock locks wasm-bindgen at.
pub fn locked_wasm_bindgen(lock: &str) -> Option<&str> {
    let mut lines = lock.lines();
    lines.find(|l| *l == "name = \"wasm-bindgen\"")?;
    lines
        .next()?
        .strip_prefix("version = \"")?
        .strip_suffix('"')
}

/// The wasm-bindgen of the build: pinned once (`wasm-bindgen = "=X"` in the root
/// Cargo.toml) and locked in Cargo.lock; Trunk.toml names none (Trunk 0.21 then takes
/// the one Cargo.lock resolves). Fails unless all three agree.
pub fn wasm_bindgen_version() -> Result<String> {
    let root = root();
    let pinned = toml_line(&read_text(&root.join("Cargo.toml"))?, "wasm-bindgen")
        .and_then(|v| v.strip_prefix('='))
        .map(String::from)
        .ok_or("Cargo.toml: [workspace.dependencies] must pin wasm-bindgen = \"=X.Y.Z\"")?;
    let lock = read_text(&root.join("Cargo.lock"))?;
    let locked = locked_wasm_bindgen(&lock).unwrap_or("none");
    if pinned != locked {
        return Err(format!("wasm-bindgen: Cargo.toml pins {pinned} but Cargo.lock has {locked} (run cargo update -p wasm-bindgen)"));
    }
    if let Some(trunk) = toml_line(&read_text(&root.join("Trunk.toml"))?, "wasm_bindgen") {
        if trunk != pinned {
            return Err(format!("wasm-bindgen: Trunk.toml says {trunk}, Cargo.toml pins {pinned} (drop it from Trunk.toml)"));
        }
    }
    Ok(pinned)
}

/// The binaryen (wasm-opt) major version Trunk.toml asks for: wasm_opt = "version_N".
fn binaryen_major() -> Result<String> {
    toml_line(&read_text(&root().join("Trunk.toml"))?, "wasm_opt")
        .and_then(|v| v.strip_prefix("version_"))
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .map(String::from)
        .ok_or_else(|| "Trunk.toml: [tools] must name wasm_opt = \"version_N\"".into())
}

fn cargo_install(krate: &str, version: &str, locked: bool) -> Result {
    say(&format!("installing {krate} {version}"));
    let mut cmd = Command::new("cargo");
    cmd.args(["install", krate, "--version", version]);
    cmd.arg(if locked { "--locked" } else { "--force" });
    run(&mut cmd)
}

pub fn need_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        say("adding the wasm32 target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

pub fn need_wasm_bindgen() -> Result {
    let v = wasm_bindgen_version()?;
    let at = format!(" {v}");
    if !prints_line_ending(Command::new("wasm-bindgen").arg("--version"), &at)
        || !prints_line_ending(
            Command::new("wasm-bindgen-test-runner").arg("--version"),
            &at,
        )
    {
        // The crates index here can lag the lock file of wasm-bindgen-cli: no --locked.
        cargo_install("wasm-bindgen-cli", &v, false)?;
    }
    Ok(())
}

pub fn need_trunk() -> Result {
    need_cargo_tool("trunk", TRUNK_VERSION)
}

/// `program` at `version` (its `--version` line ends so), else `cargo install --locked`.
fn need_cargo_tool(program: &str, version: &str) -> Result {
    if !prints_line_ending(
        Command::new(program).arg("--version"),
        &format!(" {version}"),
    ) {
        cargo_install(program, version, true)?;
    }
    Ok(())
}

pub fn need_wasm_opt() -> Result {
    need_npm_tools()
}

/// terser, which minifies the pages' JavaScript in the post-build.
pub fn need_terser() -> Result {
    need_npm_tools()
}

/// The tools from npm, in .tools/: binaryen (wasm-opt) of the major version Trunk.toml
/// asks for, and terser. Installed together: npm prunes what a `--no-save` install does
/// not name, so installing one alone would remove the other.
fn need_npm_tools() -> Result {
    let major = binaryen_major()?;
    let terser = crate::strip_js::TERSER_VERSION;
    let version = |tool: &str| {
        Command::new(tool)
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    let wasm_opt_ok = version("wasm-opt").contains(&format!("version {major} "));
    let terser_ok = version("terser").trim() == format!("terser {terser}");
    if wasm_opt_ok && terser_ok {
        return Ok(());
    }
    say(&format!(
        "installing binaryen {major}.0.0 (wasm-opt) and terser {terser} from npm"
    ));
    let tools = root().join(".tools");
    std::fs::create_dir_all(&tools)
        .map_err(|e| format!("{}: cannot create it ({e})", tools.display()))?;
    run(Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            &format!("binaryen@{major}.0.0"),
            &format!("terser@{terser}"),
        ])
        .current_dir(&tools))
}

/// twiggy, for the size budget's list of where the bytes are.
pub fn need_twiggy() -> Result {
    need_cargo_tool("twiggy", TWIGGY_VERSION)
}

pub fn need_chromium() -> Result {
    if !on_path("chromium") || !on_path("chromedriver") {
        say("installing chromium and chromium-driver");
        let root_user = output(Command::new("id").arg("-u")).is_ok_and(|id| id.trim() == "0");
        let apt = |args: &[&str]| {
            let mut cmd = if root_user {
                Command::new("apt-get")
            } else {
                Command::new("sudo")
            };
            if !root_user {
                cmd.arg("apt-get");
            }
            run(cmd.args(args))
        };
        apt(&["update", "-qq"])?;
        apt(&["install", "-y", "-qq", "chromium", "chromium-driver"])?;
    }
    Ok(())
}

/// `npm ci` in `dir` unless its node_modules was installed from this very
/// package-lock.json (a stamp in node_modules records the lock file's digest).
pub fn need_npm_deps(dir: &Path) -> Result {
    let want = sha256_hex(&read_bytes(&dir.join("package-lock.json"))?);
    let stamp = dir.join("node_modules/.installed-from-lock");
    if !dir.join("node_modules").is_dir()
        || std::fs::read_to_string(&stamp)
            .ok()
            .as_deref()
            .map(str::trim)
            != Some(&want)
    {
        say(&format!("npm ci in {}", dir.display()));
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir))?;
        write(&stamp, format!("{want}\n"))?;
    }
    Ok(())
}

/// The lowercase hex sha256 of `bytes`, as `sha256sum` prints it (the stamps' format).
fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The end-to-end tests' packages (playwright-core, axe-core).
pub fn need_e2e_deps() -> Result {
    need_npm_deps(&root().join("e2e"))
}

/// What Trunk needs to build the site (`trunk build` and `trunk serve`), offline.
pub fn need_site_tools() -> Result {
    need_wasm_target()?;
    need_trunk()?;
    need_wasm_bindgen()?;
    need_wasm_opt()?;
    need_terser()
}

/// The release build of the site into dist/, with the local tools only.
pub fn build_site() -> Result {
    need_site_tools()?;
    say("trunk build --release (offline, local wasm-bindgen and wasm-opt)");
    run(Command::new("trunk")
        .args(["build", "--release", "--offline"])
        .current_dir(root()))
}

/// Every install, for `cargo xtask tools`.
pub fn tools() -> Result {
    need_site_tools()?;
    need_twiggy()?;
    need_chromium()?;
    need_e2e_deps()?;
    need_npm_deps(&root().join("e2e/bench"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locked_wasm_bindgen() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(locked_wasm_bindgen(lock), Some("0.2.130"));
        assert_eq!(locked_wasm_bindgen("name = \"serde\"\n"), None);
    }

    #[test]
    fn the_stamp_is_sha256sum_s_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn reads_a_toml_line() {
        let toml = "[tools]\n# wasm_opt = \"version_1\" in a comment\nwasm_opt = \"version_132\"\n";
        assert_eq!(toml_line(toml, "wasm_opt"), Some("version_132"));
        assert_eq!(toml_line(toml, "wasm_bindgen"), None);
    }
}
