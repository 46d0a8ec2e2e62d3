// Correlation state: per correlation and group-by key, a sliding window of the hits of the rules it
// refers to. Windows are inclusive (hits exactly `timespan` apart are together). When a correlation
// fires its window is cleared, so one burst gives one match. Correlations that refer to correlations
// receive their matches as hits.
import { isUpward, meetsCondition } from './compile/correlation.ts';
import type { CompiledCorrelation, CompiledRule } from './types.ts';

/** One occurrence of a referenced rule (or correlation) for one correlation. */
export interface Hit {
  /** Index of the referenced rule in the correlation's `rules`. */
  ref: number;
  timeMs: number;
  time: string;
  eventIds: string[];
  group: string[];
  /** value_* correlations: the counted, summed or ranked value. */
  value?: string;
}

export interface Fired {
  correlation: CompiledCorrelation;
  timeMs: number;
  time: string;
  eventIds: string[];
  group: string[];
  value: number;
}

interface Entry {
  t: number;
  time: string;
  ids: string[];
  value?: string;
}

abstract class Window {
  /** The events of the hit added last (see CorrelationState.add). */
  lastIds: readonly string[] | undefined;

  constructor(protected readonly c: CompiledCorrelation) {}
  abstract add(h: Hit, out: Fired[]): void;
  /** Evaluates windows still waiting for their end (conditions with upper bounds); at the end of input. */
  flush(_out: Fired[]): void {}
  /** Judges the windows waiting for their end that ended before `now` (conditions with upper bounds). */
  close(_now: number, _out: Fired[]): void {}
  abstract empty(now: number): boolean;

  protected fire(h: { timeMs: number; time: string; group: string[] }, entries: readonly Entry[], value: number, out: Fired[]): void {
    const ids: string[] = [];
    for (const e of entries) for (const id of e.ids) ids.push(id);
    out.push({ correlation: this.c, timeMs: h.timeMs, time: h.time, eventIds: ids, group: h.group, value });
  }
}

/** event_count and value_count: a count over the window. */
class CountWindow extends Window {
  private entries: Entry[] = [];
  private head = 0;
  private readonly distinct = new Map<string, number>();
  private readonly upward: boolean;

  constructor(
    c: CompiledCorrelation,
    private readonly byValue: boolean,
  ) {
    super(c);
    this.upward = isUpward(c.condition);
  }

  private live(): Entry[] {
    return this.entries.slice(this.head);
  }

  private measure(): number {
    return this.byValue ? this.distinct.size : this.entries.length - this.head;
  }

