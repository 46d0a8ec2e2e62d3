// Shared by the sequence rules: find findings by step, by evidence event, and describe the principals
// a sequence is about.
import { isoMs } from '../../core/iso-time.ts';
import type { Mark, TenantFacts } from '../facts.ts';
import type { FindingDraft } from '../rule.ts';
import type { EntityRef, Finding, StepKind } from '../finding.ts';

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export function ms(iso: string): number {
  return isoMs(iso);
}

/** Findings (not sequences) standing for one of these steps. */
export function withStep(findings: readonly Finding[], ...steps: StepKind[]): Finding[] {
  return findings.filter((f) => f.kind !== 'sequence' && f.step !== undefined && steps.includes(f.step));
}

/** Finding ids by the events they rest on, so a sequence over events can name the findings too. */
export function byEvent(findings: readonly Finding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    for (const e of f.evidence.events) {
      const list = out.get(e);
      if (list) list.push(f.id);
      else out.set(e, [f.id]);
    }
  }
  return out;
}

export function findingsOf(index: Map<string, string[]>, eventIds: readonly string[]): string[] {
  return [...new Set(eventIds.flatMap((e) => index.get(e) ?? []))];
}

/** The union of the entities of some findings, for a sequence finding's own entities. */
export function entitiesOf(members: readonly Finding[]): { actors: EntityRef[]; targets: EntityRef[]; ips: string[] } {
  const actors: EntityRef[] = [];
  const targets: EntityRef[] = [];
  const ips = new Set<string>();
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const f of members) {
    for (const a of f.entities.actors) if (once(`a${a.id ?? ''}|${a.name ?? ''}`)) actors.push(a);
    for (const t of f.entities.targets) if (once(`t${t.id ?? ''}|${t.name ?? ''}`)) targets.push(t);
    for (const ip of f.entities.ips) ips.add(ip);
  }
  return { actors, targets, ips: [...ips] };
}

export function subjectKey(facts: TenantFacts, f: Finding): string | undefined {
  return facts.key(f.subject);
}

export function actorKeys(facts: TenantFacts, f: Finding): string[] {
  return f.entities.actors.map((a) => facts.key(a)).filter((k): k is string => k !== undefined);
}

/**
 * A sequence of two marks on one principal (`first`, then `then`, both from the facts): the draft
 * names the principal, both actors and addresses, both events and the findings resting on them.
 */
export function markPairDraft(facts: TenantFacts, key: string, first: Mark, then: Mark, index: Map<string, string[]>): FindingDraft {
  const subject = facts.refOf(key);
  return {
    time: first.time,
    subject,
    targets: [subject],
    // One actor who did both steps is named once.
    actors: [...new Set([first.by, then.by].filter((x): x is string => x !== undefined))].map((k) => facts.refOf(k)),
    ips: [...new Set([first.ip, then.ip].filter((x): x is string => x !== undefined))],
    events: [first.eventId, then.eventId],
    findings: findingsOf(index, [first.eventId, then.eventId]),
  };
}
