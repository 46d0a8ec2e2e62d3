// What every record normaliser takes, and how it says a record cannot become an event.
import { stableEventId, type CanonicalEvent, type Provider } from '../../core/event.ts';
import { toUtcIso } from './time.ts';
import { shown } from './values.ts';

export interface NormaliseOptions {
  /** The tenant the surrounding data names (Log Analytics `AADTenantId`, an envelope); wins over the fallback. */
  recordTenant?: string;
  /** The tenant to use when neither the record nor its surroundings name one (`takeback import --tenant`). */
  fallbackTenant?: string;
  /** The evidence to keep as `raw`; defaults to the record given to the normaliser. */
  raw?: unknown;
}

/**
 * A record that cannot become an event. `skip` marks a well-formed record that is not evidence (or not
 * usable evidence, e.g. a query result with no time column); otherwise the record is rejected.
 * `code` is an i18n key under `errors.` (see src/importers/issues.ts for the English text).
 */
export class RecordError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly skip: boolean;

  constructor(code: string, params: Record<string, string | number> = {}, skip = false) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'RecordError';
    this.code = code;
    this.params = params;
    this.skip = skip;
  }
}

export function resolveTenant(own: string | undefined, opts: NormaliseOptions): string {
  return opts.recordTenant ?? own ?? opts.fallbackTenant ?? '';
}

/** The event fields a content hash is taken over (everything the source said, nothing we derived). */
export type ContentFields = Pick<CanonicalEvent, 'tenant' | 'time' | 'nativeAction' | 'actor' | 'targets' | 'changes' | 'result'>;

/**
 * The event id: from the source's own record id when it has one, otherwise from a hash of the record's
 * canonical content (without `action`, which depends on mapping tables that grow, and without derived
 * targets), so the same id-less record imported twice is still recognised as a duplicate.
 */
export function eventId(provider: Provider, source: string, nativeId: string | undefined, content: ContentFields): string {
  if (nativeId !== undefined) return stableEventId(provider, source, nativeId);
  return stableEventId(
    provider,
    source,
    `\u0000content\u0000${JSON.stringify([content.tenant, content.time, content.nativeAction, content.actor, content.targets, content.changes, content.result])}`,
  );
}

/** The record's time as UTC ISO, or a RecordError naming the field (missing vs. not a time). */
export function requireTime(value: unknown, field: string): string {
  const time = toUtcIso(value);
  if (time !== undefined) return time;
  if (value === undefined || value === null || value === '') throw new RecordError('import.record.no_time', { field });
  throw new RecordError('import.record.bad_time', { field, value: shown(value) });
}
