// Drift between two assessments of the same tenant: what newly fails, what was fixed, what was newly
// accepted (Maester #1908: "what changed since the last run?").
import type { AssessmentResult, CheckResult, Drift } from './types.ts';

export function driftOf(current: readonly CheckResult[], previous: AssessmentResult): Drift {
  const before = new Map(previous.results.map((r) => [r.id, r.status]));
  const newFailing: string[] = [];
  const fixed: string[] = [];
  const newlyAccepted: string[] = [];
  for (const r of current) {
    const was = before.get(r.id);
    if (r.status === 'fail' && was !== 'fail') newFailing.push(r.id);
    if (r.status === 'pass' && (was === 'fail' || was === 'accepted')) fixed.push(r.id);
    if (r.status === 'accepted' && was !== 'accepted') newlyAccepted.push(r.id);
  }
  return { since: previous.snapshotAt, newFailing, fixed, newlyAccepted };
}
