//! Input generators: a seeded PRNG, arbitrary bytes, byte-level mutations and
//! JSON-aware edits of seed requests. Deterministic for a given seed.

use serde_json::{Map, Value};

/// A small deterministic PRNG (SplitMix64): the same seed gives the same inputs.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True `percent` times in a hundred.
    pub fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One of `items` (None when empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// Tokens worth inserting into JSON text.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "true",
    "false",
    "0",
    "-",
    ".",
    "e",
    "E",
    "+",
    "\\",
    "\\u",
    "\\ud800",
    "\\u0000",
    "1e999",
    "-0",
    "2.9999999999999999",
    "{}",
    "[]",
    "\"\"",
    "\n",
    "\t",
    " ",
    "/*",
    "//",
    "\u{feff}",
    "\u{fffd}",
    "NaN",
    "Infinity",
];

/// Byte sequences that are not UTF-8: lone continuation, truncated, overlong, surrogate,
/// beyond U+10FFFF.
const NOT_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xfe\xff",
    b"\x80",
    b"\xc3",
    b"\xe2\x82",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
];

/// Number literals as written: the input rules decide on the text, not the float.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "4",
    "7",
    "100",
    "101",
    "168",
    "-1",
    "-0",
    "-0.0",
    "3.0",
    "3.00",
    "2.5",
    "7.25",
    "7.255",
    "168.01",
    "167.99",
    "0.01",
    "0.001",
    "2.9999999999999999",
    "1.0000000000000001",
    "1e2",
    "1E2",
    "1.5e1",
    "1e-7",
    "1e308",
    "1e309",
    "-1e309",
    "1e-400",
    "5e-324",
    "4294967295",
    "4294967296",
    "9007199254740992",
    "9007199254740993",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "1000000000000000000000000000000",
    "0.30000000000000004",
];

/// Strings worth trying beside the contract's own words ([`vocabulary`]): values
/// outside every closed set, dates, and hostile text.
const STRINGS: &[&str] = &[
    "",
    " ",
    "D",
    "2026-11-22",
    "2027-02-29",
    "2028-02-29",
    "0000-01-01",
    "9999-12-31",
    "+10000-01-01",
    "2026-1-1",
    "2026-13-01",
    "2026-02-30",
    "2026-11-22T00:00:00",
    "Ana",
    "ana ",
    "\u{0}",
    "\u{1f}\u{7f}",
    "\u{202e}RTL",
    "名前",
    "😀",
    "\u{fffd}",
    "a\"b\\c",
];

/// Raw fragments spliced in where a value goes (placeholders are replaced by these).
const RAW_VALUES: &[&str] = &[
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "\"\\u0000\"",
    "\"tab\there\"",
    "\"line\nbreak\"",
    "\"\u{1}\"",
    "NaN",
    "Infinity",
    "-",
    "01",
    "1.",
    ".5",
    "+1",
    "0x10",
    "tru",
    "nul",
    "'single'",
    "\"unterminated",
    "[1,]",
    "{\"a\":1,}",
    "[,]",
];

/// Keys beside the contract's own field names ([`vocabulary`]): odd ones, for paths and
/// unknown-field typos.
const ODD_KEYS: &[&str] = &["", "a.b", "[0]", "x[1]", "Projects", "D"];

/// Bytes of arbitrary content: uniform, or drawn from JSON's alphabet.
pub fn arbitrary_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = match rng.below(4) {
        0 => rng.below(8),
        1 => rng.below(64),
        2 => rng.below(512),
        _ => rng.below(4096),
    };
    let json_ish = rng.percent(70);
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        if json_ish {
            if rng.percent(20) {
                if let Some(t) = rng.pick(TOKENS) {
                    out.extend_from_slice(t.as_bytes());
                }
            } else {
                const ALPHABET: &[u8] = b"{}[]\":,0123456789.eE+- \n\ttruefalsnul\\abcxyz_";
                out.push(ALPHABET[rng.below(ALPHABET.len())]);
            }
        } else {
            out.push(rng.next_u64() as u8);
        }
    }
    out
}

