// The detection engine: one pass over the events (any order, any size) that feeds the gathered facts
// and runs the single-event rules pre-indexed by provider and action; then, once, the admin checks and
// refinements, the snapshot rules, the context rules, the sequences, and the storyline.
import type { Action } from '../core/actions.ts';
import type { CanonicalEvent, Provider } from '../core/event.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { actorRef, label, shortTime, targetRefs } from './event-values.ts';
import { TenantFacts } from './facts.ts';
import { findingId, type EntityRef, type Finding, type Params } from './finding.ts';
import { ALL_RULES } from './registry.ts';
import type { DetectContext, EventRule, FindingDraft, Rule } from './rule.ts';
import { buildIncidents, type Incident } from './storyline.ts';
import { ruleTextKeys } from './text.ts';
import { mergeTwins } from './twins.ts';

export interface DetectOptions {
  /** The rules to run; default: all of them. */
  rules?: readonly Rule[];
  /** "Now" (ISO) for days-left arithmetic; default: the newest time in the data. */
  now?: string;
  /** Accounts, admins and subscriptions this many days old count as new (default 30). */
  recentDays?: number;
  /** App ids of takeback's own connection (its credentials are expected). */
  selfAppIds?: readonly string[];
  /** Findings sharing an actor, target or IP are chained into one incident within this many days (default 14). */
  linkWindowDays?: number;
}

export interface DetectSnapshots {
  current?: Snapshot;
  previous?: Snapshot;
}

export interface DetectResult {
  /** Every finding, oldest first. */
  findings: Finding[];
  /** Chained findings, one incident per story, most severe first. */
  incidents: Incident[];
}

interface Candidate {
  rule: EventRule;
  draft: FindingDraft;
  ev: CanonicalEvent;
  /** The event's tenant, kept so the end need not look it up again by the event's own string. */
  facts: TenantFacts;
}

const TIER_FALLBACK: Readonly<Record<string, string>> = {
  global: 'Global Administrator',
  privileged: 'privileged admin role',
  admin: 'admin role',
};

/** Streams events through the rules; `finish` runs everything that needs the whole data set. */
export class Detector {
  private readonly rules: readonly Rule[];
  private readonly index = new Map<Provider, Map<Action, EventRule[]>>();
  private readonly facts = new Map<string, TenantFacts>();
  private readonly candidates: Candidate[] = [];
  private readonly recentDays: number;
  private readonly selfAppIds: ReadonlySet<string>;
  private readonly signInHistory: boolean;
  private lastTenant: string | undefined;
  private lastFacts: TenantFacts | undefined;
  private finished = false;

  constructor(private readonly options: DetectOptions = {}) {
    this.rules = options.rules ?? ALL_RULES;
    this.recentDays = options.recentDays ?? 30;
    this.selfAppIds = new Set((options.selfAppIds ?? []).map((id) => id.toLowerCase()));
    this.signInHistory = this.rules.some((r) => r.readsSignInHistory === true);
    for (const provider of ['m365', 'gws'] as const) {
      const byAction = new Map<Action, EventRule[]>();
      for (const r of this.rules) {
        if (r.kind !== 'event' || (r.provider !== undefined && r.provider !== provider)) continue;
        for (const a of r.actions) {
          const list = byAction.get(a);
          if (list) list.push(r);
          else byAction.set(a, [r]);
        }
      }
      this.index.set(provider, byAction);
    }
  }

  private factsFor(tenant: string): TenantFacts {
    if (tenant === this.lastTenant && this.lastFacts !== undefined) return this.lastFacts;
    let f = this.facts.get(tenant);
    if (f === undefined) {
      f = new TenantFacts(tenant, this.recentDays, this.signInHistory);
      this.facts.set(tenant, f);
    }
    this.lastTenant = tenant;
    this.lastFacts = f;
    return f;
  }

  /** One event: gather its facts and run the rules indexed under its action. */
  add(ev: CanonicalEvent): void {
    if (this.finished) throw new Error('Detector.add after finish');
    const facts = this.factsFor(ev.tenant);
    facts.observe(ev);
    const rules = this.index.get(ev.provider)?.get(ev.action);
    if (rules === undefined) return;
    const failed = ev.result === 'failure';
    for (const rule of rules) {
      if (failed && rule.includeFailures !== true) continue;
      const draft = rule.match(ev);
      if (draft !== undefined) this.candidates.push({ rule, draft, ev, facts });
    }
  }

