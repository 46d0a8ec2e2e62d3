// Users: a lazily generated population (by index) plus an overlay of users that were changed,
// created or removed. Listing walks positions: base indexes first, then created users in order.
import type { ChangeSequence } from './change-sequence.ts';
import type { SimUser } from './model.ts';

export interface LazyUsers {
  count: number;
  make(index: number): SimUser;
  indexOf(id: string): number | undefined;
  /** Just the names of a generated user: cheap, for background log records that only mention them. */
  identity?(index: number): Pick<SimUser, 'id' | 'userPrincipalName' | 'displayName'>;
  /** Finds a generated user's index from its UPN (lower case), so lookups need no scan. */
  indexOfUpn?(upn: string): number | undefined;
}

export interface UserChange {
  seq: number;
  id: string;
}

export class UserStore {
  /** Base users replaced by a changed copy, or removed (null). */
  private readonly overlay = new Map<string, SimUser | null>();
  private readonly added: (SimUser | null)[] = [];
  private readonly addedPosition = new Map<string, number>();
  private readonly changes: UserChange[] = [];
  private removedCount = 0;

  constructor(
    private readonly base: LazyUsers,
    private readonly sequence: ChangeSequence,
  ) {}

  get count(): number {
    return this.base.count + this.added.length - this.removedCount;
  }

  /** Total positions (some may be empty); listing runs from 0 to this. */
  get positions(): number {
    return this.base.count + this.added.length;
  }

  get(id: string): SimUser | undefined {
    const position = this.addedPosition.get(id);
    if (position !== undefined) return this.added[position] ?? undefined;
    if (this.overlay.has(id)) return this.overlay.get(id) ?? undefined;
    const index = this.base.indexOf(id);
    return index === undefined ? undefined : this.base.make(index);
  }

  /** Graph addresses users by id or by userPrincipalName. */
  find(idOrUpn: string): SimUser | undefined {
    if (!idOrUpn.includes('@')) return this.get(idOrUpn);
    const upn = idOrUpn.toLowerCase();
    const matches = (user: SimUser | null | undefined): user is SimUser => !!user && user.userPrincipalName.toLowerCase() === upn;
    for (const user of this.added) if (matches(user)) return user;
    for (const user of this.overlay.values()) if (matches(user)) return user;
    if (this.base.indexOfUpn) {
      const index = this.base.indexOfUpn(upn);
      const user = index === undefined ? undefined : this.at(index);
      return matches(user) ? user : undefined;
    }
    for (const { user } of this.walk(0)) if (matches(user)) return user;
    return undefined;
  }

  at(position: number): SimUser | undefined {
    if (position < this.base.count) {
      const user = this.base.make(position);
      if (!this.overlay.has(user.id)) return user;
      return this.overlay.get(user.id) ?? undefined;
    }
    return this.added[position - this.base.count] ?? undefined;
  }

  *walk(fromPosition: number): Generator<{ position: number; user: SimUser }> {
    for (let p = fromPosition; p < this.positions; p++) {
      const user = this.at(p);
      if (user) yield { position: p, user };
    }
  }

  /** Creates or replaces a user. */
  put(user: SimUser): void {
    const position = this.addedPosition.get(user.id);
    if (position !== undefined) {
      if (this.added[position] === null) this.removedCount--;
      this.added[position] = user;
    } else if (this.base.indexOf(user.id) !== undefined) {
      if (this.overlay.get(user.id) === null) this.removedCount--;
      this.overlay.set(user.id, user);
    } else {
      this.addedPosition.set(user.id, this.added.length);
      this.added.push(user);
    }
    this.changes.push({ seq: this.sequence.next(), id: user.id });
  }

  remove(id: string): void {
    const position = this.addedPosition.get(id);
    if (position !== undefined) {
      if (this.added[position] === null) return;
      this.added[position] = null;
    } else {
      if (this.base.indexOf(id) === undefined || this.overlay.get(id) === null) return;
      this.overlay.set(id, null);
    }
    this.removedCount++;
    this.changes.push({ seq: this.sequence.next(), id });
  }

  /** Records a change without touching the user (a hard delete from the recycle bin). */
  touch(id: string): void {
    this.changes.push({ seq: this.sequence.next(), id });
  }

  /** Users that differ from the generated population: [original or undefined, current or undefined]. */
  *differences(): Generator<[SimUser | undefined, SimUser | undefined]> {
    for (const [id, current] of this.overlay) {
      const index = this.base.indexOf(id);
      yield [index === undefined ? undefined : this.base.make(index), current ?? undefined];
    }
    for (const user of this.added) yield [undefined, user ?? undefined];
  }

  /** Ids changed after `afterSeq` up to `uptoSeq`, each once, in the order of their last change. */
  changedBetween(afterSeq: number, uptoSeq: number): string[] {
    const last = new Map<string, number>();
    for (const change of this.changes) {
      if (change.seq > afterSeq && change.seq <= uptoSeq) last.set(change.id, change.seq);
    }
    return [...last.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }
}