/// Applies 1 to 4 byte-level edits: bit flips, inserts, deletes, duplications, tokens,
/// sequences that are not UTF-8, and splices with `other`.
pub fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, other: &[u8]) {
    for _ in 0..=rng.below(4) {
        let len = bytes.len();
        let at = rng.below(len + 1);
        match rng.below(10) {
            0 if len > 0 => {
                let i = rng.below(len);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                bytes[i] = rng.next_u64() as u8;
            }
            2 => {
                let b = rng.next_u64() as u8;
                bytes.insert(at, b);
            }
            3 if len > 0 => {
                let end = (at + 1 + rng.below(16)).min(len);
                bytes.drain(at.min(len - 1)..end);
            }
            4 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                let copy = bytes[start..end].to_vec();
                let to = rng.below(len + 1);
                bytes.splice(to..to, copy);
            }
            5 | 6 => {
                if let Some(t) = rng.pick(TOKENS) {
                    bytes.splice(at..at, t.bytes());
                }
            }
            7 => {
                if let Some(t) = rng.pick(NOT_UTF8) {
                    bytes.splice(at..at, t.iter().copied());
                }
            }
            8 if !other.is_empty() => {
                // A splice: this input's head, the other's tail.
                let from = rng.below(other.len());
                bytes.truncate(at);
                bytes.extend_from_slice(&other[from..]);
            }
            9 if len > 0 => bytes.truncate(rng.below(len)),
            _ => bytes.push(b'}'),
        }
    }
}

/// A step in a JSON value: a key or an index.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn all_paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                here.push(Step::Key(k.clone()));
                all_paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Index(i));
                all_paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut node = v;
    for step in path {
        node = match (step, node) {
            (Step::Key(k), Value::Object(map)) => map.get_mut(k)?,
            (Step::Index(i), Value::Array(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Text that replaces a placeholder string once the value is written.
struct Raw {
    marks: Vec<(String, Vec<u8>)>,
}

impl Raw {
    /// A placeholder value that will be written as `bytes`.
    fn value(&mut self, bytes: Vec<u8>) -> Value {
        let mark = format!("@@impower-raw-{}@@", self.marks.len());
        self.marks.push((format!("\"{mark}\""), bytes));
        Value::String(mark)
    }

    /// A placeholder key that will be written as `key` (a duplicate key).
    fn key(&mut self, key: &str) -> String {
        let mark = format!("@@impower-key-{}@@", self.marks.len());
        let written = Value::String(key.to_string()).to_string();
        self.marks
            .push((format!("\"{mark}\""), written.into_bytes()));
        mark
    }

    fn write(&self, text: String) -> Vec<u8> {
        // Later raw text may hold earlier marks (a nested copy), and a copied node
        // repeats its marks: replace the latest first, every occurrence.
        let mut bytes = text.into_bytes();
        for (mark, raw) in self.marks.iter().rev() {
            let mut from = 0;
            while let Some(at) = find(&bytes[from..], mark.as_bytes()) {
                let at = from + at;
                bytes.splice(at..at + mark.len(), raw.iter().copied());
                from = at + raw.len();
            }
        }
        bytes
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// What the mutations pick from: the contract's own words, derived from the rules'
/// request declarations (`rules::json::declare`: every field name, every closed set's
/// names, every count's bounds and the numbers just past them), beside the fixed lists
/// above. A field added to a declaration is fuzzed without an edit here.
pub struct Vocabulary {
    /// Field names, then [`ODD_KEYS`].
    pub keys: Vec<String>,
    /// Closed-set names, literals and field names, then [`STRINGS`].
    pub strings: Vec<String>,
    /// Bounds and their neighbours, then [`NUMBERS`].
    pub numbers: Vec<String>,
}

/// The vocabulary, built once.
pub fn vocabulary() -> &'static Vocabulary {
    static V: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        let mut v = Vocabulary {
            keys: Vec::new(),
            strings: Vec::new(),
            numbers: Vec::new(),
        };
        for verb in rules::json::Verb::ALL {
            learn_shape(&rules::json::requests::declared(*verb), &mut v);
        }
        v.keys.extend(ODD_KEYS.iter().map(|k| k.to_string()));
        v.strings.extend(STRINGS.iter().map(|k| k.to_string()));
        v.numbers.extend(NUMBERS.iter().map(|k| k.to_string()));
        for list in [&mut v.keys, &mut v.strings, &mut v.numbers] {
            let mut seen = std::collections::BTreeSet::new();
            list.retain(|x| seen.insert(x.clone()));
        }
        v
    })
}

fn learn_shape(shape: &rules::json::declare::Shape, v: &mut Vocabulary) {
    for f in &shape.fields {
        v.keys.push(f.name.to_string());
        v.strings.push(f.name.to_string());
        learn_ty(&f.ty, v);
    }
}

fn learn_ty(ty: &rules::json::declare::Ty, v: &mut Vocabulary) {
    use rules::json::declare::Ty;
    match ty {
        Ty::Count { min, max } => {
            for n in [
                i64::from(*min) - 1,
                i64::from(*min),
                i64::from(*max),
                i64::from(*max) + 1,
            ] {
                v.numbers.push(n.to_string());
            }
        }
        Ty::UpTo(n) => {
            for n in [0, 1, *n, n.saturating_add(1)] {
                v.numbers.push(n.to_string());
            }
        }
        Ty::OneOf(keys) | Ty::SetOf(keys) => v.strings.extend(keys.iter().map(|k| k.to_string())),
        Ty::Lit(text) => v.strings.push(text.to_string()),
        Ty::List(t) | Ty::OrNull(t) => learn_ty(t, v),
        Ty::Object(shape) => learn_shape(&shape(), v),
        Ty::Bool | Ty::Hours | Ty::Date | Ty::Text | Ty::Map => {}
    }
}

fn random_scalar(rng: &mut Rng, raw: &mut Raw) -> Value {
    match rng.below(6) {
        0 => Value::Null,
        1 => Value::Bool(rng.percent(50)),
        2 | 3 => raw.value(
            rng.pick(&vocabulary().numbers)
                .map_or("0", |n| n)
                .as_bytes()
                .to_vec(),
        ),
        _ => Value::String(
            rng.pick(&vocabulary().strings)
                .map_or("", |s| s)
                .to_string(),
        ),
    }
}

fn random_value(rng: &mut Rng, raw: &mut Raw, depth: usize) -> Value {
    if depth == 0 || rng.percent(60) {
        return random_scalar(rng, raw);
    }
    if rng.percent(50) {
        Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, raw, depth - 1))
                .collect(),
        )
    } else {
        let mut map = Map::new();
        for _ in 0..rng.below(4) {
            let key = rng.pick(&vocabulary().keys).map_or("k", |k| k).to_string();
            map.insert(key, random_value(rng, raw, depth - 1));
        }
        Value::Object(map)
    }
}

