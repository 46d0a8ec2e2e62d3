// One change, several records. Entra writes "Change user license" and "Update user" for one licence
// change, and the Unified Audit Log carries a copy of each: a rule that fires on every record would
// report the same change four times. Findings of one event rule, in one tenant, by the same actor about
// the same subject with the same details, minutes apart, are one finding with every record as evidence.
// "Same details" allows one record to know less than its twin ("Change user license" does not name the
// licence, "Update user" does): a detail shown as `-` in one agrees with any value in the other.
import { maxSeverity, type EntityRef, type Finding, type Params } from './finding.ts';
import { normAlias } from './identity.ts';
import { isoMs } from '../core/iso-time.ts';

/** Twins of one change are written within seconds of each other; a repeat minutes later is a new change. */
export const TWIN_WINDOW_MS = 5 * 60_000;

function refKey(r: EntityRef | undefined): string {
  return r === undefined ? '' : (normAlias(r.id) ?? normAlias(r.name) ?? '');
}

/** Who did what to whom: equal for twins (details are compared by `agree`). */
function twinKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.tenant}\u0000${refKey(f.entities.actors[0])}\u0000${refKey(f.subject)}\u0000${f.step ?? ''}`;
}

/** Params that differ only where one side does not know (`-`); the time is not a detail. */
function agree(a: Params, b: Params): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'when') continue;
    const x = a[k];
    const y = b[k];
    if (x !== y && x !== '-' && y !== '-') return false;
  }
  return true;
}

/** The better-informed value of each param. */
function mergeParams(a: Params, b: Params): Params {
  const out: Params = { ...a };
  for (const [k, v] of Object.entries(b)) if (out[k] === undefined || out[k] === '-') out[k] = v;
  return out;
}

function union<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) {
    const k = key(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

function merge(into: Finding, twin: Finding): Finding {
  return {
    ...into,
    severity: maxSeverity(into.severity, twin.severity),
    params: mergeParams(into.params, twin.params),
    text: { ...into.text, notes: union(into.text.notes, twin.text.notes, String) },
    entities: {
      actors: union(into.entities.actors, twin.entities.actors, refKey),
      targets: union(into.entities.targets, twin.entities.targets, refKey),
      ips: union(into.entities.ips, twin.entities.ips, String),
    },
    evidence: {
      ...into.evidence,
      events: union(into.evidence.events, twin.evidence.events, String),
      changes: union(into.evidence.changes, twin.evidence.changes, (c) => JSON.stringify([c.name, c.old ?? null, c.new ?? null])),
    },
  };
}

/** Event findings with their twins merged into the earliest; order by time is kept. */
export function mergeTwins(findings: readonly Finding[]): Finding[] {
  const sorted = findings.map((f) => ({ f, t: isoMs(f.time) })).sort((a, b) => a.t - b.t || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0));
  // Per who-did-what-to-whom, the findings still within the window of their first record.
  const open = new Map<string, Array<{ index: number; start: number }>>();
  const out: Finding[] = [];
  for (const { f, t } of sorted) {
    const key = twinKey(f);
    let groups = open.get(key);
    if (groups === undefined) open.set(key, (groups = []));
    else if (groups.length > 0 && t - groups[0]!.start > TWIN_WINDOW_MS) {
      groups = groups.filter((g) => t - g.start <= TWIN_WINDOW_MS);
      open.set(key, groups);
    }
    const twin = groups.find((g) => agree(out[g.index]!.params, f.params));
    if (twin !== undefined) out[twin.index] = merge(out[twin.index]!, f);
    else {
      groups.push({ index: out.length, start: t });
      out.push(f);
    }
  }
  return out;
}
