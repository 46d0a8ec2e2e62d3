// One check with its gates: licence first, then sources, then the check itself. A check that throws
// is an Error result, never a crash of the whole assessment.
import type { Snapshot } from '../core/snapshot.ts';
import { licenceGate, sourcesGate } from './gates.ts';
import type { CheckContext, CheckDefinition, CheckOutcome } from './types.ts';

export function runCheck(def: CheckDefinition, snapshot: Snapshot, ctx: CheckContext): CheckOutcome {
  const gated = licenceGate(snapshot, def.meta.licence) ?? sourcesGate(snapshot, def.meta.sources);
  if (gated) return gated;
  try {
    return def.check(snapshot, ctx);
  } catch (error) {
    return { status: 'error', reason: { code: 'check-error', detail: error instanceof Error ? error.message : String(error) } };
  }
}

