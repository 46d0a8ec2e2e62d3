// Shared copies of the strings that repeat across events (tenants, actions, accounts, addresses, user
// agents). JSON.parse makes a fresh string for every value of every record, so a million events read
// back hold a million copies of a few thousand account names. Replacing each with one shared copy,
// while the fresh one is still in the CPU cache, saves memory, and lets everything downstream that keys
// maps by these strings (detection's facts, the storyline) find a string whose hash V8 has already
// computed and which is itself in the cache, instead of re-reading a cold copy per event.
import type { Action } from '../../core/actions.ts';
import type { Actor, Change, Target } from '../../core/event.ts';

/** The parts of an event (or of its stored fields) whose strings repeat. */
interface EventStrings {
  tenant: string;
  source: string;
  action: Action;
  nativeAction: string;
  actor: Actor;
  targets: Target[];
  changes: Change[];
}

/** Distinct strings kept before the table starts again: bounds its memory whatever is read. */
const MAX_ENTRIES = 100_000;
/** Longer values (free text) rarely repeat and are left alone. */
const MAX_LENGTH = 512;

export class StringInterner {
  private readonly table = new Map<string, string>();

  /** The shared copy of `s` (`s` itself the first time it is seen). */
  intern(s: string): string {
    if (s.length > MAX_LENGTH) return s;
    const hit = this.table.get(s);
    if (hit !== undefined) return hit;
    if (this.table.size >= MAX_ENTRIES) this.table.clear();
    this.table.set(s, s);
    return s;
  }

  get size(): number {
    return this.table.size;
  }

  /**
   * Replaces the event's repeating strings (not its raw record) with their shared copies, in place.
   * A record stored whole may be of any shape: only strings are replaced, and no property is added.
   * Each property is read by name where it is (a shared keyed read would be slower on this hot path).
   */
  event<E extends EventStrings>(e: E): E {
    if (typeof e.tenant === 'string') e.tenant = this.intern(e.tenant);
    if (typeof e.source === 'string') e.source = this.intern(e.source);
    if (typeof e.action === 'string') e.action = this.intern(e.action) as Action;
    if (typeof e.nativeAction === 'string') e.nativeAction = this.intern(e.nativeAction);
    const a = e.actor as Partial<Actor> | null | undefined;
    if (a !== null && typeof a === 'object') {
      if (typeof a.id === 'string') a.id = this.intern(a.id);
      if (typeof a.name === 'string') a.name = this.intern(a.name);
      if (typeof a.ip === 'string') a.ip = this.intern(a.ip);
      if (typeof a.userAgent === 'string') a.userAgent = this.intern(a.userAgent);
    }
    const targets: unknown = e.targets;
    if (Array.isArray(targets)) {
      for (const t of targets as Array<Partial<Target> | null>) {
        if (t === null || typeof t !== 'object') continue;
        if (typeof t.kind === 'string') t.kind = this.intern(t.kind);
        if (typeof t.id === 'string') t.id = this.intern(t.id);
        if (typeof t.name === 'string') t.name = this.intern(t.name);
      }
    }
    const changes: unknown = e.changes;
    if (Array.isArray(changes)) {
      for (const c of changes as Array<Partial<Change> | null>) if (c !== null && typeof c === 'object' && typeof c.name === 'string') c.name = this.intern(c.name);
    }
    return e;
  }
}
