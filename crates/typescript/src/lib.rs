//! `impower.d.ts`: the TypeScript declarations of the JSON contract, generated from the
//! rules' own types.
//!
//! - Closed sets (roles, editions, stages, rule IDs, error codes, verbs, …) are read from
//!   each enum's `KEYS` (and [`rules::RuleId::ALL`]), so a value added in Rust appears here.
//! - Interfaces are field lists written next to the checks that prove them
//!   (`tests/contract.rs`): every answer the corpus and the full requests produce has
//!   exactly the declared keys, recursively, and every declared optional field is seen;
//!   every declared request field is read by [`rules::respond`], is required or optional
//!   as declared, has the declared type and closed set, and the reader reads no field
//!   that is not declared (or refuses it with a reason, as `S3`).
//! - `cargo run -p impower-typescript -- --write` writes [`DTS_PATH`]; a test fails when
//!   the shipped file and [`render`]'s output differ.
//!
//! [`Contract::check`] checks a JSON value against a declared type, and
//! [`Contract::example`] builds a value of a declared request type with every field.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use rules::book::{Collaborative, Page};
use rules::credits::{CreditType, Document, Stage};
use rules::json::{declare, Verb};
use rules::team::{Edition, Qi, Role};
use rules::{ErrorCode, RuleId, Severity};
use serde_json::{json, Map, Value};

/// Where the generated declarations are kept, from the workspace root.
pub const DTS_PATH: &str = "crates/embed/npm/impower.d.ts";

/// A TypeScript type of the contract.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    /// `boolean`.
    Bool,
    /// `number`.
    Number,
    /// `string`.
    Text,
    /// `IsoDate` (a `string`, `YYYY-MM-DD`).
    Date,
    /// One string literal.
    Lit(String),
    /// A union of number literals (the export `version`s this build reads).
    Numbers(Vec<u32>),
    /// A declared union, interface or alternative, by name.
    Named(&'static str),
    /// `T[]`.
    Array(Box<Ty>),
    /// `T | null`.
    OrNull(Box<Ty>),
    /// `undefined`: a field that must be absent in this alternative.
    Undefined,
    /// `{ [key: string]: unknown }`: an object carried, never read.
    Map,
}

/// A field of an interface.
#[derive(Clone, Debug)]
pub struct Field {
    /// Its JSON name.
    pub name: String,
    /// Its type.
    pub ty: Ty,
    /// `?`: a request may leave it out, or an answer skips it when it has no value.
    pub optional: bool,
    /// One line for the reader.
    pub doc: String,
}

