//! Proves `impower.d.ts` against the rules: the shipped file is the generated one, and
//! every answer has exactly the declared fields (recursively): answers are written by
//! their Rust types and declared here, so this is where the two meet. Requests are
//! declared once (`rules::json::declare`): their reader, unknown fields included, comes
//! from the declaration; what it cannot prove is checked here: each field's `Wire` type
//! reads what its declared type says (another JSON type refused, every value of a closed
//! set accepted, one outside refused), and what a roster answers is required without one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use impower_typescript::{at, contract, render, verb_types, Contract, Def, Field, Ty, DTS_PATH};
use rules::json::Verb;
use rules::{ErrorCode, InputError};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn shipped_declarations_are_the_generated_ones() {
    let shipped = std::fs::read_to_string(root().join(DTS_PATH)).expect("read impower.d.ts");
    let generated = render(&contract());
    if shipped != generated {
        let line = shipped
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || shipped.lines().count().min(generated.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "{DTS_PATH} differs from what the rules' types give, first at line {line}:\n  shipped:   {:?}\n  generated: {:?}\nrun `cargo run -p impower-typescript -- --write` and commit it",
            shipped.lines().nth(line - 1).unwrap_or(""),
            generated.lines().nth(line - 1).unwrap_or(""),
        );
    }
}

#[test]
fn every_verb_has_its_function_and_types() {
    let c = contract();
    let text = render(&c);
    for verb in Verb::ALL {
        let (request, answer) = verb_types(*verb);
        assert!(c.get(request).is_some(), "{request} is not declared");
        assert!(c.get(answer).is_some(), "{answer} is not declared");
        let sig = format!(
            "export function {}(request: {request}): {answer};",
            verb.key()
        );
        assert!(text.contains(&sig), "missing: {sig}");
    }
}

#[test]
fn every_named_type_is_declared_once() {
    let c = contract();
    let mut names = BTreeSet::new();
    for d in &c.decls {
        assert!(names.insert(d.name), "{} is declared twice", d.name);
    }
    fn walk(ty: &Ty, c: &Contract, owner: &str) {
        match ty {
            Ty::Named(n) => assert!(c.get(n).is_some(), "{owner} uses {n}, not declared"),
            Ty::Array(t) | Ty::OrNull(t) => walk(t, c, owner),
            _ => {}
        }
    }
    for d in &c.decls {
        match &d.def {
            Def::Interface { fields, .. } => fields.iter().for_each(|f| walk(&f.ty, &c, d.name)),
            Def::OneOf(v) => v.iter().for_each(|n| walk(&Ty::Named(n), &c, d.name)),
            Def::Union(keys) => assert!(!keys.is_empty(), "{} is empty", d.name),
        }
    }
}

// --- Answers ---------------------------------------------------------------------------

/// Every case file of the corpus: (file, verb, request) for those with a JSON request.
fn corpus() -> Vec<(String, String, Value)> {
    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("read corpus dir") {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    files(&root().join("tests/cases"), &mut paths);
    files(&root().join("tests/spec"), &mut paths);
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("read case");
        let case: Value = serde_json::from_str(&text).expect("case is JSON");
        if let (Some(verb), Some(request)) = (case["verb"].as_str(), case.get("request")) {
            out.push((p.display().to_string(), verb.to_string(), request.clone()));
        }
    }
    out
}

fn respond(verb: &str, request: &Value) -> Result<Value, InputError> {
    rules::respond(verb, &request.to_string())
}

fn answer_fields(c: &Contract) -> BTreeSet<(String, String)> {
    // Every field of every interface reachable from the answers.
    let mut out = BTreeSet::new();
    let mut todo: Vec<&str> = Verb::ALL.iter().map(|v| verb_types(*v).1).collect();
    let mut done = BTreeSet::new();
    while let Some(name) = todo.pop() {
        if !done.insert(name) {
            continue;
        }
        for f in c.fields(name) {
            out.insert((name.to_string(), f.name.clone()));
            let mut t = &f.ty;
            while let Ty::Array(inner) | Ty::OrNull(inner) = t {
                t = inner;
            }
            if let Ty::Named(n) = t {
                todo.push(n);
            }
        }
    }
    out
}

