//! Numbers are read exactly (RULES.md "Input rules"): counts and hours read through
//! [`Decimal`] are checked against a reference written simply here, over literals with
//! huge exponents and long zero runs, and against values known by construction.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rules::bounds::{self, NotWhole};
use rules::decimal::Decimal;
use rules::{ErrorCode, Hours};
use serde_json::Value;

/// The power of ten a literal's significant digits are scaled by, as written.
#[derive(Clone, Copy, Debug)]
enum Power {
    Exact(i128),
    /// An exponent of more than 30 digits: its sign alone decides, since no test literal
    /// has anywhere near 10^30 digits to move it.
    Huge {
        negative: bool,
    },
}

/// A literal's exact value, by hand on its text: `digits × 10^power`.
#[derive(Debug)]
struct Exact {
    negative: bool,
    /// Significant digits, without leading or trailing zeros; empty for zero.
    digits: String,
    power: Power,
}

fn strip_sign(s: &str) -> (bool, &str) {
    match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

fn reference(text: &str) -> Exact {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, "0"),
    };
    let (negative, mantissa) = strip_sign(mantissa);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let significant = all.trim_start_matches('0');
    let digits = significant.trim_end_matches('0');
    let trailing = (significant.len() - digits.len()) as i128;
    let shift = trailing - frac.len() as i128;
    let (e_negative, e_digits) = strip_sign(exponent);
    let e_digits = e_digits.trim_start_matches('0');
    let power = if e_digits.len() > 30 {
        Power::Huge {
            negative: e_negative,
        }
    } else {
        let e: i128 = if e_digits.is_empty() {
            0
        } else {
            e_digits.parse().unwrap()
        };
        Power::Exact(if e_negative { -e } else { e } + shift)
    };
    Exact {
        negative: negative && !digits.is_empty(),
        digits: digits.to_string(),
        power,
    }
}

/// `digits × 10^k` as a number, when it has at most 30 digits.
fn value(digits: &str, k: i128) -> Option<u128> {
    if digits.len() as i128 + k > 30 {
        return None;
    }
    let zeros = "0".repeat(usize::try_from(k).unwrap());
    Some(format!("{digits}{zeros}").parse().unwrap())
}

/// The whole count the literal is, or why it is not one.
fn reference_count(x: &Exact) -> Result<u64, NotWhole> {
    if x.digits.is_empty() {
        return Ok(0);
    }
    if x.negative {
        return Err(NotWhole::Negative);
    }
    match x.power {
        Power::Huge { negative: true } => Err(NotWhole::Fraction),
        Power::Huge { negative: false } => Err(NotWhole::TooLarge),
        Power::Exact(k) if k < 0 => Err(NotWhole::Fraction),
        Power::Exact(k) => value(&x.digits, k)
            .and_then(|v| u64::try_from(v).ok())
            .ok_or(NotWhole::TooLarge),
    }
}

/// The literal as hours, in hundredths: 0 to 168 with at most two decimal places.
fn reference_hours(x: &Exact) -> Result<u32, ErrorCode> {
    if x.digits.is_empty() {
        return Ok(0);
    }
    if x.negative {
        return Err(ErrorCode::OutOfRange);
    }
    match x.power {
        Power::Huge { negative: true } => Err(ErrorCode::TooPrecise),
        Power::Huge { negative: false } => Err(ErrorCode::OutOfRange),
        Power::Exact(k) if k < -2 => Err(ErrorCode::TooPrecise),
        Power::Exact(k) => value(&x.digits, k + 2)
            .filter(|&h| h <= 16_800)
            .map(|h| h as u32)
            .ok_or(ErrorCode::OutOfRange),
    }
}

fn code_count(text: &str) -> Option<Result<u64, NotWhole>> {
    Decimal::parse(text).map(|d| bounds::whole(&d))
}

fn code_hours(text: &str) -> Result<u32, ErrorCode> {
    match Hours::from_literal(text, "h") {
        Ok(h) => Ok(h.hundredths()),
        Err(e) => {
            assert_eq!(e.path, "h", "{e:?}");
            Err(e.code)
        }
    }
}

fn zeros(n: usize) -> String {
    "0".repeat(n)
}

