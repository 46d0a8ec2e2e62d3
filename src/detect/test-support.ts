// Shared by the detection tests: read an export through the real importer, render text.
import type { CanonicalEvent } from '../core/event.ts';
import { openImport } from '../importers/open.ts';
import type { Finding } from './finding.ts';
import { DETECT_TEXT } from './registry.ts';

export const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
export const SAMPLES = new URL('../../../shared/data/samples/', import.meta.url).pathname;

export async function importEvents(...files: string[]): Promise<CanonicalEvent[]> {
  const out: CanonicalEvent[] = [];
  for (const file of files) {
    const opened = await openImport(file, {});
    for await (const batch of opened.batches) for (const item of batch) if (item.kind === 'event') out.push(item.event);
  }
  return out;
}

/** A finding's explanation and notes in one language, as a report would show them. */
export function explain(f: Finding, lang: 'en' | 'ja' = 'en'): string {
  return [f.text.explanation, ...f.text.notes].map((k) => DETECT_TEXT.render(k, lang, f.params)).join(' ');
}
