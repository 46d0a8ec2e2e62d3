// G6: 2-step verification turned off for a user, or its enforcement turned off for the organisation.
import { subjectOf } from '../../event-values.ts';
import { by, gev, gMadeSuperAdmin, GWS_ADMIN, GWS_OTHER, GWS_USER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const g6TwoStepOff: EventRule = {
  kind: 'event',
  id: 'TB-G6-two-step-off',
  indicator: 'G6',
  provider: 'gws',
  severity: 'medium',
  attack: ['T1556.006'],
  actions: ['mfa.disabled'],
  match(e) {
    const subject = subjectOf(e);
    if (subject === undefined) {
      if (e.actor.kind !== 'user') return undefined;
      return { severity: 'high', targets: [], notes: ['organisation'], step: 'mfa-weakened' };
    }
    return { subject, admin: { who: subject, required: false, severity: { global: 'high', privileged: 'high', admin: 'high', none: 'low' } }, step: 'mfa-weakened' };
  },
  text: {
    title: { en: '2-step verification turned off', ja: '2段階認証プロセスがオフにされました' },
    explanation: {
      en: '{{actor}} turned 2-step verification off at {{when}} ({{subject}}).',
      ja: '{{actor}} が {{when}} に2段階認証プロセスをオフにしました（{{subject}}）。',
    },
    nextSteps: {
      en: 'Turn 2-step verification back on (Admin console > Security > 2-step verification) and find out who turned it off.',
      ja: '2段階認証プロセスを再びオンにし（管理コンソール > セキュリティ > 2段階認証プロセス）、誰がオフにしたか確認してください。',
    },
    notes: { organisation: { en: 'Enforcement was turned off for the organisation: users may sign in with a password alone.', ja: '組織全体で強制がオフにされました。パスワードだけでサインインできる可能性があります。' } },
  },
  fixtures: {
    fires: [
      { name: 'TURN_OFF_2_STEP_VERIFICATION for a super admin', events: [gMadeSuperAdmin(GWS_USER), gev({ action: 'mfa.disabled', nativeAction: 'TURN_OFF_2_STEP_VERIFICATION', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'user', name: GWS_USER.upn }] })], severity: 'high' },
      { name: 'enforcement off for the organisation', events: [gev({ action: 'mfa.disabled', nativeAction: 'ENFORCE_STRONG_AUTHENTICATION', actor: by(GWS_ADMIN, '203.0.113.9'), changes: [{ name: 'ENFORCE_STRONG_AUTHENTICATION', old: 'true', new: 'false' }] })], severity: 'high' },
    ],
    nearMiss: [{ name: '2SV turned on (mfa.enabled)', events: [gev({ action: 'mfa.enabled', nativeAction: 'ENFORCE_STRONG_AUTHENTICATION', actor: by(GWS_ADMIN), targets: [{ kind: 'user', name: GWS_OTHER.upn }] })] }],
  },
};
