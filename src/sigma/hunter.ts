// Runs loaded rules over a stream of events: each event is routed to its shape, only the rules its
// operation name can match are evaluated (the rule index), and hits of rules that correlations use go
// through a small reorder buffer into the correlation windows.
import type { CanonicalEvent } from '../core/event.ts';
import { requiredValues, type Expr } from './compile/detection.ts';
import type { ContainsItem, IndexHint, ItemCost, MatchCtx, Pred } from './compile/item.ts';
import { cheapFirst } from './compile/order.ts';
import { CorrelationState, type Fired, type Hit } from './correlate.ts';
import type { Binding, EventView, Reader, Resolved } from './fields/access.ts';
import { fieldMapsFor } from './load.ts';
import { logsourceCovers, type PathSpec, type Shape } from './fields/maps.ts';
import { pushLeaf, type FieldValue, type ParseCache } from './fields/path.ts';
import { MinHeap } from './heap.ts';
import { Router } from './route.ts';
import { isoMs } from '../core/iso-time.ts';
import type { CompiledCorrelation, CompiledRule, LoadedRules, SigmaMatch } from './types.ts';

export interface HunterOptions {
  /**
   * How late (ms) an event may arrive after a later one and still be correlated in time order. Hits
   * of correlated rules wait this long before they enter the windows; Infinity waits for finish().
   */
  lateness?: number;
  /** Measure the time spent in each rule (for the benchmark). */
  profile?: boolean;
  /** Evaluate every rule on every event of its log source (tests check the index against this). */
  noIndex?: boolean;
  fieldMapDir?: string;
}

export interface HuntStats {
  events: number;
  /** Events whose record matched no known shape (and so no rule). */
  unrouted: number;
  byShape: Record<string, number>;
  /** Rule predicates evaluated: what the index saves is events × rules minus this. */
  evaluations: number;
  matches: number;
  /** With `profile`: time spent and evaluations per rule id. */
  ruleProfile?: Map<string, { title: string; ms: number; evaluations: number }>;
}

export interface Hunter {
  push(event: CanonicalEvent): SigmaMatch[];
  finish(): SigmaMatch[];
  stats(): HuntStats;
}

interface Parent {
  state: CorrelationState;
  ref: number;
}

interface RuleSlot {
  rule: CompiledRule;
  parents: Parent[];
}

/** A rule as one view evaluates it: its predicate with the cheap tests for this shape first. */
interface BoundRule extends RuleSlot {
  pred: Pred;
}

function ruleKey(r: { id?: string; name?: string; file: string; line: number }): string {
  return r.id ?? r.name ?? `${r.file}:${r.line}`;
}

/**
 * Field values of one event through one binding, each read at most once per event. Every slot owns
 * one Resolved, refilled for each event (only its value arrays are new): predicates use what they
 * get before the next event.
 */
class Ctx implements MatchCtx {
  ev!: EventView;
  stamp = 0;
  private readonly stamps: Uint32Array;
  private readonly lowered: Uint32Array;
  private readonly slots: Resolved[];
  private readonly readers: Array<Reader | undefined> = [];

  constructor(
    private readonly binding: Binding,
    private readonly names: readonly string[],
    private readonly keywordValues: (cased: boolean) => readonly string[],
  ) {
    const n = Math.max(names.length, 1);
    this.stamps = new Uint32Array(n);
    this.lowered = new Uint32Array(n);
    this.slots = Array.from({ length: n }, () => ({ present: false, values: [], lower: [] }));
  }

  get(slot: number): Resolved {
    const r = this.slots[slot]!;
    if (this.stamps[slot] === this.stamp) return r;
    let read = this.readers[slot];
    if (read === undefined) {
      read = this.binding.reader(this.names[slot]!);
      this.readers[slot] = read;
    }
    // A fresh array is cheaper than emptying one (setting length is a runtime call).
    const values: FieldValue[] = [];
    r.present = read(this.ev, values);
    r.values = values;
    this.stamps[slot] = this.stamp;
    return r;
  }

  /** The field in `slot` has been read for this event. */
  has(slot: number): boolean {
    return this.stamps[slot] === this.stamp;
  }

  lower(slot: number): FieldValue[] {
    const r = this.get(slot);
    if (this.lowered[slot] !== this.stamp) {
      const values = r.values;
      const lower: FieldValue[] = new Array<FieldValue>(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        lower[i] = v === null ? null : v.toLowerCase();
      }
      r.lower = lower;
      this.lowered[slot] = this.stamp;
    }
    return r.lower!;
  }

