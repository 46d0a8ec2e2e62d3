// M7: a sign-in method (security info) was registered or changed for an admin. An intruder who has the
// password adds his own Authenticator so that he keeps access after a password change; in the seed case
// he registered it minutes after signing in as the admin.
import { actorRef, subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, change, ev, madeGlobalAdmin, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { adminTarget } from '../common.ts';

export const m7AdminSecurityInfoChanged: EventRule = {
  kind: 'event',
  id: 'TB-M7-admin-security-info-changed',
  indicator: 'M7',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1098.005', 'T1556.006'],
  actions: ['auth.method.registered', 'auth.method.changed'],
  match(e) {
    const subject = subjectOf(e) ?? (e.actor.kind === 'user' ? actorRef(e) : undefined);
    if (subject === undefined) return undefined;
    return { subject, admin: adminTarget(e, subject), step: 'security-info-registered' };
  },
  text: {
    title: { en: "Administrator's sign-in method registered or changed", ja: '管理者のサインイン方法が登録・変更されました' },
    explanation: {
      en: 'A sign-in method (for example an authenticator app or phone) was registered or changed for {{subject}} ({{adminRole}}) by {{actor}} at {{when}}, from {{ip}}.',
      ja: '{{when}} に {{actor}} により、{{subject}}（{{adminRole}}）のサインイン方法（認証アプリや電話番号など）が登録・変更されました。接続元は {{ip}} です。',
    },
    nextSteps: {
      en: 'Ask {{subject}} whether he added a new phone or app at that time. If not, delete the unknown method, reset the password and sign the account out everywhere.',
      ja: '{{subject}} にその時刻に新しい電話やアプリを追加したか確認してください。覚えがなければ、見覚えのない方法を削除し、パスワードを再設定して、すべての端末からサインアウトさせてください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'Authenticator added to a Global Administrator (seed case: by himself, from the intruder\'s IP)',
        events: [
          madeGlobalAdmin(ALICE),
          ev({ action: 'auth.method.changed', nativeAction: 'Update user.', source: 'ual', actor: by(ALICE, ATTACKER_IP), targets: [user(ALICE)], changes: [change('StrongAuthenticationPhoneAppDetail', '[]', '[{"DeviceName":"SM-A515F"}]')] }),
        ],
        severity: 'medium',
      },
    ],
    nearMiss: [{ name: 'an ordinary user registers an app', events: [madeGlobalAdmin(ALICE), ev({ action: 'auth.method.registered', nativeAction: 'User registered security info', actor: by(BOB, OFFICE_IP), targets: [user(BOB)] })] }],
  },
};
