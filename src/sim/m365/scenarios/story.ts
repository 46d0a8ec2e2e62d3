// Plays a scenario's story through the same operations the Graph routes use, so story steps leave
// exactly the audit rows live writes would, and records a readable storyline beside them.
import type { Actor, SimUser } from '../tenant/model.ts';
import type { Place } from '../tenant/operations/sign-ins.ts';
import { DAY_MS, type TenantState } from '../tenant/tenant-state.ts';
import type { StoryStep } from './types.ts';

export class Story {
  readonly steps: StoryStep[] = [];

  constructor(
    readonly state: TenantState,
    private readonly nowMs: number,
  ) {}

  /** A moment `daysAgo` days before now, at hh:mm UTC (JST is UTC+9). */
  at(daysAgo: number, hourUtc: number, minute = 0): number {
    const day = Math.floor((this.nowMs - daysAgo * DAY_MS) / DAY_MS) * DAY_MS;
    const t = day + hourUtc * 3600_000 + minute * 60_000;
    if (t > this.nowMs - 60_000) throw new Error(`story step at ${new Date(t).toISOString()} is not in the past`);
    return t;
  }

  static actor(user: SimUser, place: Place, userAgent?: string): Actor {
    return { kind: 'user', id: user.id, userPrincipalName: user.userPrincipalName, displayName: null, ipAddress: place.ipAddress, userAgent };
  }

  step<T>(t: number, actor: string, what: string, auditActivity: string | null, malicious: boolean, run: () => T): T {
    const result = run();
    this.steps.push({ at: new Date(t).toISOString(), actor, what, auditActivity, malicious });
    return result;
  }

  sorted(): StoryStep[] {
    return [...this.steps].sort((a, b) => a.at.localeCompare(b.at));
  }
}
