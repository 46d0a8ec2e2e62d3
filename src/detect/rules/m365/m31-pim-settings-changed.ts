// M31: Privileged Identity Management settings or alerts changed: approval or MFA on activation
// removed, or the alert that would report a new permanent admin switched off.
import { ALICE, ATTACKER_IP, BOB, by, ev } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const SETTING = /setting|alert|policy removed|offboard/i;

export const m31PimSettingsChanged: EventRule = {
  kind: 'event',
  id: 'TB-M31-pim-settings-changed',
  indicator: 'M31',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1098.003', 'T1078.004'],
  actions: ['pim.changed'],
  match(e) {
    // Requests and approvals of activations are PIM doing its job.
    if (!SETTING.test(e.nativeAction)) return undefined;
    const alertOff = /disable|deactivate/i.test(e.nativeAction);
    return { severity: alertOff ? 'high' : 'medium', targets: [], params: { setting: e.nativeAction }, notes: alertOff ? ['alertOff'] : [], step: 'policy-weakened' };
  },
  text: {
    title: { en: 'Privileged Identity Management settings changed', ja: 'Privileged Identity Management（PIM）の設定が変更されました' },
    explanation: {
      en: '{{actor}} changed PIM at {{when}} ({{setting}}).',
      ja: '{{actor}} が {{when}} に PIM の設定を変更しました（{{setting}}）。',
    },
    nextSteps: {
      en: 'Check the role settings (approval, MFA on activation, duration) and alerts in PIM and restore what was weakened.',
      ja: 'PIM のロール設定（承認、有効化時の多要素認証、期間）とアラートを確認し、弱められた部分を元に戻してください。',
    },
    notes: {
      alertOff: { en: 'A PIM alert was switched off.', ja: 'PIM のアラートがオフにされました。' },
    },
  },
  fixtures: {
    fires: [{ name: 'Disable PIM alert', events: [ev({ action: 'pim.changed', nativeAction: 'Disable PIM alert', actor: by(ALICE, ATTACKER_IP) })], severity: 'high' }],
    nearMiss: [{ name: 'activation request', events: [ev({ action: 'pim.changed', nativeAction: 'Add member to role requested (PIM activation)', actor: by(BOB) })] }],
  },
};
