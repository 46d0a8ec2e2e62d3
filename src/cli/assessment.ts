// Runs the posture checks on a tenant's latest snapshot, with drift against the last assessment
// (kept in the store) and the owner's accepted risks.
import { assess, loadAcceptances, CHECK_IDS, type AcceptanceList, type AssessContext, type AssessmentResult } from '../assess/index.ts';
import type { EvidenceStore } from '../store/store.ts';
import { loadProfiles } from './profiles.ts';

/** The last assessment of a tenant, kept as a cursor: drift compares with it, reports show it. */
export const LAST_ASSESSMENT_KEY = 'assess.last';
/** The last assessment of an earlier snapshot: drift of a snapshot assessed again compares with it. */
export const EARLIER_ASSESSMENT_KEY = 'assess.earlier';

export interface AssessRun {
  result?: AssessmentResult;
  /** Set when the tenant has no snapshot to assess. */
  missing?: true;
}

/** What takeback itself knows about the tenant: break-glass accounts and its own app from the profile. */
function contextFor(tenant: string): AssessContext {
  const profile = loadProfiles().find((p) => p.tenantId.toLowerCase() === tenant.toLowerCase());
  return {
    now: new Date().toISOString(),
    ...(profile?.breakGlass ? { breakGlass: profile.breakGlass } : {}),
    ...(profile ? { selfAppId: profile.clientId } : {}),
    // No watch or recovery kit exists in takeback yet: that is known, not unknown.
    watch: { configured: false },
    recoveryKit: { lastMadeAt: null },
  };
}

/**
 * What drift compares with: the last assessment of an earlier snapshot. Assessing the same snapshot
 * again (`assess` after `scan`, or with another --accept file) must not compare it with itself.
 */
async function previousAssessment(store: EvidenceStore, tenant: string, snapshotAt: string): Promise<AssessmentResult | undefined> {
  const text = await store.getCursor(tenant, LAST_ASSESSMENT_KEY);
  const last = text ? (JSON.parse(text) as AssessmentResult) : undefined;
  if (last && last.snapshotAt !== snapshotAt) {
    await store.setCursor(tenant, EARLIER_ASSESSMENT_KEY, text!);
    return last;
  }
  const earlier = await store.getCursor(tenant, EARLIER_ASSESSMENT_KEY);
  return earlier ? (JSON.parse(earlier) as AssessmentResult) : undefined;
}

export async function assessTenant(store: EvidenceStore, tenant: string, acceptFile?: string): Promise<AssessRun> {
  const [snapshot] = await store.latestSnapshots(tenant, 1);
  if (!snapshot) return { missing: true };
  const acceptances: AcceptanceList | undefined = acceptFile ? loadAcceptances(acceptFile, CHECK_IDS) : undefined;
  const previous = await previousAssessment(store, tenant, snapshot.collectedAt);
  const result = assess(snapshot, { ctx: contextFor(tenant), ...(acceptances ? { acceptances } : {}), ...(previous ? { previous } : {}) });
  await store.setCursor(tenant, LAST_ASSESSMENT_KEY, JSON.stringify(result));
  return { result };
}
