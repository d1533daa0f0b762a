//! Takes the comments out of the JavaScript the pages load, conservatively.
//!
//! Trunk's minifier cannot parse our JavaScript (web/boot.js's `import()`, the
//! wasm-bindgen module's `export { … as default }`) and ships it as written. This drops
//! whole-line comments (`// …` and `/* … */` blocks that start a line), blank lines and
//! each line's indentation, and nothing else: every statement keeps its own line. It
//! refuses a file where that could change the code: an odd number of backticks on a line
//! (a template literal over several lines), a line ending in a backslash (a string over
//! lines), code after the `*/` that ends a comment, a comment never closed.

use crate::util::{read_text, write, Result};
use std::path::Path;

/// The stripped text of `js`, or why it cannot be stripped safely (with its line number).
pub fn strip_js(js: &str) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    let body = js.strip_suffix('\n').unwrap_or(js);
    for (n, line) in body.split('\n').enumerate() {
        let at = |why: &str| format!("line {}: {why}", n + 1);
        let t = line.trim_start_matches([' ', '\t']);
        if in_block {
            if let Some(end) = t.find("*/") {
                in_block = false;
                nothing_after(&t[end + 2..]).map_err(&at)?;
            }
            continue;
        }
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        if let Some(comment) = t.strip_prefix("/*") {
            match comment.find("*/") {
                Some(end) => nothing_after(&comment[end + 2..]).map_err(&at)?,
                None => in_block = true,
            }
            continue;
        }
        if t.matches('`').count() % 2 == 1 || t.ends_with('\\') {
            return Err(at("a string or template literal over lines"));
        }
        out.push_str(t);
        out.push('\n');
    }
    if in_block {
        return Err("a /* comment is never closed".to_string());
    }
    Ok(out)
}

/// Only blanks may follow the `*/` that ends a whole-line comment.
fn nothing_after(rest: &str) -> std::result::Result<(), &'static str> {
    if rest.trim_matches([' ', '\t']).is_empty() {
        Ok(())
    } else {
        Err("code after */")
    }
}

/// Strips the file at `path` in place.
pub fn strip_file(path: &Path) -> Result {
    let stripped = strip_js(&read_text(path)?).map_err(|why| {
        format!(
            "{}: {why}: the comment stripper refuses to guess; write that line another way",
            path.display()
        )
    })?;
    write(path, stripped)
}

#[cfg(test)]
mod tests {
    use super::strip_js;

    #[test]
    fn drops_comments_blank_lines_and_indentation() {
        let js = "// head\n\n/** doc\n * more\n */\nfunction f(a) {\n    return a; // kept: not a whole line\n\t}\n  /* one line */\nf(1);\n";
        assert_eq!(
            strip_js(js).unwrap(),
            "function f(a) {\nreturn a; // kept: not a whole line\n}\nf(1);\n"
        );
    }

    #[test]
    fn keeps_trailing_blanks_and_a_last_line_without_newline() {
        assert_eq!(strip_js("  a; \n  b;").unwrap(), "a; \nb;\n");
    }

    #[test]
    fn refuses_a_template_literal_over_lines() {
        let err = strip_js("const a = 1;\nconst s = `one\n  two`;\n").unwrap_err();
        assert_eq!(err, "line 2: a string or template literal over lines");
        // Two backticks on one line are a whole literal.
        assert_eq!(
            strip_js("const s = `a ${b}`;\n").unwrap(),
            "const s = `a ${b}`;\n"
        );
    }

    #[test]
    fn refuses_a_line_ending_in_a_backslash() {
        assert_eq!(
            strip_js("x;\nconst s = 'a\\\n  b';\n").unwrap_err(),
            "line 2: a string or template literal over lines"
        );
    }

    #[test]
    fn refuses_code_after_a_comment() {
        assert_eq!(
            strip_js("/* a */ x();\n").unwrap_err(),
            "line 1: code after */"
        );
        assert_eq!(
            strip_js("/* a\n b */ x();\n").unwrap_err(),
            "line 2: code after */"
        );
        assert_eq!(strip_js("/* a\n b */  \ny();\n").unwrap(), "y();\n");
    }

    #[test]
    fn refuses_a_comment_never_closed() {
        assert!(strip_js("x();\n/* open\n y();\n").is_err());
    }

    #[test]
    fn the_opening_of_a_comment_does_not_close_it() {
        // `/*/` opens a comment; the awk original read its `*/` as the end.
        assert_eq!(
            strip_js("/*/ still a comment\n*/\nz();\n").unwrap(),
            "z();\n"
        );
    }
}