  keywords(cased: boolean): readonly string[] {
    return this.keywordValues(cased);
  }

  /** First non-null value of any field (for group-by and value fields), lower case. */
  first(field: string): string | undefined {
    const values: FieldValue[] = [];
    this.binding.reader(field)(this.ev, values);
    for (const v of values) if (v !== null) return v.toLowerCase();
    return undefined;
  }
}

class BoundView {
  readonly ctx: Ctx;
  private readonly index = new Map<string, BoundRule[]>();
  private readonly always: BoundRule[] = [];
  private readonly disc?: Reader;
  /** The Ctx slot of a rule field read exactly as the discriminator, or -1. */
  private readonly discSlot: number = -1;
  private readonly when?: { read: Reader; equals: ReadonlySet<string> };

  constructor(
    readonly binding: Binding,
    slots: readonly RuleSlot[],
    names: readonly string[],
    keywordValues: (cased: boolean) => readonly string[],
    noIndex: boolean,
  ) {
    this.ctx = new Ctx(binding, names, keywordValues);
    const view = binding.view;
    if (view.when !== undefined) this.when = { read: binding.specReader(view.when.spec), equals: view.when.equals };
    const disc = noIndex ? undefined : view.discriminator;
    if (disc !== undefined) {
      this.disc = binding.specReader(disc);
      // A rule field read exactly as the discriminator (operationName, usually): the index reads it
      // through the event's memo, so the rules that test it again find it read and lower-cased.
      this.discSlot = names.findIndex((n) => {
        const specs = binding.mapped(n);
        return specs !== undefined && specs.length === 1 && sameSpec(specs[0]!, disc);
      });
    }
    const slotOf = new Map(names.map((n, i) => [n.toLowerCase(), i]));
    const bound: BoundRule[] = [];
    for (const s of slots) {
      if (!view.logsources.some((l) => logsourceCovers(l, s.rule.logsource))) continue;
      const slot: BoundRule = { rule: s.rule, parents: s.parents, pred: s.rule.pred };
      bound.push(slot);
      const need = disc === undefined ? undefined : requiredValues(slot.rule.expr, (h) => this.usable(h, disc));
      if (need !== undefined) {
        for (const v of need) {
          const list = this.index.get(v);
          if (list) list.push(slot);
          else this.index.set(v, [slot]);
        }
        continue;
      }
      if (noIndex || !this.guard(slot, slotOf)) this.always.push(slot);
    }
    // Guard fields are read for every event anyway: tests on them cost only the test.
    const guarded = new Set(this.guards.map((g) => names[g.slot]!.toLowerCase()));
    const readCost = new Map<string, number>();
    const leafCost = (c: ItemCost | undefined): number => {
      if (c === undefined) return 1;
      if (c.field === '') return c.test;
      const f = c.field.toLowerCase();
      let read = readCost.get(f);
      if (read === undefined) {
        read = guarded.has(f) ? 0 : binding.readCost(c.field);
        readCost.set(f, read);
      }
      return read + c.test;
    };
    const searches = new Map<ContainsItem, Pred | undefined>();
    const leafPred = (leaf: Extract<Expr, { t: 'leaf' }>): Pred => {
      const c = leaf.contains;
      if (c === undefined) return leaf.pred;
      let p = searches.get(c);
      if (!searches.has(c)) {
        p = this.searchPred(c, leaf.pred);
        searches.set(c, p);
      }
      return p ?? leaf.pred;
    };
    for (const b of bound) b.pred = cheapFirst(b.rule.expr, leafCost, leafPred);
  }

  /**
   * A `contains` item answered by searching the field's sources, where one of them can search without
   * making its values (`json-members`: JSON text), unless the field was already read for this event.
   */
  private searchPred(c: ContainsItem, pred: Pred): Pred | undefined {
    const search = this.binding.searcher(c.field, c.needles);
    if (search === undefined) return undefined;
    const ctx = this.ctx;
    const { slot, needles, all, cased } = c;
    return (x) => {
      if (ctx.has(slot)) return pred(x);
      for (let i = 0; i < needles.length; i++) {
        if (search(ctx.ev, needles[i]!, cased) !== all) return !all;
      }
      return all;
    };
  }

