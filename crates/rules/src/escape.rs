//! JSON string literals, escaped as `serde_json` escapes them: `"`, `\` and control
//! characters (`\n`, `\r`, `\t`, `\b`, `\f` in short, the rest as `\u00XX`), every
//! other character as it is. One writer for the answers (`json::text`), the pretty
//! export (`json::write`) and the paths of odd keys (`path::key`).

use alloc::string::String;

/// Appends `s` to `out` as a JSON string literal, quotes included.
pub fn json_string(out: &mut String, s: &str) {
    let hex = |d: u8| char::from_digit(u32::from(d), 16).unwrap_or('0');
    out.reserve(s.len() + 2);
    out.push('"');
    // Runs of characters written as they are go in whole; only the bytes to escape (all
    // ASCII, so never inside a multi-byte character) are written one by one.
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(from..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(hex(b >> 4));
            out.push(hex(b & 15));
        } else {
            out.push_str(escape);
        }
        from = i + 1;
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_serde_json_does() {
        let mut out = String::new();
        json_string(&mut out, "a \"b\" \\ é\n\r\t\u{8}\u{c}\u{1}\u{1f}");
        assert_eq!(out, r#""a \"b\" \\ é\n\r\t\b\f\u0001\u001f""#);
    }
}
