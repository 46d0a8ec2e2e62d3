// Findings as OCSF 1.x Detection Findings (class 2004, category 2 Findings), one object per finding,
// for SIEMs and data lakes that speak OCSF. Text fields carry the report's language; ids, times and
// technique ids are language-neutral.
import { safeJson } from '../core/sanitize.ts';
import { minMax } from '../core/arrays.ts';
import type { Severity } from '../detect/finding.ts';
import type { ReportAttack, ReportFinding, ReportModel } from './types.ts';

export const OCSF_VERSION = '1.3.0';

const CLASS_UID = 2004;
const CATEGORY_UID = 2;
const ACTIVITY_CREATE = 1;
const TYPE_UID = 200401; // class_uid * 100 + activity_id

const SEVERITY_ID: Readonly<Record<Severity, { id: number; name: string }>> = {
  info: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

// Observable type ids of the OCSF dictionary.
const OBSERVABLE_IP = { type_id: 2, type: 'IP Address' };
const OBSERVABLE_USER = { type_id: 4, type: 'User Name' };

// Analytic types: a rule matched, or behaviour compared with what the account usually does.
const ANALYTIC_RULE = { type_id: 1, type: 'Rule' };
const ANALYTIC_BEHAVIORAL = { type_id: 2, type: 'Behavioral' };

export type OcsfObject = Record<string, unknown>;

export interface OcsfAttack {
  technique: { uid: string; name?: string };
  tactic?: { uid: string; name: string };
}

export interface OcsfEvidence {
  uid?: string;
  name?: string;
  api?: { operation: string; service: { name: string } };
  actor?: { user: { name?: string; uid?: string } };
  src_endpoint?: { ip: string };
  resources?: Array<{ name: string }>;
  data?: { changes?: Array<{ name: string; old: string; new: string }>; snapshot?: string };
}

export interface OcsfObservable {
  name: string;
  type_id: number;
  type: string;
  value: string;
}

/** The fields takeback writes (OCSF 1.x Detection Finding; `unmapped.takeback` holds its own). */
export interface OcsfDetectionFinding {
  class_uid: 2004;
  class_name: 'Detection Finding';
  category_uid: 2;
  category_name: 'Findings';
  activity_id: 1;
  activity_name: 'Create';
  type_uid: 200401;
  type_name: 'Detection Finding: Create';
  severity_id: number;
  severity: string;
  status_id: 1;
  status: 'New';
  /** Epoch milliseconds. */
  time: number;
  message: string;
  metadata: { version: string; product: { name: 'takeback'; vendor_name: 'takeback'; version: string }; uid: string; tenant_uid: string };
  cloud: { provider: string; account: { uid: string } };
  finding_info: {
    uid: string;
    title: string;
    desc: string;
    types: string[];
    analytic: { uid: string; name: string; type_id: number; type: string };
    created_time: number;
    first_seen_time: number;
    last_seen_time: number;
    data_sources: string[];
    related_events: Array<{ uid: string }>;
    attacks?: OcsfAttack[];
  };
  remediation: { desc: string };
  evidences: OcsfEvidence[];
  observables: OcsfObservable[];
  attacks?: OcsfAttack[];
  resources?: Array<{ name: string }>;
  unmapped: { takeback: OcsfObject };
}

function ms(iso: string): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
}

function attackObjects(attacks: readonly ReportAttack[]): OcsfAttack[] {
  return attacks.map((a) => {
    const o: OcsfAttack = { technique: a.name !== undefined ? { uid: a.id, name: a.name } : { uid: a.id } };
    if (a.tactic !== undefined) o.tactic = { uid: a.tactic.uid, name: a.tactic.name };
    return o;
  });
}

function evidences(f: ReportFinding): OcsfEvidence[] {
  const out: OcsfEvidence[] = f.events.map((e) => {
    const ev: OcsfEvidence = {
      uid: e.id,
      name: e.nativeAction,
      api: { operation: e.nativeAction, service: { name: e.source } },
    };
    if (e.actor !== '' || e.actorId !== undefined) ev.actor = { user: { ...(e.actor !== '' ? { name: e.actor } : {}), ...(e.actorId !== undefined ? { uid: e.actorId } : {}) } };
    if (e.ip !== undefined) ev.src_endpoint = { ip: e.ip };
    if (e.targets.length > 0) ev.resources = e.targets.map((name) => ({ name }));
    return ev;
  });
  if (f.changes.length > 0 || f.snapshotText !== undefined) {
    const data: NonNullable<OcsfEvidence['data']> = {};
    if (f.changes.length > 0) data.changes = f.changes.map((c) => ({ name: c.name, old: c.before, new: c.after }));
    if (f.snapshotText !== undefined) data.snapshot = f.snapshotText;
    out.push({ name: f.changes.length > 0 ? 'changes' : 'snapshot', data });
  }
  return out;
}

