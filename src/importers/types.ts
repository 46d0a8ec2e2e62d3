// What every import format produces, and what the import command reports per file.
import type { CanonicalEvent } from '../core/event.ts';

/** Where in the file a record started: 1-based line for text formats, 1-based record index otherwise. */
export interface Position {
  line: number;
  record: number;
}

export type ParsedItem =
  | ({ kind: 'event'; event: CanonicalEvent } & Position)
  /** A record that could not be read; the rest of the file still imports. */
  | ({ kind: 'rejected'; reason: string } & Position)
  /** A well-formed record that is not audit evidence (directory state, an error body). */
  | ({ kind: 'skipped'; reason: string } & Position);

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
  issues: Array<{ line: number; record: number; reason: string }>;
  /** Set when the file could not be imported at all (unknown format, unreadable). */
  error?: string;
}