  /**
   * Second-level index for rules the discriminator cannot place: a field the rule needs an exact
   * value of (any field: it is read through the same accessor the rule uses, so the test is exact).
   */
  private readonly guards: Array<{ slot: number; byValue: Map<string, BoundRule[]>; longest: number }> = [];

  private guard(slot: BoundRule, slotOf: ReadonlyMap<string, number>): boolean {
    const fields = new Set<string>();
    collectHintFields(slot.rule.expr, fields);
    let best: { field: string; values: Set<string> } | undefined;
    for (const f of fields) {
      const values = requiredValues(slot.rule.expr, (h) => h.field.toLowerCase() === f);
      if (values !== undefined && (best === undefined || values.size < best.values.size)) best = { field: f, values };
    }
    const n = best === undefined ? undefined : slotOf.get(best.field);
    if (best === undefined || n === undefined) return false;
    let g = this.guards.find((x) => x.slot === n);
    if (g === undefined) {
      g = { slot: n, byValue: new Map(), longest: 0 };
      this.guards.push(g);
    }
    for (const v of best.values) {
      g.longest = Math.max(g.longest, v.length);
      const list = g.byValue.get(v);
      if (list) list.push(slot);
      else g.byValue.set(v, [slot]);
    }
    return true;
  }

  /** A hint indexes the rule only if the field's literal values can only come from the discriminator. */
  private usable(h: IndexHint, disc: PathSpec): boolean {
    const specs = this.binding.specsOf(h.field);
    if (specs === undefined) return false;
    return specs.every((s) => s.key === disc.key || h.literals.every((l) => !specCanProduce(s, l)));
  }

  get size(): number {
    return this.always.length + this.index.size + this.guards.length;
  }

  /** The candidates plus the guarded rules whose guard field holds one of their values. */
  private guarded(base: readonly BoundRule[]): readonly BoundRule[] {
    // Copied only when a guard adds rules: most events pass few guards.
    let out: BoundRule[] | undefined;
    for (const g of this.guards) {
      const values = this.ctx.lower(g.slot);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        // Longer values cannot be keys, and hashing them (fresh lower-case strings) is not free.
        if (v === null || v === undefined || v.length > g.longest) continue;
        const list = g.byValue.get(v);
        if (list === undefined) continue;
        out ??= [...base];
        for (const r of list) if (i === 0 || !out.includes(r)) out.push(r);
      }
    }
    return out ?? base;
  }

  /** The rules worth evaluating for the event in `ctx`. */
  candidates(): readonly BoundRule[] {
    const ev = this.ctx.ev;
    if (this.when !== undefined && !this.whenHolds(ev, this.when)) return NO_RULES;
    if (this.guards.length > 0) return this.guarded(this.indexed(ev));
    return this.indexed(ev);
  }

  private whenHolds(ev: EventView, when: NonNullable<BoundView['when']>): boolean {
    const values: FieldValue[] = [];
    when.read(ev, values);
    for (const v of values) if (v !== null && when.equals.has(v.toLowerCase())) return true;
    return false;
  }

  private indexed(ev: EventView): readonly BoundRule[] {
    if (this.disc === undefined) return this.always;
    let values: FieldValue[];
    if (this.discSlot >= 0) values = this.ctx.lower(this.discSlot);
    else {
      values = [];
      this.disc(ev, values);
      for (let i = 0; i < values.length; i++) values[i] = values[i]?.toLowerCase() ?? null;
    }
    let found: BoundRule[] | undefined;
    let many = false;
    for (const v of values) {
      if (v === null) continue;
      const list = this.index.get(v);
      if (list === undefined) continue;
      if (found === undefined) found = list;
      else {
        found = [...new Set([...found, ...list])];
        many = true;
      }
    }
    if (found === undefined) return this.always;
    if (this.always.length === 0 && !many) return found;
    if (many) return [...found, ...this.always];
    let both = this.withAlways.get(found);
    if (both === undefined) {
      both = [...found, ...this.always];
      this.withAlways.set(found, both);
    }
    return both;
  }

  /** An index entry followed by the rules evaluated always, built once per entry. */
  private readonly withAlways = new Map<readonly BoundRule[], readonly BoundRule[]>();
}

const NO_RULES: readonly BoundRule[] = [];

const ATTACK_TAGS = new WeakMap<CompiledRule | CompiledCorrelation, readonly string[]>();