#[test]
fn answers_have_exactly_the_declared_fields_and_every_field_is_seen() {
    let c = contract();
    let mut seen = BTreeSet::new();
    let mut answered = 0;
    let mut requests: Vec<(String, String, Value)> = corpus();
    for verb in Verb::ALL {
        let (request, _) = verb_types(*verb);
        let variants: Vec<&str> = match &c.get(request).expect("declared").def {
            Def::OneOf(v) => v.clone(),
            _ => vec![request],
        };
        for v in variants {
            requests.push((
                format!("the full {v}"),
                verb.key().to_string(),
                c.example(&Ty::Named(v)),
            ));
        }
    }
    for (file, verb, request) in &requests {
        let Ok(answer) = respond(verb, request) else {
            continue;
        };
        let (_, answer_ty) = verb_types(Verb::parse(verb).expect("a verb"));
        c.check(&Ty::Named(answer_ty), &answer, "", &mut seen)
            .unwrap_or_else(|e| panic!("{file}: the {verb} answer is not a {answer_ty}: {e}"));
        answered += 1;
    }
    assert!(answered > 50, "only {answered} answers checked");
    let declared = answer_fields(&c);
    let never: Vec<_> = declared.difference(&seen).collect();
    assert!(
        never.is_empty(),
        "declared answer fields no answer ever had (removed or renamed in Rust?): {never:?}"
    );
}

#[test]
fn the_checker_refuses_an_undeclared_or_missing_answer_field() {
    // The proof above can fail: a renamed, added or dropped field is caught.
    let c = contract();
    let mut answer = respond("fees", &json!({"projects": 3})).expect("answer");
    let ty = Ty::Named("FeeEstimate");
    let mut seen = BTreeSet::new();
    c.check(&ty, &answer, "", &mut seen).expect("fits");
    answer["projects"][2]["fee_usd_new"] = json!(1);
    let e = c
        .check(&ty, &answer, "", &mut seen)
        .expect_err("added field");
    assert!(e.contains("projects[2].fee_usd_new"), "{e}");
    let obj = answer.as_object_mut().expect("object");
    obj.remove("total_usd");
    let e = c
        .check(&ty, &Value::Object(obj.clone()), "", &mut seen)
        .expect_err("dropped");
    assert!(e.contains("total_usd"), "{e}");
}

#[test]
fn accepted_corpus_requests_fit_the_declared_request_types() {
    // A declared request type must not refuse what the rules accept.
    let c = contract();
    let mut checked = 0;
    for (file, verb, request) in corpus() {
        if respond(&verb, &request).is_err() {
            continue;
        }
        let (request_ty, _) = verb_types(Verb::parse(&verb).expect("a verb"));
        c.check(&Ty::Named(request_ty), &request, "", &mut BTreeSet::new())
            .unwrap_or_else(|e| {
                panic!("{file}: the rules accept it, but it is not a {request_ty}: {e}")
            });
        checked += 1;
    }
    assert!(checked > 50, "only {checked} requests checked");
}

#[test]
fn the_error_interface_has_the_contract_errors_fields() {
    let c = contract();
    let e = respond("fees", &json!({"projects": 2.5})).expect_err("refused");
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::NotInteger, "projects")
    );
    let wire = serde_json::to_value(&e).expect("serializes");
    let wire: BTreeSet<&str> = wire
        .as_object()
        .expect("object")
        .keys()
        .map(|k| k.as_str())
        .collect();
    let declared: BTreeSet<&str> = c
        .fields("ImpowerError")
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| *n != "name") // set by the JS API on the thrown Error
        .collect();
    assert_eq!(wire, declared);
    let codes = match &c.get("ErrorCode").expect("declared").def {
        Def::Union(k) => k.clone(),
        _ => panic!("ErrorCode is a union"),
    };
    for code in ErrorCode::ALL {
        assert!(codes.iter().any(|k| k == code.key()), "{code:?}");
    }
}

// --- Requests --------------------------------------------------------------------------

/// A step into a JSON value.
#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