/// What a declaration is.
#[derive(Clone, Debug)]
pub enum Def {
    /// A closed set of strings.
    Union(Vec<String>),
    /// An object with these fields (and, if given, extending another type).
    Interface {
        /// The type it extends (`Error`), if any.
        extends: Option<&'static str>,
        /// Its fields, in order.
        fields: Vec<Field>,
    },
    /// One of several interfaces.
    OneOf(Vec<&'static str>),
}

/// A named declaration.
#[derive(Clone, Debug)]
pub struct Decl {
    /// Its TypeScript name.
    pub name: &'static str,
    /// One line for the reader.
    pub doc: &'static str,
    /// What it is.
    pub def: Def,
}

/// The whole contract, as declarations in the order they are written.
#[derive(Clone, Debug)]
pub struct Contract {
    /// The declarations.
    pub decls: Vec<Decl>,
}

fn req(name: &str, ty: Ty, doc: &str) -> Field {
    Field {
        name: name.to_string(),
        ty,
        optional: false,
        doc: doc.to_string(),
    }
}

fn opt(name: &str, ty: Ty, doc: &str) -> Field {
    Field {
        optional: true,
        ..req(name, ty, doc)
    }
}

fn named(name: &'static str) -> Ty {
    Ty::Named(name)
}

fn array(ty: Ty) -> Ty {
    Ty::Array(Box::new(ty))
}

fn union(name: &'static str, doc: &'static str, keys: &[&str]) -> Decl {
    Decl {
        name,
        doc,
        def: Def::Union(keys.iter().map(|k| k.to_string()).collect()),
    }
}

fn interface(name: &'static str, doc: &'static str, fields: Vec<Field>) -> Decl {
    Decl {
        name,
        doc,
        def: Def::Interface {
            extends: None,
            fields,
        },
    }
}

/// The request and answer types of a verb, by their TypeScript names.
pub fn verb_types(verb: Verb) -> (&'static str, &'static str) {
    match verb {
        Verb::Fees => ("FeesRequest", "FeeEstimate"),
        Verb::Schedule => ("ScheduleRequest", "Schedule"),
        Verb::Readiness => ("ReadinessRequest", "ReadinessReport"),
        Verb::Team => ("TeamRequest", "TeamReport"),
        Verb::Credits => ("CreditsRequest", "CreditReport"),
        Verb::Assess => ("AssessRequest", "Assessment"),
    }
}

fn verb_doc(verb: Verb) -> &'static str {
    match verb {
        Verb::Fees => {
            "Fees per project, the discounted ones, the teams and coaches they need (F1–F4)."
        }
        Verb::Schedule => "The next cohort and its calendar from a date (P1–P6, CR7).",
        Verb::Readiness => "The three commitments and seven success factors (C1–C3, S1–S7).",
        Verb::Team => "Roles, counts and weekly hours per person (T1–T8).",
        Verb::Credits => "Continuing-education credit, claimability and deadline (CR1–CR9).",
        Verb::Assess => {
            "Any of the others in one request, keyed by verb; also an exported application."
        }
    }
}

/// `assess`'s declaration, and its two TypeScript alternatives.
const ASSESS: &str = "AssessRequest";
const ASSESS_WITHOUT_TEAM: &str = "AssessRequestWithoutTeam";
const ASSESS_WITH_TEAM: &str = "AssessRequestWithTeam";

/// The name of a shape's variant beside a roster, when some field is answered by one.
fn roster_variant(shape: &declare::Shape) -> Option<&'static str> {
    let answered = shape
        .fields
        .iter()
        .any(|f| f.presence == declare::Presence::Roster);
    match shape.name {
        "ReadinessRequest" if answered => Some("ReadinessWithRoster"),
        _ => None,
    }
}

/// A declared field's documentation, with the bounds its type declares and, for a
/// success factor, the rule book's question.
fn field_doc(f: &declare::Field) -> String {
    let mut doc = f.doc.to_string();
    if let Some(q) = rules::readiness::SuccessFactor::parse(f.name).map(|s| s.question()) {
        let _ = write!(doc, " {q}");
    }
    let mut ty = &f.ty;
    while let declare::Ty::OrNull(t) | declare::Ty::List(t) = ty {
        ty = t;
    }
    match ty {
        declare::Ty::Count { min, max } => {
            let _ = write!(doc, " A whole number from {min} to {max}.");
        }
        declare::Ty::Hours => {
            let _ = write!(
                doc,
                " From 0 to {}, at most two decimal places.",
                rules::bounds::MAX_HOURS
            );
        }
        _ => {}
    }
    doc
}