/** A rule's `attack.*` tags, worked out once per rule (every match carries a copy). */
function attackTags(rule: CompiledRule | CompiledCorrelation): readonly string[] {
  let tags = ATTACK_TAGS.get(rule);
  if (tags === undefined) {
    tags = rule.tags.filter((t) => t.startsWith('attack.'));
    ATTACK_TAGS.set(rule, tags);
  }
  return tags;
}

function collectHintFields(e: Expr, out: Set<string>): void {
  if (e.t === 'leaf') {
    if (e.hint !== undefined) out.add(e.hint.field.toLowerCase());
  } else if (e.t === 'not') collectHintFields(e.x, out);
  else if (e.t === 'and' || e.t === 'or') for (const x of e.xs) collectHintFields(x, out);
}

/** Two specs that read the same values in any shape: same start, path, transform, no value mapping. */
function sameSpec(a: PathSpec, b: PathSpec): boolean {
  if (a === b) return true;
  const plainish = (s: PathSpec): boolean => s.map === undefined && s.otherwise === undefined && s.also === undefined && s.template === undefined;
  return a.constant === undefined && b.constant === undefined && a.base === b.base && a.path !== undefined && a.path.text === b.path?.text && a.transform === b.transform && plainish(a) && plainish(b);
}

function specCanProduce(s: PathSpec, literal: string): boolean {
  if (s.constant !== undefined) return s.constant.toLowerCase() === literal;
  if (s.map !== undefined || s.otherwise !== undefined || s.also !== undefined || s.template !== undefined) return true;
  return s.transform === undefined ? true : s.transform.canProduce(literal);
}

function keywordLeaves(v: unknown, out: FieldValue[], depth: number): void {
  if (depth > 32) return;
  if (Array.isArray(v)) for (const e of v) keywordLeaves(e, out, depth + 1);
  else if (typeof v === 'object' && v !== null) for (const e of Object.values(v)) keywordLeaves(e, out, depth + 1);
  else pushLeaf(v, out);
}

class SigmaHunter implements Hunter {
  private readonly router: Router;
  private readonly slots: RuleSlot[];
  private readonly corrStates = new Map<CompiledCorrelation, CorrelationState>();
  private readonly corrParents = new Map<CompiledCorrelation, Parent[]>();
  private readonly views = new Map<Binding, BoundView>();
  private readonly pending = new MinHeap<{ state: CorrelationState; hit: Hit; seq: number }>((a, b) => a.hit.timeMs - b.hit.timeMs || a.seq - b.seq || b.hit.ref - a.hit.ref);
  private readonly lateness: number;
  private stamp = 0;
  private maxTime = -Infinity;
  private readonly parse: ParseCache = new Map();
  private event: CanonicalEvent | undefined;
  private kwStamp = -1;
  private kwValues: string[] = [];
  private kwLower: string[] = [];
  private readonly st: HuntStats = { events: 0, unrouted: 0, byShape: {}, evaluations: 0, matches: 0 };
  /** Events per shape, copied into `st.byShape` when stats are asked for (a Map is cheaper per event). */
  private readonly shapeCounts = new Map<Shape, number>();

  constructor(
    private readonly loaded: LoadedRules,
    private readonly options: HunterOptions,
  ) {
    this.router = new Router(fieldMapsFor(options.fieldMapDir !== undefined ? { fieldMapDir: options.fieldMapDir } : {}));
    this.lateness = options.lateness ?? 60_000;
    if (options.profile) this.st.ruleProfile = new Map();
    const parents = new Map<CompiledRule | CompiledCorrelation, Parent[]>();
    for (const c of loaded.correlations) {
      const state = new CorrelationState(c);
      this.corrStates.set(c, state);
      c.rules.forEach((r, ref) => {
        const list = parents.get(r) ?? [];
        list.push({ state, ref });
        parents.set(r, list);
      });
    }
    for (const c of loaded.correlations) this.corrParents.set(c, parents.get(c) ?? []);
    this.slots = loaded.rules.map((rule) => ({ rule, parents: parents.get(rule) ?? [] })).filter((s) => s.rule.standalone || s.parents.length > 0);
  }

  private readonly viewLists = new Map<Shape, Map<string, BoundView[]>>();

