//! Short names for the functions a WebAssembly module imports from its wasm-bindgen glue.
//!
//! wasm-bindgen names each import after what it binds plus a 16-hex-digit hash
//! (`__wbg_set_nodeValue_7e9217115013d873`), and every name is written twice: in the
//! module's import section and as a key of the glue's import object. The hashes do not
//! compress: for the app's 135 imports they were 2.6 KB of the module's gzip and 1.8 KB
//! of the glue's (measured on the build of issue 21). This step renames each import to
//! `w0`, `w1`, … in both files. Nothing else changes: the names are private to the pair,
//! and only a name found exactly once in the glue, as a whole word, is renamed (any other
//! is left as it was).
//!
//! The module's exports the glue alone calls (`widget_new`, the closures' hashed
//! `wasm_bindgen__convert__closures_…_invoke__h…`) are renamed `x0`, `x1`, … alike: only
//! a name longer than six characters whose every whole-word use in the glue is a
//! property read (`.name`), so a function the glue exports under that name keeps it.
//! (App: -0.4 KB gzip over both files.)

use crate::util::Result;

/// The module with its glue-bound imports renamed, the glue with the same names, and how
/// many were renamed.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String, usize)> {
    let header = wasm
        .get(..8)
        .filter(|h| h.starts_with(b"\0asm"))
        .ok_or("not a WebAssembly module (no \\0asm header)")?;
    let mut out = header.to_vec();
    let mut glue = glue.to_string();
    let mut renamed = 0;
    let mut at = 8;
    while at < wasm.len() {
        let id = *wasm.get(at).ok_or("truncated section")?;
        let (size, body_at) = leb(wasm, at + 1)?;
        let body = wasm
            .get(body_at..body_at + size)
            .ok_or("a section runs past the end of the module")?;
        at = body_at + size;
        let body = if id == 2 {
            let (body, n) = imports(body, &mut glue)?;
            renamed = n;
            body
        } else if id == 7 {
            exports(body, &mut glue)?
        } else {
            body.to_vec()
        };
        out.push(id);
        out.extend(uleb(body.len()));
        out.extend(body);
    }
    Ok((out, glue, renamed))
}

/// The import section with each function import the glue names once renamed.
fn imports(body: &[u8], glue: &mut String) -> Result<(Vec<u8>, usize)> {
    let (count, mut at) = leb(body, 0)?;
    let mut out = uleb(count);
    let (mut renamed, mut tried) = (0, 0);
    for _ in 0..count {
        let (module, next) = name(body, at)?;
        let (field, next) = name(body, next)?;
        let kind = *body.get(next).ok_or("truncated import")?;
        let desc_end = match kind {
            // A function: its type index.
            0 => leb(body, next + 1)?.1,
            // A table: its element type, then limits.
            1 => limits(body, next + 2)?,
            // A memory: limits.
            2 => limits(body, next + 1)?,
            // A global: its value type and mutability.
            3 => next + 3,
            k => return Err(format!("import kind {k} is not one this step knows")),
        };
        let desc = body.get(next..desc_end).ok_or("truncated import")?;
        let short = fresh(glue, 'w', &mut tried);
        let uses = word_at(glue, field);
        let new_name = if kind == 0 && !field.is_empty() && uses.len() == 1 {
            rename(glue, &uses, field, &short);
            renamed += 1;
            short
        } else {
            field.to_string()
        };
        out.extend(uleb(module.len()));
        out.extend(module.as_bytes());
        out.extend(uleb(new_name.len()));
        out.extend(new_name.as_bytes());
        out.extend(desc);
        at = desc_end;
    }
    if at != body.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok((out, renamed))
}

/// The export section with each export only the glue reads (as `.name`) renamed.
fn exports(body: &[u8], glue: &mut String) -> Result<Vec<u8>> {
    let (count, mut at) = leb(body, 0)?;
    let mut out = uleb(count);
    let mut tried = 0;
    for _ in 0..count {
        let (field, next) = name(body, at)?;
        // Its kind, then its index.
        let desc_end = leb(body, next + 1)?.1;
        let desc = body.get(next..desc_end).ok_or("truncated export")?;
        let uses = word_at(glue, field);
        let only_read = !uses.is_empty() && uses.iter().all(|&i| glue[..i].ends_with('.'));
        let new_name = if field.len() > 6 && only_read {
            let short = fresh(glue, 'x', &mut tried);
            rename(glue, &uses, field, &short);
            short
        } else {
            field.to_string()
        };
        out.extend(uleb(new_name.len()));
        out.extend(new_name.as_bytes());
        out.extend(desc);
        at = desc_end;
    }
    if at != body.len() {
        return Err("the export section has bytes after its last export".into());
    }
    Ok(out)
}

fn limits(body: &[u8], at: usize) -> Result<usize> {
    let flags = *body.get(at).ok_or("truncated limits")?;
    let (_, next) = leb(body, at + 1)?;
    Ok(if flags & 1 == 1 {
        leb(body, next)?.1
    } else {
        next
    })
}