fn nested(depth: usize, inner: &str, object: bool) -> Vec<u8> {
    let (open, close) = if object { ("{\"a\":", "}") } else { ("[", "]") };
    let mut out = open.repeat(depth);
    out.push_str(inner);
    out.push_str(&close.repeat(depth));
    out.into_bytes()
}

/// Changes one value of a request to another of the same JSON type: a flipped boolean,
/// a small or boundary number, a word of the contract, an array one item longer or
/// shorter.
fn gentle_edit(rng: &mut Rng, value: &mut Value, raw: &mut Raw) {
    let mut paths = Vec::new();
    all_paths(value, &mut Vec::new(), &mut paths);
    let Some(path) = rng.pick(&paths).cloned() else {
        return;
    };
    let Some(node) = node_mut(value, &path) else {
        return;
    };
    match node {
        Value::Bool(b) => *b = !*b,
        Value::Number(_) => {
            *node = if rng.percent(50) {
                Value::from(rng.below(12))
            } else {
                raw.value(
                    rng.pick(&vocabulary().numbers)
                        .map_or("0", |n| n)
                        .as_bytes()
                        .to_vec(),
                )
            }
        }
        Value::String(_) => {
            *node = Value::String(
                rng.pick(&vocabulary().strings)
                    .map_or("", |s| s)
                    .to_string(),
            )
        }
        Value::Array(items) if !items.is_empty() => {
            if rng.percent(50) {
                items.remove(rng.below(items.len()));
            } else {
                let item = items[rng.below(items.len())].clone();
                items.push(item);
            }
        }
        Value::Object(map) if !map.is_empty() && rng.percent(30) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            if let Some(k) = rng.pick(&keys) {
                map.remove(k);
            }
        }
        _ => {}
    }
}

