//! What every task shares: the error type, file access that names the file in its errors,
//! running commands, and the Subresource Integrity digests.

use base64::{engine::general_purpose::STANDARD, Engine as _};
use sha2::{Digest, Sha256, Sha384};
use std::borrow::BorrowMut;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A task's failure: one message saying what went wrong, on what, and what to do.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root: the folder above this crate.
pub fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// Prints a step's heading, as the old scripts' `say` did.
pub fn say(what: &str) {
    println!("\n== {what}");
}

pub fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: cannot read it as UTF-8 text ({e}): is the build complete?",
            path.display()
        )
    })
}

pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| {
        format!(
            "{}: cannot read it ({e}): is the build complete?",
            path.display()
        )
    })
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result {
    fs::write(path, contents).map_err(|e| {
        format!(
            "{}: cannot write it ({e}): check the folder exists and is writable",
            path.display()
        )
    })
}

pub fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to).map(|_| ()).map_err(|e| {
        format!(
            "cannot copy {} to {} ({e}): check both exist",
            from.display(),
            to.display()
        )
    })
}

/// The files of `dir` whose name starts with `prefix`, sorted.
pub fn files_starting(dir: &Path, prefix: &str) -> Result<Vec<PathBuf>> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("{}: cannot list it ({e})", dir.display()))?;
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: cannot list it ({e})", dir.display()))?;
        if entry.file_name().to_string_lossy().starts_with(prefix) && entry.path().is_file() {
            found.push(entry.path());
        }
    }
    found.sort();
    Ok(found)
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(at) = todo.pop() {
        let entries =
            fs::read_dir(&at).map_err(|e| format!("{}: cannot list it ({e})", at.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("{}: cannot list it ({e})", at.display()))?
                .path();
            if path.is_dir() {
                todo.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// `sha384-<base64>`, the integrity Trunk and the widget use.
pub fn sha384_sri(bytes: &[u8]) -> String {
    format!("sha384-{}", STANDARD.encode(Sha384::digest(bytes)))
}

/// `sha256-<base64>`, the CSP source of an inline `<style>`.
pub fn sha256_csp(bytes: &[u8]) -> String {
    format!("sha256-{}", STANDARD.encode(Sha256::digest(bytes)))
}

/// `name` as written in a command line, for messages.
fn shown(cmd: &Command) -> String {
    let mut line = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// Runs `cmd` with the terminal as its output; fails unless it exits with 0.
pub fn run(mut cmd: impl BorrowMut<Command>) -> Result {
    let cmd = cmd.borrow_mut();
    let status = cmd.status().map_err(|e| {
        format!(
            "`{}` did not start ({e}): is it installed and on PATH? (cargo xtask tools)",
            shown(cmd)
        )
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{}` failed ({status}): see its output above",
            shown(cmd)
        ))
    }
}

/// Runs `cmd` and returns what it printed on stdout (its stderr shown); fails unless it
/// exits with 0.
pub fn output(mut cmd: impl BorrowMut<Command>) -> Result<String> {
    let cmd = cmd.borrow_mut();
    let out = cmd
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| {
            format!(
                "`{}` did not start ({e}): is it installed and on PATH? (cargo xtask tools)",
                shown(cmd)
            )
        })?;
    if !out.status.success() {
        return Err(format!(
            "`{}` failed ({}): see its output above",
            shown(cmd),
            out.status
        ));
    }
    String::from_utf8(out.stdout)
        .map_err(|_| format!("`{}` printed something that is not UTF-8", shown(cmd)))
}

/// Whether `cmd` runs and prints (on stdout) a line ending in `suffix`: a tool's version
/// check. A tool that does not start counts as absent.
pub fn prints_line_ending(cmd: &mut Command, suffix: &str) -> bool {
    cmd.stderr(std::process::Stdio::null())
        .output()
        .map(|out| {
            out.status.success()
                && String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .any(|l| l.trim_end().ends_with(suffix))
        })
        .unwrap_or(false)
}

/// A `cargo` command run at the repository's manifest.
pub fn cargo(args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(args).current_dir(root());
    cmd
}

/// Whether `program` can be found on PATH.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
        .unwrap_or(false)
}

/// The path of `program` on PATH, or the bare name when it is not there.
pub fn which(program: &str) -> String {
    std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(program))
                .find(|p| p.is_file())
        })
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| program.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_the_known_ones() {
        // `printf abc | openssl dgst -sha384 -binary | base64`, and the same for sha256.
        assert_eq!(
            sha384_sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
        assert_eq!(
            sha256_csp(b"abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }
}
