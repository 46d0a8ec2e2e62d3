// Shared by the importer tests: read a whole file through openImport.
import { deepStrictEqual } from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CanonicalEvent } from '../core/event.ts';
import { openImport } from './open.ts';
import type { ParsedItem } from './types.ts';

export interface Collected {
  format: string;
  size: number;
  bytesRead: number;
  items: ParsedItem[];
  events: CanonicalEvent[];
  rejected: Array<Extract<ParsedItem, { kind: 'rejected' }>>;
  skipped: Array<Extract<ParsedItem, { kind: 'skipped' }>>;
  batchSizes: number[];
}

export async function collect(file: string, tenant?: string): Promise<Collected> {
  const opened = await openImport(file, tenant === undefined ? {} : { tenant });
  const c: Collected = { format: opened.format, size: opened.size, bytesRead: 0, items: [], events: [], rejected: [], skipped: [], batchSizes: [] };
  for await (const batch of opened.batches) {
    c.batchSizes.push(batch.length);
    for (const item of batch) {
      c.items.push(item);
      if (item.kind === 'event') {
        c.events.push(item.event);
        // The store keeps rawText as the evidence in place of raw: they must never differ.
        if (item.rawText !== undefined) deepStrictEqual(JSON.parse(item.rawText), item.event.raw, `rawText of record ${item.record}`);
      }
      else if (item.kind === 'rejected') c.rejected.push(item);
      else c.skipped.push(item);
    }
  }
  c.bytesRead = opened.bytesRead();
  return c;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'takeback-import-'));
}

export const SAMPLES = new URL('../../../shared/data/samples/', import.meta.url).pathname;
export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