/// The contract's declarations.
pub fn contract() -> Contract {
    let rule_ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
    let findings = || {
        req(
            "findings",
            array(named("Finding")),
            "Every finding, none left out.",
        )
    };
    let rule_book = || {
        req(
            "rule_book",
            named("RuleBook"),
            "The rules that decided it: the same for every answer of one build.",
        )
    };
    let decls = vec![
        // Closed sets.
        union("Verb", "The contract's verbs.", Verb::KEYS),
        union("Role", "A project role (T1–T6).", Role::KEYS),
        union("Edition", "Whose weekly-hours table (`impower`, the default, or `learning-network`).", Edition::KEYS),
        union("Qi", "A coach's or person's quality-improvement background (C2, S3).", Qi::KEYS),
        union("Stage", "A PI-CME stage (CR1).", Stage::KEYS),
        union("ProjectDocument", "A required project document (CR3).", Document::KEYS),
        union("Collaborative", "An ImPower improvement collaborative (K1).", Collaborative::KEYS),
        union("CreditType", "What a participant may be awarded (CR8).", CreditType::KEYS),
        union("Severity", "How much a finding matters.", Severity::KEYS),
        union("Page", "A source page: `LN` the Learning Network page, `IP` the ImPower program page.", Page::KEYS),
        union("RuleId", "A rule of the rule book (RULES.md).", &rule_ids),
        union("ErrorCode", "Why a request was refused (`usage` and `io` come from the command line only).", ErrorCode::KEYS),
        // What every answer shares.
        interface("RuleBook", "Which rules decided an answer: every answer carries it.", vec![
            req("version", Ty::Text, "The edition of the rule book (RULES.md) the build implements."),
            req("digest", Ty::Text, "`sha256:` and 64 hex digits over every fact, rule text and piece of logic that can decide an answer: two builds with the same digest answer alike."),
        ]),
        interface("Source", "The words a rule rests on.", vec![
            req("page", named("Page"), "The page quoted."),
            req("words", Ty::Text, "The exact words."),
        ]),
        interface("Finding", "One thing an evaluation found, with its rule and source.", vec![
            req("rule", named("RuleId"), "The rule it applies."),
            req("severity", named("Severity"), "How much it matters."),
            opt("project", Ty::Number, "The project it concerns (1-based), if one."),
            opt("person", Ty::Text, "The person it concerns, by name, if one."),
            req("message", Ty::Text, "What was found and what to do about it."),
            req("source", named("Source"), "The words the rule rests on."),
            opt("interpretation", Ty::Text, "Our reading, when the rule rests on one."),
            opt("due", Ty::Date, "Not yet due: what it asks for comes, or must be done, by this day, so it is to come, not a failure."),
            opt("passed", Ty::Date, "Too late: the last day to act on it was this one; nothing done now changes it."),
        ]),
        // fees
        interface("ProjectFee", "One project's fee.", vec![
            req("number", Ty::Number, "The project's number, counting prior projects."),
            req("fee_usd", Ty::Number, "Its fee in whole US dollars."),
            req("discounted", Ty::Bool, "Whether the discount applies to it (F2)."),
            req("rule", named("RuleId"), "The rule that sets the fee (F1 or F2)."),
        ]),
        interface("FeeEstimate", "The `fees` answer.", vec![
            req("total_usd", Ty::Number, "The total in whole US dollars, earlier projects counted toward the discount (F3, a reading)."),
            opt("total_usd_without_prior", Ty::Number, "With earlier projects only: the total if they did not count (the other reading of F3), beside `total_usd`; an F3 warning says to confirm."),
            req("undiscounted_usd", Ty::Number, "The total without the discount (F2)."),
            req("teams_needed", Ty::Number, "One team per project (F4)."),
            req("coaches_needed", Ty::Number, "The fewest QI coaches that can serve the projects' teams (F4, T4)."),
            req("projects", array(named("ProjectFee")), "Each new project's fee."),
            findings(),
            rule_book(),
        ]),
        // schedule
        interface("Cohort", "A cohort and its dates.", vec![
            req("id", Ty::Text, "`YYYY-MM`: the month the team starts."),
            req("preparation_starts", Ty::Date, "The leaders' two-month preparation begins (P2)."),
            req("team_starts", Ty::Date, "The whole team starts (P1)."),
            req("graduation", Ty::Date, "Estimated graduation, Session 10 (P3)."),
            req("claim_deadline", Ty::Date, "The last day to claim credit (CR7)."),
        ]),
        interface("Session", "A learning session (P4, P5).", vec![
            req("number", Ty::Number, "1 to 10."),
            req("title", Ty::Text, "Its title."),
            req("date", Ty::Date, "Its estimated date."),
            req("application_meeting", Ty::Date, "The optional QI application meeting, the day after."),
        ]),
        interface("CoachTraining", "A QI coach training session (P5).", vec![
            req("number", Ty::Number, "1 to 5."),
            req("topic", Ty::Text, "What it covers."),
        ]),
        interface("Schedule", "The `schedule` answer.", vec![
            req("date", Ty::Date, "The date planned from."),
            req("cohort", named("Cohort"), "The next cohort whose preparation starts on or after the date."),
            opt("late_entry", named("Cohort"), "A cohort already in its leaders' preparation on the date, its team not started: a late entry beside `cohort`, never instead of it, with a P2 warning (ask the Learning Network team)."),
            req("upcoming", array(named("Cohort")), "That cohort and the ones after it."),
            req("sessions", array(named("Session")), "The cohort's learning sessions."),
            req("coach_trainings", array(named("CoachTraining")), "The coaches' training sessions."),
            req("steps", array(Ty::Text), "ImPower's five steps (A2)."),
            findings(),
            rule_book(),
        ]),
        // readiness
        interface("Commitment", "One of the three critical commitments.", vec![
            req("id", named("RuleId"), "C1, C2 or C3."),
            req("met", Ty::Bool, "Whether it holds."),
            req("message", Ty::Text, "What holds or what to do."),
            req("source", named("Source"), "The words it rests on."),
            opt("interpretation", Ty::Text, "Our reading, when it rests on one."),
        ]),
        interface("MissingFactor", "A success factor not met.", vec![
            req("id", named("RuleId"), "S1 to S7."),
            req("risk", Ty::Text, "What missing it risks."),
        ]),
        interface("FactorScore", "The success factors: k of 7.", vec![
            req("met", Ty::Number, "How many are met."),
            req("of", Ty::Number, "How many there are (7)."),
            req("missing", array(named("MissingFactor")), "Those not met."),
        ]),
        interface("Step", "A next step.", vec![
            req("rule", named("RuleId"), "The rule it comes from."),
            req("text", Ty::Text, "What to do."),
        ]),
        interface("ReadinessReport", "The `readiness` answer.", vec![
            req("ready", Ty::Bool, "All three commitments are met."),
            req("commitments", array(named("Commitment")), "C1, C2, C3."),
            req("success_factors", named("FactorScore"), "k of 7."),
            req("next_steps", array(named("Step")), "What to do next (A1, A3)."),
            findings(),
            rule_book(),
        ]),
        // team
        interface("PersonHours", "One person's weekly hours (T7).", vec![
            req("name", Ty::OrNull(Box::new(Ty::Text)), "Their name; `null` while not named yet."),
            req("required_hours_min", Ty::Number, "The sum of the minimum hours of their roles."),
            req("required_hours_max", Ty::Number, "The sum of the maximum hours of their roles."),
            req("hours_per_week", Ty::OrNull(Box::new(Ty::Number)), "The hours they can give; `null` while not answered yet."),
            req("shortfall_hours", Ty::OrNull(Box::new(Ty::Number)), "How many hours short of the minimum (0 when covered), exact to the hundredth; `null` while their hours are not answered yet."),
        ]),
        interface("TeamReport", "The `team` answer.", vec![
            req("valid", Ty::Bool, "No error finding, and everyone named."),
            req("edition", named("Edition"), "The edition used."),
            findings(),
            rule_book(),
            req("people", array(named("PersonHours")), "Each person's hours, in the request's order."),
            opt("unanswered", array(Ty::Text), "A draft's unanswered fields, as paths in the request (`people[2].name`); absent when there are none."),
        ]),
        // credits
        interface("CreditReport", "The `credits` answer.", vec![
            req("credits", Ty::Number, "What the participation is worth (CR1)."),
            req("credit_type", named("CreditType"), "AMA PRA Category 1 or a certificate (CR8)."),
            req("claimable", Ty::Bool, "Whether it can be claimed today."),
            req("claim_deadline", Ty::Date, "Graduation plus three months (CR7)."),
            req("days_left", Ty::Number, "Days from today to the deadline, the deadline included (negative once past)."),
            req("missing_documents", array(named("ProjectDocument")), "Required documents not yet received (CR3)."),
            findings(),
            rule_book(),
        ]),
        // assess
        interface("Assessment", "The `assess` answer: each part present when it was asked for.", vec![
            opt("fees", named("FeeEstimate"), "The `fees` answer."),
            opt("schedule", named("Schedule"), "The `schedule` answer."),
            opt("readiness", named("ReadinessReport"), "The `readiness` answer."),
            opt("team", named("TeamReport"), "The `team` answer."),
            opt("credits", named("CreditReport"), "The `credits` answer."),
            rule_book(),
        ]),
        // Around the verbs.
        Decl {
            name: "ImpowerError",
            doc: "What every function throws for bad input: an `Error` carrying the contract's error.",
            def: Def::Interface {
                extends: Some("Error"),
                fields: vec![
                    req("name", Ty::Lit("ImpowerError".to_string()), "Always `ImpowerError`."),
                    req("code", named("ErrorCode"), "Why it was refused."),
                    req("path", Ty::Text, "The offending field (`people[2].hours_per_week`); empty for the whole request."),
                    req("message", Ty::Text, "What was wrong and what to do about it."),
                ],
            },
        },
        interface("Version", "What `version()` returns.", vec![
            req("contract", Ty::Number, "The JSON contract's version: within it, fields are only ever added."),
            req("package", Ty::Text, "This build's package version."),
            req("rule_book", named("RuleBook"), "The rule book every answer of this build carries."),
        ]),
    ];
    let mut contract = Contract { decls };
    contract.declare_requests();
    contract
}