  /** The views with rules for a shape and source: what `push` loops over, built once per pair. */
  private viewsFor(shape: Shape, source: string): BoundView[] {
    let bySource = this.viewLists.get(shape);
    if (bySource === undefined) {
      bySource = new Map();
      this.viewLists.set(shape, bySource);
    }
    let list = bySource.get(source);
    if (list === undefined) {
      list = this.router
        .bindingsFor(shape, source)
        .map((b) => this.boundView(b))
        .filter((v) => v.size > 0);
      bySource.set(source, list);
    }
    return list;
  }

  private boundView(b: Binding): BoundView {
    let v = this.views.get(b);
    if (v === undefined) {
      v = new BoundView(b, this.slots, this.loaded.fieldNames, (cased) => this.keywordValues(cased), this.options.noIndex === true);
      this.views.set(b, v);
    }
    return v;
  }

  /** The raw record's text values, each on its own (a keyword's wildcards do not span two of them). */
  private keywordValues(cased: boolean): readonly string[] {
    if (this.kwStamp !== this.stamp) {
      const leaves: FieldValue[] = [];
      keywordLeaves(this.event?.raw, leaves, 0);
      this.kwValues = leaves.filter((v): v is string => v !== null);
      this.kwLower = this.kwValues.map((v) => v.toLowerCase());
      this.kwStamp = this.stamp;
    }
    return cased ? this.kwValues : this.kwLower;
  }

  push(event: CanonicalEvent): SigmaMatch[] {
    this.st.events++;
    const out: SigmaMatch[] = [];
    const shape = this.router.shapeOf(event);
    if (shape === undefined) {
      this.st.unrouted++;
      this.release(event, out);
      return out;
    }
    this.shapeCounts.set(shape, (this.shapeCounts.get(shape) ?? 0) + 1);
    this.stamp++;
    this.event = event;
    if (this.parse.size > 0) this.parse.clear();
    const { root, focus } = this.router.rootAndFocus(shape, event, this.parse);
    const ev: EventView = { event, root, focus, parse: this.parse };
    // A rule can match through two views; it reports once. Few rules match one event: a list will do.
    let matched: CompiledRule[] | undefined;
    for (const view of this.viewsFor(shape, event.source)) {
      view.ctx.ev = ev;
      view.ctx.stamp = this.stamp;
      const candidates = view.candidates();
      for (const slot of candidates) {
        this.st.evaluations++;
        let ok: boolean;
        if (this.st.ruleProfile !== undefined) {
          const t0 = performance.now();
          ok = slot.pred(view.ctx);
          const k = ruleKey(slot.rule);
          const p = this.st.ruleProfile.get(k) ?? { title: slot.rule.title, ms: 0, evaluations: 0 };
          p.ms += performance.now() - t0;
          p.evaluations++;
          this.st.ruleProfile.set(k, p);
        } else ok = slot.pred(view.ctx);
        if (!ok) continue;
        matched ??= [];
        if (matched.includes(slot.rule)) continue;
        matched.push(slot.rule);
        if (slot.rule.standalone) out.push(this.ruleMatch(slot.rule, event, shape));
        for (const p of slot.parents) this.queueHit(p, slot.rule, view.ctx, event);
      }
    }
    this.release(event, out);
    this.st.matches += out.length;
    return out;
  }

  private ruleMatch(rule: CompiledRule, event: CanonicalEvent, shape: Shape): SigmaMatch {
    const m: SigmaMatch = {
      kind: 'rule',
      ruleId: ruleKey(rule),
      title: rule.title,
      tags: attackTags(rule).slice(),
      attribution: rule.attribution,
      time: event.time,
      eventIds: [event.id],
      shape: shape.id,
    };
    if (rule.level !== undefined) m.level = rule.level;
    if (rule.author !== undefined) m.author = rule.author;
    if (rule.license !== undefined) m.license = rule.license;
    return m;
  }

  /** The field a correlation groups by, as the referenced rule's events spell it (aliases). */
  private static aliased(c: CompiledCorrelation, g: string, item: CompiledRule | CompiledCorrelation): string {
    const per = c.aliases.get(g);
    if (per === undefined) return g;
    return (item.name !== undefined ? per.get(item.name) : undefined) ?? (item.id !== undefined ? per.get(item.id) : undefined) ?? g;
  }

