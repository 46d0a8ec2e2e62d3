// Chains findings into incidents and tells each incident as an ordered storyline.
//
// Two findings are linked when, within the link window, they share an IP, a target principal, or an
// actor acting from the same IP. An established account's actions link only through the IP they came
// from (the real admin keeps working from the office while an intruder uses his account from abroad);
// a newcomer (created or made admin in the data) links through everything it does. Findings about
// the tenant as a whole (a subscription, the notification contacts) join the incident whose time span
// they fall in. A sequence is linked to the findings it chains and through its own principals, never by
// pairing each of its actors with each of its addresses. A linked group becomes an incident when it
// holds a high or critical finding or a sequence.
import type { Provider } from '../core/event.ts';
import { shortTime } from './event-values.ts';
import type { TenantFacts } from './facts.ts';
import { DAY_MS, push } from './facts.ts';
import { findingId, maxSeverity, severityRank, STEP_KINDS, type Entities, type EntityRef, type Finding, type Params, type Severity, type StepKind } from './finding.ts';
import { isPrincipalKind } from './identity.ts';
import { isoMs } from '../core/iso-time.ts';
import type { DetectContext } from './rule.ts';
import { STEP_TEXT_NO_ACTOR } from './storyline-text.ts';

export interface StoryStep {
  kind: StepKind;
  time: string;
  /** False when the time is only when a snapshot noticed the change. */
  timeExact: boolean;
  severity: Severity;
  /** i18n key of the step's sentence (`detect.step.<kind>`, or the finding's title for `other`). */
  text: string;
  params: Params;
  subject?: EntityRef;
  actor?: EntityRef;
  ip?: string;
  /** Findings the step stands for (an event and a snapshot finding of the same fact merge). */
  findings: string[];
  ruleIds: string[];
}

export interface Incident {
  /** Stable: from the tenant and the earliest finding that made it an incident. */
  id: string;
  tenant: string;
  provider: Provider;
  severity: Severity;
  start: string;
  end: string;
  /** The leading finding's title key and params (a sequence's when there is one). */
  title: { key: string; params: Params };
  /** Member finding ids, oldest first (sequences included). */
  findings: string[];
  sequences: string[];
  entities: Entities;
  storyline: StoryStep[];
}

export interface StorylineOptions {
  linkWindowDays: number;
}

/** An IP used by this many accounts is shared (an office, a VPN) and links nothing by itself. */
const SHARED_IP_USERS = 3;