fn name(body: &[u8], at: usize) -> Result<(&str, usize)> {
    let (len, at) = leb(body, at)?;
    let bytes = body.get(at..at + len).ok_or("truncated name")?;
    let text = std::str::from_utf8(bytes).map_err(|_| "an import name is not UTF-8")?;
    Ok((text, at + len))
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Where `word` occurs in `text` as a whole identifier.
fn word_at(text: &str, word: &str) -> Vec<usize> {
    text.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text[..i].chars().next_back().is_none_or(|c| !is_word(c));
            let after = text[i + word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word(c));
            before && after
        })
        .collect()
}

/// The next short name, `prefix` and a count from `tried` on, that is not yet a word of
/// the glue; `tried` moves past it.
fn fresh(glue: &str, prefix: char, tried: &mut usize) -> String {
    loop {
        let short = format!("{prefix}{:x}", *tried);
        *tried += 1;
        if word_at(glue, &short).is_empty() {
            return short;
        }
    }
}

/// Writes `short` in place of `word` at each of `uses` (where [`word_at`] found it).
fn rename(glue: &mut String, uses: &[usize], word: &str, short: &str) {
    for &i in uses.iter().rev() {
        glue.replace_range(i..i + word.len(), short);
    }
}

/// An unsigned LEB128 number and where the bytes after it start.
fn leb(bytes: &[u8], mut at: usize) -> Result<(usize, usize)> {
    let (mut value, mut shift) = (0usize, 0u32);
    loop {
        let b = *bytes.get(at).ok_or("truncated number")?;
        at += 1;
        if shift > 28 {
            return Err("a number too large for this module".into());
        }
        value |= usize::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok((value, at));
        }
        shift += 7;
    }
}

fn uleb(mut n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string(s: &str) -> Vec<u8> {
        let mut v = uleb(s.len());
        v.extend(s.as_bytes());
        v
    }

    /// A module with a type section, imports (two functions, a memory) and a custom
    /// section after them.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([1, 4, 1, 0x60, 0, 0]); // one type: () -> ()
        let mut imports = uleb(names.len() + 1);
        for n in names {
            imports.extend(string("wbg"));
            imports.extend(string(n));
            imports.extend([0, 0]);
        }
        imports.extend(string("wbg"));
        imports.extend(string("memory"));
        imports.extend([2, 1, 1, 2]);
        m.push(2);
        m.extend(uleb(imports.len()));
        m.extend(imports);
        let custom = [string("x"), vec![9, 9]].concat();
        m.push(0);
        m.extend(uleb(custom.len()));
        m.extend(custom);
        m
    }

    #[test]
    fn renames_in_both_and_keeps_the_rest() {
        let long = "__wbg_set_nodeValue_7e9217115013d873";
        let twice = "__wbg_twice_0123456789abcdef";
        let glue = format!("e.wbg.{long}=function(){{}};e.wbg.{twice}=1;f({twice})");
        let (wasm, js, n) = shorten(&module(&[long, twice]), &glue).unwrap();
        assert_eq!(n, 1);
        assert_eq!(wasm, module(&["w0", twice]));
        assert_eq!(
            js,
            format!("e.wbg.w0=function(){{}};e.wbg.{twice}=1;f({twice})")
        );
    }

    #[test]
    fn a_name_inside_a_longer_word_is_not_it() {
        let (wasm, js, n) = shorten(&module(&["__wbg_a"]), "x.__wbg_ab=1;x.__wbg_a=2").unwrap();
        assert_eq!(n, 1);
        assert_eq!(wasm, module(&["w0"]));
        assert_eq!(js, "x.__wbg_ab=1;x.w0=2");
    }

    /// A module with one function import and exports `names` (functions 0, 1, …).
    fn with_exports(names: &[&str]) -> Vec<u8> {
        let mut m = module(&["__wbg_a_0123456789abcdef"]);
        let mut exports = uleb(names.len());
        for (i, n) in names.iter().enumerate() {
            exports.extend(string(n));
            exports.push(0);
            exports.extend(uleb(i));
        }
        m.push(7);
        m.extend(uleb(exports.len()));
        m.extend(exports);
        m
    }

    #[test]
    fn renames_exports_the_glue_only_reads() {
        let glue = "i.wbg.__wbg_a_0123456789abcdef=1;S.widget_new(a);S.widget_new(b);\
                    export function version(){return S.version()}S.memory";
        let m = with_exports(&["widget_new", "version", "memory"]);
        let (wasm, js, _) = shorten(&m, glue).unwrap();
        assert_eq!(
            js,
            "i.wbg.w0=1;S.x0(a);S.x0(b);export function version(){return S.version()}S.memory"
        );
        let mut expected = module(&["w0"]);
        let mut exports = uleb(3);
        for (i, n) in ["x0", "version", "memory"].iter().enumerate() {
            exports.extend(string(n));
            exports.push(0);
            exports.extend(uleb(i));
        }
        expected.push(7);
        expected.extend(uleb(exports.len()));
        expected.extend(exports);
        assert_eq!(wasm, expected);
    }

    #[test]
    fn refuses_what_is_not_a_module() {
        assert!(shorten(b"not wasm", "").is_err());
        let mut m = module(&["a"]);
        m.truncate(m.len() - 3);
        assert!(shorten(&m, "").is_err());
    }
}
