// collectAuditEvents: the directory audit and sign-in logs since the last run, handed to the
// caller's sink batch by batch. The caller persists each batch, then the cursor; the watermark
// moves only after the sink resolved, so a run killed at any point resumes without a gap.
import type { CanonicalEvent } from '../../../core/event.ts';
import type { SourceStatus } from '../../../core/snapshot.ts';
import { GraphError } from '../errors.ts';
import type { GraphTuning } from '../graph.ts';
import { statusFromError } from '../status.ts';
import { collectLog, DIRECTORY_AUDITS, SIGN_INS, type LogCount, type LogProgress, type LogSpec } from './audit-logs.ts';
import type { CursorStore } from './cursors.ts';
import { tenantGuid, withGraph, type M365Target } from './session.ts';

export interface AuditEventsOptions {
  cursors: CursorStore;
  /** Called with one page's events at a time, never concurrently; the next page waits for it. */
  sink: (batch: CanonicalEvent[]) => Promise<void>;
  /** How far before the watermark a run starts again; default 15 minutes. */
  overlapMinutes?: number;
  onProgress?: (progress: LogProgress) => void;
  http?: GraphTuning;
}

export type LogOutcome = SourceStatus & LogCount;

export interface AuditEventsResult {
  directoryAudits: LogOutcome;
  signIns: LogOutcome;
}

export const DEFAULT_OVERLAP_MINUTES = 15;

export async function collectAuditEvents(target: M365Target, options: AuditEventsOptions): Promise<AuditEventsResult> {
  return withGraph(target, options.http, async (graph) => {
    const tenant = await tenantGuid(graph);
    // The two logs are read side by side; their batches reach the sink one at a time.
    let queue: Promise<unknown> = Promise.resolve();
    const sink = (batch: CanonicalEvent[]): Promise<void> => {
      const next = queue.then(() => options.sink(batch));
      queue = next.catch(() => undefined);
      return next;
    };
    const run = {
      tenant,
      cursors: options.cursors,
      sink,
      overlapMs: (options.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES) * 60_000,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    const one = async (spec: LogSpec): Promise<LogOutcome> => {
      const counts: LogCount = { count: 0, rejected: 0, pages: 0 };
      try {
        await collectLog(graph, spec, run, counts);
        return { state: 'ok', ...counts };
      } catch (error) {
        // Graph's refusals and failures are the source's status; a failed sink or sign-in is the run's.
        if (!(error instanceof GraphError)) throw error;
        return { ...statusFromError(error, spec.source), ...counts };
      }
    };
    // Settled, so the other log has stopped calling the sink before a failure is thrown on.
    const [audits, signIns] = await Promise.allSettled([one(DIRECTORY_AUDITS), one(SIGN_INS)]);
    if (audits.status === 'rejected') throw audits.reason;
    if (signIns.status === 'rejected') throw signIns.reason;
    return { directoryAudits: audits.value, signIns: signIns.value };
  });
}