impl Contract {
    /// Adds the requests, generated from the rules' declarations
    /// (`rules::json::declare`), each nested shape once.
    fn declare_requests(&mut self) {
        for verb in Verb::ALL {
            self.declare_shape(rules::json::requests::declared(*verb));
        }
    }

    fn declare_shape(&mut self, shape: declare::Shape) {
        if self.get(shape.name).is_some() {
            return;
        }
        if shape.name == ASSESS {
            return self.declare_assess(shape);
        }
        if let Some(with_roster) = roster_variant(&shape) {
            // The same shape beside a roster: what the roster answers may be left out.
            let fields = self.fields_of(&shape, true);
            self.decls.push(Decl {
                name: with_roster,
                doc: "The same request inside `assess` beside a `team`: C1 and C2 come from the roster, so what it answers may be left out (read, then answered from the roster); while someone on the roster is not named yet, the roster answers nothing and these must be given.",
                def: Def::Interface {
                    extends: None,
                    fields,
                },
            });
        }
        // Reserve the name first, so a shape met again while mapping is declared once.
        let at = self.decls.len();
        self.decls.push(Decl {
            name: shape.name,
            doc: shape.doc,
            def: Def::Interface {
                extends: None,
                fields: Vec::new(),
            },
        });
        let fields = self.fields_of(&shape, false);
        if let Some(d) = self.decls.get_mut(at) {
            d.def = Def::Interface {
                extends: None,
                fields,
            };
        }
    }

