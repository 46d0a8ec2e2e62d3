// One principal, many names: the UAL names a user by UPN, Graph by object id and UPN, a snapshot by both,
// and Entra renames a deleted user's UPN to `<object id without dashes><UPN>`. Aliases seen together
// (an actor's id and UPN in one record) are joined, so facts about "admin@…" and "0f4b2a7c-…" meet.
import type { EntityRef } from './finding.ts';

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/** Kinds that name a principal (users, groups, service principals) rather than a role or a tenant. */
const NOT_PRINCIPAL: ReadonlySet<string> = new Set(['role', 'directory', 'policy', 'resource', 'domain', 'device', 'orgunit', 'file', 'tenant', 'company']);

export function isPrincipalKind(kind: string): boolean {
  return !NOT_PRINCIPAL.has(kind);
}

/** Lower-cased, trimmed; empty, nil-GUID and placeholder values are no alias. */
export function normAlias(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const s = v.trim().toLowerCase();
  if (s === '' || s === NIL_GUID || s === 'unknown' || s === 'null') return undefined;
  return s;
}

/** A deleted Entra user's UPN starts with the object id without dashes: strip it to find the old UPN. */
export function undeletedUpn(upn: string): string | undefined {
  const m = /^[0-9a-f]{32}(.+@.+)$/i.exec(upn);
  return m ? m[1] : undefined;
}

export function aliasesOf(ref: { id?: string | undefined; name?: string | undefined }): string[] {
  const out: string[] = [];
  const id = normAlias(ref.id);
  const name = normAlias(ref.name);
  if (id !== undefined) out.push(id);
  if (name !== undefined && name !== id) {
    out.push(name);
    const plain = undeletedUpn(name);
    if (plain !== undefined) out.push(plain);
  }
  return out;
}

/** Union-find over aliases. `key` gives the same string for every alias of one principal. */
export class Identities {
  private readonly parent = new Map<string, string>();

  private find(a: string): string {
    let root = a;
    for (;;) {
      const p = this.parent.get(root);
      if (p === undefined || p === root) break;
      root = p;
    }
    // Path compression keeps later look-ups flat.
    let cur = a;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  /** Records that these aliases name one principal. */
  join(aliases: readonly string[]): void {
    const first = aliases[0];
    if (first === undefined) return;
    if (!this.parent.has(first)) this.parent.set(first, first);
    let root = this.find(first);
    for (let i = 1; i < aliases.length; i++) {
      const a = aliases[i]!;
      if (!this.parent.has(a)) {
        this.parent.set(a, a);
      }
      const r = this.find(a);
      if (r === root) continue;
      // The lexically smaller root wins, so the key does not depend on the order records arrive in.
      if (r < root) {
        this.parent.set(root, r);
        root = r;
      } else {
        this.parent.set(r, root);
      }
    }
  }

  /** The key of a principal by its id alone, when the id is known (then the name cannot change it). */
  keyOfKnownId(id: string): string | undefined {
    const a = normAlias(id);
    return a !== undefined && this.parent.has(a) ? this.find(a) : undefined;
  }

  /** The key of an alias that is already normalised (`normAlias`): no lower-casing, no pattern. */
  keyOfAlias(alias: string): string {
    return this.parent.has(alias) ? this.find(alias) : alias;
  }

  joinRef(ref: { id?: string | undefined; name?: string | undefined }): void {
    this.join(aliasesOf(ref));
  }

  /** The principal's key, or undefined when the ref has neither id nor name. */
  key(ref: { id?: string | undefined; name?: string | undefined } | undefined): string | undefined {
    if (ref === undefined) return undefined;
    const aliases = aliasesOf(ref);
    const first = aliases[0];
    if (first === undefined) return undefined;
    for (const a of aliases) if (this.parent.has(a)) return this.find(a);
    return first;
  }

  same(a: EntityRef | undefined, b: EntityRef | undefined): boolean {
    const ka = this.key(a);
    return ka !== undefined && ka === this.key(b);
  }
}

/** Whether two refs share an id or name, without any wider knowledge (both from one record). */
export function sameRef(a: { id?: string | undefined; name?: string | undefined } | undefined, b: { id?: string | undefined; name?: string | undefined } | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const as = aliasesOf(a);
  if (as.length === 0) return false;
  const bs = aliasesOf(b);
  return as.some((x) => bs.includes(x));
}
