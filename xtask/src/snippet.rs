//! Folds wasm-bindgen's one snippet into impower.js.
//!
//! wasm-bindgen writes crates/embed/src/tape.js (the answers' decoder, the request
//! reader's helpers) to embed/snippets/, which impower.js imports: one more file, fetched
//! in series. It goes into impower.js instead, inside a function of its own that returns
//! its exports, so that only the names impower.js imports enter its scope: each
//! `import { a, b } from './snippets/…'` becomes `const { a, b } = __impower_snippet;`,
//! and each `import * as x from "./snippets/…"` (the wasm's direct imports)
//! `const x = __impower_snippet;`. Fails unless impower.js imports nothing else and
//! names only functions the snippet exports.

use crate::util::{files_under, read_text, write, Result};
use std::path::Path;

const NAME: &str = "__impower_snippet";

/// Inlines embed/snippets/**/*.js into embed/impower.js and removes embed/snippets/.
pub fn inline_snippet(embed: &Path) -> Result {
    let dir = embed.join("snippets");
    let snippets: Vec<_> = files_under(&dir)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    let [snippet] = snippets.as_slice() else {
        return Err(format!(
            "expected one snippet in {}, found {snippets:?}: see crates/embed",
            dir.display()
        ));
    };
    let rel = format!(
        "./{}",
        snippet
            .strip_prefix(embed)
            .unwrap_or(snippet)
            .to_string_lossy()
            .replace('\\', "/")
    );
    let api = embed.join("impower.js");
    let inlined = inline(&read_text(&api)?, &read_text(snippet)?, &rel)
        .map_err(|e| format!("{}: {e}", api.display()))?;
    write(&api, inlined)?;
    std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: cannot remove it ({e})", dir.display()))
}

/// The lines of `text`, as awk reads them (a last newline ends the last line).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .filter(move |_| !text.is_empty())
}

/// The names of the functions the snippet exports (`export function name(`).
fn exports(snippet: &str) -> Vec<&str> {
    lines(snippet)
        .filter_map(|l| l.strip_prefix("export function "))
        .filter_map(|rest| {
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
            rest[end..].starts_with('(').then_some(&rest[..end])
        })
        .collect()
}

/// `api` (impower.js) with its imports of the snippet at `rel` replaced by the snippet.
pub fn inline(api: &str, snippet: &str, rel: &str) -> Result<String> {
    let exported = exports(snippet);
    let mut out = String::with_capacity(api.len() + snippet.len() + 200);
    let mut inlined = false;
    for line in lines(api) {
        let Some(import) = line.strip_prefix("import ") else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        if !(line.contains(" from \"") || line.contains(" from '")) || !line.contains(rel) {
            return Err(format!(
                "it imports something else: {line} (only {rel} can be folded in)"
            ));
        }
        if !inlined {
            out.push_str(&format!("const {NAME} = (() => {{\n"));
            for l in lines(snippet) {
                out.push_str(
                    l.strip_prefix("export function ")
                        .map_or(l.to_string(), |r| format!("function {r}"))
                        .as_str(),
                );
                out.push('\n');
            }
            out.push_str(&format!("return {{ {} }};\n}})();\n", exported.join(", ")));
            inlined = true;
        }
        if let Some(names) = import
            .strip_prefix("{ ")
            .and_then(|r| r.split_once(" }"))
            .map(|(names, _)| names)
        {
            if let Some(unknown) = names
                .split(',')
                .map(str::trim)
                .find(|n| !exported.contains(n))
            {
                return Err(format!(
                    "it imports {unknown}, which the snippet {rel} does not export"
                ));
            }
            out.push_str(&format!("const {{ {names} }} = {NAME};\n"));
        } else if let Some((name, _)) = import.strip_prefix("* as ").and_then(|r| r.split_once(' '))
        {
            out.push_str(&format!("const {name} = {NAME};\n"));
        } else {
            return Err(format!("an import of the snippet not understood: {line}"));
        }
    }
    if !inlined {
        return Err(format!(
            "it does not import the snippet {rel}: see crates/embed"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::inline;

    const SNIPPET: &str = "// tape\nexport function a(x) {\n  return x;\n}\nexport function b_2(y) { return y; }\nfunction hidden() {}\n";

    #[test]
    fn folds_the_snippet_in_once_and_binds_the_imported_names() {
        let api = "import { a } from './snippets/e/tape.js';\nimport * as w from \"./snippets/e/tape.js\";\nlet x = a(1);\n";
        let out = inline(api, SNIPPET, "./snippets/e/tape.js").unwrap();
        assert_eq!(
            out,
            "const __impower_snippet = (() => {\n// tape\nfunction a(x) {\n  return x;\n}\nfunction b_2(y) { return y; }\nfunction hidden() {}\nreturn { a, b_2 };\n})();\nconst { a } = __impower_snippet;\nconst w = __impower_snippet;\nlet x = a(1);\n"
        );
    }

    #[test]
    fn refuses_other_imports_and_unknown_names() {
        assert!(inline(
            "import { a } from './other.js';\n",
            SNIPPET,
            "./snippets/e/tape.js"
        )
        .is_err());
        let err = inline(
            "import { a, hidden } from './snippets/e/tape.js';\n",
            SNIPPET,
            "./snippets/e/tape.js",
        )
        .unwrap_err();
        assert!(err.contains("hidden"), "{err}");
        assert!(inline("let x = 1;\n", SNIPPET, "./snippets/e/tape.js").is_err());
    }
}