    /// A shape's fields in TypeScript; `roster`: what a roster answers is optional.
    fn fields_of(&mut self, shape: &declare::Shape, roster: bool) -> Vec<Field> {
        let mut fields = Vec::new();
        for f in &shape.fields {
            let optional = match f.presence {
                declare::Presence::Required => false,
                declare::Presence::Roster => roster,
                declare::Presence::Optional | declare::Presence::Defaulted => true,
                // Follows from another answer: not a field a caller gives.
                declare::Presence::Refused(_) => continue,
            };
            let ty = self.ts_type(&f.ty);
            fields.push(Field {
                name: f.name.to_string(),
                ty,
                optional,
                doc: field_doc(f),
            });
        }
        fields
    }

    /// `assess` as TypeScript's two alternatives, so a checker knows which `readiness`
    /// goes with which: without a `team` (the readiness request whole), and with one
    /// (what the roster answers may be left out).
    fn declare_assess(&mut self, shape: declare::Shape) {
        let mut without = self.fields_of(&shape, false);
        let mut with = without.clone();
        for f in &mut without {
            if f.name == "team" {
                f.ty = Ty::Undefined;
                f.doc = "No roster in this alternative.".to_string();
            }
        }
        for f in &mut with {
            match f.name.as_str() {
                "team" => f.optional = false,
                "readiness" => {
                    if let Ty::Named(n) = f.ty {
                        f.ty = named(self.with_roster(n));
                    }
                }
                _ => {}
            }
        }
        self.decls.push(interface(
            ASSESS_WITHOUT_TEAM,
            "An `assess` request without a roster.",
            without,
        ));
        self.decls.push(interface(ASSESS_WITH_TEAM, "An `assess` request with a roster: its `readiness` may leave out what the roster answers.", with));
        self.decls.push(Decl {
            name: shape.name,
            doc: shape.doc,
            def: Def::OneOf(vec![ASSESS_WITHOUT_TEAM, ASSESS_WITH_TEAM]),
        });
    }