  finish(snapshots: DetectSnapshots = {}): DetectResult {
    this.finished = true;
    const { current, previous } = snapshots;
    if (previous !== undefined) this.factsFor(previous.tenant).observeSnapshot(previous, false);
    if (current !== undefined) this.factsFor(current.tenant).observeSnapshot(current, true);
    const contexts = new Map<string, DetectContext>();
    const contextOf = new Map<TenantFacts, DetectContext>();
    for (const [tenant, facts] of this.facts) {
      facts.freeze();
      const nowMs = this.options.now !== undefined ? Date.parse(this.options.now) : facts.refMs;
      const ctx: DetectContext = { tenant, facts, nowMs, recentDays: this.recentDays, selfAppIds: this.selfAppIds };
      contexts.set(tenant, ctx);
      contextOf.set(facts, ctx);
    }

    const byId = new Map<string, Finding>();
    const keep = (f: Finding | undefined): void => {
      if (f !== undefined && !byId.has(f.id)) byId.set(f.id, f);
    };
    const fromEvents: Finding[] = [];
    for (const c of this.candidates) {
      const f = fromEventDraft(c.rule, c.draft, c.ev, contextOf.get(c.facts)!);
      if (f !== undefined) fromEvents.push(f);
    }
    for (const f of mergeTwins(fromEvents)) keep(f);
    if (current !== undefined) {
      const ctx = contexts.get(current.tenant)!;
      const prev = previous !== undefined && previous.tenant === current.tenant ? previous : undefined;
      for (const rule of this.rules) {
        if (rule.kind !== 'snapshot' || (rule.provider !== undefined && rule.provider !== current.provider)) continue;
        for (const d of rule.evaluate(current, prev, ctx)) {
          const snap: NonNullable<Finding['evidence']['snapshot']> = { collectedAt: current.collectedAt };
          if (prev !== undefined) snap.previousCollectedAt = prev.collectedAt;
          keep(build(rule, d, undefined, ctx, current.collectedAt, current.provider, snap));
        }
      }
    }
    for (const ctx of contexts.values()) {
      const provider = ctx.facts.provider ?? 'm365';
      for (const rule of this.rules) {
        if (rule.kind !== 'context' || (rule.provider !== undefined && rule.provider !== provider)) continue;
        for (const d of rule.evaluate(ctx)) keep(build(rule, d, undefined, ctx, new Date(ctx.facts.refMs).toISOString(), provider));
      }
    }
    // Sequences read the findings so far, per tenant.
    const base = [...byId.values()];
    for (const ctx of contexts.values()) {
      const mine = base.filter((f) => f.tenant === ctx.tenant).sort(byTime);
      const provider = ctx.facts.provider ?? 'm365';
      for (const rule of this.rules) {
        if (rule.kind !== 'sequence' || (rule.provider !== undefined && rule.provider !== provider)) continue;
        for (const d of rule.evaluate(mine, ctx)) keep(build(rule, d, undefined, ctx, d.time ?? mine[0]?.time ?? new Date(ctx.facts.refMs).toISOString(), provider));
      }
    }
    const findings = [...byId.values()].sort(byTime);
    const incidents = buildIncidents(findings, contexts, { linkWindowDays: this.options.linkWindowDays ?? 14 });
    return { findings, incidents };
  }
}

function byTime(a: Finding, b: Finding): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Applies the admin condition and the rule's refinement, then builds the finding. */
function fromEventDraft(rule: EventRule, draft: FindingDraft, ev: CanonicalEvent, ctx: DetectContext): Finding | undefined {
  let d: FindingDraft | undefined = draft;
  if (d.admin !== undefined) {
    const a = ctx.facts.adminOf(d.admin.who);
    if (a === undefined && d.admin.required) return undefined;
    const severity = d.admin.severity?.[a?.tier ?? 'none'];
    // Copied key by key: spreading drafts of every rule's shape is a slow generic copy in V8.
    const params: Params = {};
    if (d.params !== undefined) for (const k in d.params) params[k] = d.params[k]!;
    if (a !== undefined) params.adminRole = a.roles[0] ?? TIER_FALLBACK[a.tier] ?? 'admin role';
    const copy: FindingDraft = {};
    for (const k in d) (copy as Record<string, unknown>)[k] = d[k as keyof FindingDraft];
    copy.params = params;
    if (severity !== undefined) copy.severity = severity;
    d = copy;
  }
  if (rule.refine !== undefined) d = rule.refine(d, ev, ctx);
  if (d === undefined) return undefined;
  return build(rule, d, ev, ctx, ev.time, ev.provider);
}

