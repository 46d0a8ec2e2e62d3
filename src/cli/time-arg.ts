// Time arguments: an ISO date or date-time (UTC unless a zone is given), or a duration back from now.
import { TakebackError } from '../core/errors.ts';

const DURATION = /^(\d+)\s*(m|h|d|w)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `2026-11-01`, `2026-11-01T09:30`, `2026-11-01 09:30:00.5`, each with an optional `Z` / `±hh[:mm]`. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * Which end of the time written: `start` for --since; `end` for --until, so that a bound written to
 * the day, minute or second includes all of it (`--until 2026-11-01` is the whole day, and a time
 * copied from the events table, which shows seconds, includes that event).
 */
export type TimeEnd = 'start' | 'end';

function bad(value: string, option: string): TakebackError {
  return new TakebackError('cli.bad_time', { option, value }, { exitCode: 2 });
}

function isoBound(m: RegExpExecArray, end: TimeEnd): number | undefined {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] ?? '';
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const start = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC rolls 2021-02-30 over to 2 March: a date that does not exist is refused instead.
  if (new Date(start).getUTCDate() !== d) return undefined;
  let offset = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = m[11] === undefined ? 0 : Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === '+' ? 1 : -1) * (oh * 60 + om) * 60_000;
  }
  const unit = m[4] === undefined ? 86_400_000 : m[6] === undefined ? 60_000 : fraction.length >= 3 ? 1 : 10 ** (3 - fraction.length);
  return start - offset + (end === 'end' ? unit - 1 : 0);
}

export function parseTimeArg(value: string, option: string, now: Date = new Date(), end: TimeEnd = 'start'): string {
  const trimmed = value.trim();
  const duration = DURATION.exec(trimmed);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]!.toLowerCase()]!).toISOString();
  // A date or date-time without a zone means UTC: logs are in UTC and a responder compares against them.
  const m = ISO.exec(trimmed);
  const ms = m ? isoBound(m, end) : undefined;
  if (ms === undefined || Number.isNaN(ms)) throw bad(value, option);
  return new Date(ms).toISOString();
}

/** The tenant and time bounds that timeline, report and hunt take, as an event filter. */
export function scopeFilter(o: { tenant?: string; since?: string; until?: string }): { tenant?: string; since?: string; until?: string } {
  return {
    ...(o.tenant ? { tenant: o.tenant } : {}),
    ...(o.since ? { since: parseTimeArg(o.since, '--since') } : {}),
    ...(o.until ? { until: parseTimeArg(o.until, '--until', new Date(), 'end') } : {}),
  };
}
