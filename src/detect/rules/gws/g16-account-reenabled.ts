// G16: a suspended or deleted account brought back: an intruder revives a forgotten account (as in the
// seed case's "forgotten regular account") to keep a way in.
import { subjectOf } from '../../event-values.ts';
import { by, gev, gMadeSuperAdmin, GWS_ADMIN, GWS_OTHER, GWS_USER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const g16AccountReenabled: EventRule = {
  kind: 'event',
  id: 'TB-G16-account-reenabled',
  indicator: 'G16',
  provider: 'gws',
  severity: 'low',
  attack: ['T1078.004'],
  actions: ['user.enabled', 'user.restored'],
  match(e) {
    const subject = subjectOf(e);
    return subject === undefined ? undefined : { subject, admin: { who: subject, required: false, severity: { global: 'medium', privileged: 'medium', admin: 'medium', none: 'low' } } };
  },
  text: {
    title: { en: 'Suspended or deleted account brought back', ja: '停止・削除されたアカウントが復活しました' },
    explanation: { en: '{{actor}} unsuspended or restored {{subject}} at {{when}}.', ja: '{{actor}} が {{when}} に {{subject}} の停止を解除または復元しました。' },
    nextSteps: {
      en: 'Check why the account was needed again; suspend it if nobody uses it.',
      ja: 'アカウントが再び必要になった理由を確認し、誰も使っていなければ停止してください。',
    },
  },
  fixtures: {
    fires: [
      { name: 'UNSUSPEND_USER', events: [gev({ action: 'user.enabled', nativeAction: 'UNSUSPEND_USER', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'user', name: GWS_OTHER.upn }] })], severity: 'low' },
      { name: 'UNDELETE_USER of a super admin', events: [gMadeSuperAdmin(GWS_USER), gev({ action: 'user.restored', nativeAction: 'UNDELETE_USER', actor: by(GWS_ADMIN), targets: [{ kind: 'user', name: GWS_USER.upn }] })], severity: 'medium' },
    ],
    nearMiss: [{ name: 'SUSPEND_USER', events: [gev({ action: 'user.disabled', nativeAction: 'SUSPEND_USER', actor: by(GWS_ADMIN), targets: [{ kind: 'user', name: GWS_OTHER.upn }] })] }],
  },
};
