// impower.d.ts: the ImPower rules' JSON contract (RULES.md), for TypeScript.
//
// GENERATED from the rules' own types by `cargo run -p impower-typescript -- --write`
// (crates/typescript): do not edit. `cargo test -p impower-typescript` fails when this
// file differs from what the types give, and proves every interface against the real
// requests and answers.
//
// Within a contract version (`version().contract`) fields are only ever added: no field is
// renamed, removed or given a new meaning.

/** A date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The contract's verbs. */
export type Verb =
  | "fees"
  | "schedule"
  | "readiness"
  | "team"
  | "credits"
  | "assess";

/** A project role (T1–T6). */
export type Role =
  | "sponsor"
  | "physician_leader"
  | "team_leader"
  | "qi_coach"
  | "team_member"
  | "data_analyst";

/** Whose weekly-hours table (`impower`, the default, or `learning-network`). */
export type Edition =
  | "impower"
  | "learning-network";

/** A coach's or person's quality-improvement background (C2, S3). */
export type Qi =
  | "experienced"
  | "learning"
  | "none";

/** A PI-CME stage (CR1). */
export type Stage =
  | "A"
  | "B"
  | "C";

/** A required project document (CR3). */
export type ProjectDocument =
  | "team_roster"
  | "project_charter"
  | "a3"
  | "sustain_plan"
  | "graduation_presentation";

/** An ImPower improvement collaborative (K1). */
export type Collaborative =
  | "lung_cancer_screening"
  | "mammography_positioning"
  | "prostate_mr_image_quality"
  | "recommendations_follow_up";

/** What a participant may be awarded (CR8). */
export type CreditType =
  | "ama_pra_category_1"
  | "certificate_of_participation";

/** How much a finding matters. */
export type Severity =
  | "error"
  | "warning"
  | "info";

/** A source page: `LN` the Learning Network page, `IP` the ImPower program page. */
export type Page =
  | "LN"
  | "IP";

/** A rule of the rule book (RULES.md). */
export type RuleId =
  | "C1"
  | "C2"
  | "C3"
  | "S1"
  | "S2"
  | "S3"
  | "S4"
  | "S5"
  | "S6"
  | "S7"
  | "T1"
  | "T2"
  | "T3"
  | "T4"
  | "T5"
  | "T6"
  | "T7"
  | "T8"
  | "F1"
  | "F2"
  | "F3"
  | "F4"
  | "P1"
  | "P2"
  | "P3"
  | "P4"
  | "P5"
  | "P6"
  | "CR1"
  | "CR2"
  | "CR3"
  | "CR4"
  | "CR5"
  | "CR6"
  | "CR7"
  | "CR8"
  | "CR9"
  | "K1"
  | "A1"
  | "A2"
  | "A3";

/** Why a request was refused (`usage` and `io` come from the command line only). */
export type ErrorCode =
  | "malformed_json"
  | "unknown_verb"
  | "wrong_type"
  | "missing_field"
  | "unknown_field"
  | "unknown_value"
  | "not_integer"
  | "out_of_range"
  | "invalid_date"
  | "duplicate"
  | "duplicate_field"
  | "empty"
  | "too_precise"
  | "derived_field"
  | "usage"
  | "io";

/** Which rules decided an answer: every answer carries it. */
export interface RuleBook {
  /** The edition of the rule book (RULES.md) the build implements. */
  version: string;
  /** `sha256:` and 64 hex digits over every fact, rule text and piece of logic that can decide an answer: two builds with the same digest answer alike. */
  digest: string;
}

/** The words a rule rests on. */
export interface Source {
  /** The page quoted. */
  page: Page;
  /** The exact words. */
  words: string;
}

/** One thing an evaluation found, with its rule and source. */
export interface Finding {
  /** The rule it applies. */
  rule: RuleId;
  /** How much it matters. */
  severity: Severity;
  /** The project it concerns (1-based), if one. */
  project?: number;
  /** The person it concerns, by name, if one. */
  person?: string;
  /** What was found and what to do about it. */
  message: string;
  /** The words the rule rests on. */
  source: Source;
  /** Our reading, when the rule rests on one. */
  interpretation?: string;
  /** Not yet due: what it asks for comes, or must be done, by this day, so it is to come, not a failure. */
  due?: IsoDate;
  /** Too late: the last day to act on it was this one; nothing done now changes it. */
  passed?: IsoDate;
}

