// The Entra directory audit and sign-in logs, oldest first from a time watermark. The logs have no
// delta query, so the watermark is ours: after each page is handed to the sink and the sink resolved,
// the watermark moves to the newest record of that page. The next run starts `overlap` before it,
// so records that reached the log late are not missed; event ids make the re-read harmless.
import type { CanonicalEvent } from '../../../core/event.ts';
import { RecordError, type NormaliseOptions } from '../../common/normalise.ts';
import { str, type Obj } from '../../common/values.ts';
import type { GraphClient } from '../graph.ts';
import { normaliseDirectoryAudit } from '../map/directory-audit.ts';
import { normaliseSignIn } from '../map/sign-in.ts';
import { CURSOR_KEYS, type CursorStore } from './cursors.ts';

export interface LogSpec {
  source: 'directoryAudits' | 'signIns';
  path: string;
  timeField: string;
  cursorKey: string;
  normalise: (record: Obj, options: NormaliseOptions) => CanonicalEvent;
}

export const DIRECTORY_AUDITS: LogSpec = {
  source: 'directoryAudits',
  path: '/auditLogs/directoryAudits',
  timeField: 'activityDateTime',
  cursorKey: CURSOR_KEYS.directoryAudits,
  normalise: normaliseDirectoryAudit,
};

export const SIGN_INS: LogSpec = {
  source: 'signIns',
  path: '/auditLogs/signIns',
  timeField: 'createdDateTime',
  cursorKey: CURSOR_KEYS.signIns,
  normalise: normaliseSignIn,
};

export interface LogProgress {
  source: LogSpec['source'];
  pages: number;
  events: number;
}

export interface LogRun {
  tenant: string;
  cursors: CursorStore;
  sink: (batch: CanonicalEvent[]) => Promise<void>;
  overlapMs: number;
  onProgress?: (progress: LogProgress) => void;
}

export interface LogCount {
  /** Events handed to the sink (re-read overlap included). */
  count: number;
  /** Records that could not become events (no time, no activity name). */
  rejected: number;
  pages: number;
}

/** The first page's URL: 1000 records a page (the maximum), oldest first, from the watermark. */
export function firstPageUrl(spec: LogSpec, watermark: string | undefined, overlapMs: number): string {
  const query = [`$top=1000`, `$orderby=${encodeURIComponent(`${spec.timeField} asc`)}`];
  const from = watermark === undefined ? NaN : Date.parse(watermark) - overlapMs;
  if (!Number.isNaN(from)) query.push(`$filter=${encodeURIComponent(`${spec.timeField} ge ${new Date(from).toISOString()}`)}`);
  return `${spec.path}?${query.join('&')}`;
}

export async function collectLog(graph: GraphClient, spec: LogSpec, run: LogRun, counts: LogCount): Promise<void> {
  const stored = await run.cursors.get(spec.cursorKey);
  let watermark = stored === undefined ? NaN : Date.parse(stored);
  // Moving the watermark page by page is safe only if the service really sorts oldest first.
  let ascending = true;
  let previous = -Infinity;
  let newest = -Infinity;
  for await (const page of graph.pages<Obj>(firstPageUrl(spec, stored, run.overlapMs))) {
    const batch: CanonicalEvent[] = [];
    for (const record of page.value) {
      const t = Date.parse(str(record[spec.timeField]) ?? '');
      if (!Number.isNaN(t)) {
        if (t < previous) ascending = false;
        previous = t;
        newest = Math.max(newest, t);
      }
      try {
        batch.push(spec.normalise(record, { recordTenant: run.tenant }));
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        counts.rejected++;
      }
    }
    if (batch.length > 0) await run.sink(batch);
    counts.count += batch.length;
    counts.pages++;
    if (ascending && advances(newest, watermark)) {
      watermark = newest;
      await run.cursors.set(spec.cursorKey, new Date(watermark).toISOString());
    }
    run.onProgress?.({ source: spec.source, pages: counts.pages, events: counts.count });
  }
  // Out of order: the watermark moves only now, when every page of the run is in.
  if (!ascending && advances(newest, watermark)) await run.cursors.set(spec.cursorKey, new Date(newest).toISOString());
}

/** A watermark never moves back (NaN: none yet). */
function advances(newest: number, watermark: number): boolean {
  return Number.isFinite(newest) && (Number.isNaN(watermark) || newest > watermark);
}
