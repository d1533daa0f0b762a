//! Writes a [`Json`] value as text, two-space indented, numbers exactly as held.

use alloc::string::String;

use super::Json;

/// The value as pretty JSON text, ending with a newline.
pub fn write(v: &Json) -> String {
    let mut out = String::new();
    value(v, 0, &mut out);
    out.push('\n');
    out
}

fn indent(depth: usize, out: &mut String) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn value(v: &Json, depth: usize, out: &mut String) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => string(s, out),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(depth + 1, out);
                value(x, depth + 1, out);
            }
            indent(depth, out);
            out.push(']');
        }
        Json::Object(fields) if fields.is_empty() => out.push_str("{}"),
        Json::Object(fields) => {
            out.push('{');
            for (i, (k, x)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(depth + 1, out);
                string(k, out);
                out.push_str(": ");
                value(x, depth + 1, out);
            }
            indent(depth, out);
            out.push('}');
        }
    }
}

fn string(s: &str, out: &mut String) {
    crate::escape::json_string(out, s);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use alloc::string::ToString;
    use alloc::vec;

    #[test]
    fn what_is_written_reads_back_the_same() {
        let v = Json::Object(vec![
            ("a \"b\"".to_string(), Json::Number("7.25".into())),
            (
                "list".to_string(),
                Json::Array(vec![
                    Json::Null,
                    Json::Bool(true),
                    Json::String("tab\there\u{1}é".into()),
                    Json::Object(vec![]),
                    Json::Array(vec![]),
                ]),
            ),
        ]);
        let text = write(&v);
        assert_eq!(parse(&text), Ok(v));
        assert!(text.contains("\"a \\\"b\\\"\": 7.25"), "{text}");
    }
}