    /// The roster variant's name of the declaration `name`, if it has one.
    fn with_roster(&self, name: &'static str) -> &'static str {
        match name {
            "ReadinessRequest" => "ReadinessWithRoster",
            other => other,
        }
    }

    /// The TypeScript type of a declared one: a closed set by its union's name.
    fn ts_type(&mut self, ty: &declare::Ty) -> Ty {
        match ty {
            declare::Ty::Bool => Ty::Bool,
            declare::Ty::Count { .. } | declare::Ty::Hours => Ty::Number,
            declare::Ty::Date => Ty::Date,
            declare::Ty::Text => Ty::Text,
            declare::Ty::OneOf(keys) => self.union_of(keys),
            declare::Ty::SetOf(keys) => array(self.union_of(keys)),
            declare::Ty::List(t) => array(self.ts_type(t)),
            declare::Ty::OrNull(t) => Ty::OrNull(Box::new(self.ts_type(t))),
            declare::Ty::Object(shape) => {
                let shape = shape();
                let name = shape.name;
                self.declare_shape(shape);
                named(name)
            }
            declare::Ty::Lit(text) => Ty::Lit(text.to_string()),
            declare::Ty::UpTo(n) => Ty::Numbers((1..=*n).collect()),
            declare::Ty::Map => Ty::Map,
        }
    }

    /// The declared union with exactly these keys.
    fn union_of(&self, keys: &[&str]) -> Ty {
        self.decls
            .iter()
            .find(|d| matches!(&d.def, Def::Union(k) if k.iter().map(String::as_str).eq(keys.iter().copied())))
            .map_or_else(|| Ty::Text, |d| named(d.name))
    }

    /// The declaration named `name`.
    pub fn get(&self, name: &str) -> Option<&Decl> {
        self.decls.iter().find(|d| d.name == name)
    }

    /// The fields of the interface named `name` (empty for anything else).
    pub fn fields(&self, name: &str) -> &[Field] {
        match self.get(name).map(|d| &d.def) {
            Some(Def::Interface { fields, .. }) => fields,
            _ => &[],
        }
    }

    /// Checks `value` against `ty`: every object has only declared keys and every
    /// required one, recursively, and every value its declared type. Records each
    /// `(interface, field)` seen in `seen`. The error names the JSON path.
    pub fn check(
        &self,
        ty: &Ty,
        value: &Value,
        path: &str,
        seen: &mut BTreeSet<(String, String)>,
    ) -> Result<(), String> {
        let bad = |want: &str| Err(format!("{path}: expected {want}, got {value}"));
        match ty {
            Ty::Bool if value.is_boolean() => Ok(()),
            Ty::Bool => bad("a boolean"),
            Ty::Number if value.is_number() => Ok(()),
            Ty::Number => bad("a number"),
            Ty::Text if value.is_string() => Ok(()),
            Ty::Text => bad("a string"),
            Ty::Date => match value.as_str() {
                Some(s) if is_iso_date(s) => Ok(()),
                _ => bad("a YYYY-MM-DD date"),
            },
            Ty::Lit(s) if value.as_str() == Some(s) => Ok(()),
            Ty::Lit(s) => bad(&format!("{s:?}")),
            Ty::Numbers(ns) => match value.as_u64() {
                Some(n) if ns.iter().any(|&m| u64::from(m) == n) => Ok(()),
                _ => bad(&format!("one of {ns:?}")),
            },
            Ty::Undefined => bad("nothing (the field must be absent)"),
            Ty::Map if value.is_object() => Ok(()),
            Ty::Map => bad("an object"),
            Ty::OrNull(_) if value.is_null() => Ok(()),
            Ty::OrNull(t) => self.check(t, value, path, seen),
            Ty::Array(t) => {
                let Some(items) = value.as_array() else {
                    return bad("an array");
                };
                for (i, v) in items.iter().enumerate() {
                    self.check(t, v, &format!("{path}[{i}]"), seen)?;
                }
                Ok(())
            }
            Ty::Named(name) => {
                let Some(decl) = self.get(name) else {
                    return Err(format!("{path}: {name} is not declared"));
                };
                match &decl.def {
                    Def::Union(keys) => match value.as_str() {
                        Some(s) if keys.iter().any(|k| k == s) => Ok(()),
                        _ => bad(&format!("a {name}")),
                    },
                    Def::OneOf(variants) => {
                        let mut why = Vec::new();
                        for v in variants {
                            let mut mine = BTreeSet::new();
                            match self.check(&Ty::Named(v), value, path, &mut mine) {
                                Ok(()) => {
                                    seen.extend(mine);
                                    return Ok(());
                                }
                                Err(e) => why.push(e),
                            }
                        }
                        Err(format!("{path}: not a {name}: {}", why.join("; ")))
                    }
                    Def::Interface { fields, .. } => {
                        let Some(obj) = value.as_object() else {
                            return bad(&format!("a {name} object"));
                        };
                        for k in obj.keys() {
                            if !fields.iter().any(|f| &f.name == k) {
                                return Err(format!(
                                    "{}: {name} declares no field {k:?}",
                                    at(path, k)
                                ));
                            }
                        }
                        for f in fields {
                            match obj.get(&f.name) {
                                Some(v) => {
                                    self.check(&f.ty, v, &at(path, &f.name), seen)?;
                                    seen.insert((name.to_string(), f.name.clone()));
                                }
                                None if f.optional => {}
                                None => {
                                    return Err(format!(
                                        "{}: {name} declares it required, but it is absent",
                                        at(path, &f.name)
                                    ))
                                }
                            }
                        }
                        Ok(())
                    }
                }
            }
        }
    }

    /// A value of `ty` with every field (a request the contract must accept): booleans
    /// `true`, numbers 1, dates `2026-11-22`, closed sets their first value, arrays of one.
    pub fn example(&self, ty: &Ty) -> Value {
        match ty {
            Ty::Bool => Value::Bool(true),
            Ty::Number => json!(1),
            Ty::Text => json!("Ana"),
            Ty::Date => json!("2026-11-22"),
            Ty::Lit(s) => json!(s),
            Ty::Numbers(ns) => json!(ns.first().copied().unwrap_or(1)),
            Ty::Undefined => Value::Null,
            Ty::Map => json!({}),
            Ty::OrNull(t) => self.example(t),
            Ty::Array(t) => json!([self.example(t)]),
            Ty::Named(name) => match self.get(name).map(|d| &d.def) {
                Some(Def::Union(keys)) => json!(keys.first()),
                Some(Def::OneOf(variants)) => match variants.first() {
                    Some(v) => self.example(&Ty::Named(v)),
                    None => Value::Null,
                },
                Some(Def::Interface { fields, .. }) => {
                    let mut m = Map::new();
                    for f in fields.iter().filter(|f| f.ty != Ty::Undefined) {
                        m.insert(f.name.clone(), self.example(&f.ty));
                    }
                    Value::Object(m)
                }
                None => Value::Null,
            },
        }
    }
}

/// A field's path under `path`, as the contract writes paths (`team.projects`).
pub fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

fn ts(ty: &Ty) -> String {
    match ty {
        Ty::Bool => "boolean".into(),
        Ty::Number => "number".into(),
        Ty::Text => "string".into(),
        Ty::Date => "IsoDate".into(),
        Ty::Lit(s) => format!("{s:?}"),
        Ty::Numbers(ns) => ns
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" | "),
        Ty::Named(n) => (*n).into(),
        Ty::Array(t) => match **t {
            Ty::OrNull(_) | Ty::Numbers(_) => format!("({})[]", ts(t)),
            _ => format!("{}[]", ts(t)),
        },
        Ty::OrNull(t) => format!("{} | null", ts(t)),
        Ty::Undefined => "undefined".into(),
        Ty::Map => "{ [key: string]: unknown }".into(),
    }
}

