// M13: a Conditional Access policy or named location changed. Deleting or switching off a policy (or
// setting it to report-only) removes a protection; adding one is usually hardening.
import { plainValue } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const OFF_STATE = /"?state"?\s*[:=]\s*"?(disabled|enabledForReportingButNotEnforced)/i;

export const m13ConditionalAccessChanged: EventRule = {
  kind: 'event',
  id: 'TB-M13-conditional-access-changed',
  indicator: 'M13',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1556.009', 'T1562'],
  actions: ['policy.ca.changed'],
  match(e) {
    const name = e.targets.find((t) => t.name !== undefined)?.name ?? '-';
    if (/^delete/i.test(e.nativeAction)) return { severity: 'high', params: { policy: name }, notes: ['deleted'], step: 'policy-weakened' };
    const after = e.changes.map((c) => (c.new ?? '').replace(/\\+/g, '')).join(' ');
    const before = e.changes.map((c) => (c.old ?? '').replace(/\\+/g, '')).join(' ');
    if (OFF_STATE.test(after) && !OFF_STATE.test(before)) return { severity: 'high', params: { policy: name }, notes: ['switchedOff'], step: 'policy-weakened' };
    const state = e.changes.find((c) => /^state$/i.test(c.name));
    if (state !== undefined && /disabled|report/i.test(plainValue(state.new) ?? '')) return { severity: 'high', params: { policy: name }, notes: ['switchedOff'], step: 'policy-weakened' };
    if (/^add conditional access policy/i.test(e.nativeAction)) return undefined;
    return { params: { policy: name }, step: 'policy-weakened' };
  },
  text: {
    title: { en: 'Conditional Access policy changed: {{policy}}', ja: '条件付きアクセスのポリシーが変更されました: {{policy}}' },
    explanation: {
      en: '{{actor}} changed the Conditional Access setting {{policy}} at {{when}}.',
      ja: '{{actor}} が {{when}} に条件付きアクセスの設定 {{policy}} を変更しました。',
    },
    nextSteps: {
      en: 'Compare the policy with what you expect (for example "MFA for admins"); restore it if it was weakened, and secure the account that changed it.',
      ja: 'ポリシーが想定どおりか（例:「管理者には多要素認証を必須」）確認し、弱められていれば元に戻して、変更したアカウントを保護してください。',
    },
    notes: {
      deleted: { en: 'The policy was deleted.', ja: 'ポリシーは削除されました。' },
      switchedOff: { en: 'The policy was switched off or set to report-only: it no longer protects anything.', ja: 'ポリシーがオフまたは「レポートのみ」にされ、何も保護しなくなりました。' },
    },
  },
  fixtures: {
    fires: [
      { name: 'policy deleted', events: [ev({ action: 'policy.ca.changed', nativeAction: 'Delete conditional access policy', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'policy', id: 'p1', name: 'MFA for admins' }] })], severity: 'high' },
      {
        name: 'policy set to report-only',
        events: [ev({ action: 'policy.ca.changed', nativeAction: 'Update conditional access policy', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'policy', id: 'p1', name: 'MFA for admins' }], changes: [change('ConditionalAccessPolicy', '{"state":"enabled"}', '{"state":"enabledForReportingButNotEnforced"}')] })],
        severity: 'high',
      },
    ],
    nearMiss: [{ name: 'a new policy added', events: [ev({ action: 'policy.ca.changed', nativeAction: 'Add conditional access policy', actor: by(ALICE, OFFICE_IP), targets: [{ kind: 'policy', id: 'p2', name: 'Block legacy auth' }] })] }],
  },
};