  private drop(): void {
    const e = this.entries[this.head++]!;
    if (this.byValue && e.value !== undefined) {
      const n = this.distinct.get(e.value)! - 1;
      if (n === 0) this.distinct.delete(e.value);
      else this.distinct.set(e.value, n);
    }
    if (this.head > 64 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private clear(): void {
    this.entries = [];
    this.head = 0;
    this.distinct.clear();
  }

  /**
   * Upper-bound conditions (lt, lte, eq, neq) can only be judged once a window is over: windows start
   * at a hit, last `timespan`, and are judged when a later hit or the end of input closes them.
   */
  private closeBefore(t: number, group: string[], out: Fired[]): void {
    while (this.head < this.entries.length) {
      const first = this.entries[this.head]!;
      if (first.t + this.c.timespanMs >= t) return;
      // The window from the oldest hit is complete: judge it, then start afresh (windows do not overlap).
      const n = this.measure();
      if (meetsCondition(this.c.condition, n)) {
        const live = this.live();
        const last = live[live.length - 1]!;
        this.fire({ timeMs: last.t, time: last.time, group }, live, n, out);
      }
      this.clear();
    }
  }

  private group: string[] = [];

  add(h: Hit, out: Fired[]): void {
    this.group = h.group;
    if (!this.upward) this.closeBefore(h.timeMs, h.group, out);
    const e: Entry = { t: h.timeMs, time: h.time, ids: h.eventIds };
    if (this.byValue) {
      e.value = h.value ?? '';
      this.distinct.set(e.value, (this.distinct.get(e.value) ?? 0) + 1);
    }
    this.entries.push(e);
    if (!this.upward) return;
    while (this.head < this.entries.length && this.entries[this.head]!.t < h.timeMs - this.c.timespanMs) this.drop();
    const n = this.measure();
    if (meetsCondition(this.c.condition, n)) {
      this.fire(h, this.live(), n, out);
      this.clear();
    }
  }

  override flush(out: Fired[]): void {
    if (!this.upward) this.closeBefore(Infinity, this.group, out);
  }

  override close(now: number, out: Fired[]): void {
    if (!this.upward) this.closeBefore(now, this.group, out);
  }

  empty(now: number): boolean {
    const last = this.entries[this.entries.length - 1];
    return last === undefined || this.head >= this.entries.length || (this.upward && last.t < now - this.c.timespanMs);
  }
}

/** value_sum, value_avg, value_percentile: numbers (or frequencies) over the window, checked at each hit. */
class MetricWindow extends Window {
  private entries: Entry[] = [];
  private sum = 0;
  private readonly freq = new Map<string, number>();

  add(h: Hit, out: Fired[]): void {
    const span = this.c.timespanMs;
    const value = h.value ?? '';
    const num = Number(value);
    if (this.c.type !== 'value_percentile' && (value.trim() === '' || !Number.isFinite(num))) return; // not a number: not counted
    this.entries.push({ t: h.timeMs, time: h.time, ids: h.eventIds, value });
    this.sum += this.c.type === 'value_percentile' ? 0 : num;
    this.freq.set(value, (this.freq.get(value) ?? 0) + 1);
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop]!.t < h.timeMs - span) {
      const e = this.entries[drop++]!;
      if (this.c.type !== 'value_percentile') this.sum -= Number(e.value);
      const n = this.freq.get(e.value!)! - 1;
      if (n === 0) this.freq.delete(e.value!);
      else this.freq.set(e.value!, n);
    }
    if (drop > 0) this.entries = this.entries.slice(drop);
    const n = this.entries.length;
    let measure: number;
    if (this.c.type === 'value_sum') measure = this.sum;
    else if (this.c.type === 'value_avg') measure = this.sum / n;
    else measure = ((this.freq.get(value) ?? 0) / n) * 100; // share of this hit's value, in percent
    if (!meetsCondition(this.c.condition, measure)) return;
    if (this.c.type === 'value_percentile') {
      // A rare value is about the one event that has it.
      this.fire(h, [this.entries[n - 1]!], measure, out);
      return;
    }
    this.fire(h, this.entries, measure, out);
    this.entries = [];
    this.sum = 0;
    this.freq.clear();
  }

  empty(now: number): boolean {
    const last = this.entries[this.entries.length - 1];
    return last === undefined || last.t < now - this.c.timespanMs;
  }
}

/** temporal: the referenced rules all (or as many as the condition asks) hit within the window. */
class TemporalWindow extends Window {
  private readonly latest = new Map<number, Entry>();

  add(h: Hit, out: Fired[]): void {
    this.latest.set(h.ref, { t: h.timeMs, time: h.time, ids: h.eventIds });
    for (const [k, e] of this.latest) if (e.t < h.timeMs - this.c.timespanMs) this.latest.delete(k);
    const n = this.latest.size;
    if (!meetsCondition(this.c.condition, n)) return;
    const entries = [...this.latest.values()].sort((a, b) => a.t - b.t);
    this.fire(h, entries, n, out);
    this.latest.clear();
  }

  empty(now: number): boolean {
    for (const e of this.latest.values()) if (e.t >= now - this.c.timespanMs) return false;
    return true;
  }
}

