// Helpers for the caller that streams events from the store into detection: tally the time window
// per log on the way through, then fetch only the events the findings cite as evidence (holding every
// event in memory is not an option at millions of events).
import type { CanonicalEvent } from '../core/event.ts';
import type { Finding } from '../detect/finding.ts';
import type { EventsWindow, WindowCount } from './coverage.ts';

export class EventsWindowTally {
  private readonly all: WindowCount = { count: 0 };
  private readonly bySource = new Map<string, WindowCount>();
  private signIns = 0;

  add(ev: CanonicalEvent): void {
    widen(this.all, ev.time);
    if (ev.action === 'signin' || ev.action === 'signin.failed') this.signIns++;
    let w = this.bySource.get(ev.source);
    if (w === undefined) {
      w = { count: 0 };
      this.bySource.set(ev.source, w);
    }
    widen(w, ev.time);
  }

  result(): EventsWindow {
    return { ...this.all, signIns: this.signIns, bySource: Object.fromEntries([...this.bySource].map(([k, v]) => [k, { ...v }])) };
  }
}

// ISO 8601 UTC strings of one shape compare as text, which saves a Date.parse per event.
function widen(w: WindowCount, time: string): void {
  w.count++;
  if (w.first === undefined || time < w.first) w.first = time;
  if (w.last === undefined || time > w.last) w.last = time;
}

/** Passes events through unchanged while the tally counts them. */
export async function* tallied(events: Iterable<CanonicalEvent> | AsyncIterable<CanonicalEvent>, tally: EventsWindowTally): AsyncGenerator<CanonicalEvent> {
  for await (const ev of events) {
    tally.add(ev);
    yield ev;
  }
}

/** Ids of every event the findings cite as evidence. */
export function evidenceEventIds(findings: readonly Finding[]): Set<string> {
  const ids = new Set<string>();
  for (const f of findings) for (const id of f.evidence.events) ids.add(id);
  return ids;
}

/** The cited events out of a second pass over the events (e.g. `store.queryEvents({tenant})`). */
export async function pickEvents(events: Iterable<CanonicalEvent> | AsyncIterable<CanonicalEvent>, ids: ReadonlySet<string>): Promise<Map<string, CanonicalEvent>> {
  const out = new Map<string, CanonicalEvent>();
  if (ids.size === 0) return out;
  for await (const ev of events) if (ids.has(ev.id)) out.set(ev.id, ev);
  return out;
}