function observables(f: ReportFinding): OcsfObservable[] {
  const out: OcsfObservable[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: { type_id: number; type: string }, value: string): void => {
    const key = `${kind.type_id}|${value}`;
    if (value === '' || seen.has(key)) return;
    seen.add(key);
    out.push({ name, ...kind, value });
  };
  for (const a of f.actors) add('evidences.actor.user.name', OBSERVABLE_USER, a);
  for (const ip of f.ips) add('evidences.src_endpoint.ip', OBSERVABLE_IP, ip);
  return out;
}

/** One Detection Finding for one report finding. */
export function ocsfFinding(f: ReportFinding, m: ReportModel): OcsfDetectionFinding {
  const sev = SEVERITY_ID[f.severity];
  const times = f.events.map((e) => ms(e.time));
  const [first, last] = minMax(times);
  const attacks = attackObjects(f.attack);
  const findingInfo: OcsfDetectionFinding['finding_info'] = {
    uid: f.id,
    title: f.title,
    desc: [f.explanation, ...f.notes].join(' '),
    types: [`takeback/${f.kind}`, ...(f.step !== undefined ? [`takeback/step/${f.step}`] : [])],
    analytic: { uid: f.ruleId, name: f.ruleId, ...(f.kind === 'context' ? ANALYTIC_BEHAVIORAL : ANALYTIC_RULE) },
    created_time: ms(m.generatedAt),
    first_seen_time: times.length > 0 ? first : ms(f.time),
    last_seen_time: times.length > 0 ? last : ms(f.time),
    data_sources: [...new Set(f.events.map((e) => e.sourceLabel))],
    related_events: f.eventIds.map((uid) => ({ uid })),
  };
  if (attacks.length > 0) findingInfo.attacks = attacks;
  const o: OcsfDetectionFinding = {
    class_uid: CLASS_UID,
    class_name: 'Detection Finding',
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    activity_id: ACTIVITY_CREATE,
    activity_name: 'Create',
    type_uid: TYPE_UID,
    type_name: 'Detection Finding: Create',
    severity_id: sev.id,
    severity: sev.name,
    status_id: 1,
    status: 'New',
    time: ms(f.time),
    message: f.title,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'takeback', vendor_name: 'takeback', version: m.version },
      uid: f.id,
      tenant_uid: f.tenant,
    },
    cloud: { provider: f.provider === 'gws' ? 'Google' : 'Microsoft', account: { uid: f.tenant } },
    finding_info: findingInfo,
    remediation: { desc: f.nextSteps },
    evidences: evidences(f),
    observables: observables(f),
    unmapped: {
      takeback: {
        lang: m.lang,
        kind: f.kind,
        time_exact: f.timeExact,
        ...(f.incidentId !== undefined ? { incident_uid: f.incidentId } : {}),
        ...(f.step !== undefined ? { step: f.step } : {}),
        ...(f.indicator !== undefined ? { indicator: f.indicator } : {}),
        ...(f.chainedFindings.length > 0 ? { chained_findings: f.chainedFindings } : {}),
      },
    },
  };
  if (attacks.length > 0) o.attacks = attacks;
  if (f.subject !== undefined || f.targets.length > 0) {
    const names = [...new Set([...(f.subject !== undefined ? [f.subject] : []), ...f.targets])];
    o.resources = names.map((name) => ({ name }));
  }
  return o;
}

export function renderOcsf(m: ReportModel): OcsfDetectionFinding[] {
  return m.findings.map((f) => ocsfFinding(f, m));
}

/** JSON Lines: one Detection Finding per line. */
export function renderOcsfJsonLines(m: ReportModel): string {
  return renderOcsf(m)
    .map((o) => safeJson(o) + '\n')
    .join('');
}

/** A JSON array of Detection Findings. */
export function renderOcsfJson(m: ReportModel): string {
  return safeJson(renderOcsf(m), 2) + '\n';
}