/**
 * temporal_ordered: the rules hit in the order listed. For each step k it keeps the chain through
 * steps 0..k that started latest (the one with the most time left).
 */
class OrderedWindow extends Window {
  private readonly chains: Array<{ start: number; entries: Entry[] } | undefined>;
  private readonly target: number;

  constructor(c: CompiledCorrelation) {
    super(c);
    this.chains = new Array<undefined>(c.rules.length).fill(undefined);
    let target = c.rules.length;
    for (let l = 1; l <= c.rules.length; l++) {
      if (meetsCondition(c.condition, l)) {
        target = l;
        break;
      }
    }
    this.target = target;
  }

  add(h: Hit, out: Fired[]): void {
    const k = h.ref;
    if (k >= this.target) return;
    const entry: Entry = { t: h.timeMs, time: h.time, ids: h.eventIds };
    if (k === 0) {
      this.chains[0] = { start: h.timeMs, entries: [entry] };
    } else {
      const prev = this.chains[k - 1];
      if (prev === undefined || h.timeMs - prev.start > this.c.timespanMs) return;
      // One event is one step: an event that matches two of the rules cannot be both.
      if (prev.entries.some((e) => e.ids.some((id) => h.eventIds.includes(id)))) return;
      const cur = this.chains[k];
      if (cur === undefined || prev.start >= cur.start) this.chains[k] = { start: prev.start, entries: [...prev.entries, entry] };
    }
    const done = this.chains[this.target - 1];
    if (k === this.target - 1 && done !== undefined) {
      this.fire(h, done.entries, this.target, out);
      this.chains.fill(undefined);
    }
  }

  empty(now: number): boolean {
    return this.chains.every((c) => c === undefined || c.start < now - this.c.timespanMs);
  }
}

function newWindow(c: CompiledCorrelation): Window {
  switch (c.type) {
    case 'event_count':
      return new CountWindow(c, false);
    case 'value_count':
      return new CountWindow(c, true);
    case 'temporal':
      return new TemporalWindow(c);
    case 'temporal_ordered':
      return new OrderedWindow(c);
    default:
      return new MetricWindow(c);
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** All open windows of one correlation, by group key. */
export class CorrelationState {
  private readonly groups = new Map<string, Window>();
  private adds = 0;
  /**
   * Counts and metrics are about events: one event that two of the referenced rules match is counted
   * (or summed) once. Its hits arrive one after the other (same time, same event), so the window only
   * needs to remember the last. Temporal types are about rules, and keep both.
   */
  private readonly perEvent: boolean;

  constructor(readonly correlation: CompiledCorrelation) {
    this.perEvent = !correlation.type.startsWith('temporal');
  }

  add(h: Hit, out: Fired[]): void {
    const key = h.group.join('\u0000');
    let w = this.groups.get(key);
    if (w === undefined) {
      w = newWindow(this.correlation);
      this.groups.set(key, w);
    }
    if (this.perEvent) {
      if (w.lastIds !== undefined && sameIds(w.lastIds, h.eventIds)) return;
      w.lastIds = h.eventIds;
    }
    w.add(h, out);
    // Now and then forget groups whose windows have run out, so memory follows the window, not the input.
    // A window waiting for its end (upper-bound conditions) is judged first: no later hit of its group
    // can fall into it, since hits arrive in time order.
    if (++this.adds % 4096 === 0) {
      for (const [k, g] of this.groups) {
        g.close(h.timeMs, out);
        if (g.empty(h.timeMs)) this.groups.delete(k);
      }
    }
  }

  flush(out: Fired[]): void {
    for (const w of this.groups.values()) w.flush(out);
    this.groups.clear();
  }

  get size(): number {
    return this.groups.size;
  }
}

/** The position of a referenced rule or correlation in a correlation's list, by object identity. */
export function refIndex(c: CompiledCorrelation, item: CompiledRule | CompiledCorrelation): number {
  return c.rules.indexOf(item);
}
