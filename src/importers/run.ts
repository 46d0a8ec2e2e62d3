// Imports one file into the store: stream its batches, append, tally the summary.
import { isTakebackError } from '../core/errors.ts';
import { t } from '../core/i18n.ts';
import type { EvidenceStore } from '../store/store.ts';
import { openImport } from './open.ts';
import type { FileImportSummary, ParsedItem } from './types.ts';

export interface ImportFileOptions {
  tenant?: string;
  /** Called after each batch with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, size: number) => void;
}

const MAX_ISSUES_KEPT = 1000;

/**
 * The earliest and latest event time. Canonical times (`2026-10-01T12:00:00.000Z`) sort as strings,
 * which costs far less than parsing each; a time of another length (a year past 9999) is parsed.
 */
class TimeRange {
  first = '';
  last = '';

  add(time: string): void {
    if (time.length === 24 && this.first.length === 24 && this.last.length === 24) {
      if (time < this.first) this.first = time;
      else if (time > this.last) this.last = time;
      return;
    }
    if (this.first === '' || Date.parse(time) < Date.parse(this.first)) this.first = time;
    if (this.last === '' || Date.parse(time) > Date.parse(this.last)) this.last = time;
  }
}

export async function importFile(store: EvidenceStore, file: string, options: ImportFileOptions = {}): Promise<FileImportSummary> {
  const summary: FileImportSummary = {
    file,
    format: 'unknown',
    records: 0,
    imported: 0,
    duplicates: 0,
    rejected: 0,
    skipped: 0,
    tenants: [],
    issues: [],
  };
  const startedAt = new Date().toISOString();
  const tenants = new Set<string>();
  const range = new TimeRange();
  const note = (item: Extract<ParsedItem, { reason: string }>) => {
    if (summary.issues.length < MAX_ISSUES_KEPT) summary.issues.push({ line: item.line, ...(item.endLine !== undefined ? { endLine: item.endLine } : {}), record: item.record, reason: item.reason });
  };
  try {
    const opened = await openImport(file, options.tenant === undefined ? {} : { tenant: options.tenant });
    summary.format = opened.format;
    for await (const batch of opened.batches) {
      const events = [];
      const rawTexts: Array<string | undefined> = [];
      for (const item of batch) {
        summary.records++;
        if (item.kind === 'event') {
          events.push(item.event);
          rawTexts.push(item.rawText);
          tenants.add(item.event.tenant);
          range.add(item.event.time);
        } else if (item.kind === 'rejected') {
          summary.rejected++;
          note(item);
        } else {
          summary.skipped++;
          note(item);
        }
      }
      if (events.length > 0) {
        const result = await store.append(events, rawTexts);
        summary.imported += result.inserted;
        summary.duplicates += result.duplicates;
      }
      options.onProgress?.(opened.bytesRead(), opened.size);
    }
    if (opened.replacedChars() > 0) {
      summary.replacedChars = opened.replacedChars();
      summary.encoding = opened.encoding();
    }
  } catch (e) {
    if (!isTakebackError(e)) throw e;
    summary.error = t(`errors.${e.code}`, e.params);
    if (e.params.line !== undefined) {
      summary.issues.push({ line: Number(e.params.line), record: Number(e.params.record ?? 0), reason: summary.error });
    }
  }
  if (range.first !== '') summary.first = new Date(range.first).toISOString();
  if (range.last !== '') summary.last = new Date(range.last).toISOString();
  summary.tenants = [...tenants].sort();
  await store.recordImport({ file, format: summary.format, startedAt, finishedAt: new Date().toISOString(), summary });
  return summary;
}
