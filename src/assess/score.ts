// The posture score: passed weight over decided weight, by severity. Skipped and errored checks are
// left out (unknown is neither good nor bad) and counted, so the report can say how many there were.
import type { CheckResult, ResultStatus, Score, Severity } from './types.ts';

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1 };

export function scoreOf(results: readonly CheckResult[]): Score {
  const counts: Record<ResultStatus, number> = { pass: 0, fail: 0, accepted: 0, skipped: 0, error: 0 };
  let passedWeight = 0;
  let failedWeight = 0;
  for (const r of results) {
    counts[r.status]++;
    if (r.status === 'pass') passedWeight += SEVERITY_WEIGHT[r.severity];
    // An accepted risk is still a gap in the posture: it costs the score, it just isn't "new work".
    if (r.status === 'fail' || r.status === 'accepted') failedWeight += SEVERITY_WEIGHT[r.severity];
  }
  const total = passedWeight + failedWeight;
  return { percent: total === 0 ? null : Math.round((passedWeight / total) * 100), passedWeight, failedWeight, counts };
}
