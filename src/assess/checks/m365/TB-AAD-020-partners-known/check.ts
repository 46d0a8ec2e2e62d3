// TB-AAD-020: every partner (delegated admin, GDAP, reseller) is one the owner declared. A partner
// relationship is admin access from another tenant that survives every password reset here.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { configMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  if (s.partners.length === 0) return pass();
  const declared = ctx.expected?.partners;
  if (declared === undefined) return configMissing('expected.partners');
  const ok = new Set(declared.map((p) => p.trim().toLowerCase()));
  const unknown = s.partners.filter((p) => !ok.has(p.id.toLowerCase()) && !(p.name !== undefined && ok.has(p.name.toLowerCase())));
  if (unknown.length === 0) return pass();
  return fail(
    unknown.map((p) => item('unknownPartner', { partner: p.name ?? p.id, kind: p.kind, since: p.createdAt?.slice(0, 10) ?? '-' }, { kind: 'partner', id: p.id, ...(p.name ? { name: p.name } : {}) })),
    unknown.map((p) => ({ target: 'partners', subject: { kind: 'partner', id: p.id, ...(p.name ? { name: p.name } : {}) }, current: p.kind, wanted: 'removed' })),
  );
}
