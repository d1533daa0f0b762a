// A strict TypeScript host of the `impower-ready` package, as the website team would write
// one. e2e/package.test.mjs installs the packed package into a scratch copy of this folder,
// type-checks this file with `tsc --strict --noEmit` and runs it in Node against the built
// WebAssembly. A field renamed or removed in the package's types, a value added to a closed
// set, or a verb without its function makes this file fail to compile.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import init, {
  assess,
  credits,
  fees,
  initSync,
  readiness,
  schedule,
  team,
  version,
} from 'impower-ready';
import type {
  Assessment,
  CreditReport,
  CreditType,
  ErrorCode,
  FeeEstimate,
  Finding,
  ImpowerError,
  InitOutput,
  ReadinessReport,
  ReadinessRequest,
  Schedule,
  Severity,
  TeamReport,
  TeamRequest,
  Verb,
} from 'impower-ready';
// The widget entry point registers <impower-ready> when imported (in a browser); here only
// its types are used.
import type { ImpowerReady } from 'impower-ready/widget';

let checks = 0;
function check(what: string, ok: boolean): void {
  assert.ok(ok, what);
  checks += 1;
}

// Every verb has its function (a verb added to the contract fails here).
const byVerb = { fees, schedule, readiness, team, credits, assess } satisfies Record<
  Verb,
  (request: never) => object
>;
check('six verbs', Object.keys(byVerb).length === 6);

// The widget's element type, as the DOM's tag map knows it.
const tagged: HTMLElementTagNameMap['impower-ready'] extends ImpowerReady ? true : false = true;
check('<impower-ready> is an ImpowerReady', tagged);

// `init` fetches the .wasm (not in Node: no fetch of file URLs); only its type is used here.
const load: () => Promise<InitOutput> = init;
check('init is a function', typeof load === 'function');

// Loading with the bytes, as in a worker or Node.
const wasm = readFileSync(new URL(import.meta.resolve('impower-ready/impower_bg.wasm')));
const output: InitOutput = initSync({ module: wasm });
check('initSync gives the memory', output.memory instanceof WebAssembly.Memory);

const v = version();
check('contract version 1', v.contract === 1);
check('package version', /^\d+\.\d+\.\d+/.test(v.package));

// --- fees ------------------------------------------------------------------------------

const estimate: FeeEstimate = fees({ projects: 3 });
check('3 projects cost $15,000', estimate.total_usd === 15000);
check('undiscounted $18,000', estimate.undiscounted_usd === 18000);
check('2 coaches', estimate.coaches_needed === 2);
check(
  'the third is discounted (F2)',
  estimate.projects.filter((p) => p.discounted).map((p) => `${p.number}:${p.fee_usd}:${p.rule}`).join() === '3:3000:F2',
);
const withPrior = fees({ projects: 1, prior_projects: 2 });
check('prior projects move the discount', withPrior.projects[0]?.number === 3 && withPrior.projects[0]?.discounted === true);

// --- schedule --------------------------------------------------------------------------

const plan: Schedule = schedule({ date: '2026-11-22' });
check('next cohort 2027-03', plan.cohort.id === '2027-03');
check('preparation 2027-01-01', plan.cohort.preparation_starts === '2027-01-01');
check('graduation 2027-08-31', plan.cohort.graduation === '2027-08-31');
check('claim deadline 2027-11-30', plan.cohort.claim_deadline === '2027-11-30');
check('10 learning sessions', plan.sessions.length === 10);
check('5 coach trainings', plan.coach_trainings.length === 5);
check('count', schedule({ date: '2026-11-22', count: 3 }).upcoming.length === 3);

// --- readiness -------------------------------------------------------------------------

const ask: ReadinessRequest = {
  sponsor: true,
  clinical_leader: true,
  coach: 'learning',
  can_audit: true,
  can_report_data: false,
  success_factors: { S1: true, S2: true },
};
const ready: ReadinessReport = readiness(ask);
check('not ready without C3', !ready.ready);
check('C3 unmet', ready.commitments.find((c) => c.id === 'C3')?.met === false);
check('C2 met by a learning coach', ready.commitments.find((c) => c.id === 'C2')?.met === true);
check('2 of 7 (S3 needs experience)', ready.success_factors.met === 2 && ready.success_factors.of === 7);
check('S3 missing', ready.success_factors.missing.some((m) => m.id === 'S3' && m.risk.length > 0));

// --- findings: narrowing on the severity union and the optional fields ---------------------

function describe(f: Finding): string {
  const where = [f.project === undefined ? '' : `project ${f.project}`, f.person ?? ''].filter(Boolean).join(', ');
  const how = ((s: Severity): string => {
    switch (s) {
      case 'error':
        return 'must fix';
      case 'warning':
        return 'check';
      case 'info':
        return 'note';
      default: {
        const unknown: never = s;
        return unknown;
      }
    }
  })(f.severity);
  const why = f.interpretation === undefined ? '' : ` (reading: ${f.interpretation})`;
  return `${f.rule} ${how}${where ? ` [${where}]` : ''}: ${f.message} — ${f.source.page} "${f.source.words}"${why}`;
}

// --- team ------------------------------------------------------------------------------

