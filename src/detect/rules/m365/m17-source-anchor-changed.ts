// M17: a user's ImmutableId / SourceAnchor changed. In a hybrid tenant this ties the cloud account to a
// different on-premises identity: a known way to take over a cloud admin through the sync server.
import { subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, change, ev, madeGlobalAdmin, MALLORY, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m17SourceAnchorChanged: EventRule = {
  kind: 'event',
  id: 'TB-M17-source-anchor-changed',
  indicator: 'M17',
  provider: 'm365',
  severity: 'high',
  attack: ['T1098'],
  actions: ['user.anchor.changed'],
  match(e) {
    const subject = subjectOf(e);
    if (subject === undefined) return undefined;
    return { subject, admin: { who: subject, required: false, severity: { global: 'critical', privileged: 'critical', admin: 'high', none: 'high' } } };
  },
  text: {
    title: { en: "User's on-premises link (ImmutableId) changed", ja: 'ユーザーのオンプレミスとの紐づけ（ImmutableId）が変更されました' },
    explanation: {
      en: '{{actor}} changed the ImmutableId (source anchor) of {{subject}} at {{when}}. The account can now be controlled from another on-premises identity.',
      ja: '{{actor}} が {{when}} に {{subject}} の ImmutableId（ソースアンカー）を変更しました。このアカウントは別のオンプレミスのIDから操作できるようになっています。',
    },
    nextSteps: {
      en: 'Restore the previous value, check the sync server and its accounts, and reset the password of {{subject}}.',
      ja: '以前の値に戻し、同期サーバーとそのアカウントを確認して、{{subject}} のパスワードを再設定してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'SourceAnchor of a Global Administrator changed', events: [madeGlobalAdmin(ALICE), ev({ action: 'user.anchor.changed', nativeAction: 'Update user', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)], changes: [change('SourceAnchor', '"abc="', '"xyz="')] })], severity: 'critical' }],
    nearMiss: [{ name: 'a refused change', events: [ev({ action: 'user.anchor.changed', result: 'failure', actor: by(MALLORY, ATTACKER_IP), targets: [user(BOB)] })] }],
  },
};