/** One project's fee. */
export interface ProjectFee {
  /** The project's number, counting prior projects. */
  number: number;
  /** Its fee in whole US dollars. */
  fee_usd: number;
  /** Whether the discount applies to it (F2). */
  discounted: boolean;
  /** The rule that sets the fee (F1 or F2). */
  rule: RuleId;
}

/** The `fees` answer. */
export interface FeeEstimate {
  /** The total in whole US dollars, earlier projects counted toward the discount (F3, a reading). */
  total_usd: number;
  /** With earlier projects only: the total if they did not count (the other reading of F3), beside `total_usd`; an F3 warning says to confirm. */
  total_usd_without_prior?: number;
  /** The total without the discount (F2). */
  undiscounted_usd: number;
  /** One team per project (F4). */
  teams_needed: number;
  /** The fewest QI coaches that can serve the projects' teams (F4, T4). */
  coaches_needed: number;
  /** Each new project's fee. */
  projects: ProjectFee[];
  /** Every finding, none left out. */
  findings: Finding[];
  /** The rules that decided it: the same for every answer of one build. */
  rule_book: RuleBook;
}

/** A cohort and its dates. */
export interface Cohort {
  /** `YYYY-MM`: the month the team starts. */
  id: string;
  /** The leaders' two-month preparation begins (P2). */
  preparation_starts: IsoDate;
  /** The whole team starts (P1). */
  team_starts: IsoDate;
  /** Estimated graduation, Session 10 (P3). */
  graduation: IsoDate;
  /** The last day to claim credit (CR7). */
  claim_deadline: IsoDate;
}

/** A learning session (P4, P5). */
export interface Session {
  /** 1 to 10. */
  number: number;
  /** Its title. */
  title: string;
  /** Its estimated date. */
  date: IsoDate;
  /** The optional QI application meeting, the day after. */
  application_meeting: IsoDate;
}

/** A QI coach training session (P5). */
export interface CoachTraining {
  /** 1 to 5. */
  number: number;
  /** What it covers. */
  topic: string;
}

/** The `schedule` answer. */
export interface Schedule {
  /** The date planned from. */
  date: IsoDate;
  /** The next cohort whose preparation starts on or after the date. */
  cohort: Cohort;
  /** A cohort already in its leaders' preparation on the date, its team not started: a late entry beside `cohort`, never instead of it, with a P2 warning (ask the Learning Network team). */
  late_entry?: Cohort;
  /** That cohort and the ones after it. */
  upcoming: Cohort[];
  /** The cohort's learning sessions. */
  sessions: Session[];
  /** The coaches' training sessions. */
  coach_trainings: CoachTraining[];
  /** ImPower's five steps (A2). */
  steps: string[];
  /** Every finding, none left out. */
  findings: Finding[];
  /** The rules that decided it: the same for every answer of one build. */
  rule_book: RuleBook;
}

/** One of the three critical commitments. */
export interface Commitment {
  /** C1, C2 or C3. */
  id: RuleId;
  /** Whether it holds. */
  met: boolean;
  /** What holds or what to do. */
  message: string;
  /** The words it rests on. */
  source: Source;
  /** Our reading, when it rests on one. */
  interpretation?: string;
}

/** A success factor not met. */
export interface MissingFactor {
  /** S1 to S7. */
  id: RuleId;
  /** What missing it risks. */
  risk: string;
}

/** The success factors: k of 7. */
export interface FactorScore {
  /** How many are met. */
  met: number;
  /** How many there are (7). */
  of: number;
  /** Those not met. */
  missing: MissingFactor[];
}

/** A next step. */
export interface Step {
  /** The rule it comes from. */
  rule: RuleId;
  /** What to do. */
  text: string;
}

