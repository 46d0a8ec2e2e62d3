// Sigma matches as findings: the same shape as takeback's built-in detections, so the report, the
// timeline, the JSON/CSV/OCSF outputs and the exit code treat them alike. Each one keeps its rule's
// id, level, ATT&CK tags, author and licence attribution (the DRL asks for it with every match).
import { basename } from 'node:path';
import type { CanonicalEvent } from '../core/event.ts';
import { appendAll } from '../core/arrays.ts';
import { actorRef, targetRefs } from '../detect/event-values.ts';
import { findingId, type EntityRef, type Finding, type Severity } from '../detect/finding.ts';
import { createHunter } from './hunter.ts';
import type { OmittedFindingsInput } from '../report/types.ts';
import type { LoadedRules, RuleMeta, SigmaMatch } from './types.ts';

/** Sigma levels by their takeback severity; a rule without a level is worth a look, not an alarm. */
const SEVERITY_OF_LEVEL: Readonly<Record<string, Severity>> = {
  informational: 'info',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
};

/** Finding rule ids of Sigma rules carry a prefix, so they never collide with takeback's own (M1, S7…). */
export const SIGMA_RULE_PREFIX = 'sigma:';

export function severityOfLevel(level: string | undefined): Severity {
  return (level !== undefined ? SEVERITY_OF_LEVEL[level.toLowerCase()] : undefined) ?? 'low';
}

/** `attack.t1098.003` → `T1098.003`; tactic tags (`attack.persistence`) are not techniques. */
export function attackTechniques(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(tag);
    if (m) out.add(m[1]!.toUpperCase());
  }
  return [...out];
}

function refKey(r: EntityRef): string {
  return `${r.kind}\u0000${r.id ?? ''}\u0000${r.name ?? ''}`;
}

function addRef(list: EntityRef[], seen: Set<string>, r: EntityRef | undefined): void {
  if (r === undefined || seen.has(refKey(r))) return;
  seen.add(refKey(r));
  list.push(r);
}

/** The finding for one match; `events` must hold the match's events (it names tenant and entities). */
export function sigmaFinding(match: SigmaMatch, events: ReadonlyMap<string, CanonicalEvent>, meta?: RuleMeta): Finding | undefined {
  const matched = match.eventIds.map((id) => events.get(id)).filter((e): e is CanonicalEvent => e !== undefined);
  const first = matched[0];
  if (first === undefined) return undefined;
  const actors: EntityRef[] = [];
  const targets: EntityRef[] = [];
  const seen = new Set<string>();
  const ips = new Set<string>();
  for (const e of matched) {
    addRef(actors, seen, actorRef(e));
    for (const t of targetRefs(e)) addRef(targets, seen, t);
    if (e.actor.ip !== undefined) ips.add(e.actor.ip);
  }
  const level = match.level ?? 'low';
  const falsepositives = meta?.falsepositives.filter((f) => f.trim() !== '') ?? [];
  const notes = [
    ...(meta?.description ? ['detect.sigma.notes.description'] : []),
    'detect.sigma.notes.rule',
    'detect.sigma.notes.attribution',
  ];
  const group = match.groupKey !== undefined && match.group !== undefined ? Object.values(match.group).join(', ') : '';
  return {
    id: findingId(SIGMA_RULE_PREFIX + match.ruleId, first.tenant, match.eventIds),
    ruleId: SIGMA_RULE_PREFIX + match.ruleId,
    kind: 'sigma',
    severity: severityOfLevel(match.level),
    attack: attackTechniques(match.tags),
    tenant: first.tenant,
    provider: first.provider,
    time: match.time,
    timeExact: true,
    text: {
      title: 'detect.sigma.title',
      explanation: match.kind === 'correlation' ? 'detect.sigma.explanation.correlation' : 'detect.sigma.explanation.rule',
      nextSteps: 'detect.sigma.nextSteps',
      notes,
    },
    params: {
      title: match.title,
      level,
      ruleId: match.ruleId,
      count: match.eventIds.length,
      correlation: match.correlationType ?? '',
      group: group === '' ? '' : ` (${group})`,
      falsepositives: falsepositives.length > 0 ? falsepositives.join('; ') : '-',
      description: meta?.description?.trim() ?? '',
      file: meta ? basename(meta.file) : '',
      attribution: match.attribution,
      ...(match.author !== undefined ? { author: match.author } : {}),
      ...(match.license !== undefined ? { license: match.license } : {}),
    },
    entities: { actors, targets, ips: [...ips] },
    evidence: { events: [...match.eventIds], findings: [], changes: [] },
  };
}

