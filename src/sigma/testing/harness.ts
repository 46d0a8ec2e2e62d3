// Test helper: rules from inline YAML, and minimal events whose raw record is a Graph directoryAudit
// with whatever extra fields a test needs (unmapped fields are read from the record by name).
import type { CanonicalEvent } from '../../core/event.ts';
import { createHunter, type HunterOptions } from '../hunter.ts';
import { checkTexts, type CheckReport } from '../load.ts';
import type { LoadedRules, LoadOptions, SigmaMatch } from '../types.ts';

export function check(yaml: string, options: LoadOptions = {}): CheckReport {
  return checkTexts([{ file: '/virtual/rules/test.yml', text: yaml }], options);
}

export function rules(yaml: string, options: LoadOptions = {}): LoadedRules {
  const r = check(yaml, options).loaded;
  if (r.rejected.length > 0) throw new Error(`rejected: ${r.rejected.map((x) => x.reason).join('; ')}`);
  return r;
}

/** The reason the (single) document was rejected, or undefined when it loads. */
export function rejection(yaml: string, options: LoadOptions = {}): string | undefined {
  return check(yaml, options).loaded.rejected[0]?.reason;
}

let n = 0;

export function auditEvent(fields: Record<string, unknown>, time = '2026-10-05T01:00:00.000Z', activity = 'Update user'): CanonicalEvent {
  n++;
  return {
    id: `ev-${n}`,
    tenant: 't',
    provider: 'm365',
    source: 'entra.audit',
    time,
    action: 'other',
    nativeAction: activity,
    actor: { kind: 'user' },
    targets: [],
    changes: [],
    result: 'success',
    raw: { id: `ev-${n}`, activityDisplayName: activity, ...fields },
  };
}

/** Wraps a detection (YAML text indented by 4) into an azure/auditlogs rule. */
export function ruleYaml(detection: string, extra = ''): string {
  return `title: Test rule\nid: 11111111-2222-4333-8444-555555555555\n${extra}logsource:\n    product: azure\n    service: auditlogs\ndetection:\n${detection}\nlevel: high\n`;
}

export function run(loaded: LoadedRules, events: CanonicalEvent[], options: HunterOptions = {}): SigmaMatch[] {
  const h = createHunter(loaded, options);
  const out: SigmaMatch[] = [];
  for (const e of events) out.push(...h.push(e));
  out.push(...h.finish());
  return out;
}

/** Whether a one-rule detection matches one event. */
export function hits(detection: string, fields: Record<string, unknown>, options: LoadOptions = {}): boolean {
  return run(rules(ruleYaml(detection), options), [auditEvent(fields)]).length > 0;
}
