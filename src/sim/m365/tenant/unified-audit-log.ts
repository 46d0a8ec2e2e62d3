// The tenant's Unified Audit Log: its directory audit and sign-in logs seen as UAL records, merged
// oldest first, and the audit log queries (Purview audit search) run over them.
import type { DirectoryAuditRecord, SignInRecord } from './log-records.ts';
import type { LogCursor, TimeOrderedLog } from './time-ordered-log.ts';
import { ualFromDirectoryAudit, ualFromSignIn, type UalContext, type UalHint, type UalRecord, type UalRecordType } from './ual-records.ts';

/** Where each of the two logs resumes: its position, or 'done' when it has nothing more to give. */
export interface UalCursor {
  a: LogCursor | 'start' | 'done';
  s: LogCursor | 'start' | 'done';
}

export interface UalPageRequest {
  fromMs: number;
  toMs: number;
  limit: number;
  types: ReadonlySet<UalRecordType>;
  accept: (record: UalRecord) => boolean;
  cursor?: UalCursor;
}

interface Head {
  record: UalRecord;
  /** The position the record was read from (so the next page reads it again). */
  before: LogCursor | 'start';
  after: LogCursor | 'done';
}

interface Source<T> {
  log: TimeOrderedLog<T>;
  convert: (record: T) => UalRecord | undefined;
}

export class UnifiedAuditLog {
  readonly hints = new Map<string, UalHint>();

  constructor(
    private readonly ctx: () => Omit<UalContext, 'hints'>,
    private readonly audits: TimeOrderedLog<DirectoryAuditRecord>,
    private readonly signIns: TimeOrderedLog<SignInRecord>,
  ) {}

  private context(): UalContext {
    return { ...this.ctx(), hints: this.hints };
  }

  page(request: UalPageRequest): { items: UalRecord[]; next?: UalCursor } {
    const ctx = this.context();
    const audit: Source<DirectoryAuditRecord> = { log: this.audits, convert: (r) => ualFromDirectoryAudit(ctx, r) };
    const signIn: Source<SignInRecord> = { log: this.signIns, convert: (r) => ualFromSignIn(ctx, r) };
    const start = request.cursor ?? { a: 'start', s: 'start' };
    let a = request.types.has('AzureActiveDirectory') && start.a !== 'done' ? this.peek(audit, start.a, request) : undefined;
    let s = request.types.has('AzureActiveDirectoryStsLogon') && start.s !== 'done' ? this.peek(signIn, start.s, request) : undefined;
    const items: UalRecord[] = [];
    while (items.length < request.limit && (a || s)) {
      if (a && (!s || a.record.t <= s.record.t)) {
        items.push(a.record);
        a = a.after === 'done' ? undefined : this.peek(audit, a.after, request);
      } else if (s) {
        items.push(s.record);
        s = s.after === 'done' ? undefined : this.peek(signIn, s.after, request);
      }
    }
    if (!a && !s) return { items };
    return { items, next: { a: a ? a.before : 'done', s: s ? s.before : 'done' } };
  }

  /** The next accepted record of one log from a position, or undefined when there is none. */
  private peek<T>(source: Source<T>, from: LogCursor | 'start', request: UalPageRequest): Head | undefined {
    let position = from;
    for (;;) {
      let hit: UalRecord | undefined;
      const page = source.log.page({
        fromMs: request.fromMs,
        toMs: request.toMs,
        descending: false,
        limit: 1,
        scanBudget: 10_000,
        ...(position === 'start' ? {} : { cursor: position }),
        accept: (record) => {
          const ual = source.convert(record);
          if (ual === undefined || !request.accept(ual)) return false;
          hit = ual;
          return true;
        },
      });
      if (hit !== undefined && page.items.length > 0) return { record: hit, before: position, after: page.next ?? 'done' };
      if (!page.next) return undefined;
      position = page.next;
    }
  }
}
