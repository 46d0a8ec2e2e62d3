// G7: a 2-step factor (security key, backup codes) added for a Google admin, above all by someone else.
import { actorRef, subjectOf } from '../../event-values.ts';
import { by, gev, gMadeSuperAdmin, GWS_ADMIN, GWS_OTHER, GWS_USER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { adminTarget } from '../common.ts';

export const g7AdminTwoStepFactorAdded: EventRule = {
  kind: 'event',
  id: 'TB-G7-admin-two-step-factor-added',
  indicator: 'G7',
  provider: 'gws',
  severity: 'medium',
  attack: ['T1098.005'],
  actions: ['auth.method.registered', 'auth.tap.issued'],
  match(e) {
    const subject = subjectOf(e) ?? actorRef(e);
    return subject === undefined ? undefined : { subject, admin: adminTarget(e, subject), step: 'security-info-registered' };
  },
  text: {
    title: { en: 'Sign-in factor added for a Google admin', ja: 'Google 管理者に2段階認証の要素が追加されました' },
    explanation: {
      en: '{{actor}} added a security key, backup codes or another factor for {{subject}} ({{adminRole}}) at {{when}}.',
      ja: '{{actor}} が {{when}} に {{subject}}（{{adminRole}}）のセキュリティキー、バックアップコードなどの認証要素を追加しました。',
    },
    nextSteps: {
      en: 'Ask {{subject}} about it; if unexpected, remove the factor, revoke backup codes and reset the password.',
      ja: '{{subject}} に確認し、想定外なら追加された要素を削除し、バックアップコードを無効にして、パスワードを再設定してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'backup codes generated for a super admin by another admin', events: [gMadeSuperAdmin(GWS_USER), gev({ action: 'auth.tap.issued', nativeAction: 'GENERATE_2SV_SCRATCH_CODES', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'user', name: GWS_USER.upn }] })], severity: 'high' }],
    nearMiss: [{ name: 'an ordinary user enrols', events: [gev({ action: 'auth.method.registered', nativeAction: '2sv_enroll', source: 'gws.user_accounts', actor: by(GWS_OTHER) })] }],
  },
};
