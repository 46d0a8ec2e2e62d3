// G14: mail forwarding, routing or an e-mail monitor set up: how an intruder keeps reading mail.
import { by, gev, GWS_ADMIN, GWS_OTHER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const HIGH = /EMAIL_MONITOR|OUT_OF_DOMAIN|ROUTING_DESTINATION/i;

export const g14MailForwarding: EventRule = {
  kind: 'event',
  id: 'TB-G14-mail-forwarding',
  indicator: 'G14',
  provider: 'gws',
  severity: 'medium',
  attack: ['T1114.003'],
  actions: ['mail.forwarding.changed'],
  match(e) {
    return { severity: HIGH.test(e.nativeAction) ? 'high' : 'medium', params: { setting: e.nativeAction }, step: 'mail-forwarding' };
  },
  text: {
    title: { en: 'Mail forwarding, routing or monitoring set up', ja: 'メールの転送・ルーティング・監視が設定されました' },
    explanation: { en: '{{actor}} set up {{setting}} at {{when}}.', ja: '{{actor}} が {{when}} に {{setting}} を設定しました。' },
    nextSteps: {
      en: 'Check Gmail routing and the affected mailbox\'s forwarding; remove what nobody asked for.',
      ja: 'Gmail のルーティングと該当メールボックスの転送設定を確認し、誰も依頼していないものは削除してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'CREATE_EMAIL_MONITOR', events: [gev({ action: 'mail.forwarding.changed', nativeAction: 'CREATE_EMAIL_MONITOR', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'user', name: 'ceo@example-gws.example' }] })], severity: 'high' }],
    nearMiss: [{ name: 'refused', events: [gev({ action: 'mail.forwarding.changed', nativeAction: 'CREATE_EMAIL_MONITOR', result: 'failure', actor: by(GWS_OTHER) })] }],
  },
};
