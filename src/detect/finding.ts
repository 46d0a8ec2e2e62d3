// What a detection reports. A finding names its rule, how bad it is, when it happened, who did what to
// whom from where, and the evidence (event ids, before/after values) a person can check it against.
// Text is not stored: title, explanation and next steps are i18n keys plus params, rendered per language.
import { hash } from 'node:crypto';
import type { Provider } from '../core/event.ts';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Readonly<Record<Severity, number>> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function severityRank(s: Severity): number {
  return RANK[s];
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

export function atLeast(s: Severity, floor: Severity): boolean {
  return RANK[s] >= RANK[floor];
}

/** `sigma`: a match of a Sigma rule or correlation the user ran alongside the built-in rules. */
export type RuleKind = 'event' | 'snapshot' | 'context' | 'sequence' | 'sigma';

/** A principal, app or other object a finding is about, as the source named it. */
export interface EntityRef {
  kind: string;
  id?: string;
  name?: string;
}

export interface Entities {
  actors: EntityRef[];
  targets: EntityRef[];
  ips: string[];
}

export type ParamValue = string | number;
export type Params = Record<string, ParamValue>;

export interface EvidenceChange {
  name: string;
  old?: string | null;
  new?: string | null;
}

export interface Evidence {
  /** Ids of the canonical events the finding rests on. */
  events: string[];
  /** Ids of the findings a sequence chains. */
  findings: string[];
  /** Before/after values (from the events' changes or from two snapshots). */
  changes: EvidenceChange[];
  /** The snapshots compared, when the finding comes from state rather than logs. */
  snapshot?: { collectedAt: string; previousCollectedAt?: string };
}

/** i18n keys of a finding's text; params fill `{{name}}` placeholders. */
export interface FindingText {
  title: string;
  explanation: string;
  nextSteps: string;
  /** Extra explanation lines (e.g. the reasons a sign-in is unusual), rendered after the explanation. */
  notes: string[];
}

/** Storyline step kinds a finding can stand for (see storyline.ts for their order and text). */
export const STEP_KINDS = [
  'admin-signin-unusual',
  'risky-signin',
  'security-info-registered',
  'mfa-weakened',
  'recovery-contact-changed',
  'password-reset',
  'rogue-user-created',
  'made-global-admin',
  'made-admin',
  'contacts-changed',
  'original-admin-removed',
  'original-admin-disabled',
  'original-admin-deleted',
  'admin-removed',
  'licence-bought',
  'domain-added',
  'domain-federated',
  'app-credential-added',
  'app-permissions-requested',
  'app-consent',
  'policy-weakened',
  'audit-disabled',
  'mail-forwarding',
  'partner-added',
  'data-exported',
  'other',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Finding {
  /** Stable hash of rule id, tenant and evidence: re-running detection never duplicates a finding. */
  id: string;
  ruleId: string;
  /** Catalogue indicator (M1–M32, G1–G16) when the rule implements one. */
  indicator?: string;
  kind: RuleKind;
  severity: Severity;
  /** MITRE ATT&CK technique ids, e.g. `T1098.003`. */
  attack: string[];
  tenant: string;
  provider: Provider;
  /** When it happened (ISO, UTC); for undated state, when it was seen. */
  time: string;
  /** False when `time` is only when the change was noticed (a snapshot diff without a date). */
  timeExact: boolean;
  text: FindingText;
  params: Params;
  /** The principal the finding is about (the new admin, the deleted admin…), for storylines. */
  subject?: EntityRef;
  step?: StepKind;
  entities: Entities;
  evidence: Evidence;
}

/** Id of a finding: rule, tenant and evidence keys, order-independent. */
export function findingId(ruleId: string, tenant: string, keys: readonly string[]): string {
  // One string hashed in one call (the same bytes as hashing the parts in turn): a Hash object per
  // finding costs more than the hashing itself.
  let text = `${ruleId}\u0000${tenant}`;
  for (const k of keys.length > 1 ? [...keys].sort() : keys) text += `\u0000${k}`;
  return hash('sha256', text, 'hex').slice(0, 32);
}
