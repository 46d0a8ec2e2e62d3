// G4: someone else changed a Google admin's password (or looked at the temporary one).
import { by, gev, gMadeSuperAdmin, GWS_ADMIN, GWS_OTHER, GWS_USER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { adminPasswordByOther } from '../common.ts';

export const g4AdminPasswordChanged: EventRule = {
  kind: 'event',
  id: 'TB-G4-admin-password-changed',
  indicator: 'G4',
  provider: 'gws',
  severity: 'high',
  attack: ['T1098', 'T1531'],
  actions: ['password.reset', 'password.changed'],
  match: adminPasswordByOther,
  text: {
    title: { en: "Google admin's password changed by someone else", ja: 'Google 管理者のパスワードが別の人によって変更されました' },
    explanation: {
      en: '{{actor}} changed the password of {{subject}} ({{adminRole}}) at {{when}}.',
      ja: '{{actor}} が {{when}} に {{subject}}（{{adminRole}}）のパスワードを変更しました。',
    },
    nextSteps: {
      en: 'Ask {{subject}} and {{actor}} about it; if unexpected, reset the password yourself, check 2-step verification and sign the account out.',
      ja: '{{subject}} と {{actor}} に確認し、想定外ならご自身でパスワードを再設定し、2段階認証を確認してサインアウトさせてください。',
    },
  },
  fixtures: {
    fires: [{ name: 'CHANGE_PASSWORD on a super admin', events: [gMadeSuperAdmin(GWS_USER), gev({ action: 'password.reset', nativeAction: 'CHANGE_PASSWORD', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'user', name: GWS_USER.upn }] })], severity: 'high' }],
    nearMiss: [{ name: "ordinary user's password", events: [gev({ action: 'password.reset', nativeAction: 'CHANGE_PASSWORD', actor: by(GWS_ADMIN), targets: [{ kind: 'user', name: GWS_OTHER.upn }] })] }],
  },
};