/// A zero run: often none or a few, sometimes long, sometimes about a million (an
/// exponent undoing it then has more than a million in it, as RULES.md's example).
fn run() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 0usize..4,
        4 => 0usize..300,
        2 => 1_000usize..60_000,
        1 => 999_990usize..1_000_010,
    ]
}

/// A zero run short enough for a request with one [`run`] too to stay under 1 MiB.
fn short_run() -> impl Strategy<Value = usize> {
    prop_oneof![2 => 0usize..4, 1 => 0usize..40_000]
}

/// Digits without leading zeros (`"0"` for zero).
fn core() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        (1u64..=20_000).prop_map(|n| n.to_string()),
        "[1-9][0-9]{0,30}",
    ]
}

/// `e`/`E`, an optional sign, optional leading zeros, then the exponent's digits.
fn exponent_text(value: i128, upper: bool, plus: bool, lead: usize) -> String {
    let sign = if value < 0 {
        "-"
    } else if plus {
        "+"
    } else {
        ""
    };
    let e = if upper { 'E' } else { 'e' };
    format!("{e}{sign}{}{}", zeros(lead), value.unsigned_abs())
}

/// A literal of the plain grammar [`Decimal::parse`] reads: sign (`-`, `+`), leading and
/// trailing zeros in the integer part and the fraction, and an exponent that often
/// undoes the zero runs, or has more than 30 digits.
fn literal() -> impl Strategy<Value = Lit> {
    (
        (
            prop::sample::select(vec!["", "-", "+"]),
            run(),
            core(),
            run(),
        ),
        (any::<bool>(), run(), core(), run()),
        (
            0u8..4,
            -30i128..30,
            any::<bool>(),
            any::<bool>(),
            0usize..3,
            "[1-9][0-9]{30,120}",
        ),
    )
        .prop_map(
            |(
                (sign, int_lead, int, int_trail),
                (point, frac_lead, frac, frac_trail),
                (e_kind, delta, upper, plus, e_lead, huge),
            )| {
                let mut s = format!("{sign}{}{int}{}", zeros(int_lead), zeros(int_trail));
                let mut frac_len = 0;
                if point {
                    let f = format!("{}{frac}{}", zeros(frac_lead), zeros(frac_trail));
                    frac_len = f.len() as i128;
                    s = format!("{s}.{f}");
                }
                let int_zeros = int_trail as i128;
                match e_kind {
                    0 => {}
                    // Undo the integer part's trailing zeros, or the fraction's length.
                    1 => s += &exponent_text(delta - int_zeros, upper, plus, e_lead),
                    2 => s += &exponent_text(delta + frac_len, upper, plus, e_lead),
                    _ => {
                        let sign = if delta < 0 {
                            "-"
                        } else if plus {
                            "+"
                        } else {
                            ""
                        };
                        let e = if upper { 'E' } else { 'e' };
                        s = format!("{s}{e}{sign}{}{huge}", zeros(e_lead));
                    }
                }
                Lit(s)
            },
        )
}

/// A literal, shown in a failure with its long zero runs as their lengths.
#[derive(Clone)]
struct Lit(String);

impl std::fmt::Debug for Lit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&short(&self.0))
    }
}

/// `m × 10^k` written with zero runs and an exponent that puts the value back.
#[derive(Clone)]
struct Built {
    m: u64,
    k: i32,
    negative: bool,
    text: String,
}

impl std::fmt::Debug for Built {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} × 10^{} as {}", self.m, self.k, short(&self.text))
    }
}

