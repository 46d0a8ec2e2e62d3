// TB-AAD-029: every subscription is one the owner declared. Purchases leave no audit row; in the seed
// case the attacker bought licences with the company's card, visible only as a new subscription.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { configMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const declared = ctx.expected?.subscriptions;
  if (declared === undefined) return configMissing('expected.subscriptions');
  const ok = new Set(declared.map((d) => d.trim().toLowerCase()));
  const matches = (v: string | undefined): boolean => v !== undefined && ok.has(v.toLowerCase());
  // A deleted subscription no longer costs anything or grants anything.
  const unexpected = s.subscriptions.filter((x) => x.status?.toLowerCase() !== 'deleted' && !matches(x.id) && !matches(x.skuId) && !matches(x.skuPartNumber));
  if (unexpected.length === 0) return pass();
  return fail(
    unexpected.map((x) =>
      item(
        x.isTrial ? 'unexpectedTrial' : 'unexpected',
        { sku: x.skuPartNumber ?? x.skuId ?? x.id, licences: x.totalLicenses ?? '?', created: x.createdAt?.slice(0, 10) ?? '-' },
        { kind: 'subscription', id: x.id, ...(x.skuPartNumber ? { name: x.skuPartNumber } : {}) },
      ),
    ),
    unexpected.map((x) => ({ target: 'subscriptions', subject: { kind: 'subscription', id: x.id, ...(x.skuPartNumber ? { name: x.skuPartNumber } : {}) }, current: x.status ?? 'active', wanted: 'cancelled' })),
  );
}
