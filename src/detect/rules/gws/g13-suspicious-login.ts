// G13: Google itself flagged a login (suspicious, government-backed attack, leaked password, account
// disabled as hijacked), or an admin failed the 2-step challenge.
import { actorRef, subjectOf } from '../../event-values.ts';
import { by, gev, gMadeSuperAdmin, GWS_OTHER, GWS_USER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const g13SuspiciousLogin: EventRule = {
  kind: 'event',
  id: 'TB-G13-suspicious-login',
  indicator: 'G13',
  provider: 'gws',
  severity: 'medium',
  attack: ['T1078.004', 'T1621'],
  actions: ['risk.detected', 'signin.failed'],
  includeFailures: true,
  match(e) {
    const who = subjectOf(e, ['user']) ?? actorRef(e);
    if (who === undefined) return undefined;
    if (e.action === 'signin.failed') {
      if (!/challenge|verification/i.test(e.nativeAction)) return undefined;
      return { subject: who, targets: [], params: { risk: e.nativeAction }, admin: { who, required: true, severity: { global: 'medium', privileged: 'medium', admin: 'low' } }, step: 'risky-signin' };
    }
    return { subject: who, params: { risk: e.nativeAction }, admin: { who, required: false, severity: { global: 'high', privileged: 'high', admin: 'high', none: 'medium' } }, step: 'risky-signin' };
  },
  text: {
    title: { en: 'Google flagged a login: {{risk}}', ja: 'Google がログインを警告しました: {{risk}}' },
    explanation: { en: 'Google reported {{risk}} for {{subject}} at {{when}}, from {{ip}}.', ja: 'Google が {{when}} に {{subject}} について {{risk}} を報告しました（接続元 {{ip}}）。' },
    nextSteps: {
      en: 'Ask {{subject}} about the login; if it was not him, reset the password, check 2-step verification and sign the account out.',
      ja: '{{subject}} にログインの心当たりを確認し、本人でなければパスワードを再設定し、2段階認証を確認してサインアウトさせてください。',
    },
  },
  fixtures: {
    fires: [{ name: 'suspicious_login of a super admin', events: [gMadeSuperAdmin(GWS_USER), gev({ action: 'risk.detected', nativeAction: 'suspicious_login', source: 'gws.login', actor: by(GWS_USER, '203.0.113.9') })], severity: 'high' }],
    nearMiss: [{ name: 'ordinary wrong password', events: [gev({ action: 'signin.failed', nativeAction: 'login_failure', source: 'gws.login', result: 'failure', actor: by(GWS_OTHER) })] }],
  },
};