/** The `readiness` answer. */
export interface ReadinessReport {
  /** All three commitments are met. */
  ready: boolean;
  /** C1, C2, C3. */
  commitments: Commitment[];
  /** k of 7. */
  success_factors: FactorScore;
  /** What to do next (A1, A3). */
  next_steps: Step[];
  /** Every finding, none left out. */
  findings: Finding[];
  /** The rules that decided it: the same for every answer of one build. */
  rule_book: RuleBook;
}

/** One person's weekly hours (T7). */
export interface PersonHours {
  /** Their name; `null` while not named yet. */
  name: string | null;
  /** The sum of the minimum hours of their roles. */
  required_hours_min: number;
  /** The sum of the maximum hours of their roles. */
  required_hours_max: number;
  /** The hours they can give; `null` while not answered yet. */
  hours_per_week: number | null;
  /** How many hours short of the minimum (0 when covered), exact to the hundredth; `null` while their hours are not answered yet. */
  shortfall_hours: number | null;
}

/** The `team` answer. */
export interface TeamReport {
  /** No error finding, and everyone named. */
  valid: boolean;
  /** The edition used. */
  edition: Edition;
  /** Every finding, none left out. */
  findings: Finding[];
  /** The rules that decided it: the same for every answer of one build. */
  rule_book: RuleBook;
  /** Each person's hours, in the request's order. */
  people: PersonHours[];
  /** A draft's unanswered fields, as paths in the request (`people[2].name`); absent when there are none. */
  unanswered?: string[];
}

/** The `credits` answer. */
export interface CreditReport {
  /** What the participation is worth (CR1). */
  credits: number;
  /** AMA PRA Category 1 or a certificate (CR8). */
  credit_type: CreditType;
  /** Whether it can be claimed today. */
  claimable: boolean;
  /** Graduation plus three months (CR7). */
  claim_deadline: IsoDate;
  /** Days from today to the deadline, the deadline included (negative once past). */
  days_left: number;
  /** Required documents not yet received (CR3). */
  missing_documents: ProjectDocument[];
  /** Every finding, none left out. */
  findings: Finding[];
  /** The rules that decided it: the same for every answer of one build. */
  rule_book: RuleBook;
}

/** The `assess` answer: each part present when it was asked for. */
export interface Assessment {
  /** The `fees` answer. */
  fees?: FeeEstimate;
  /** The `schedule` answer. */
  schedule?: Schedule;
  /** The `readiness` answer. */
  readiness?: ReadinessReport;
  /** The `team` answer. */
  team?: TeamReport;
  /** The `credits` answer. */
  credits?: CreditReport;
  /** The rules that decided it: the same for every answer of one build. */
  rule_book: RuleBook;
}

/** What every function throws for bad input: an `Error` carrying the contract's error. */
export interface ImpowerError extends Error {
  /** Always `ImpowerError`. */
  name: "ImpowerError";
  /** Why it was refused. */
  code: ErrorCode;
  /** The offending field (`people[2].hours_per_week`); empty for the whole request. */
  path: string;
  /** What was wrong and what to do about it. */
  message: string;
}

/** What `version()` returns. */
export interface Version {
  /** The JSON contract's version: within it, fields are only ever added. */
  contract: number;
  /** This build's package version. */
  package: string;
  /** The rule book every answer of this build carries. */
  rule_book: RuleBook;
}

/** A `fees` request. */
export interface FeesRequest {
  /** How many new projects. A whole number from 1 to 100. */
  projects: number;
  /** The organization's earlier projects (they move which projects are discounted, F2, F3); none if left out. A whole number from 0 to 10000. */
  prior_projects?: number;
  /** The date whose program facts decide it (RULES.md, "Dated facts"). */
  as_of?: IsoDate;
}

/** A `schedule` request. */
export interface ScheduleRequest {
  /** Plan from this date (the clock is always an input). */
  date: IsoDate;
  /** How many cohorts to list. A whole number from 1 to 12. */
  count?: number;
  /** The date whose program facts decide it (RULES.md, "Dated facts"); its `date` if left out. */
  as_of?: IsoDate;
}

