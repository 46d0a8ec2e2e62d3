// Time arguments: an ISO date or date-time (UTC unless a zone is given), or a duration back from now.
import { TakebackError } from '../core/errors.ts';

const DURATION = /^(\d+)\s*(m|h|d|w)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseTimeArg(value: string, option: string, now: Date = new Date()): string {
  const trimmed = value.trim();
  const duration = DURATION.exec(trimmed);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]!.toLowerCase()]!).toISOString();
  // A date or date-time without a zone means UTC: logs are in UTC and a responder compares against them.
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed) || /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) throw new TakebackError('cli.bad_time', { option, value }, { exitCode: 2 });
  return new Date(ms).toISOString();
}

/** The tenant and time bounds that timeline, report and hunt take, as an event filter. */
export function scopeFilter(o: { tenant?: string; since?: string; until?: string }): { tenant?: string; since?: string; until?: string } {
  return {
    ...(o.tenant ? { tenant: o.tenant } : {}),
    ...(o.since ? { since: parseTimeArg(o.since, '--since') } : {}),
    ...(o.until ? { until: parseTimeArg(o.until, '--until') } : {}),
  };
}
