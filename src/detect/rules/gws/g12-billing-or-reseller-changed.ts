// G12: licences, billing, reseller access or a transfer token: the Google side of "a licence was bought"
// and of handing the subscription to someone else.
import { subjectOf } from '../../event-values.ts';
import { by, gev, GWS_ADMIN, GWS_OTHER } from '../../fixtures.ts';
import type { EventRule, FindingDraft } from '../../rule.ts';

export const g12BillingOrResellerChanged: EventRule = {
  kind: 'event',
  id: 'TB-G12-billing-or-reseller-changed',
  indicator: 'G12',
  provider: 'gws',
  severity: 'medium',
  attack: ['T1496', 'T1199'],
  actions: ['partner.added', 'billing.changed', 'license.changed'],
  match(e): FindingDraft | undefined {
    const subject = subjectOf(e, ['user']);
    const withSubject = subject !== undefined ? { subject } : {};
    if (e.action === 'partner.added') {
      const token = /TRANSFER_TOKEN/i.test(e.nativeAction);
      return { ...withSubject, severity: token ? 'high' : 'medium', params: { setting: e.nativeAction }, notes: token ? ['transferToken'] : [], step: 'partner-added' };
    }
    return { ...withSubject, severity: e.action === 'license.changed' ? 'low' : 'medium', params: { setting: e.nativeAction, licence: e.nativeAction }, step: 'licence-bought' };
  },
  refine(d, e, ctx) {
    return d.subject !== undefined && ctx.facts.isNewAdmin(d.subject, Date.parse(e.time)) ? { ...d, severity: 'high', notes: [...(d.notes ?? []), 'newAdmin'] } : d;
  },
  text: {
    title: { en: 'Billing, licence or reseller setting changed', ja: '請求・ライセンス・販売パートナーの設定が変更されました' },
    explanation: { en: '{{actor}} changed {{setting}} at {{when}}.', ja: '{{actor}} が {{when}} に {{setting}} を変更しました。' },
    nextSteps: {
      en: 'Check Billing in the Admin console and your payment method; contact Google support about charges nobody ordered.',
      ja: '管理コンソールの「お支払い」とお支払い方法を確認し、誰も注文していない請求があれば Google サポートに連絡してください。',
    },
    notes: {
      transferToken: { en: 'A transfer token lets a reseller take the subscription over.', ja: '移管トークンがあると、販売パートナーがサブスクリプションを引き継げます。' },
      newAdmin: { en: 'The account involved is a newly made administrator.', ja: '関係するアカウントは新たに管理者にされたアカウントです。' },
    },
  },
  fixtures: {
    fires: [{ name: 'GENERATE_TRANSFER_TOKEN', events: [gev({ action: 'partner.added', nativeAction: 'GENERATE_TRANSFER_TOKEN', actor: by(GWS_ADMIN, '203.0.113.9') })], severity: 'high' }],
    nearMiss: [{ name: 'refused', events: [gev({ action: 'billing.changed', nativeAction: 'CHANGE_ACCOUNT_AUTO_RENEWAL', result: 'failure', actor: by(GWS_OTHER) })] }],
  },
};
