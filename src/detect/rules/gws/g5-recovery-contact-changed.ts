// G5: the recovery e-mail or phone of a Google admin changed: where account-recovery codes go.
import { actorRef, subjectOf } from '../../event-values.ts';
import { by, gev, gMadeSuperAdmin, GWS_ADMIN, GWS_OTHER, GWS_USER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { adminTarget } from '../common.ts';

export const g5RecoveryContactChanged: EventRule = {
  kind: 'event',
  id: 'TB-G5-recovery-contact-changed',
  indicator: 'G5',
  provider: 'gws',
  severity: 'medium',
  attack: ['T1098'],
  actions: ['recovery.contact.changed'],
  match(e) {
    const subject = subjectOf(e) ?? actorRef(e);
    return subject === undefined ? undefined : { subject, admin: adminTarget(e, subject), step: 'recovery-contact-changed' };
  },
  text: {
    title: { en: "Google admin's recovery e-mail or phone changed", ja: 'Google 管理者の再設定用メールアドレスまたは電話番号が変更されました' },
    explanation: {
      en: '{{actor}} changed the recovery contact of {{subject}} ({{adminRole}}) at {{when}}.',
      ja: '{{actor}} が {{when}} に {{subject}}（{{adminRole}}）の再設定用の連絡先を変更しました。',
    },
    nextSteps: {
      en: 'Check the new recovery e-mail or phone with {{subject}}; put the right one back if it is not his.',
      ja: '新しい再設定用メールアドレスや電話番号が {{subject}} 本人のものか確認し、違えば正しいものに戻してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'CHANGE_RECOVERY_EMAIL of a super admin', events: [gMadeSuperAdmin(GWS_USER), gev({ action: 'recovery.contact.changed', nativeAction: 'CHANGE_RECOVERY_EMAIL', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'user', name: GWS_USER.upn }] })], severity: 'high' }],
    nearMiss: [{ name: 'a user edits his own phone', events: [gev({ action: 'recovery.contact.changed', nativeAction: 'recovery_phone_edit', source: 'gws.user_accounts', actor: by(GWS_OTHER) })] }],
  },
};
