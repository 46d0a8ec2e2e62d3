// M9: MFA turned off for a user, or an admin's sign-in method deleted: both leave the password as the
// only lock (or lock the real admin out of his own account).
import { isSelf, subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { adminTarget } from '../common.ts';

export const m9MfaDisabled: EventRule = {
  kind: 'event',
  id: 'TB-M9-mfa-disabled',
  indicator: 'M9',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1556.006'],
  actions: ['mfa.disabled', 'auth.method.removed'],
  match(e) {
    const subject = subjectOf(e);
    if (subject === undefined) return undefined;
    if (e.action === 'mfa.disabled') {
      return { subject, admin: { who: subject, required: false, severity: { global: 'high', privileged: 'high', admin: 'medium', none: 'low' } }, notes: ['disabled'], step: 'mfa-weakened' };
    }
    // Removing one's own old phone is housekeeping; someone else removing an admin's method is not.
    return { subject, admin: adminTarget(e, subject, undefined, { global: 'low', privileged: 'low', admin: 'low' }), notes: isSelf(e, subject) ? ['removedSelf'] : ['removed'], step: 'mfa-weakened' };
  },
  text: {
    title: { en: 'Multi-factor authentication turned off or a sign-in method deleted', ja: '多要素認証がオフにされた、またはサインイン方法が削除されました' },
    explanation: {
      en: '{{actor}} weakened the sign-in protection of {{subject}} at {{when}}.',
      ja: '{{actor}} が {{when}} に {{subject}} のサインイン保護を弱めました。',
    },
    nextSteps: {
      en: 'Turn multi-factor authentication back on for {{subject}} and check who made the change and why.',
      ja: '{{subject}} の多要素認証を元に戻し、誰がなぜ変更したのかを確認してください。',
    },
    notes: {
      disabled: { en: 'Multi-factor authentication was turned off for this account.', ja: 'このアカウントの多要素認証がオフにされました。' },
      removed: { en: 'Someone else deleted a sign-in method of this administrator.', ja: '別の人がこの管理者のサインイン方法を削除しました。' },
      removedSelf: { en: 'The account deleted one of its own sign-in methods.', ja: 'アカウント自身がサインイン方法の一つを削除しました。' },
    },
  },
  fixtures: {
    fires: [
      { name: 'per-user MFA disabled for a Global Administrator', events: [madeGlobalAdmin(ALICE), ev({ action: 'mfa.disabled', nativeAction: 'Disable Strong Authentication', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] })], severity: 'high' },
      { name: "admin's Authenticator deleted by another account", events: [madeGlobalAdmin(ALICE), ev({ action: 'auth.method.removed', nativeAction: 'Admin deleted security info', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] })], severity: 'high' },
    ],
    nearMiss: [{ name: 'a user deletes his own old phone', events: [ev({ action: 'auth.method.removed', nativeAction: 'User deleted security info', actor: by(BOB, OFFICE_IP), targets: [user(BOB)] })] }],
  },
};