/// Applies one JSON-aware edit to `value` at a random node.
fn edit(rng: &mut Rng, value: &mut Value, raw: &mut Raw, donors: &[&Value]) {
    let mut paths = Vec::new();
    all_paths(value, &mut Vec::new(), &mut paths);
    let Some(path) = rng.pick(&paths).cloned() else {
        return;
    };
    let Some(node) = node_mut(value, &path) else {
        return;
    };
    match rng.below(16) {
        0 | 1 => *node = random_scalar(rng, raw),
        2 => *node = random_value(rng, raw, 3),
        3 => {
            *node = raw.value(
                rng.pick(&vocabulary().numbers)
                    .map_or("0", |n| n)
                    .as_bytes()
                    .to_vec(),
            )
        }
        4 => *node = raw.value(rng.pick(RAW_VALUES).map_or("0", |n| n).as_bytes().to_vec()),
        5 => {
            let depth = [2, 16, 64, 126, 127, 128, 129, 300, 5000][rng.below(9)];
            let inner = node.to_string();
            *node = raw.value(nested(depth, &inner, rng.percent(50)));
        }
        6 => {
            let n = [100, 101, 1000, 70_000, 300_000][rng.below(5)];
            let c = ["x", "é", "😀", "\u{0}", " "][rng.below(5)];
            *node = Value::String(c.repeat(n));
        }
        7 => {
            // A string holding raw control characters or bytes that are not UTF-8.
            let mut s = b"\"".to_vec();
            s.extend_from_slice(rng.pick(NOT_UTF8).map_or(&b"\x01"[..], |b| b));
            s.extend_from_slice(b"\x01\x1f\"");
            *node = raw.value(s);
        }
        8 => {
            if let Some(donor) = rng.pick(donors) {
                let mut donor_paths = Vec::new();
                all_paths(donor, &mut Vec::new(), &mut donor_paths);
                let mut donor = (*donor).clone();
                if let Some(p) = rng.pick(&donor_paths).cloned() {
                    if let Some(part) = node_mut(&mut donor, &p) {
                        *node = part.clone();
                    }
                }
            }
        }
        9 | 10 => match node {
            Value::Object(map) if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                if let Some(k) = rng.pick(&keys) {
                    map.remove(k);
                }
            }
            Value::Array(items) if !items.is_empty() => {
                items.remove(rng.below(items.len()));
            }
            _ => *node = Value::Array(vec![node.clone()]),
        },
        11 | 12 => match node {
            Value::Object(map) => {
                let keys: Vec<String> = map.keys().cloned().collect();
                match (rng.below(3), rng.pick(&keys)) {
                    (0, Some(k)) => {
                        // A duplicate key, with another or the same value.
                        let again = if rng.percent(50) {
                            map.get(k).cloned().unwrap_or(Value::Null)
                        } else {
                            random_scalar(rng, raw)
                        };
                        let mark = raw.key(k);
                        map.insert(mark, again);
                    }
                    (1, Some(k)) => {
                        // A typo of a key that is there.
                        if let Some(v) = map.remove(k) {
                            let typo = match rng.below(3) {
                                0 => {
                                    let mut t = k.clone();
                                    t.pop();
                                    t
                                }
                                1 => k.to_uppercase(),
                                _ => format!("{k} "),
                            };
                            map.insert(typo, v);
                        }
                    }
                    _ => {
                        let key = rng.pick(&vocabulary().keys).map_or("k", |k| k).to_string();
                        map.insert(key, random_value(rng, raw, 2));
                    }
                }
            }
            Value::Array(items) if !items.is_empty() => {
                let i = rng.below(items.len());
                let item = items[i].clone();
                // Many copies of a small item (past the team's limit of 500 people),
                // but never more text than the size limit allows.
                let size = item.to_string().len().max(1);
                let copies = [1, 2, 5, 200, 501][rng.below(5)].min(LIMIT / size + 1);
                items.extend(std::iter::repeat_n(item, copies));
            }
            _ => *node = Value::Object(Map::new()),
        },
        13 => *node = Value::Array(Vec::new()),
        14 => *node = Value::Object(Map::new()),
        _ => {
            if let Value::Array(items) = node {
                items.reverse();
            } else {
                *node = Value::Null;
            }
        }
    }
}

/// One mutated input for `verb` from the seeds: arbitrary bytes, byte edits of a seed's
/// text, or JSON-aware edits of a seed request (its values replaced by numbers, strings,
/// arrays, objects or null, duplicate keys, deep nesting, long strings, control
/// characters, bytes that are not UTF-8, parts of other requests).
pub fn mutate(rng: &mut Rng, verb: &str, seeds: &crate::Seeds) -> Vec<u8> {
    let mut bytes = generate(rng, verb, seeds);
    // Stacked edits can compound (long strings in repeated items): past the size limit
    // every input is refused alike, so keep them just over it.
    if bytes.len() > LIMIT + 1024 {
        bytes.truncate(LIMIT + 1 + rng.below(1024));
    }
    bytes
}

/// The size limit of a request, in bytes.
const LIMIT: usize = rules::json::MAX_INPUT_BYTES;