fn path_text(segs: &[Seg]) -> String {
    let mut out = String::new();
    for s in segs {
        match s {
            Seg::Key(k) => out = at(&out, k),
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn get_mut<'a>(v: &'a mut Value, segs: &[Seg]) -> &'a mut Value {
    segs.iter().fold(v, |v, s| match s {
        Seg::Key(k) => v.get_mut(k.as_str()).expect("key on the path"),
        Seg::Index(i) => v.get_mut(*i).expect("index on the path"),
    })
}

/// A declared field of a request: where its object is, which interface, the field.
struct Site {
    object: Vec<Seg>,
    owner: &'static str,
    field: Field,
}

fn sites(c: &Contract, ty: &Ty, here: Vec<Seg>, out: &mut Vec<Site>) {
    match ty {
        Ty::Array(t) | Ty::OrNull(t) => {
            let mut p = here;
            if matches!(ty, Ty::Array(_)) {
                p.push(Seg::Index(0));
            }
            sites(c, t, p, out);
        }
        Ty::Named(name) => {
            if let Some(Def::Interface { fields, .. }) = c.get(name).map(|d| &d.def) {
                for f in fields.iter().filter(|f| f.ty != Ty::Undefined) {
                    let mut p = here.clone();
                    p.push(Seg::Key(f.name.clone()));
                    sites(c, &f.ty, p, out);
                    out.push(Site {
                        object: here.clone(),
                        owner: name,
                        field: f.clone(),
                    });
                }
            }
        }
        _ => {}
    }
}

/// Every request type of every verb (each alternative of `assess`), with a full value.
fn roots(c: &Contract) -> Vec<(Verb, &'static str, Value)> {
    let mut out = Vec::new();
    for verb in Verb::ALL {
        let (request, _) = verb_types(*verb);
        let variants = match &c.get(request).expect("declared").def {
            Def::OneOf(v) => v.clone(),
            _ => vec![request],
        };
        for v in variants {
            out.push((*verb, v, c.example(&Ty::Named(v))));
        }
    }
    out
}

fn expect_refusal(
    verb: Verb,
    request: &Value,
    code: ErrorCode,
    path: &str,
    what: &str,
) -> InputError {
    match respond(verb.key(), request) {
        Ok(_) => panic!("{what}: {} accepted {request}", verb.key()),
        Err(e) => {
            assert_eq!(
                (e.code, e.path.as_str()),
                (code, path),
                "{what}: {} refused {request} with {e:?}",
                verb.key()
            );
            e
        }
    }
}

fn expect_accepted(verb: Verb, request: &Value, what: &str) {
    if let Err(e) = respond(verb.key(), request) {
        panic!("{what}: {} refused {request}: {e:?}", verb.key());
    }
}

#[test]
fn a_full_request_of_every_declared_field_is_accepted() {
    let c = contract();
    for (verb, name, full) in roots(&c) {
        expect_accepted(verb, &full, &format!("the full {name}"));
    }
}

#[test]
fn each_declared_field_is_required_or_optional_as_declared() {
    let c = contract();
    let mut checked = 0;
    for (verb, name, full) in roots(&c) {
        let mut all = Vec::new();
        sites(&c, &Ty::Named(name), Vec::new(), &mut all);
        for s in all {
            let mut r = full.clone();
            get_mut(&mut r, &s.object)
                .as_object_mut()
                .expect("an object")
                .remove(&s.field.name);
            let what = format!("{name}: {}.{} left out", s.owner, s.field.name);
            // What the declared types allow, the rules accept, and the other way round.
            let (request_ty, _) = verb_types(verb);
            let fits = c
                .check(&Ty::Named(request_ty), &r, "", &mut BTreeSet::new())
                .is_ok();
            if s.field.optional {
                assert!(fits, "{what}: the declared types refuse it");
                expect_accepted(verb, &r, &what);
            } else if fits {
                // A required field of one alternative (`assess`'s `team`) whose absence
                // makes the request another alternative.
                expect_accepted(verb, &r, &what);
            } else {
                let path = at(&path_text(&s.object), &s.field.name);
                expect_refusal(verb, &r, ErrorCode::MissingField, &path, &what);
            }
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} fields");
}

#[test]
fn each_declared_field_has_its_declared_type_and_closed_set() {
    let c = contract();
    for (verb, name, full) in roots(&c) {
        let mut all = Vec::new();
        sites(&c, &Ty::Named(name), Vec::new(), &mut all);
        for s in all {
            let mut field_path = s.object.clone();
            field_path.push(Seg::Key(s.field.name.clone()));
            let path = path_text(&field_path);
            let set = |value: Value| {
                let mut r = full.clone();
                *get_mut(&mut r, &field_path) = value;
                r
            };
            let what = format!("{name}: {}.{}", s.owner, s.field.name);
            // Another JSON type is refused.
            let other = if s.field.ty == Ty::Bool {
                json!("yes")
            } else {
                json!(true)
            };
            expect_refusal(verb, &set(other), ErrorCode::WrongType, &path, &what);
            // Every value of a closed set is accepted, and a value outside it refused.
            let (inner, in_array) = match &s.field.ty {
                Ty::Array(t) => (&**t, true),
                t => (t, false),
            };
            let (inner, nullable) = match inner {
                Ty::OrNull(t) => (&**t, true),
                t => (t, false),
            };
            let keys: Vec<String> = match inner {
                Ty::Named(n) => match &c.get(n).expect("declared").def {
                    Def::Union(k) => k.clone(),
                    _ => continue,
                },
                Ty::Lit(s) => vec![s.clone()],
                Ty::Numbers(ns) => {
                    for n in ns {
                        expect_accepted(verb, &set(json!(n)), &what);
                    }
                    let past = ns.iter().max().copied().unwrap_or(0) + 1;
                    expect_refusal(verb, &set(json!(past)), ErrorCode::OutOfRange, &path, &what);
                    continue;
                }
                _ => continue,
            };
            let wrap = |v: Value| if in_array { json!([v]) } else { v };
            let item_path = if in_array {
                format!("{path}[0]")
            } else {
                path.clone()
            };
            for k in &keys {
                expect_accepted(verb, &set(wrap(json!(k))), &format!("{what} = {k}"));
            }
            if nullable {
                expect_accepted(verb, &set(wrap(Value::Null)), &format!("{what} = null"));
            }
            expect_refusal(
                verb,
                &set(wrap(json!("not-one-of-them"))),
                ErrorCode::UnknownValue,
                &item_path,
                &what,
            );
        }
    }
}

/// Every closed set a request declares is written as its named union, never as a plain
/// `string` (the generator falls back to `string` only for a set no union has).
#[test]
fn every_declared_closed_set_is_its_union() {
    use rules::json::declare::{Shape, Ty as Wire};
    fn walk(c: &Contract, shape: &Shape, seen: &mut usize) {
        for f in &shape.fields {
            let mut wire = &f.ty;
            while let Wire::List(t) | Wire::OrNull(t) = wire {
                wire = t;
            }
            let Some(ts) = c.fields(shape.name).iter().find(|t| t.name == f.name) else {
                continue; // refused fields (S3) are not in the TypeScript
            };
            let mut ty = &ts.ty;
            while let Ty::Array(t) | Ty::OrNull(t) = ty {
                ty = t;
            }
            match wire {
                Wire::OneOf(_) | Wire::SetOf(_) => {
                    assert!(
                        matches!(ty, Ty::Named(n) if matches!(c.get(n).map(|d| &d.def), Some(Def::Union(_)))),
                        "{}.{} is a closed set but is written {ty:?}",
                        shape.name,
                        f.name
                    );
                    *seen += 1;
                }
                Wire::Object(nested) => walk(c, &nested(), seen),
                _ => {}
            }
        }
    }
    let c = contract();
    let mut seen = 0;
    for verb in Verb::ALL {
        let shape = rules::json::requests::declared(*verb);
        // `assess` is written as its two alternatives.
        if *verb != Verb::Assess {
            walk(&c, &shape, &mut seen);
        }
    }
    assert!(seen >= 6, "only {seen} closed sets");
}