/// `json`: only literals JSON allows (no `+` before the digits, no leading zeros, no
/// bare point).
fn built(json: bool) -> impl Strategy<Value = Built> {
    (
        (1u64..=20_000, -6i32..=8, any::<bool>()),
        (
            if json {
                short_run().boxed()
            } else {
                run().boxed()
            },
            run(),
            any::<prop::sample::Index>(),
            any::<bool>(),
        ),
        (any::<bool>(), any::<bool>(), 0usize..3, any::<bool>()),
    )
        .prop_map(
            move |((m, k, negative), (lead, trail, at, zero_point), (upper, plus, e_lead, p))| {
                let body = format!("{m}{}", zeros(trail));
                // The value of the mantissa is m × 10^trail / 10^places.
                let (mantissa, places) = if json && zero_point {
                    (format!("0.{}{body}", zeros(lead)), lead + body.len())
                } else if json {
                    let q = 1 + at.index(body.len());
                    if q == body.len() {
                        (body.clone(), 0)
                    } else {
                        (format!("{}.{}", &body[..q], &body[q..]), body.len() - q)
                    }
                } else {
                    let all = format!("{}{body}", zeros(lead));
                    let q = at.index(all.len() + 1);
                    (format!("{}.{}", &all[..q], &all[q..]), all.len() - q)
                };
                let e = i128::from(k) - trail as i128 + places as i128;
                let sign = match (negative, plus && !json) {
                    (true, _) => "-",
                    (false, true) => "+",
                    (false, false) => "",
                };
                let exponent = if e == 0 && p {
                    String::new()
                } else {
                    exponent_text(e, upper, plus, e_lead)
                };
                Built {
                    m,
                    k,
                    negative,
                    text: format!("{sign}{mantissa}{exponent}"),
                }
            },
        )
}

