// The posture-check contract: a check is a pure function of a snapshot and what takeback's own
// config and store know (the context); its outcome is data, rendered later in the chosen language.
import type { Snapshot } from '../core/snapshot.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** The Entra ID tier a check needs; `none` runs on every tenant. */
export type LicenceNeed = 'none' | 'P1' | 'P2';

/**
 * What takeback's config and store say, passed in by the caller. `undefined` means "not known"
 * (the config was not read): a check that needs it is Skipped, never guessed. An empty list means
 * "the config says: none expected".
 */
export interface AssessContext {
  /** Reference time for ages (ISO); default: when the snapshot was collected. */
  now?: string;
  /** Emergency access (break-glass) accounts declared in config (the profile's `breakGlass`), by UPN or object id. */
  breakGlass?: string[];
  expected?: {
    /** Every account that may hold an admin role (UPN or object id). */
    admins?: string[];
    /** Partner tenants (tenant id or name) with a relationship to this tenant. */
    partners?: string[];
    /** Domains that may be federated with another identity provider. */
    federatedDomains?: string[];
    /** Subscriptions the organisation pays for: subscription id, SKU id or SKU part number. */
    subscriptions?: string[];
    /** Apps (appId) that may hold secrets or certificates. */
    apps?: string[];
    /** The owner's own notification addresses. */
    notificationContacts?: string[];
  };
  /** Whether `takeback watch` collects this tenant's logs, and when it last ran. */
  watch?: { configured: boolean; lastRunAt?: string };
  /** When the last recovery kit was made; null when none was ever made. */
  recoveryKit?: { lastMadeAt: string | null };
  /** The app takeback signs in with: its own credentials are expected. */
  selfAppId?: string;
}

/** The context as a check sees it: `now` is always set. */
export type CheckContext = AssessContext & { now: string };

/** Something a result is about: a user, an app, a domain, a policy. */
export interface Subject {
  kind: string;
  id: string;
  name?: string;
}

/** A parameter: plain, or the same value in both languages (e.g. a role name). */
export type Param = string | number | { en: string; ja: string };

/** One finding of a check: `key` names a message in the check's meta.yaml. */
export interface Item {
  key: string;
  params?: Record<string, Param>;
  subject?: Subject;
}

/** The exact change that would fix a failing check, as data a plan can be built from. */
export interface FixChange {
  /** Which setting: a snapshot path or a named property, e.g. `policies.securityDefaults.isEnabled`. */
  target: string;
  /** What it applies to when not tenant-wide. */
  subject?: Subject;
  current: unknown;
  wanted: unknown;
  /** When `wanted` depends on something only the owner knows: the config setting that would supply it. */
  needsInput?: string;
  /** The Graph request that makes the change (v1.0, path relative to the version root). */
  graph?: { method: 'PATCH' | 'POST' | 'DELETE'; path: string; body?: unknown };
}

export interface Fix {
  /** True when at least one change has no Graph request: a person follows the steps. */
  manual: boolean;
  changes: FixChange[];
}

export type SkipReason =
  /** The tenant lacks the licence the check needs. */
  | { code: 'needs-licence'; licence: string }
  /** The tenant's licence could not be read. */
  | { code: 'licence-unknown'; detail?: string }
  | { code: 'source-denied'; source: string; permission: string }
  | { code: 'source-unlicensed'; source: string; licence: string }
  | { code: 'source-skipped'; source: string; detail: string }
  /** The snapshot has no such source: takeback does not collect it (yet). */
  | { code: 'not-collected'; source: string }
  /** The context lacks a setting only the owner can declare. */
  | { code: 'config-missing'; setting: string }
  /** Part of the data is unknown (e.g. members of a group); `what` is a message key in the check's meta. */
  | { code: 'data-missing'; what: string; params?: Record<string, Param> };

export type ErrorReason = { code: 'source-error'; source: string; detail: string } | { code: 'check-error'; detail: string };

export type CheckOutcome =
  | { status: 'pass'; notes?: Item[] }
  | { status: 'fail'; items: Item[]; fix: Fix }
  | { status: 'skipped'; reason: SkipReason }
  | { status: 'error'; reason: ErrorReason };

export type CheckFunction = (snapshot: Snapshot, ctx: CheckContext) => CheckOutcome;

export interface Text {
  en: string;
  ja: string;
}

export interface TextList {
  en: string[];
  ja: string[];
}

/** meta.yaml of a check folder. */
export interface CheckMeta {
  id: string;
  provider: 'm365' | 'gws';
  severity: Severity;
  licence: LicenceNeed;
  /** Sources the check always needs; `a|b` means either will do. */
  sources: string[];
  /** Context settings it reads (documentation; a check skips with config-missing when one is absent). */
  inputs: string[];
  baselines: { scuba: string[] };
  references: string[];
  title: Text;
  rationale: Text;
  portal: Text;
  remediation: TextList;
  messages: Record<string, Text>;
}

export interface CheckDefinition {
  meta: CheckMeta;
  check: CheckFunction;
}

// ---- results ----

export interface AcceptanceRef {
  check: string;
  reason: string;
  expires: string;
  acceptedBy?: string;
  /** Subjects (ids or names) the acceptance is limited to; absent for the whole check. */
  subjects?: string[];
}

export type ResultStatus = 'pass' | 'fail' | 'accepted' | 'skipped' | 'error';

export interface ResultItem extends Item {
  /** Set when a scoped acceptance covers this item. */
  accepted?: boolean;
}

export interface CheckResult {
  id: string;
  provider: CheckMeta['provider'];
  severity: Severity;
  status: ResultStatus;
  baselines: { scuba: string[] };
  /** fail / accepted: what is wrong. */
  items?: ResultItem[];
  /** pass: how it was decided, when that matters. */
  notes?: Item[];
  /** fail / accepted: the change that would fix it. */
  fix?: Fix;
  reason?: SkipReason | ErrorReason;
  /** accepted (or partly accepted): the acceptance that applies. */
  acceptance?: AcceptanceRef;
  /** An acceptance that matched but has expired: it no longer applies, and the report says so. */
  expiredAcceptance?: AcceptanceRef;
}

export interface Score {
  /** 0–100, or null when nothing was decided. */
  percent: number | null;
  passedWeight: number;
  /** Failed and accepted weight: an accepted risk is still a gap. */
  failedWeight: number;
  counts: Record<ResultStatus, number>;
}

export interface Drift {
  /** Compared with this earlier assessment (its snapshot time). */
  since: string;
  newFailing: string[];
  fixed: string[];
  newlyAccepted: string[];
}

export interface AssessmentResult {
  tenant: string;
  provider: Snapshot['provider'];
  snapshotAt: string;
  assessedAt: string;
  score: Score;
  results: CheckResult[];
  drift?: Drift;
  /** Problems with the acceptance list (unknown check ids, expired entries). */
  acceptanceNotes: Array<{ check: string; problem: 'expired' | 'unknown-check'; expires?: string }>;
}