/** The success factors the user answers; a factor left out is not met. */
export interface SuccessFactorAnswers {
  /** S1 is met. Department leaders support change and are willing to manage it. */
  S1?: boolean;
  /** S2 is met. Engaged front-line staff and leaders will take part and do project work. */
  S2?: boolean;
  /** S4 is met. An organizational sponsor will provide time and resources for the project. */
  S4?: boolean;
  /** S5 is met. You can track and report progress data weekly, and do manual image audits or report reviews. */
  S5?: boolean;
  /** S6 is met. You can commit to the whole training program and to the people it needs. */
  S6?: boolean;
  /** S7 is met. You want to join a community committed to improving and collaborating. */
  S7?: boolean;
}

/** The same request inside `assess` beside a `team`: C1 and C2 come from the roster, so what it answers may be left out (read, then answered from the roster); while someone on the roster is not named yet, the roster answers nothing and these must be given. */
export interface ReadinessWithRoster {
  /** An organizational sponsor is named (C1). */
  sponsor?: boolean;
  /** A clinical leader, the physician leader, is named (C1). */
  clinical_leader?: boolean;
  /** The QI coach's background (C2, S3). */
  coach?: Qi;
  /** The organization can perform manual audits (C3). */
  can_audit: boolean;
  /** The organization can report data throughout ImPower (C3). */
  can_report_data: boolean;
  /** The success factors met. */
  success_factors?: SuccessFactorAnswers;
  /** The date whose program facts decide it (RULES.md, "Dated facts"). */
  as_of?: IsoDate;
}

/** A `readiness` request. */
export interface ReadinessRequest {
  /** An organizational sponsor is named (C1). */
  sponsor: boolean;
  /** A clinical leader, the physician leader, is named (C1). */
  clinical_leader: boolean;
  /** The QI coach's background (C2, S3). */
  coach: Qi;
  /** The organization can perform manual audits (C3). */
  can_audit: boolean;
  /** The organization can report data throughout ImPower (C3). */
  can_report_data: boolean;
  /** The success factors met. */
  success_factors?: SuccessFactorAnswers;
  /** The date whose program facts decide it (RULES.md, "Dated facts"). */
  as_of?: IsoDate;
}

/** A `team` request. */
export interface TeamRequest {
  /** Whose weekly-hours table; `impower` if left out. */
  edition?: Edition;
  /** How many projects. A whole number from 1 to 100. */
  projects: number;
  /** Each project's collaborative, in project order (`null`: not chosen yet), no more than the projects. */
  collaboratives?: (Collaborative | null)[];
  /** The roster. */
  people: Person[];
  /** The date whose program facts decide it (RULES.md, "Dated facts"). */
  as_of?: IsoDate;
}

/** A person on the roster. */
export interface Person {
  /** Their name, unique on the roster; `null` while not named yet (RULES.md, "Drafts": not on the roster yet, and `valid` waits). */
  name: string | null;
  /** Hours a week they can give; `null` while not answered yet (their T7 waits). From 0 to 168, at most two decimal places. */
  hours_per_week: number | null;
  /** Holds an MD, DO or equivalent degree (T2, CR8); false if left out. */
  physician?: boolean;
  /** Can access data from departmental systems (T6); false if left out. */
  data_access?: boolean;
  /** Their QI background (C2, S3 for coaches); `none` if left out. */
  qi?: Qi;
  /** Their roles, per project. */
  roles: Assignment[];
}

/** A role on a project. */
export interface Assignment {
  /** The role. */
  role: Role;
  /** The project it is on, at most the request's `projects`. A whole number from 1 to 100. */
  project: number;
}

