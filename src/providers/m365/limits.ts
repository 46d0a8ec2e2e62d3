// Client-side limits per class of Graph endpoint. Graph's reporting and Conditional Access buckets
// answer 429 without Retry-After (reference A.1), so the only way not to be throttled is to stay
// under their limits: a sliding window of request starts, and a cap on requests in flight.

export type LimitClass = 'reporting' | 'conditionalAccess' | 'identityProtection' | 'default';

export interface ClassLimit {
  /** Requests in flight at once. */
  concurrency: number;
  /** At most `requests` started in any `windowMs`; absent means no rate limit. */
  rate?: { requests: number; windowMs: number };
}

export type LimitConfig = Record<LimitClass, ClassLimit>;

// A window is counted from when each request *ended* (by then the service has certainly counted
// it), so a slow send cannot make two requests arrive closer together than we think; the few extra
// milliseconds cover timer granularity.
export const DEFAULT_LIMITS: LimitConfig = {
  // auditLogs: 5 requests per 10 s per app per tenant (graph2otel's measurement).
  reporting: { concurrency: 2, rate: { requests: 5, windowMs: 10_100 } },
  // 1 request per second per tenant, across all apps.
  conditionalAccess: { concurrency: 1, rate: { requests: 1, windowMs: 1_050 } },
  identityProtection: { concurrency: 1, rate: { requests: 1, windowMs: 1_050 } },
  default: { concurrency: 4 },
};

/** The limit class of a Graph path (after the version segment, or a full URL). */
export function limitClassOf(pathOrUrl: string): LimitClass {
  const path = pathOrUrl.replace(/^https:\/\/[^/]+/i, '').replace(/^\/(v1\.0|beta)/i, '').toLowerCase();
  if (path.startsWith('/auditlogs/')) return 'reporting';
  if (path.startsWith('/identity/conditionalaccess/')) return 'conditionalAccess';
  if (path.startsWith('/identityprotection/')) return 'identityProtection';
  return 'default';
}

interface Slot {
  endedAt?: number;
}

/** One class's gate: FIFO, so a long audit crawl cannot starve the requests queued behind it. */
export class ClassLimiter {
  /** Requests that count against the rate: those in flight, and those that ended within the window. */
  private slots: Slot[] = [];
  private readonly waiting: Array<(slot: Slot | undefined) => void> = [];
  private active = 0;
  private heldUntil = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly limit: ClassLimit) {}

  /** Waits for a slot; call the returned function when the request is over. */
  async acquire(): Promise<() => void> {
    const slot = await new Promise<Slot | undefined>((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (slot) slot.endedAt = Date.now();
      this.active--;
      this.pump();
    };
  }

  /** Starts nothing new before `untilMs` (the service said Retry-After). */
  hold(untilMs: number): void {
    this.heldUntil = Math.max(this.heldUntil, untilMs);
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const now = Date.now();
      if (this.active >= this.limit.concurrency) return;
      let wakeAt = this.heldUntil > now ? this.heldUntil : 0;
      const rate = this.limit.rate;
      if (rate) {
        this.slots = this.slots.filter((s) => s.endedAt === undefined || s.endedAt > now - rate.windowMs);
        if (this.slots.length >= rate.requests) {
          const ended = this.slots.flatMap((s) => (s.endedAt === undefined ? [] : [s.endedAt]));
          // All in flight: the next release pumps again.
          if (ended.length === 0) return;
          wakeAt = Math.max(wakeAt, Math.min(...ended) + rate.windowMs);
        }
      }
      if (wakeAt > now) {
        this.wakeAt(wakeAt - now);
        return;
      }
      const slot: Slot | undefined = rate ? {} : undefined;
      if (slot) this.slots.push(slot);
      this.active++;
      this.waiting.shift()?.(slot);
    }
  }

  private wakeAt(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, delayMs);
  }
}

export class Limits {
  private readonly limiters: Record<LimitClass, ClassLimiter>;

  constructor(config: Partial<LimitConfig> = {}) {
    const merged = { ...DEFAULT_LIMITS, ...config };
    this.limiters = {
      reporting: new ClassLimiter(merged.reporting),
      conditionalAccess: new ClassLimiter(merged.conditionalAccess),
      identityProtection: new ClassLimiter(merged.identityProtection),
      default: new ClassLimiter(merged.default),
    };
  }

  of(cls: LimitClass): ClassLimiter {
    return this.limiters[cls];
  }
}