/// `impower.d.ts`, as shipped.
pub fn render(c: &Contract) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "// impower.d.ts: the ImPower rules' JSON contract (RULES.md), for TypeScript.
//
// GENERATED from the rules' own types by `cargo run -p impower-typescript -- --write`
// (crates/typescript): do not edit. `cargo test -p impower-typescript` fails when this
// file differs from what the types give, and proves every interface against the real
// requests and answers.
//
// Within a contract version (`version().contract`) fields are only ever added: no field is
// renamed, removed or given a new meaning.

/** A date, `YYYY-MM-DD`. */
export type IsoDate = string;"
    );
    for d in &c.decls {
        let _ = writeln!(w, "\n/** {} */", d.doc);
        match &d.def {
            Def::Union(keys) => {
                let _ = writeln!(w, "export type {} =", d.name);
                for (i, k) in keys.iter().enumerate() {
                    let end = if i + 1 == keys.len() { ";" } else { "" };
                    let _ = writeln!(w, "  | {k:?}{end}");
                }
            }
            Def::OneOf(variants) => {
                let _ = writeln!(w, "export type {} = {};", d.name, variants.join(" | "));
            }
            Def::Interface { extends, fields } => {
                let ext = extends.map(|e| format!(" extends {e}")).unwrap_or_default();
                let _ = writeln!(w, "export interface {}{ext} {{", d.name);
                for f in fields {
                    let q = if f.optional { "?" } else { "" };
                    let _ = writeln!(w, "  /** {} */", f.doc);
                    let _ = writeln!(w, "  {}{q}: {};", f.name, ts(&f.ty));
                }
                let _ = writeln!(w, "}}");
            }
        }
    }
    let _ = writeln!(
        w,
        "\n// The functions. Each takes the request as a plain object and returns the answer;
// bad input throws an `ImpowerError`."
    );
    for verb in Verb::ALL {
        let (request, answer) = verb_types(*verb);
        let _ = writeln!(
            w,
            "\n/** {} @throws {{ImpowerError}} */\nexport function {}(request: {request}): {answer};",
            verb_doc(*verb),
            verb.key()
        );
    }
    let _ = writeln!(
        w,
        "
/** The contract's version and this build's package version. */
export function version(): Version;

// Loading the WebAssembly, as wasm-bindgen (--target web) declares it.

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The instantiated module (its exports are internal). */
export interface InitOutput {{
  readonly memory: WebAssembly.Memory;
}}

/** Instantiates the module from its bytes or a compiled `WebAssembly.Module` (Node, workers). */
export function initSync(module: {{ module: SyncInitInput }} | SyncInitInput): InitOutput;

/** Fetches `impower_bg.wasm` from beside `impower.js` (or `module_or_path`) and instantiates it. */
export default function init(
  module_or_path?: {{ module_or_path: InitInput | Promise<InitInput> }} | InitInput | Promise<InitInput>,
): Promise<InitOutput>;"
    );
    out
}