fn generate(rng: &mut Rng, verb: &str, seeds: &crate::Seeds) -> Vec<u8> {
    let own = seeds.values_of(verb);
    let all: Vec<&Value> = seeds.values.iter().map(|(_, v)| v).collect();
    let texts = seeds.texts_of(verb);
    let any_text: Vec<&[u8]> = seeds.texts.iter().map(|(_, t)| t.as_slice()).collect();
    match rng.below(100) {
        0..=14 => arbitrary_bytes(rng),
        15..=44 => {
            let mut bytes = rng
                .pick(&texts)
                .or_else(|| rng.pick(&any_text))
                .map_or_else(Vec::new, |t| t.to_vec());
            let other = rng.pick(&any_text).copied().unwrap_or_default();
            mutate_bytes(rng, &mut bytes, other);
            bytes
        }
        n => {
            // Mostly this verb's own requests; sometimes another verb's, or (for
            // `assess`) several verbs' requests in one.
            let value = if verb == "assess" && n < 60 {
                let mut map = Map::new();
                for part in ["fees", "schedule", "readiness", "team", "credits"] {
                    if rng.percent(50) {
                        if let Some(v) = rng.pick(&seeds.values_of(part)) {
                            map.insert(part.to_string(), (*v).clone());
                        }
                    }
                }
                Value::Object(map)
            } else if rng.percent(90) {
                rng.pick(&own)
                    .or_else(|| rng.pick(&all))
                    .map_or(Value::Null, |v| (*v).clone())
            } else {
                rng.pick(&all).map_or(Value::Null, |v| (*v).clone())
            };
            edit_value(rng, value, &all, &any_text)
        }
    }
}

/// JSON-aware edits of one request, written as text (compact or pretty), sometimes with
/// a byte edit on top.
fn edit_value(rng: &mut Rng, mut value: Value, donors: &[&Value], texts: &[&[u8]]) -> Vec<u8> {
    let mut raw = Raw { marks: Vec::new() };
    if rng.percent(40) {
        // Gentle edits keep the request's shape, so more answers are reached.
        for _ in 0..=rng.below(3) {
            gentle_edit(rng, &mut value, &mut raw);
        }
    } else {
        let edits = if rng.percent(60) { 1 } else { 2 + rng.below(3) };
        for _ in 0..edits {
            edit(rng, &mut value, &mut raw, donors);
        }
    }
    let text = if rng.percent(50) {
        value.to_string()
    } else {
        serde_json::to_string_pretty(&value).unwrap_or_default()
    };
    let mut bytes = raw.write(text);
    if rng.percent(10) {
        let other = rng.pick(texts).copied().unwrap_or_default();
        mutate_bytes(rng, &mut bytes, other);
    }
    bytes
}

/// Mutates a given input (libFuzzer's custom mutator): JSON-aware edits when it is JSON,
/// byte edits (with splices from the seeds) when it is not.
pub fn mutate_input(rng: &mut Rng, input: &[u8], seeds: &crate::Seeds) -> Vec<u8> {
    let donors: Vec<&Value> = seeds.values.iter().map(|(_, v)| v).collect();
    let texts: Vec<&[u8]> = seeds.texts.iter().map(|(_, t)| t.as_slice()).collect();
    match serde_json::from_slice::<Value>(input) {
        Ok(value) if rng.percent(80) => edit_value(rng, value, &donors, &texts),
        _ => {
            let mut bytes = input.to_vec();
            let other = rng.pick(&texts).copied().unwrap_or_default();
            mutate_bytes(rng, &mut bytes, other);
            bytes
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_inputs() {
        let seeds = crate::Seeds {
            values: vec![("fees".into(), serde_json::json!({"projects": 3}))],
            texts: vec![("fees".into(), br#"{"projects": 3}"#.to_vec())],
        };
        let run = |seed| {
            let mut rng = Rng::new(seed);
            (0..200)
                .map(|_| mutate(&mut rng, "fees", &seeds))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }

    #[test]
    fn placeholders_become_raw_text_and_duplicate_keys() {
        let mut raw = Raw { marks: Vec::new() };
        let mut map = Map::new();
        map.insert("projects".into(), raw.value(b"2.9999999999999999".to_vec()));
        let dup = raw.key("projects");
        map.insert(dup, Value::from(1));
        let bytes = raw.write(Value::Object(map).to_string());
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("\"projects\":2.9999999999999999"), "{text}");
        assert!(text.contains("\"projects\":1"), "{text}");
        assert!(!text.contains("@@"), "{text}");
    }

    #[test]
    fn the_vocabulary_follows_the_declarations() {
        let v = vocabulary();
        for key in [
            "hours_per_week",
            "prior_projects",
            "S1",
            "S3",
            "session_1",
            "app",
        ] {
            assert!(v.keys.iter().any(|k| k == key), "no key {key}");
        }
        for word in [
            "qi_coach",
            "learning-network",
            "graduation_presentation",
            "impower-ready",
        ] {
            assert!(v.strings.iter().any(|k| k == word), "no string {word}");
        }
        // MAX_PROJECTS and one past it, MAX_COHORTS and one past it.
        for n in ["100", "101", "12", "13"] {
            assert!(v.numbers.iter().any(|k| k == n), "no number {n}");
        }
    }
}
