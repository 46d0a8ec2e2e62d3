// The four kinds of rule. All are pure functions: of one event (plus, to confirm, the facts gathered
// from all events), of two snapshots, of the gathered facts, or of other findings. Each rule carries its
// id, severity, ATT&CK techniques, text in English and Japanese, and fixtures that must fire / not fire.
import type { Action } from '../core/actions.ts';
import type { CanonicalEvent, Provider } from '../core/event.ts';
import type { Snapshot } from '../core/snapshot.ts';
import type { AdminTier } from './admin.ts';
import type { TenantFacts } from './facts.ts';
import type { EntityRef, EvidenceChange, Finding, Params, RuleKind, Severity, StepKind } from './finding.ts';
import type { RuleText } from './text.ts';

/** Input a rule must (fires) or must not (nearMiss) produce a finding for. */
export interface RuleFixture {
  name: string;
  events?: CanonicalEvent[];
  current?: Snapshot;
  previous?: Snapshot;
  /** The severity the rule's finding must have (fires fixtures only). */
  severity?: Severity;
}

export interface RuleFixtures {
  fires: RuleFixture[];
  nearMiss: RuleFixture[];
}

/**
 * A principal whose admin-ness decides the finding: `required` drops the finding when he holds no admin
 * role; `severity` picks the severity by his highest tier (`none`: not an admin).
 */
export interface AdminCondition {
  who: EntityRef;
  required: boolean;
  severity?: Partial<Record<AdminTier | 'none', Severity>>;
}

/** What a rule returns; the engine fills the rest (id, text keys, defaults from the event). */
export interface FindingDraft {
  /** Defaults to the event's time. */
  time?: string;
  timeExact?: boolean;
  /** Defaults to the rule's severity. */
  severity?: Severity;
  params?: Params;
  /** Names of the rule's notes to show after the explanation. */
  notes?: string[];
  subject?: EntityRef;
  /** Default to the event's actor, targets and actor IP. */
  actors?: EntityRef[];
  targets?: EntityRef[];
  ips?: string[];
  changes?: EvidenceChange[];
  /** Evidence event ids; default: the event matched. */
  events?: string[];
  /** Findings a sequence chains. */
  findings?: string[];
  /** Extra id material (e.g. a snapshot object's id) when there is no event. */
  keys?: string[];
  step?: StepKind;
  admin?: AdminCondition;
}

export interface RuleBase {
  /** `TB-<indicator>-<what>`, e.g. `TB-M2-privileged-role-assigned`. */
  id: string;
  /** Catalogue indicator (detection-catalogue.md section 6), when the rule implements one. */
  indicator?: string;
  severity: Severity;
  attack: readonly string[];
  /** Only data of this provider; undefined: both. */
  provider?: Provider;
  text: RuleText;
  fixtures: RuleFixtures;
  /** The rule reads the sign-in history (`signInsOf`, `tenantIps`, `ipActions`…): the pass gathers it only then. */
  readsSignInHistory?: boolean;
}

export interface DetectContext {
  tenant: string;
  facts: TenantFacts;
  /** "Now" for days-left arithmetic: the caller's, else the newest time in the data. */
  nowMs: number;
  /** Accounts and subscriptions this many days old count as new. */
  recentDays: number;
  /** The app takeback itself signs in with: its own credentials are expected, not a finding. */
  selfAppIds?: ReadonlySet<string>;
}

export interface EventRule extends RuleBase {
  kind: 'event';
  /** The actions this rule reads; the engine calls it for no other event. */
  actions: readonly Action[];
  /** Failed records too (sign-in failures); by default only what succeeded, since a refused change changes nothing. */
  includeFailures?: boolean;
  /** Pure function of one event: a draft when the event matches. */
  match(ev: CanonicalEvent): FindingDraft | undefined;
  /** Optional second look once all events are gathered (e.g. is the actor a brand-new admin?). */
  refine?(draft: FindingDraft, ev: CanonicalEvent, ctx: DetectContext): FindingDraft | undefined;
}

export interface SnapshotRule extends RuleBase {
  kind: 'snapshot';
  /** `previous` is undefined on a first scan: the rule must still find what creation dates and deleted items show. */
  evaluate(current: Snapshot, previous: Snapshot | undefined, ctx: DetectContext): FindingDraft[];
}

/** Rules over the gathered facts (e.g. an admin's sign-in from where nobody in the tenant signs in). */
export interface ContextRule extends RuleBase {
  kind: 'context';
  evaluate(ctx: DetectContext): FindingDraft[];
}

/** Rules that chain findings (and facts) into a sequence. */
export interface SequenceRule extends RuleBase {
  kind: 'sequence';
  evaluate(findings: readonly Finding[], ctx: DetectContext): FindingDraft[];
}

export type Rule = EventRule | SnapshotRule | ContextRule | SequenceRule;

export function ruleKind(r: Rule): RuleKind {
  return r.kind;
}