function build(
  rule: Rule,
  d: FindingDraft,
  ev: CanonicalEvent | undefined,
  ctx: DetectContext,
  defaultTime: string,
  provider: Provider,
  snapshot?: Finding['evidence']['snapshot'],
): Finding {
  const events = d.events ?? (ev !== undefined ? [ev.id] : []);
  const findingsChained = d.findings ?? [];
  const keys: string[] = [];
  for (const e of events) keys.push(`e:${e}`);
  for (const f of findingsChained) keys.push(`f:${f}`);
  if (d.keys !== undefined) for (const k of d.keys) keys.push(`k:${k}`);
  const actor = ev !== undefined ? actorRef(ev) : undefined;
  const actors: EntityRef[] = d.actors ?? (actor !== undefined ? [actor] : []);
  const targets = d.targets ?? (ev !== undefined ? targetRefs(ev) : []);
  const ips = d.ips ?? (ev?.actor.ip !== undefined ? [ev.actor.ip] : []);
  const changes = d.changes ?? (ev !== undefined ? ev.changes.filter(isRealChange) : []);
  const time = d.time ?? defaultTime;
  const subject = d.subject ?? targets.find((t) => t.kind !== 'role');
  // `-` marks "nobody named": the storyline then words a step without an actor.
  const params: Params = {
    actor: actors[0] !== undefined ? label(actors[0]) : '-',
    subject: subject !== undefined ? label(subject) : '-',
    ip: ips[0] ?? '-',
    when: shortTime(time),
  };
  if (d.params !== undefined) for (const k in d.params) params[k] = d.params[k]!;
  const k = textKeysOf(rule.id);
  const f: Finding = {
    id: findingId(rule.id, ctx.tenant, keys),
    ruleId: rule.id,
    kind: rule.kind,
    severity: d.severity ?? rule.severity,
    attack: [...rule.attack],
    tenant: ctx.tenant,
    provider,
    time,
    timeExact: d.timeExact ?? true,
    text: { title: k.title, explanation: k.explanation, nextSteps: k.nextSteps, notes: (d.notes ?? []).map(k.note) },
    params,
    entities: { actors, targets, ips },
    evidence: { events, findings: findingsChained, changes },
  };
  if (rule.indicator !== undefined) f.indicator = rule.indicator;
  if (subject !== undefined) f.subject = subject;
  if (d.step !== undefined) f.step = d.step;
  if (snapshot !== undefined) f.evidence.snapshot = snapshot;
  return f;
}

const SUMMARY_CHANGE = 'included updated properties';

/** Entra's summary row (the names of the other changes) is not a change of its own. Lower-cased only at the right length. */
function isRealChange(c: { name: string }): boolean {
  return c.name.length !== SUMMARY_CHANGE.length || c.name.toLowerCase() !== SUMMARY_CHANGE;
}

const TEXT_KEYS = new Map<string, ReturnType<typeof ruleTextKeys>>();

/** A rule's text keys, made once per rule rather than once per finding. */
function textKeysOf(ruleId: string): ReturnType<typeof ruleTextKeys> {
  let k = TEXT_KEYS.get(ruleId);
  if (k === undefined) {
    k = ruleTextKeys(ruleId);
    TEXT_KEYS.set(ruleId, k);
  }
  return k;
}

function isAsync<T>(x: Iterable<T> | AsyncIterable<T>): x is AsyncIterable<T> {
  return typeof (x as AsyncIterable<T>)[Symbol.asyncIterator] === 'function';
}

/**
 * Runs every rule over the events and snapshots. Events may come in any order and from several
 * tenants; snapshots (current, and previous when there is one) belong to one tenant.
 */
export async function detect(
  events: Iterable<CanonicalEvent> | AsyncIterable<CanonicalEvent>,
  snapshots: DetectSnapshots = {},
  options: DetectOptions = {},
): Promise<DetectResult> {
  const d = new Detector(options);
  if (isAsync(events)) {
    for await (const ev of events) d.add(ev);
  } else {
    for (const ev of events) d.add(ev);
  }
  return d.finish(snapshots);
}

/** The same, for events already in memory (benchmarks, tests). */
export function detectSync(events: Iterable<CanonicalEvent>, snapshots: DetectSnapshots = {}, options: DetectOptions = {}): DetectResult {
  const d = new Detector(options);
  for (const ev of events) d.add(ev);
  return d.finish(snapshots);
}