const roster: TeamRequest = {
  edition: 'impower',
  projects: 1,
  collaboratives: ['mammography_positioning'],
  people: [
    { name: 'Sam Sponsor', hours_per_week: 2, roles: [{ role: 'sponsor', project: 1 }] },
    { name: 'Dr. Lee', hours_per_week: 4, physician: true, roles: [{ role: 'physician_leader', project: 1 }] },
    { name: 'Tess Leader', hours_per_week: 8, data_access: true, roles: [{ role: 'team_leader', project: 1 }] },
    { name: 'Cory Coach', hours_per_week: 8, qi: 'experienced', roles: [{ role: 'qi_coach', project: 1 }] },
    { name: 'Mia Member', hours_per_week: 6, roles: [{ role: 'team_member', project: 1 }] },
    { name: 'Max Member', hours_per_week: 4.5, roles: [{ role: 'team_member', project: 1 }] },
  ],
};
const teamReport: TeamReport = team(roster);
check(`a full team is valid: ${teamReport.findings.map(describe).join('; ')}`, teamReport.valid);
check('edition echoed', teamReport.edition === 'impower');
check('hours per person', teamReport.people.map((p) => p.required_hours_min).join() === '1,4,6,8,4,4');

const noCoach = team({ ...roster, people: roster.people.filter((p) => p.name !== 'Cory Coach') });
const t4 = noCoach.findings.find((f) => f.rule === 'T4' && f.severity === 'error');
check('no coach: a T4 error on project 1', !noCoach.valid && t4?.project === 1);
check('findings read', describe(t4 ?? noCoach.findings[0]!).startsWith('T4 must fix [project 1]'));

// --- credits ---------------------------------------------------------------------------

const credit: CreditReport = credits({
  physician: true,
  stages: ['A', 'B', 'C'],
  stage_c_complete: true,
  documents: ['team_roster', 'project_charter', 'a3', 'sustain_plan', 'graduation_presentation'],
  on_roster_at_start: true,
  opted_in: true,
  graduation: '2025-02-18',
  today: '2025-03-01',
});
function award(t: CreditType): string {
  switch (t) {
    case 'ama_pra_category_1':
      return 'AMA PRA Category 1 Credits';
    case 'certificate_of_participation':
      return 'Certificate of Participation';
    default: {
      const unknown: never = t;
      return unknown;
    }
  }
}
check('20 credits', credit.credits === 20 && award(credit.credit_type) === 'AMA PRA Category 1 Credits');
check('claimable until 2025-05-18', credit.claimable && credit.claim_deadline === '2025-05-18' && credit.days_left > 0);
check('no document missing', credit.missing_documents.length === 0);

// --- assess: an exported application ----------------------------------------------------

const all: Assessment = assess({
  format: 'impower-ready',
  version: 1,
  app: { organization: 'Example Radiology' },
  fees: { projects: 1 },
  team: roster,
  // Beside a roster, C1 and C2 come from it: sponsor, clinical_leader and coach may be left out.
  readiness: { can_audit: true, can_report_data: true },
});
check('assess answers what was asked', all.fees !== undefined && all.team !== undefined && all.readiness !== undefined);
check('and nothing else', all.schedule === undefined && all.credits === undefined);
if (all.fees) check('assess fees', all.fees.total_usd === 6000);
if (all.readiness) check('ready from the roster', all.readiness.ready);

// --- errors: narrowing on the error code ------------------------------------------------

function advice(code: ErrorCode): string {
  switch (code) {
    case 'malformed_json':
    case 'wrong_type':
    case 'missing_field':
    case 'unknown_field':
    case 'unknown_value':
    case 'duplicate_field':
    case 'derived_field':
      return 'fix the request';
    case 'not_integer':
    case 'out_of_range':
    case 'invalid_date':
    case 'duplicate':
    case 'empty':
    case 'too_precise':
      return 'fix the value';
    case 'unknown_verb':
    case 'usage':
    case 'io':
      return 'not from this API';
    default: {
      const unknown: never = code;
      return unknown;
    }
  }
}

function thrown(call: () => unknown): ImpowerError {
  try {
    call();
  } catch (e) {
    return e as ImpowerError;
  }
  throw new Error('expected the call to throw');
}

const fraction = thrown(() => fees({ projects: 2.5 }));
check('an Error', fraction instanceof Error && fraction.name === 'ImpowerError');
check('not_integer at projects', fraction.code === 'not_integer' && fraction.path === 'projects');
check('advice', advice(fraction.code) === 'fix the value');

// Not a fresh object literal, so TypeScript lets the extra (misspelled) field through; the rules do not.
const typo = { projects: 1, prior_project: 2 };
const unknown = thrown(() => fees(typo));
check('unknown_field at prior_project', unknown.code === 'unknown_field' && unknown.path === 'prior_project');

const hours = thrown(() => team({ projects: 1, people: [{ name: 'Ana', hours_per_week: -4, roles: [] }] }));
check('out_of_range hours', hours.code === 'out_of_range' && hours.path === 'people[0].hours_per_week');

const nested = thrown(() => assess({ credits: { ...{ physician: true, stages: [], stage_c_complete: false, documents: [], on_roster_at_start: true, opted_in: true, graduation: '2025-02-30', today: '2025-03-01' } } }));
check('invalid_date under credits', nested.code === 'invalid_date' && nested.path === 'credits.graduation');

// What the types refuse before anything runs (never called: each line must not compile).
export function refusedByTheTypes(): void {
  // @ts-expect-error: a misspelled field in a fresh literal
  fees({ projects: 1, prior_project: 2 });
  // @ts-expect-error: S3 follows from `coach` and cannot be answered
  readiness({ ...ask, success_factors: { S3: true } });
  // @ts-expect-error: not a role
  team({ projects: 1, people: [{ name: 'Ana', hours_per_week: 1, roles: [{ role: 'coach', project: 1 }] }] });
  // @ts-expect-error: without a roster, readiness needs sponsor, clinical_leader and coach
  assess({ readiness: { can_audit: true, can_report_data: true } });
  // @ts-expect-error: not a format this build reads
  assess({ format: 'other', fees: { projects: 1 } });
  // @ts-expect-error: the answer has no such field
  fees({ projects: 1 }).total;
}

console.log(`ts-consumer: ${checks} checks passed`);
