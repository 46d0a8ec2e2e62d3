// G15: organisation data exported (Takeout, data transfer, ownership transfer, mailbox dump).
import { by, gev, GWS_ADMIN, GWS_OTHER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const g15DataExported: EventRule = {
  kind: 'event',
  id: 'TB-G15-data-exported',
  indicator: 'G15',
  provider: 'gws',
  severity: 'medium',
  attack: ['T1537'],
  actions: ['data.exported'],
  match(e) {
    return { severity: /TAKEOUT|MAILBOX_DUMP/i.test(e.nativeAction) ? 'high' : 'medium', params: { setting: e.nativeAction }, step: 'data-exported' };
  },
  text: {
    title: { en: 'Organisation data exported', ja: '組織のデータが書き出されました' },
    explanation: { en: '{{actor}} started {{setting}} at {{when}}.', ja: '{{actor}} が {{when}} に {{setting}} を開始しました。' },
    nextSteps: {
      en: 'Check who asked for the export and where the data went; cancel it if it is still running.',
      ja: '誰が書き出しを依頼したか、データがどこに渡ったかを確認し、実行中なら中止してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'CUSTOMER_TAKEOUT_CREATED', events: [gev({ action: 'data.exported', nativeAction: 'CUSTOMER_TAKEOUT_CREATED', actor: by(GWS_ADMIN, '203.0.113.9') })], severity: 'high' }],
    nearMiss: [{ name: 'refused', events: [gev({ action: 'data.exported', nativeAction: 'CUSTOMER_TAKEOUT_CREATED', result: 'failure', actor: by(GWS_OTHER) })] }],
  },
};
