// M14: licences. Buying a subscription leaves no audit row (a snapshot shows it: TB-D5), but giving the
// licence to an account does ("Change user license", AssignedLicense). A licence for a brand-new admin
// is the seed case's fraudulent purchase; removing the audit plans blinds the tenant.
import { actorRef, findChange, subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, change, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { list } from '../common.ts';

const AUDIT_PLAN = /audit/i;

/** SKU names in an AssignedLicense value: `[SkuName=SPE_E5, AccountId=…, SkuId=…, DisabledPlans=[]]`. */
function skuNames(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  return [...new Set([...text.matchAll(/SkuName=([^,\]\s"\\]+)/g)].map((m) => m[1]!))];
}

function disabledPlans(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  return [...text.matchAll(/DisabledPlans=\[([^\]]*)\]/g)].flatMap((m) => m[1]!.split(/[,\s]+/).filter((x) => x !== ''));
}

export const m14LicenceChanged: EventRule = {
  kind: 'event',
  id: 'TB-M14-licence-changed',
  indicator: 'M14',
  provider: 'm365',
  severity: 'low',
  attack: ['T1496', 'T1562.008'],
  actions: ['license.changed'],
  match(e) {
    const c = findChange(e, 'AssignedLicense', 'AssignedLicenses');
    const added = skuNames(c?.new).filter((s) => !skuNames(c?.old).includes(s));
    const newlyDisabled = disabledPlans(c?.new).filter((p) => !disabledPlans(c?.old).includes(p));
    const subject = subjectOf(e);
    const d = { step: 'licence-bought' as const, params: { licence: list(added.length > 0 ? added : skuNames(c?.new)) } };
    if (newlyDisabled.some((p) => AUDIT_PLAN.test(p))) return { ...d, ...(subject !== undefined ? { subject } : {}), severity: 'high', notes: ['auditPlanOff'] };
    return subject !== undefined ? { ...d, subject } : d;
  },
  refine(d, e, ctx) {
    // For (or by) an account that is new and an admin: the seed case's licence bought by the intruder.
    const at = Date.parse(e.time);
    if (ctx.facts.isNewAdmin(d.subject, at) || ctx.facts.isNewAdmin(actorRef(e), at)) return { ...d, severity: 'high', notes: [...(d.notes ?? []), 'newAdmin'] };
    return d;
  },
  text: {
    title: { en: 'Licence assigned or changed', ja: 'ライセンスが割り当て・変更されました' },
    explanation: {
      en: '{{actor}} changed the licences of {{subject}} at {{when}} ({{licence}}).',
      ja: '{{actor}} が {{when}} に {{subject}} のライセンスを変更しました（{{licence}}）。',
    },
    nextSteps: {
      en: 'Check the licence and its cost in the admin center (Billing). If nobody ordered it, contact Microsoft support about the charge and stop the payment method if needed.',
      ja: '管理センターの「課金情報」でライセンスと費用を確認してください。誰も注文していなければ、Microsoft サポートに請求について連絡し、必要ならお支払い方法（カード）を止めてください。',
    },
    notes: {
      newAdmin: {
        en: 'The account involved is a newly created or newly made administrator: this may be a licence bought by an intruder.',
        ja: '関係するアカウントは新しく作られた（または新たに管理者にされた）管理者です。侵入者が購入したライセンスの可能性があります。',
      },
      auditPlanOff: {
        en: 'An audit plan was switched off in the licence: activity may no longer be recorded.',
        ja: 'ライセンスの中の監査機能がオフにされました。操作が記録されなくなる可能性があります。',
      },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'an E5 licence for a brand-new Global Administrator',
        events: [
          ev({ action: 'user.created', time: '2026-10-05T01:25:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] }),
          madeGlobalAdmin(MALLORY, '2026-10-05T01:27:00.000Z'),
          ev({ action: 'license.changed', nativeAction: 'Update user.', source: 'ual', time: '2026-10-20T04:11:10.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(MALLORY)], changes: [change('AssignedLicense', '[]', '["[SkuName=SPE_E5, AccountId=x, SkuId=06ebc4ee-1bb5-47dd-8120-11324bc54e06, DisabledPlans=[]]"]')] }),
        ],
        severity: 'high',
      },
      { name: 'a licence for a new hire', events: [ev({ action: 'license.changed', nativeAction: 'Change user license', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] })], severity: 'low' },
    ],
    nearMiss: [{ name: 'a refused licence change', events: [ev({ action: 'license.changed', result: 'failure', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] })] }],
  },
};