/// `m × 10^(k + shift)` when whole: `Ok(value)` (`None` past u64), else `Err(())`.
fn scaled(m: u64, k: i32, shift: i32) -> Result<Option<u64>, ()> {
    let p = k + shift;
    let m = u128::from(m);
    if p >= 0 {
        let v = 10u128.checked_pow(p as u32).and_then(|t| t.checked_mul(m));
        Ok(v.and_then(|v| u64::try_from(v).ok()))
    } else {
        let t = 10u128.pow((-p) as u32);
        if m % t == 0 {
            Ok(u64::try_from(m / t).ok())
        } else {
            Err(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Counts: whole as written, exactly, whatever the exponent and zero runs.
    #[test]
    fn counts_match_the_reference(text in literal()) {
        let text = text.0;
        let want = reference_count(&reference(&text));
        prop_assert_eq!(code_count(&text), Some(want), "{}", short(&text));
        let via = bounds::count_literal("n", &text, 0, u32::MAX);
        match want {
            Ok(n) => prop_assert_eq!(via.ok(), u32::try_from(n).ok()),
            Err(w) => prop_assert_eq!(via.map_err(|e| (e.code, e.path)), Err((w.code(), "n".into()))),
        }
    }

    /// Hours: hundredths, exactly, at most two places as the value is, not as written.
    #[test]
    fn hours_match_the_reference(text in literal()) {
        let text = text.0;
        let want = reference_hours(&reference(&text));
        prop_assert_eq!(code_hours(&text), want, "{}", short(&text));
    }

    /// Values known by construction read back as themselves.
    #[test]
    fn built_values_read_back(b in built(false)) {
        let count = match scaled(b.m, b.k, 0) {
            _ if b.negative => Err(NotWhole::Negative),
            Ok(Some(n)) => Ok(n),
            Ok(None) => Err(NotWhole::TooLarge),
            Err(()) => Err(NotWhole::Fraction),
        };
        prop_assert_eq!(code_count(&b.text), Some(count), "{:?}", (b.m, b.k, short(&b.text)));
        let hours = match scaled(b.m, b.k, 2) {
            _ if b.negative => Err(ErrorCode::OutOfRange),
            Ok(Some(h)) if h <= 16_800 => Ok(h as u32),
            Ok(_) => Err(ErrorCode::OutOfRange),
            Err(()) => Err(ErrorCode::TooPrecise),
        };
        prop_assert_eq!(code_hours(&b.text), hours, "{:?}", (b.m, b.k, short(&b.text)));
        prop_assert_eq!(&reference_hours(&reference(&b.text)), &hours);
    }

    /// Through the whole contract: a fee estimate's `projects` written with zero runs
    /// and an exponent is priced as its exact value, or refused naming the field.
    #[test]
    fn fees_read_the_exact_count(b in built(true)) {
        let request = format!("{{\"projects\": {}}}", b.text);
        let got = rules::respond("fees", &request);
        let want = match scaled(b.m, b.k, 0) {
            _ if b.negative => Err(ErrorCode::OutOfRange),
            Ok(Some(n)) if (1..=100).contains(&n) => Ok(n),
            Ok(_) => Err(ErrorCode::OutOfRange),
            Err(()) => Err(ErrorCode::NotInteger),
        };
        match (got, want) {
            (Ok(answer), Ok(n)) => {
                let projects = answer.get("projects").and_then(Value::as_array).map(Vec::len);
                prop_assert_eq!(projects, Some(n as usize), "{}", short(&b.text));
            }
            (Err(e), Err(code)) => {
                prop_assert_eq!((e.code, e.path.as_str()), (code, "projects"), "{}", short(&b.text));
            }
            (got, want) => prop_assert!(false, "{}: got {:?}, want {:?}", short(&b.text), got.map(|_| ()), want),
        }
    }
}

/// A literal for a failure message: long zero runs shown by their length.
fn short(text: &str) -> String {
    let mut out = String::new();
    let mut run = 0;
    for c in text.chars().chain([' ']) {
        if c == '0' {
            run += 1;
            continue;
        }
        match run {
            0 => {}
            1..=8 => out += &zeros(run),
            n => out += &format!("[0×{n}]"),
        }
        run = 0;
        out.push(c);
    }
    out.pop();
    out
}

/// RULES.md's examples, with a million zeros: 0.03 projects, and 0.8, 0.08, 0.008 h.
#[test]
fn the_rule_books_examples() {
    let million = zeros(1_000_000);
    let three = format!("3{million}e-1000002");
    assert_eq!(code_count(&three), Some(Err(NotWhole::Fraction)));
    let e = rules::respond("fees", &format!("{{\"projects\": {three}}}")).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::NotInteger, "projects")
    );
    assert_eq!(code_count(&format!("3{million}e-1000000")), Some(Ok(3)));
    for (exp, want) in [
        (1_000_001, Ok(80)),
        (1_000_002, Ok(8)),
        (1_000_003, Err(ErrorCode::TooPrecise)),
    ] {
        let text = format!("8{million}e-{exp}");
        assert_eq!(code_hours(&text), want, "8 and a million zeros e-{exp}");
        assert_eq!(reference_hours(&reference(&text)), want);
    }
}

/// Exponents of any length: bounded time, no overflow, decided by the sign.
#[test]
fn exponents_of_any_length() {
    let long = format!("1{}", zeros(900_000));
    for (text, count, hours) in [
        (
            format!("1e{long}"),
            Err(NotWhole::TooLarge),
            Err(ErrorCode::OutOfRange),
        ),
        (
            format!("1e+{long}"),
            Err(NotWhole::TooLarge),
            Err(ErrorCode::OutOfRange),
        ),
        (
            format!("1E-{long}"),
            Err(NotWhole::Fraction),
            Err(ErrorCode::TooPrecise),
        ),
        (format!("0e{long}"), Ok(0), Ok(0)),
        (format!("-0.0e-{long}"), Ok(0), Ok(0)),
        (
            format!("-1e-{long}"),
            Err(NotWhole::Negative),
            Err(ErrorCode::OutOfRange),
        ),
        (
            format!("5e-{}5", zeros(900_000)),
            Err(NotWhole::Fraction),
            Err(ErrorCode::TooPrecise),
        ),
        (format!("5e{}1", zeros(900_000)), Ok(50), Ok(5000)),
        (
            "1e18446744073709551615".into(),
            Err(NotWhole::TooLarge),
            Err(ErrorCode::OutOfRange),
        ),
        (
            "1e-18446744073709551616".into(),
            Err(NotWhole::Fraction),
            Err(ErrorCode::TooPrecise),
        ),
        (
            "1e-9223372036854775808".into(),
            Err(NotWhole::Fraction),
            Err(ErrorCode::TooPrecise),
        ),
        (
            "1e9223372036854775807".into(),
            Err(NotWhole::TooLarge),
            Err(ErrorCode::OutOfRange),
        ),
    ] {
        assert_eq!(code_count(&text), Some(count), "{}", short(&text));
        assert_eq!(code_hours(&text), hours, "{}", short(&text));
        assert_eq!(
            reference_count(&reference(&text)),
            count,
            "{}",
            short(&text)
        );
    }
}
