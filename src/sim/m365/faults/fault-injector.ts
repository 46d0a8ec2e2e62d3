// Seeded fault injection. Each rule matches a class of requests (and optionally a method or path)
// and fires on chosen ordinals, every Nth match, or with a probability. Decisions hash
// (seed, rule, ordinal), so a rule's choices do not depend on other traffic and runs repeat.
import type { RequestClass } from '../http/types.ts';
import { unitFrom } from '../util/prng.ts';

export type FaultKind =
  /** 429 TooManyRequests with a Retry-After header. */
  | 'throttle'
  /** 429 TooManyRequests without Retry-After (what the reporting APIs do). */
  | 'throttle-no-retry-after'
  /** 503 serviceNotAvailable with Retry-After. */
  | 'unavailable'
  /** 504 UnknownError with an empty message, no Retry-After. */
  | 'gateway-timeout'
  /** Answer normally, but only after `delayMs`. */
  | 'slow'
  /** Send the headers and part of the body, then destroy the socket. */
  | 'drop';

export interface FaultMatch {
  class?: RequestClass | RequestClass[];
  method?: string;
  /** A path prefix after the version segment (e.g. "/auditLogs/signIns"), or a pattern. */
  path?: string | RegExp;
}

export interface FaultRule {
  kind: FaultKind;
  match?: FaultMatch;
  /** 1-based ordinals of matching requests that fail (a deterministic schedule). */
  at?: number[];
  /** Every Nth matching request fails. */
  every?: number;
  /** Chance that a matching request fails, decided from the seed. */
  probability?: number;
  /** For `slow`; default 1500 ms. */
  delayMs?: number;
  /** For `throttle` and `unavailable`; default 2 s. */
  retryAfterSeconds?: number;
}

export interface ThrottleLimit {
  limit: number;
  windowMs: number;
}

export interface FaultOptions {
  seed?: number;
  rules?: FaultRule[];
  /** /auditLogs/* per app per tenant; default 5 requests per 10 s (graph2otel's measurement), false to turn off. */
  reportingThrottle?: ThrottleLimit | false;
  /** /identity/conditionalAccess/* per tenant; default 1 request per second, false to turn off. */
  conditionalAccessThrottle?: ThrottleLimit | false;
  /** POST /security/auditLog/queries per app per tenant (rapid creation got 429 live); default 3 per 10 s, false to turn off. */
  auditQueryThrottle?: ThrottleLimit | false;
}

export interface FaultDecision {
  /** Extra delay before answering (sum of matching `slow` rules). */
  delayMs: number;
  /** A failure to answer with instead of the real response. */
  failure?: { kind: Exclude<FaultKind, 'slow'>; retryAfterSeconds: number; rule: number };
}

export const DEFAULT_REPORTING_THROTTLE: ThrottleLimit = { limit: 5, windowMs: 10_000 };
export const DEFAULT_CONDITIONAL_ACCESS_THROTTLE: ThrottleLimit = { limit: 1, windowMs: 1_000 };
export const DEFAULT_AUDIT_QUERY_THROTTLE: ThrottleLimit = { limit: 3, windowMs: 10_000 };

function matches(match: FaultMatch | undefined, cls: RequestClass, method: string, path: string): boolean {
  if (!match) return true;
  if (match.class !== undefined) {
    const classes = Array.isArray(match.class) ? match.class : [match.class];
    if (!classes.includes(cls)) return false;
  }
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match.path !== undefined) {
    if (typeof match.path === 'string' ? !path.startsWith(match.path) : !match.path.test(path)) return false;
  }
  return true;
}

export class FaultInjector {
  private options: FaultOptions = {};
  private counters: number[] = [];

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  get current(): FaultOptions {
    return this.options;
  }

  /** Replaces the rules and restarts their ordinals. */
  set(options: FaultOptions): void {
    this.options = options;
    this.counters = (options.rules ?? []).map(() => 0);
  }

  decide(cls: RequestClass, method: string, path: string): FaultDecision {
    const decision: FaultDecision = { delayMs: 0 };
    const seed = this.options.seed ?? 0;
    (this.options.rules ?? []).forEach((rule, index) => {
      if (!matches(rule.match, cls, method, path)) return;
      const ordinal = (this.counters[index] = (this.counters[index] ?? 0) + 1);
      const scheduled = rule.at !== undefined || rule.every !== undefined || rule.probability !== undefined;
      const fires =
        !scheduled ||
        (rule.at?.includes(ordinal) ?? false) ||
        (rule.every !== undefined && rule.every > 0 && ordinal % rule.every === 0) ||
        (rule.probability !== undefined && unitFrom(seed, 'fault', index, ordinal) < rule.probability);
      if (!fires) return;
      if (rule.kind === 'slow') decision.delayMs += rule.delayMs ?? 1500;
      else if (!decision.failure) decision.failure = { kind: rule.kind, retryAfterSeconds: rule.retryAfterSeconds ?? 2, rule: index };
    });
    return decision;
  }
}
