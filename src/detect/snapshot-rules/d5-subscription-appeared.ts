// D5: a subscription that was not there before, or more licences of one: purchases leave no audit row,
// so only the tenant's state shows them. The seed case's fraudulent licence is found here.
import type { Subscription } from '../../core/snapshot.ts';
import { baseSnapshot, patched } from '../fixtures.ts';
import type { FindingDraft, SnapshotRule } from '../rule.ts';
import { dated, known, withinDays } from './helpers.ts';

const SOURCES = ['subscriptions', 'subscribedSkus'];

function label(s: Subscription): string {
  const units = s.totalLicenses !== undefined ? ` ×${s.totalLicenses}` : '';
  return `${s.skuPartNumber ?? s.skuId ?? s.id}${units}`;
}

export const d5SubscriptionAppeared: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D5-subscription-appeared',
  severity: 'medium',
  attack: ['T1496'],
  evaluate(current, previous, ctx) {
    if (!known(current, ...SOURCES)) return [];
    const ref = Date.parse(current.collectedAt);
    const before = previous !== undefined && known(previous, ...SOURCES) ? new Map(previous.subscriptions.map((s) => [s.id, s])) : undefined;
    const out: FindingDraft[] = [];
    for (const s of current.subscriptions) {
      const old = before?.get(s.id);
      const base = { targets: [], actors: [], ips: [], step: 'licence-bought' as const, params: { licence: label(s), previousUnits: old?.totalLicenses ?? '-' } };
      if (before !== undefined && old !== undefined) {
        if ((s.totalLicenses ?? 0) > (old.totalLicenses ?? 0)) {
          out.push({ ...base, time: current.collectedAt, timeExact: false, severity: 'low', keys: [`units:${s.id}:${s.totalLicenses ?? 0}`], notes: ['moreUnits'] });
        }
        continue;
      }
      if (before === undefined && !withinDays(s.createdAt, ref, ctx.recentDays)) continue;
      out.push({
        ...base,
        ...dated(s.createdAt, current.collectedAt),
        severity: s.isTrial === true ? 'low' : 'medium',
        keys: [`subscription:${s.id}`],
        notes: s.isTrial === true ? ['trial'] : ['paid'],
      });
    }
    return out;
  },
  text: {
    title: { en: 'New subscription or licences: {{licence}}', ja: '新しいサブスクリプションまたはライセンス: {{licence}}' },
    explanation: {
      en: 'The tenant has a subscription it did not have before: {{licence}}. Purchases leave no entry in the audit log.',
      ja: 'テナントに以前はなかったサブスクリプションがあります: {{licence}}。購入は監査ログに記録されません。',
    },
    nextSteps: {
      en: 'Check the order and its charge (Microsoft 365 admin center > Billing > Your products). If nobody ordered it, contact support to cancel it and stop the card if needed.',
      ja: '注文と請求を確認してください（Microsoft 365 管理センター > 課金情報 > お使いの製品）。誰も注文していなければ、サポートに連絡して解約し、必要ならカードを止めてください。',
    },
    notes: {
      paid: { en: 'It is a paid subscription.', ja: '有料のサブスクリプションです。' },
      trial: { en: 'It is a trial.', ja: '試用版です。' },
      moreUnits: { en: 'The number of licences grew (was {{previousUnits}}).', ja: 'ライセンス数が増えました（以前は {{previousUnits}}）。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'first scan: a subscription bought 3 days ago',
        current: patched(baseSnapshot(), (s) => s.subscriptions.push({ id: 'sub-2', skuPartNumber: 'O365_BUSINESS_ESSENTIALS', totalLicenses: 5, isTrial: false, createdAt: '2026-10-22T19:30:00Z' })),
        severity: 'medium',
      },
    ],
    nearMiss: [{ name: 'first scan: only the long-standing subscription', current: baseSnapshot() }],
  },
};
