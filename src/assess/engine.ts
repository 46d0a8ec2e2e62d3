// assess(): every check of the snapshot's provider, gated on licence and sources, run purely, then
// risk acceptances applied, the score computed and the drift against the previous run stated.
import type { Snapshot } from '../core/snapshot.ts';
import { acceptancesFor, coversSubject, isExpired, type Acceptance, type AcceptanceList } from './acceptance.ts';
import { driftOf } from './drift.ts';
import { CHECKS } from './registry.ts';
import { runCheck } from './run.ts';
import { scoreOf } from './score.ts';
import type {
  AcceptanceRef,
  AssessContext,
  AssessmentResult,
  CheckContext,
  CheckDefinition,
  CheckOutcome,
  CheckResult,
} from './types.ts';

export interface AssessOptions {
  ctx?: AssessContext;
  acceptances?: AcceptanceList;
  /** The last assessment of this tenant: drift is stated against it. */
  previous?: AssessmentResult;
  /** Defaults to every registered check. */
  checks?: readonly CheckDefinition[];
}

function ref(a: Acceptance): AcceptanceRef {
  return {
    check: a.check,
    reason: a.reason,
    expires: a.expires,
    ...(a.acceptedBy ? { acceptedBy: a.acceptedBy } : {}),
    ...(a.scope?.subjects ? { subjects: a.scope.subjects } : {}),
  };
}

/** A failing result with the tenant's acceptances applied: whole-check, per subject, or expired. */
function applyAcceptances(result: CheckResult, found: Acceptance[], now: string): CheckResult {
  const valid = found.filter((a) => !isExpired(a, now));
  const expired = found.filter((a) => isExpired(a, now));
  const whole = valid.find((a) => a.scope?.subjects === undefined);
  if (whole) return { ...result, status: 'accepted', acceptance: ref(whole) };
  const items = (result.items ?? []).map((item) => {
    const by = valid.find((a) => coversSubject(a, item.subject));
    return by ? { ...item, accepted: true } : item;
  });
  const used = valid.find((a) => items.some((i) => i.accepted && coversSubject(a, i.subject)));
  if (used) {
    const open = items.filter((i) => !i.accepted);
    const changes = (result.fix?.changes ?? []).filter((c) => !c.subject || !valid.some((a) => coversSubject(a, c.subject)));
    const fix = result.fix ? { manual: result.fix.manual, changes } : undefined;
    return { ...result, status: open.length === 0 ? 'accepted' : 'fail', items, ...(fix ? { fix } : {}), acceptance: ref(used) };
  }
  const last = expired.sort((a, b) => b.expires.localeCompare(a.expires))[0];
  return last ? { ...result, expiredAcceptance: ref(last) } : result;
}

function toResult(def: CheckDefinition, outcome: CheckOutcome): CheckResult {
  const base = { id: def.meta.id, provider: def.meta.provider, severity: def.meta.severity, baselines: def.meta.baselines };
  switch (outcome.status) {
    case 'pass':
      return { ...base, status: 'pass', ...(outcome.notes?.length ? { notes: outcome.notes } : {}) };
    case 'fail':
      return { ...base, status: 'fail', items: outcome.items, fix: outcome.fix };
    case 'skipped':
    case 'error':
      return { ...base, status: outcome.status, reason: outcome.reason };
  }
}

export function assess(snapshot: Snapshot, options: AssessOptions = {}): AssessmentResult {
  const ctx: CheckContext = { ...(options.ctx ?? {}), now: options.ctx?.now ?? snapshot.collectedAt };
  const checks = (options.checks ?? CHECKS).filter((c) => c.meta.provider === snapshot.provider);
  const results = checks.map((def) => {
    const result = toResult(def, runCheck(def, snapshot, ctx));
    return result.status === 'fail' ? applyAcceptances(result, acceptancesFor(options.acceptances, def.meta.id, snapshot.tenant), ctx.now) : result;
  });
  // Ids of every provider count as known: one acceptance file may serve Microsoft and Google tenants.
  const ids = new Set((options.checks ?? CHECKS).map((c) => c.meta.id));
  const acceptanceNotes: AssessmentResult['acceptanceNotes'] = [];
  for (const a of options.acceptances?.acceptances ?? []) {
    if (!ids.has(a.check)) acceptanceNotes.push({ check: a.check, problem: 'unknown-check' });
    else if (isExpired(a, ctx.now) && acceptancesFor({ acceptances: [a] }, a.check, snapshot.tenant).length > 0) {
      acceptanceNotes.push({ check: a.check, problem: 'expired', expires: a.expires });
    }
  }
  return {
    tenant: snapshot.tenant,
    provider: snapshot.provider,
    snapshotAt: snapshot.collectedAt,
    assessedAt: ctx.now,
    score: scoreOf(results),
    results,
    // Drift only against an assessment of the same tenant (a mixed-up file would report nonsense).
    ...(options.previous && options.previous.tenant === snapshot.tenant ? { drift: driftOf(results, options.previous) } : {}),
    acceptanceNotes,
  };
}
