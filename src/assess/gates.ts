// What must be known before a check may decide: the sources it reads and the licence it needs.
// A source that was not read well turns into a named Skip (or Error), never into Pass or Fail.
import type { Snapshot } from '../core/snapshot.ts';
import type { CheckOutcome, LicenceNeed } from './types.ts';

export const ENTRA_P1 = 'Microsoft Entra ID P1';
export const ENTRA_P2 = 'Microsoft Entra ID P2';

const TIER_RANK: Record<string, number> = { free: 0, p1: 1, p2: 2 };
const NEED_RANK: Record<LicenceNeed, number> = { none: 0, P1: 1, P2: 2 };

type NotOk = Extract<CheckOutcome, { status: 'skipped' | 'error' }>;

/** The tenant's Entra tier as a rank (Free 0, P1 1, P2 2), or undefined when unknown. */
export function tierRank(s: Snapshot): number | undefined {
  const tier = s.licence?.tier;
  return tier === undefined ? undefined : TIER_RANK[tier.toLowerCase()];
}

/** Skipped when the tenant's licence is below `need` or unknown; undefined when it is enough. */
export function licenceGate(s: Snapshot, need: LicenceNeed): NotOk | undefined {
  if (need === 'none') return undefined;
  const rank = tierRank(s);
  if (rank === undefined) {
    const st = s.sources.subscribedSkus;
    const detail = st === undefined ? undefined : st.state === 'denied' ? `permission ${st.permission}` : 'detail' in st ? st.detail : undefined;
    return { status: 'skipped', reason: { code: 'licence-unknown', ...(detail ? { detail } : {}) } };
  }
  if (rank < NEED_RANK[need]) return { status: 'skipped', reason: { code: 'needs-licence', licence: need === 'P1' ? ENTRA_P1 : ENTRA_P2 } };
  return undefined;
}

/** Skipped/Error for one source that is not ok; undefined when it was read. */
export function sourceGate(s: Snapshot, source: string): NotOk | undefined {
  const st = s.sources[source];
  if (st === undefined) return { status: 'skipped', reason: { code: 'not-collected', source } };
  switch (st.state) {
    case 'ok':
      return undefined;
    case 'denied':
      return { status: 'skipped', reason: { code: 'source-denied', source, permission: st.permission } };
    case 'unlicensed':
      return { status: 'skipped', reason: { code: 'source-unlicensed', source, licence: st.licence } };
    case 'skipped':
      return { status: 'skipped', reason: { code: 'source-skipped', source, detail: st.detail } };
    case 'error':
      return { status: 'error', reason: { code: 'source-error', source, detail: st.detail } };
  }
}

/** The first source (in order) that blocks; `a|b` passes when either source was read. */
export function sourcesGate(s: Snapshot, sources: readonly string[]): NotOk | undefined {
  for (const spec of sources) {
    const alternatives = spec.split('|');
    const blocks = alternatives.map((name) => sourceGate(s, name));
    if (blocks.some((b) => b === undefined)) continue;
    return blocks[0];
  }
  return undefined;
}

/** True when every listed source was read. */
export function known(s: Snapshot, ...sources: string[]): boolean {
  return sourcesGate(s, sources) === undefined;
}
