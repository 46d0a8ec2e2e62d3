// What every import format produces, and what the import command reports per file.
import type { CanonicalEvent } from '../core/event.ts';

/** Where in the file a record started: 1-based line for text formats, 1-based record index otherwise. */
export interface Position {
  line: number;
  record: number;
  /** The last line of a record that spans several (a CSV cell with line breaks, or a quote left open). */
  endLine?: number;
}

export type ParsedItem =
  /** `rawText`: the source's own JSON text of `event.raw`, when the reader has it (the store keeps it as is). */
  | ({ kind: 'event'; event: CanonicalEvent; rawText?: string } & Position)
  /** A record that could not be read; the rest of the file still imports. */
  | ({ kind: 'rejected'; reason: string } & IssueCode & Position)
  /** A well-formed record that is not audit evidence (directory state, an error body). */
  | ({ kind: 'skipped'; reason: string } & IssueCode & Position);

/**
 * Rejected and skipped items also carry a stable code (an i18n key under `errors.`, listed in
 * src/importers/issues.ts) and its params, so a caller can show the reason in the user's language;
 * `reason` is the same in English.
 */
export interface IssueCode {
  code?: string;
  params?: Record<string, string | number>;
}

export interface FileImportSummary {
  file: string;
  format: string;
  records: number;
  imported: number;
  duplicates: number;
  rejected: number;
  skipped: number;
  first?: string;
  last?: string;
  tenants: string[];
  issues: Array<{ line: number; endLine?: number; record: number; reason: string }>;
  /** Characters that could not be decoded (broken Shift_JIS or UTF-8 bytes) and are stored as U+FFFD. */
  replacedChars?: number;
  /** The file's text encoding, given with replacedChars. */
  encoding?: string;
  /** Set when the file could not be imported at all (unknown format, unreadable). */
  error?: string;
}