/**
 * Runs the rules over one tenant's events (in time order, as correlations need) and returns the
 * matches as findings, sorted by time. Rules that only feed a correlation report nothing themselves.
 */
export function huntFindings(loaded: LoadedRules, events: readonly CanonicalEvent[], byId: ReadonlyMap<string, CanonicalEvent>): Finding[] {
  const hunter = createHunter(loaded);
  const matches: SigmaMatch[] = [];
  for (const e of events) appendAll(matches, hunter.push(e));
  appendAll(matches, hunter.finish());
  return matchFindings(loaded, matches, byId);
}

/** Matches as findings, sorted by time, each once; `byId` must hold the events the matches name. */
export function matchFindings(loaded: LoadedRules, matches: readonly SigmaMatch[], byId: ReadonlyMap<string, CanonicalEvent>): Finding[] {
  const meta = ruleMetaById(loaded);
  const out: Finding[] = [];
  const ids = new Set<string>();
  for (const m of matches) {
    const f = sigmaFinding(m, byId, meta.get(m.ruleId));
    if (f === undefined || ids.has(f.id)) continue;
    ids.add(f.id);
    out.push(f);
  }
  return out.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/** A rule's matches beyond those a report lists as findings: how many, and when (the report's input type). */
export type OmittedMatches = OmittedFindingsInput;

/**
 * A report lists at most this many matches of one rule as findings. A noisy rule over a big store
 * can match hundreds of thousands of times: as findings, each with its event, they would take
 * gigabytes and bury everything else. The rest are counted (`hunt --json` lists them all).
 */
export const FINDINGS_PER_RULE = 1000;

/** The first `cap` matches of each rule, in the order given, and each rule's count (`omittedMatches` keeps those with more). */
export function capMatchesPerRule(matches: readonly SigmaMatch[], cap = FINDINGS_PER_RULE): { kept: SigmaMatch[]; perRule: OmittedMatches[] } {
  const byRule = new Map<string, OmittedMatches>();
  const kept: SigmaMatch[] = [];
  for (const m of matches) {
    let r = byRule.get(m.ruleId);
    if (r === undefined) {
      r = { ruleId: m.ruleId, title: m.title, total: 0, listed: 0, first: m.time, last: m.time };
      byRule.set(m.ruleId, r);
    }
    r.total++;
    if (m.time < r.first) r.first = m.time;
    if (m.time > r.last) r.last = m.time;
    if (r.listed < cap) {
      r.listed++;
      kept.push(m);
    }
  }
  return { kept, perRule: [...byRule.values()] };
}

/** The rules of one or several runs (tenants) that matched more often than listed, most matches first. */
export function omittedMatches(lists: ReadonlyArray<readonly OmittedMatches[]>): OmittedMatches[] {
  const byRule = new Map<string, OmittedMatches>();
  for (const list of lists) {
    for (const o of list) {
      const r = byRule.get(o.ruleId);
      if (r === undefined) byRule.set(o.ruleId, { ...o });
      else {
        r.total += o.total;
        r.listed += o.listed;
        if (o.first < r.first) r.first = o.first;
        if (o.last > r.last) r.last = o.last;
      }
    }
  }
  return [...byRule.values()].filter((r) => r.total > r.listed).sort((a, b) => b.total - a.total || (a.title < b.title ? -1 : 1));
}

/** Rules and correlations by the id a match names them with (the hunter's: id, else name, else file:line). */
export function ruleMetaById(loaded: LoadedRules): Map<string, RuleMeta> {
  return new Map([...loaded.rules, ...loaded.correlations].map((r) => [r.id ?? r.name ?? `${r.file}:${r.line}`, r] as const));
}
