// Rejected and skipped items: a stable code (i18n key under `errors.`), its params, and the reason
// in the user's language for callers that show text directly.
import { t } from '../core/i18n.ts';
import { RecordError } from '../providers/common/normalise.ts';
import type { ParsedItem, Position } from './types.ts';

type Params = Record<string, string | number>;

/** Codes of rejected and skipped items; their text is in locales/*.json under `errors.`. */
export const ITEM_CODES: readonly string[] = [
  'import.record.invalid_json',
  'import.record.too_large',
  'import.record.too_deep',
  'import.record.nested_too_deep',
  'import.record.truncated',
  'import.record.syntax',
  'import.record.csv_syntax',
  'import.record.bad_audit_data',
  'import.record.no_audit_data',
  'import.record.no_time',
  'import.record.bad_time',
  'import.record.no_action',
  'import.record.unreadable',
  'import.skip.unrecognised',
  'import.skip.graph_error',
  'import.skip.directory_state',
  'import.skip.audit_query',
  'import.skip.no_time',
  'import.skip.aggregated',
  'import.skip.table',
  'import.skip.defender',
  'import.skip.diagnostic_category',
];

/** The reason in the user's language. */
export function reasonOf(code: string, params: Params): string {
  return t(`errors.${code}`, { message: '', ...params }).trimEnd();
}

export function rejected(pos: Position, code: string, params: Params = {}): ParsedItem {
  // A rejected record that spans lines names them all: a quote left open swallows the rows after it.
  const span = pos.endLine !== undefined && pos.endLine > pos.line ? { endLine: pos.endLine } : {};
  return { kind: 'rejected', line: pos.line, ...span, record: pos.record, reason: reasonOf(code, params), code, params };
}

export function skipped(pos: Position, code: string, params: Params = {}): ParsedItem {
  return { kind: 'skipped', line: pos.line, record: pos.record, reason: reasonOf(code, params), code, params };
}

/** The item for an exception thrown while normalising a record. */
export function itemOfError(pos: Position, e: unknown): ParsedItem {
  if (e instanceof RecordError) return e.skip ? skipped(pos, e.code, e.params) : rejected(pos, e.code, e.params);
  const detail = e instanceof Error ? e.message : String(e);
  return rejected(pos, 'import.record.unreadable', { detail: detail.slice(0, 200) });
}

/** A JSON.parse error message without the echo of the input V8 sometimes includes. */
export function jsonErrorDetail(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 160 ? `${m.slice(0, 160)}…` : m;
}
