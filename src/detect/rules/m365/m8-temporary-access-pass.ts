// M8: a Temporary Access Pass was issued: a time-limited code that passes MFA. Routine when onboarding
// a user; an alarm for an admin account.
import { subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m8TemporaryAccessPass: EventRule = {
  kind: 'event',
  id: 'TB-M8-temporary-access-pass',
  indicator: 'M8',
  provider: 'm365',
  severity: 'low',
  attack: ['T1098', 'T1078.004'],
  actions: ['auth.tap.issued'],
  match(e) {
    const subject = subjectOf(e);
    if (subject === undefined) return undefined;
    return { subject, admin: { who: subject, required: false, severity: { global: 'high', privileged: 'high', admin: 'medium', none: 'low' } }, step: 'security-info-registered' };
  },
  text: {
    title: { en: 'Temporary Access Pass issued', ja: '一時アクセスパスが発行されました' },
    explanation: {
      en: '{{actor}} issued a Temporary Access Pass for {{subject}} at {{when}}. With it, anyone can sign in as {{subject}} without the usual second factor until it expires.',
      ja: '{{actor}} が {{when}} に {{subject}} の一時アクセスパスを発行しました。有効期限まで、これを知っている人は通常の2段階目の認証なしで {{subject}} としてサインインできます。',
    },
    nextSteps: {
      en: 'Check that {{subject}} asked for it (new phone, lost device). If not, delete the pass and check the account\'s sign-ins.',
      ja: '{{subject}} が依頼したもの（機種変更や紛失など）か確認してください。違う場合はパスを削除し、そのアカウントのサインイン履歴を確認してください。',
    },
  },
  fixtures: {
    fires: [
      { name: 'TAP for a Global Administrator', events: [madeGlobalAdmin(ALICE), ev({ action: 'auth.tap.issued', nativeAction: 'Admin registered security info', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] })], severity: 'high' },
      { name: 'TAP for a user (onboarding)', events: [ev({ action: 'auth.tap.issued', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] })], severity: 'low' },
    ],
    nearMiss: [{ name: 'a refused TAP', events: [madeGlobalAdmin(ALICE), ev({ action: 'auth.tap.issued', result: 'failure', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] })] }],
  },
};