/** A `credits` request. */
export interface CreditsRequest {
  /** MD, DO or equivalent (CR8). */
  physician: boolean;
  /** The stages taken part in, each once (CR1). */
  stages: Stage[];
  /** Stage C is complete (CR2). */
  stage_c_complete: boolean;
  /** The documents received, each once (CR3). */
  documents: ProjectDocument[];
  /** Named on the Team Roster at the start (CR4). */
  on_roster_at_start: boolean;
  /** Opted in by the survey by Session 1 (CR5). */
  opted_in: boolean;
  /** The day of Session 1 (the cohort's `team_starts`), on or before graduation: times CR4 and CR5. */
  session_1?: IsoDate;
  /** The graduation date. */
  graduation: IsoDate;
  /** Today (the clock is always an input). */
  today: IsoDate;
  /** The date whose program facts decide it (RULES.md, "Dated facts"); the graduation if left out. */
  as_of?: IsoDate;
}

/** An `assess` request without a roster. */
export interface AssessRequestWithoutTeam {
  /** A `fees` request. */
  fees?: FeesRequest;
  /** A `schedule` request. */
  schedule?: ScheduleRequest;
  /** A `readiness` request (beside a `team`, C1 and C2 come from the roster). */
  readiness?: ReadinessRequest;
  /** No roster in this alternative. */
  team?: undefined;
  /** A `credits` request. */
  credits?: CreditsRequest;
  /** An exported application's format; another is refused (`unknown_value`). */
  format?: "impower-ready";
  /** An exported application's version; a newer one is refused (`out_of_range`). */
  version?: 1;
  /** What only the app needs (organization, view, fields as typed): carried, never evaluated. */
  app?: { [key: string]: unknown };
  /** The date whose program facts decide every part that has none of its own (RULES.md, "Dated facts"). */
  as_of?: IsoDate;
}

/** An `assess` request with a roster: its `readiness` may leave out what the roster answers. */
export interface AssessRequestWithTeam {
  /** A `fees` request. */
  fees?: FeesRequest;
  /** A `schedule` request. */
  schedule?: ScheduleRequest;
  /** A `readiness` request (beside a `team`, C1 and C2 come from the roster). */
  readiness?: ReadinessWithRoster;
  /** A `team` request. */
  team: TeamRequest;
  /** A `credits` request. */
  credits?: CreditsRequest;
  /** An exported application's format; another is refused (`unknown_value`). */
  format?: "impower-ready";
  /** An exported application's version; a newer one is refused (`out_of_range`). */
  version?: 1;
  /** What only the app needs (organization, view, fields as typed): carried, never evaluated. */
  app?: { [key: string]: unknown };
  /** The date whose program facts decide every part that has none of its own (RULES.md, "Dated facts"). */
  as_of?: IsoDate;
}

/** An `assess` request (give at least one of fees, schedule, readiness, team, credits), or an exported application. */
export type AssessRequest = AssessRequestWithoutTeam | AssessRequestWithTeam;

// The functions. Each takes the request as a plain object and returns the answer;
// bad input throws an `ImpowerError`.

/** Fees per project, the discounted ones, the teams and coaches they need (F1–F4). @throws {ImpowerError} */
export function fees(request: FeesRequest): FeeEstimate;

/** The next cohort and its calendar from a date (P1–P6, CR7). @throws {ImpowerError} */
export function schedule(request: ScheduleRequest): Schedule;

/** The three commitments and seven success factors (C1–C3, S1–S7). @throws {ImpowerError} */
export function readiness(request: ReadinessRequest): ReadinessReport;

/** Roles, counts and weekly hours per person (T1–T8). @throws {ImpowerError} */
export function team(request: TeamRequest): TeamReport;

/** Continuing-education credit, claimability and deadline (CR1–CR9). @throws {ImpowerError} */
export function credits(request: CreditsRequest): CreditReport;

/** Any of the others in one request, keyed by verb; also an exported application. @throws {ImpowerError} */
export function assess(request: AssessRequest): Assessment;

/** The contract's version and this build's package version. */
export function version(): Version;

// Loading the WebAssembly, as wasm-bindgen (--target web) declares it.

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The instantiated module (its exports are internal). */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/** Instantiates the module from its bytes or a compiled `WebAssembly.Module` (Node, workers). */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/** Fetches `impower_bg.wasm` from beside `impower.js` (or `module_or_path`) and instantiates it. */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
