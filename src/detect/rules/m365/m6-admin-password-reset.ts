// M6: someone else reset or changed an admin's password: the quickest way to take an admin account over.
import { ALICE, ATTACKER_IP, BOB, by, CAROL, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { adminPasswordByOther } from '../common.ts';

export const m6AdminPasswordReset: EventRule = {
  kind: 'event',
  id: 'TB-M6-admin-password-reset',
  indicator: 'M6',
  provider: 'm365',
  severity: 'high',
  attack: ['T1098', 'T1531'],
  actions: ['password.reset', 'password.changed'],
  match: adminPasswordByOther,
  text: {
    title: { en: "Administrator's password reset by someone else", ja: '管理者のパスワードが別の人によってリセットされました' },
    explanation: {
      en: '{{actor}} reset the password of {{subject}} ({{adminRole}}) at {{when}}. Whoever knows the new password can sign in as that administrator.',
      ja: '{{actor}} が {{when}} に {{subject}}（{{adminRole}}）のパスワードをリセットしました。新しいパスワードを知っている人は、その管理者としてサインインできます。',
    },
    nextSteps: {
      en: 'Ask {{subject}} and {{actor}} whether this was expected. If not, reset the password again yourself, check the sign-in methods and sign the account out everywhere.',
      ja: '{{subject}} と {{actor}} に心当たりがあるか確認してください。なければ、ご自身でパスワードを再設定し、サインイン方法を確認して、すべての端末からサインアウトさせてください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'Global Administrator reset by another account',
        events: [madeGlobalAdmin(ALICE), ev({ action: 'password.reset', nativeAction: 'Reset user password', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] })],
        severity: 'high',
      },
    ],
    nearMiss: [
      { name: 'an ordinary user reset by the admin', events: [madeGlobalAdmin(ALICE), ev({ action: 'password.reset', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] })] },
      { name: 'the admin changes his own password', events: [madeGlobalAdmin(CAROL), ev({ action: 'password.changed', nativeAction: 'Change password (self-service)', actor: by(CAROL, OFFICE_IP), targets: [user(CAROL)] })] },
    ],
  },
};