  private queueHit(p: Parent, rule: CompiledRule, ctx: Ctx, event: CanonicalEvent): void {
    const c = p.state.correlation;
    const group: string[] = [];
    for (const g of c.groupBy) {
      const v = ctx.first(SigmaHunter.aliased(c, g, rule));
      if (v === undefined) return; // a hit without the group-by field cannot be grouped
      group.push(v);
    }
    const timeMs = this.timeOf(event);
    if (!Number.isFinite(timeMs)) return;
    if (timeMs > this.maxTime) this.maxTime = timeMs;
    const hit: Hit = { ref: p.ref, timeMs, time: event.time, eventIds: [event.id], group };
    if (c.field.length > 0) {
      const vals: string[] = [];
      for (const f of c.field) {
        const v = ctx.first(SigmaHunter.aliased(c, f, rule));
        if (v === undefined) return;
        vals.push(v);
      }
      hit.value = vals.join('\u0000');
    }
    // Hits of one event share a sequence number and go later steps first, so that in a
    // temporal_ordered correlation one event cannot be two consecutive steps.
    this.pending.push({ state: p.state, hit, seq: this.st.events });
  }

  private timedText: string | undefined;
  private timedMs = NaN;

  /** The event's time in ms, parsed once per event however many hits it makes. */
  private timeOf(event: CanonicalEvent): number {
    if (event.time !== this.timedText) {
      this.timedText = event.time;
      this.timedMs = isoMs(event.time);
    }
    return this.timedMs;
  }

  /** Feeds buffered hits whose time is at least `lateness` behind the latest event into the windows. */
  private release(event: CanonicalEvent | undefined, out: SigmaMatch[]): void {
    if (this.corrStates.size === 0) return;
    // With nothing waiting, the latest time only matters once a hit arrives (queueHit notes its time).
    if (this.pending.size === 0) return;
    if (event !== undefined) {
      const t = this.timeOf(event);
      if (t > this.maxTime) this.maxTime = t;
    }
    const limit = event === undefined ? Infinity : this.maxTime - this.lateness;
    for (;;) {
      const top = this.pending.peek();
      if (top === undefined || top.hit.timeMs > limit) break;
      this.pending.pop();
      const fired: Fired[] = [];
      top.state.add(top.hit, fired);
      this.emit(fired, out);
    }
  }

  private emit(fired: Fired[], out: SigmaMatch[]): void {
    for (const f of fired) {
      const c = f.correlation;
      if (c.standalone) out.push(this.correlationMatch(f));
      for (const p of this.corrParents.get(c) ?? []) {
        const parent = p.state.correlation;
        const group: string[] = [];
        let ok = true;
        for (const g of parent.groupBy) {
          const name = SigmaHunter.aliased(parent, g, c).toLowerCase();
          const i = c.groupBy.findIndex((x) => x.toLowerCase() === name);
          if (i < 0) {
            ok = false;
            break;
          }
          group.push(f.group[i]!);
        }
        if (!ok) continue;
        const more: Fired[] = [];
        p.state.add({ ref: p.ref, timeMs: f.timeMs, time: f.time, eventIds: f.eventIds, group, value: String(f.value) }, more);
        this.emit(more, out);
      }
    }
  }

  private correlationMatch(f: Fired): SigmaMatch {
    const c = f.correlation;
    const group: Record<string, string> = {};
    c.groupBy.forEach((g, i) => (group[g] = f.group[i]!));
    const m: SigmaMatch = {
      kind: 'correlation',
      ruleId: ruleKey(c),
      title: c.title,
      tags: attackTags(c).slice(),
      attribution: c.attribution,
      time: f.time,
      eventIds: f.eventIds,
      correlationType: c.type,
      group,
      groupKey: c.groupBy.map((g, i) => `${g}=${f.group[i]!}`).join(', '),
      value: f.value,
    };
    if (c.level !== undefined) m.level = c.level;
    if (c.author !== undefined) m.author = c.author;
    if (c.license !== undefined) m.license = c.license;
    return m;
  }

  finish(): SigmaMatch[] {
    const out: SigmaMatch[] = [];
    this.release(undefined, out);
    // Windows that wait for their end (upper-bound conditions), children before parents.
    for (const c of this.loaded.correlations) {
      const fired: Fired[] = [];
      this.corrStates.get(c)!.flush(fired);
      this.emit(fired, out);
    }
    this.st.matches += out.length;
    return out;
  }

  stats(): HuntStats {
    for (const [shape, n] of this.shapeCounts) this.st.byShape[shape.id] = n;
    return this.st;
  }
}

export function createHunter(loaded: LoadedRules, options: HunterOptions = {}): Hunter {
  return new SigmaHunter(loaded, options);
}