const STEP_ORDER: ReadonlyMap<StepKind, number> = new Map(STEP_KINDS.map((k, i) => [k, i]));

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    let c = i;
    while (this.parent[c] !== r) {
      const next = this.parent[c]!;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** The keys a finding links through (see the module comment), in first-seen order. */
function linkKeys(f: Finding, t: number, facts: TenantFacts): string[] {
  const keys: string[] = [];
  // An address many accounts use (the office) says nothing about who is behind a change.
  for (const ip of f.entities.ips) if (facts.usersOfIp(ip).size < SHARED_IP_USERS) keys.push(`ip:${ip}`);
  // A chain's finding names thousands of actors, many of them one principal: a principal's keys are
  // the same each time, so each is made once (not once per actor and IP).
  const actorKeys = new Set<string>();
  for (const a of f.entities.actors) {
    const k = facts.key(a);
    if (k === undefined || actorKeys.has(k)) continue;
    actorKeys.add(k);
    if (facts.isNewcomer(k, t)) keys.push(`p:${k}`);
    // A sequence names the actors and addresses of all its findings without saying who used which:
    // pairing each with each would make links no record shows (and actors × addresses keys). Its
    // findings carry their own pairs, and the sequence joins their incident through its evidence.
    if (f.kind === 'sequence') continue;
    if (f.entities.ips.length === 0) keys.push(`a:${k}|`);
    for (const ip of f.entities.ips) keys.push(`a:${k}|${ip}`);
  }
  const targets = f.subject !== undefined ? [f.subject, ...f.entities.targets] : f.entities.targets;
  for (const t of targets) {
    if (!isPrincipalKind(t.kind)) continue;
    const k = facts.key(t);
    if (k !== undefined) keys.push(`p:${k}`);
  }
  return [...new Set(keys)];
}

function stepKindOf(f: Finding, facts: TenantFacts): StepKind {
  const kind = f.step ?? 'other';
  // Taking rights from an account that itself is new is containment of a rogue admin, not a lock-out.
  if ((kind === 'original-admin-removed' || kind === 'original-admin-deleted' || kind === 'original-admin-disabled') && f.subject !== undefined && facts.isNewcomer(f.subject, ms(f.time))) {
    return 'admin-removed';
  }
  return kind;
}

function ms(iso: string): number {
  return isoMs(iso);
}

/**
 * Where a finding's step may merge: the first step (lowest index) of its kind whose subject agrees
 * (either unknown, or the same principal) and whose time is within a day (or either time is only when
 * a snapshot noticed the change). Findings come oldest first, so an exact step created with a known
 * subject keeps its time and subject, and only the newest of its (kind, subject) list can still be
 * within a day; the rare others (no subject, or an inexact time) are checked one by one.
 */
class MergeIndex {
  /** Per kind: every step (the general search). */
  private readonly byKind = new Map<StepKind, number[]>();
  /** Per kind and subject key: exact steps with a subject key, oldest first. */
  private readonly exact = new Map<StepKind, Map<string, number[]>>();
  /** Per kind: steps created without a subject key or with an inexact time. */
  private readonly special = new Map<StepKind, number[]>();

  constructor(
    private readonly steps: readonly StoryStep[],
    private readonly subjectKeys: ReadonlyArray<string | undefined>,
    private readonly stepMs: readonly number[],
  ) {}

  add(kind: StepKind, idx: number): void {
    push(this.byKind, kind, idx);
    const sk = this.subjectKeys[idx];
    if (sk === undefined || !this.steps[idx]!.timeExact) push(this.special, kind, idx);
    else {
      let bySubject = this.exact.get(kind);
      if (bySubject === undefined) this.exact.set(kind, (bySubject = new Map<string, number[]>()));
      push(bySubject, sk, idx);
    }
  }

  private fits(idx: number, sk: string | undefined, exact: boolean, t: number): boolean {
    const other = this.subjectKeys[idx];
    return (other === undefined || sk === undefined || other === sk) && (!this.steps[idx]!.timeExact || !exact || Math.abs(this.stepMs[idx]! - t) <= DAY_MS);
  }

  /** The step to merge into, or -1. */
  find(kind: StepKind, sk: string | undefined, exact: boolean, t: number): number {
    if (sk === undefined || !exact) {
      for (const idx of this.byKind.get(kind) ?? []) if (this.fits(idx, sk, exact, t)) return idx;
      return -1;
    }
    let best = -1;
    for (const idx of this.special.get(kind) ?? []) {
      if (this.fits(idx, sk, exact, t)) {
        best = idx;
        break;
      }
    }
    const list = this.exact.get(kind)?.get(sk);
    if (list !== undefined) {
      // Newest first, while still within a day: the lowest index that fits wins.
      for (let j = list.length - 1; j >= 0; j--) {
        const idx = list[j]!;
        if (t - this.stepMs[idx]! > DAY_MS) break;
        if (this.fits(idx, sk, exact, t) && (best < 0 || idx < best)) best = idx;
      }
    }
    return best;
  }
}

function storyline(members: readonly Finding[], facts: TenantFacts): StoryStep[] {
  const items = members
    .filter((f) => f.kind !== 'sequence')
    .map((f) => ({ f, kind: stepKindOf(f, facts), t: ms(f.time) }))
    .sort((a, b) => a.t - b.t || (STEP_ORDER.get(a.kind) ?? 0) - (STEP_ORDER.get(b.kind) ?? 0));
  const steps: StoryStep[] = [];
  const subjectKeys: Array<string | undefined> = [];
  // Each step's time in ms, and where to look for a step to merge into: a large incident has
  // thousands of findings, and that search must not parse dates or scan every step.
  const stepMs: number[] = [];
  const merges = new MergeIndex(steps, subjectKeys, stepMs);
  for (const { f, kind, t } of items) {
    const sk = facts.key(f.subject);
    // The same fact seen twice (a log record and a snapshot, or two records of one change) is one step.
    const i = kind !== 'other' ? merges.find(kind, sk, f.timeExact, t) : -1;
    if (i >= 0) {
      const s = steps[i]!;
      s.findings.push(f.id);
      if (!s.ruleIds.includes(f.ruleId)) s.ruleIds.push(f.ruleId);
      s.severity = maxSeverity(s.severity, f.severity);
      // for…in over a plain record: the keys of Object.entries, in its order, without an array per key.
      for (const k in f.params) if (!(k in s.params) || s.params[k] === '-') s.params[k] = f.params[k]!;
      if (!s.timeExact && f.timeExact) {
        s.time = f.time;
        stepMs[i] = t;
        s.timeExact = true;
        s.params.when = f.params.when ?? shortTime(f.time);
      }
      if (s.actor === undefined && f.entities.actors[0] !== undefined) s.actor = f.entities.actors[0];
      if (s.ip === undefined && f.entities.ips[0] !== undefined) s.ip = f.entities.ips[0];
      if (s.subject === undefined && f.subject !== undefined) {
        s.subject = f.subject;
        subjectKeys[i] = sk;
      }
      continue;
    }
    const step: StoryStep = {
      kind,
      time: f.time,
      timeExact: f.timeExact,
      severity: f.severity,
      text: kind === 'other' ? f.text.title : `detect.step.${kind}`,
      params: { ...f.params },
      findings: [f.id],
      ruleIds: [f.ruleId],
    };
    if (f.subject !== undefined) step.subject = f.subject;
    const actor = f.entities.actors[0];
    if (actor !== undefined) step.actor = actor;
    const ip = f.entities.ips[0];
    if (ip !== undefined) step.ip = ip;
    steps.push(step);
    subjectKeys.push(sk);
    stepMs.push(t);
    if (kind !== 'other') merges.add(kind, steps.length - 1);
  }
  for (const s of steps) {
    if (s.params.actor === '-' && STEP_TEXT_NO_ACTOR[s.kind] !== undefined) s.text = `detect.stepNoActor.${s.kind}`;
    if (s.kind === 'original-admin-deleted' && s.params.daysLeft === 0) s.text = `detect.stepRestorePassed.${s.params.actor === '-' ? 'noActor' : 'actor'}`;
  }
  // A merge can move a step's time (an inexact snapshot step takes a log record's time): re-sort, by
  // the times kept in stepMs (a large incident has thousands of steps: no date read per comparison).
  const order = steps.map((_, i) => i);
  order.sort((a, b) => stepMs[a]! - stepMs[b]! || (STEP_ORDER.get(steps[a]!.kind) ?? 0) - (STEP_ORDER.get(steps[b]!.kind) ?? 0) || a - b);
  return order.map((i) => steps[i]!);
}

/**
 * Tuples of strings seen before. Entities are told apart by their parts joined with `|`; parts without
 * a `|` are compared part by part instead, which tells the same entities apart (a joined text with
 * one separator per gap can only equal another such text) without making a string per entity.
 */
class SeenParts {
  private readonly joined = new Set<string>();
  private readonly nested = new Map<string, Map<string, Set<string>>>();

  firstTime(a: string, b: string, c: string): boolean {
    if (a.includes('|') || b.includes('|') || c.includes('|')) {
      const key = `${a}|${b}|${c}`;
      if (this.joined.has(key)) return false;
      this.joined.add(key);
      return true;
    }
    let byB = this.nested.get(a);
    if (byB === undefined) {
      byB = new Map();
      this.nested.set(a, byB);
    }
    let cs = byB.get(b);
    if (cs === undefined) {
      cs = new Set();
      byB.set(b, cs);
    }
    if (cs.has(c)) return false;
    cs.add(c);
    return true;
  }
}

function entityUnion(members: readonly Finding[]): Entities {
  const actors = new SeenParts();
  const targets = new SeenParts();
  const ips = new Set<string>();
  const out: Entities = { actors: [], targets: [], ips: [] };
  for (const f of members) {
    for (const a of f.entities.actors) if (actors.firstTime('', a.id ?? '', a.name ?? '')) out.actors.push(a);
    for (const t of f.entities.targets) if (targets.firstTime(t.kind, t.id ?? '', t.name ?? '')) out.targets.push(t);
    for (const ip of f.entities.ips) {
      if (ips.has(ip)) continue;
      ips.add(ip);
      out.ips.push(ip);
    }
  }
  return out;
}

function makeIncident(tenant: string, members: Finding[], facts: TenantFacts): Incident {
  // Each member's time read once and kept beside it: sorting thousands of members must not look it up.
  const timed = members.map((f) => ({ f, t: ms(f.time) }));
  timed.sort((a, b) => a.t - b.t || (a.f.id < b.f.id ? -1 : 1));
  for (let i = 0; i < timed.length; i++) members[i] = timed[i]!.f;
  let severity: Severity = 'info';
  for (const f of members) severity = maxSeverity(severity, f.severity);
  const sequences = members.filter((f) => f.kind === 'sequence');
  // The most severe, then the oldest; among equals the first in member order (what a stable sort gives).
  const pool = sequences.length > 0 ? sequences.map((f) => ({ f, t: ms(f.time) })) : timed;
  let best = pool[0]!;
  for (const x of pool) {
    const d = severityRank(x.f.severity) - severityRank(best.f.severity) || best.t - x.t;
    if (d > 0) best = x;
  }
  const lead = best.f;
  const seed = members.find((f) => f.kind === 'sequence' || severityRank(f.severity) >= severityRank('high')) ?? members[0]!;
  return {
    id: findingId('incident', tenant, [seed.id]),
    tenant,
    provider: members[0]!.provider,
    severity,
    start: members[0]!.time,
    end: members[members.length - 1]!.time,
    title: { key: lead.text.title, params: lead.params },
    findings: members.map((f) => f.id),
    sequences: sequences.map((f) => f.id),
    entities: entityUnion(members),
    storyline: storyline(members, facts),
  };
}

/** Distance from `t` to the nearest of the sorted `times`. */
function nearestGap(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  const after = lo < times.length ? times[lo]! - t : Infinity;
  const before = lo > 0 ? t - times[lo - 1]! : Infinity;
  return Math.min(after, before);
}

function insertSorted(times: number[], t: number): void {
  let i = times.length;
  while (i > 0 && times[i - 1]! > t) i--;
  times.splice(i, 0, t);
}

function isTenantWide(f: Finding, keys: readonly string[]): boolean {
  return f.kind !== 'sequence' && keys.length === 0;
}

function tenantIncidents(tenant: string, findings: readonly Finding[], facts: TenantFacts, windowMs: number): Incident[] {
  const nodes = findings.filter((f) => f.severity !== 'info');
  const nodeMs = nodes.map((f) => ms(f.time));
  const uf = new UnionFind(nodes.length);
  const index = new Map<string, number>(nodes.map((f, i) => [f.id, i]));
  const byKey = new Map<string, number[]>();
  const tenantWide = new Set<number>();
  nodes.forEach((f, i) => {
    const keys = linkKeys(f, nodeMs[i]!, facts);
    if (isTenantWide(f, keys)) tenantWide.add(i);
    for (const k of keys) push(byKey, k, i);
  });
  // Chain neighbours in time per key: linear, and transitive within the window.
  for (const list of byKey.values()) {
    list.sort((a, b) => nodeMs[a]! - nodeMs[b]!);
    for (let j = 1; j < list.length; j++) {
      const a = list[j - 1]!;
      const b = list[j]!;
      if (nodeMs[b]! - nodeMs[a]! <= windowMs) uf.union(a, b);
    }
  }
  nodes.forEach((f, i) => {
    if (f.kind !== 'sequence') return;
    for (const id of f.evidence.findings) {
      const j = index.get(id);
      if (j !== undefined) uf.union(i, j);
    }
  });
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    if (tenantWide.has(i)) return;
    push(groups, uf.find(i), i);
  });
  const incidents: Finding[][] = [];
  // Each incident's member times, sorted: its span and the nearest member come from them directly.
  const times: number[][] = [];
  for (const g of groups.values()) {
    const members = g.map((i) => nodes[i]!);
    if (members.some((f) => f.kind === 'sequence' || severityRank(f.severity) >= severityRank('high'))) {
      incidents.push(members);
      times.push(g.map((i) => nodeMs[i]!).sort((a, b) => a - b));
    }
  }
  // Tenant-wide findings join the incident whose span (plus the window after it) holds them.
  for (const i of tenantWide) {
    const f = nodes[i]!;
    const t = nodeMs[i]!;
    let best = -1;
    let bestGap = Infinity;
    for (let j = 0; j < incidents.length; j++) {
      const tj = times[j]!;
      const start = tj[0]! - DAY_MS;
      const end = tj[tj.length - 1]! + windowMs;
      if (t < start || t > end) continue;
      const gap = nearestGap(tj, t);
      if (gap < bestGap) {
        bestGap = gap;
        best = j;
      }
    }
    if (best >= 0) {
      incidents[best]!.push(f);
      insertSorted(times[best]!, t);
    } else if (severityRank(f.severity) >= severityRank('high')) {
      incidents.push([f]);
      times.push([t]);
    }
  }
  return incidents.map((members) => makeIncident(tenant, members, facts));
}

/** Incidents of every tenant, most severe first, then oldest first. */
export function buildIncidents(findings: readonly Finding[], contexts: ReadonlyMap<string, DetectContext>, options: StorylineOptions): Incident[] {
  const windowMs = options.linkWindowDays * DAY_MS;
  const out: Incident[] = [];
  for (const [tenant, ctx] of contexts) {
    const mine = findings.filter((f) => f.tenant === tenant);
    if (mine.length > 0) out.push(...tenantIncidents(tenant, mine, ctx.facts, windowMs));
  }
  return out.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
