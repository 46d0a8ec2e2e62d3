// D10: a partner relationship (delegated admin, reseller, cross-tenant trust) that was not there before.
import { baseSnapshot, patched } from '../fixtures.ts';
import type { FindingDraft, SnapshotRule } from '../rule.ts';
import { dated, known, withinDays } from './helpers.ts';

export const d10PartnerAdded: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D10-partner-added',
  severity: 'high',
  attack: ['T1199'],
  evaluate(current, previous, ctx) {
    if (!known(current, 'partners', 'contracts')) return [];
    const ref = Date.parse(current.collectedAt);
    const before = previous !== undefined && known(previous, 'partners', 'contracts') ? new Set(previous.partners.map((p) => p.id)) : undefined;
    const out: FindingDraft[] = [];
    for (const p of current.partners) {
      if (before !== undefined ? before.has(p.id) : !withinDays(p.createdAt, ref, ctx.recentDays)) continue;
      out.push({
        ...dated(p.createdAt, current.collectedAt),
        severity: p.kind === 'crossTenant' ? 'medium' : 'high',
        targets: [],
        actors: [],
        ips: [],
        keys: [`partner:${p.id}`],
        params: { partner: p.name ?? p.id, partnerKind: p.kind },
        step: 'partner-added',
      });
    }
    return out;
  },
  text: {
    title: { en: 'New partner with access: {{partner}}', ja: 'アクセス権を持つ新しいパートナー: {{partner}}' },
    explanation: { en: 'The tenant has a new {{partnerKind}} relationship with {{partner}}.', ja: 'テナントに {{partner}} との新しい関係（{{partnerKind}}）があります。' },
    nextSteps: {
      en: 'Check that {{partner}} is a company you work with; remove the relationship if not.',
      ja: '{{partner}} が取引のある会社か確認し、違う場合は関係を削除してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'delegated admin partner since the previous scan', previous: baseSnapshot('2026-10-18T00:00:00.000Z'), current: patched(baseSnapshot(), (s) => s.partners.push({ id: 'partner-1', name: 'Unknown IT Ltd', kind: 'gdap' })), severity: 'high' }],
    nearMiss: [{ name: 'the same partner as before', previous: patched(baseSnapshot('2026-10-18T00:00:00.000Z'), (s) => s.partners.push({ id: 'partner-1', name: 'Our IT', kind: 'gdap' })), current: patched(baseSnapshot(), (s) => s.partners.push({ id: 'partner-1', name: 'Our IT', kind: 'gdap' })) }],
  },
};
