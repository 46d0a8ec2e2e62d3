// A log made of two time-ordered sources: a lazy one (records generated from their index, so ten
// million events cost nothing until read) and an explicit one (scenario story steps and live writes).
// Pages are read newest first, as Graph does, or oldest first, resuming from an opaque cursor.

export interface LazyRecords<T> {
  count: number;
  /** Epoch milliseconds of record `index`; must not decrease as the index grows. */
  timeOf(index: number): number;
  make(index: number): T;
  /** Finds a record's index from its id, when the id scheme allows it. */
  indexOf?(id: string): number | undefined;
}

/** Positions in both sources: where the next page starts (exclusive upper bounds when descending). */
export interface LogCursor {
  lazy: number;
  explicit: number;
}

export interface LogPageRequest<T> {
  fromMs: number;
  toMs: number;
  descending: boolean;
  limit: number;
  /** Stop after looking at this many records even if the page is not full (Graph also returns short pages). */
  scanBudget: number;
  cursor?: LogCursor;
  accept?: (record: T) => boolean;
}

export interface LogPage<T> {
  items: T[];
  next?: LogCursor;
}

interface Timed<T> {
  t: number;
  record: T;
}

const EMPTY_LAZY: LazyRecords<never> = { count: 0, timeOf: () => 0, make: () => { throw new Error('empty'); } };

export class TimeOrderedLog<T> {
  private readonly explicit: Timed<T>[] = [];

  constructor(private readonly lazy: LazyRecords<T> = EMPTY_LAZY) {}

  get size(): number {
    return this.lazy.count + this.explicit.length;
  }

  /** Adds a record, keeping time order (live writes land at the end, story steps anywhere). */
  add(t: number, record: T): void {
    let lo = 0;
    let hi = this.explicit.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.explicit[mid] as Timed<T>).t <= t) lo = mid + 1;
      else hi = mid;
    }
    this.explicit.splice(lo, 0, { t, record });
  }

  /** The explicit records (story and live writes), oldest first. */
  explicitRecords(): T[] {
    return this.explicit.map((e) => e.record);
  }

  /** One record by id: explicit records by scanning, lazy ones through their id scheme. */
  find(id: string, idOf: (record: T) => string): { t: number; record: T } | undefined {
    const hit = this.explicit.find((e) => idOf(e.record) === id);
    if (hit) return hit;
    const index = this.lazy.indexOf?.(id);
    if (index === undefined || index < 0 || index >= this.lazy.count) return undefined;
    const record = this.lazy.make(index);
    return idOf(record) === id ? { t: this.lazy.timeOf(index), record } : undefined;
  }

  page(request: LogPageRequest<T>): LogPage<T> {
    const lazyLo = this.firstIndex((i) => this.lazy.timeOf(i), this.lazy.count, request.fromMs);
    const lazyHi = this.firstIndex((i) => this.lazy.timeOf(i), this.lazy.count, request.toMs + 1);
    const explicitTime = (i: number): number => (this.explicit[i] as Timed<T>).t;
    const expLo = this.firstIndex(explicitTime, this.explicit.length, request.fromMs);
    const expHi = this.firstIndex(explicitTime, this.explicit.length, request.toMs + 1);
    const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);
    let l = request.cursor ? clamp(request.cursor.lazy, lazyLo, lazyHi) : request.descending ? lazyHi : lazyLo;
    let e = request.cursor ? clamp(request.cursor.explicit, expLo, expHi) : request.descending ? expHi : expLo;
    const items: T[] = [];
    let scanned = 0;
    const hasLazy = (): boolean => (request.descending ? l > lazyLo : l < lazyHi);
    const hasExplicit = (): boolean => (request.descending ? e > expLo : e < expHi);
    while ((hasLazy() || hasExplicit()) && items.length < request.limit && scanned < request.scanBudget) {
      let takeLazy: boolean;
      if (!hasExplicit()) takeLazy = true;
      else if (!hasLazy()) takeLazy = false;
      else if (request.descending) takeLazy = this.lazy.timeOf(l - 1) > explicitTime(e - 1);
      else takeLazy = this.lazy.timeOf(l) < explicitTime(e);
      let record: T;
      if (takeLazy) {
        record = this.lazy.make(request.descending ? l - 1 : l);
        l += request.descending ? -1 : 1;
      } else {
        record = (this.explicit[request.descending ? e - 1 : e] as Timed<T>).record;
        e += request.descending ? -1 : 1;
      }
      scanned++;
      if (!request.accept || request.accept(record)) items.push(record);
    }
    return hasLazy() || hasExplicit() ? { items, next: { lazy: l, explicit: e } } : { items };
  }

  /** Binary search: the first index whose time is >= t. */
  private firstIndex(timeOf: (i: number) => number, count: number, t: number): number {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (timeOf(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
