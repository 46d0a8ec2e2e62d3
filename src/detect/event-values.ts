// Reading canonical events the way rules need: the principal an event is about, its actor, named
// changes, e-mail addresses inside change values. Values arrive as JSON text (`"[\"x\"]"`), plain text
// or with Windows line breaks, so every reader is lenient.
import type { CanonicalEvent, Change, Target } from '../core/event.ts';
import { asBoolean, parseChangeValue, unwrapSingle } from '../providers/m365/map/entra-actions.ts';
import type { EntityRef } from './finding.ts';
import { aliasesOf, isPrincipalKind, sameRef, undeletedUpn } from './identity.ts';

export { asBoolean, parseChangeValue, unwrapSingle };

function toRef(t: { kind: string; id?: string | undefined; name?: string | undefined }): EntityRef {
  const r: EntityRef = { kind: t.kind };
  if (t.id !== undefined) r.id = t.id;
  if (t.name !== undefined) r.name = t.name;
  return r;
}

/** The event's actor as an entity, when it names one. */
export function actorRef(ev: CanonicalEvent): EntityRef | undefined {
  const a = ev.actor;
  if (a.id === undefined && a.name === undefined) return undefined;
  return toRef({ kind: a.kind === 'app' ? 'app' : a.kind === 'unknown' ? 'user' : a.kind, id: a.id, name: a.name });
}

/** The principal an event acts on: the first target that is a user, group or service principal. */
export function subjectOf(ev: CanonicalEvent, kinds?: readonly string[]): EntityRef | undefined {
  for (const t of ev.targets) {
    if (kinds !== undefined ? !kinds.includes(t.kind) : !isPrincipalKind(t.kind)) continue;
    if (aliasesOf(t).length === 0) continue;
    return toRef(t);
  }
  return undefined;
}

export function targetRefs(ev: CanonicalEvent): EntityRef[] {
  return ev.targets.filter((t: Target) => t.id !== undefined || t.name !== undefined).map(toRef);
}

/** True when the actor acted on itself (self-service), judged from this record alone. */
export function isSelf(ev: CanonicalEvent, subject: EntityRef | undefined): boolean {
  return sameRef(ev.actor, subject);
}

const lc = (s: string): string => s.trim().toLowerCase();

/** The first change with one of these names (case-insensitive). */
export function findChange(ev: { changes: readonly Change[] }, ...names: string[]): Change | undefined {
  const wanted = names.map(lc);
  return ev.changes.find((c) => wanted.includes(lc(c.name)));
}

/** Property names a record touched, including those listed only in "Included Updated Properties". */
export function touchedNames(changes: readonly Change[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    const n = lc(c.name);
    if (n !== 'included updated properties') {
      out.add(n);
      continue;
    }
    const v = unwrapSingle(parseChangeValue(c.new));
    const s = Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : '';
    for (const p of s.split(/[,\s]+/)) if (p) out.add(lc(p));
  }
  return out;
}

/** A change value as plain text (first string inside JSON wrapping), or undefined when empty. */
export function plainValue(text: string | null | undefined): string | undefined {
  const v = unwrapSingle(parseChangeValue(text));
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (Array.isArray(v) && v.length === 0) return undefined;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Every e-mail address inside a value, lower-cased, in order, without repeats. */
export function emailsIn(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  const found = text.match(EMAIL) ?? [];
  return [...new Set(found.map((e) => e.toLowerCase()))];
}

export function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0 || at === address.length - 1) return undefined;
  return address.slice(at + 1).toLowerCase();
}

/** True when `domain` is one of `known` or a subdomain of one. */
export function domainIsKnown(domain: string, known: ReadonlySet<string>): boolean {
  if (known.has(domain)) return true;
  for (let i = domain.indexOf('.'); i >= 0; i = domain.indexOf('.', i + 1)) {
    if (known.has(domain.slice(i + 1))) return true;
  }
  return false;
}

/** The label a report shows for an entity: its name (without a recycle-bin prefix), else its id. */
export function label(ref: EntityRef | undefined): string {
  if (ref?.name !== undefined) return undeletedUpn(ref.name) ?? ref.name;
  return ref?.id ?? '?';
}

/** A value from the raw record by a path of property names, for the few details only the source keeps. */
export function rawAt(raw: unknown, ...path: string[]): unknown {
  let cur: unknown = raw;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

export function rawString(raw: unknown, name: string, inner?: string): string | undefined {
  // Two fixed parameters, not a rest array: sign-in rules call this several times per sign-in.
  return textOf(inner === undefined ? rawProp(raw, name) : rawAt(raw, name, inner));
}

/** A raw value as text: a non-empty string, or a number written out. */
export function textOf(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

/**
 * The raw record as an object whose properties a rule reads by name (`rawRecord(e.raw)?.clientAppUsed`).
 * For the hot sign-in rules: a property read written out at its own place in the rule keeps its own
 * inline cache, where a read through a shared helper sees every name and every log shape.
 */
export function rawRecord(raw: unknown): Readonly<Record<string, unknown>> | undefined {
  return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : undefined;
}

/** One property of the raw record (the hot path of sign-in rules: no array, no loop). */
export function rawProp(raw: unknown, name: string): unknown {
  return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[name] : undefined;
}

/** ISO time plus days, as ISO (for "restorable until"). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/** `2026-10-19T03:06:20.000Z` → `2026-10-19 03:06 UTC`: what a report shows. */
export function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
