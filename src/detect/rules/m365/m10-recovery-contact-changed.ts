// M10: the recovery e-mail or phone of an admin changed. Password-reset codes go there: whoever controls
// it can take the account back after every reset.
import { actorRef, subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, change, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { adminTarget } from '../common.ts';

export const m10RecoveryContactChanged: EventRule = {
  kind: 'event',
  id: 'TB-M10-recovery-contact-changed',
  indicator: 'M10',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1098'],
  actions: ['recovery.contact.changed'],
  match(e) {
    const subject = subjectOf(e) ?? (e.actor.kind === 'user' ? actorRef(e) : undefined);
    if (subject === undefined) return undefined;
    return { subject, admin: adminTarget(e, subject), step: 'recovery-contact-changed' };
  },
  text: {
    title: { en: "Administrator's recovery e-mail or phone changed", ja: '管理者の回復用メールアドレスまたは電話番号が変更されました' },
    explanation: {
      en: '{{actor}} changed the recovery contact of {{subject}} ({{adminRole}}) at {{when}}. Password-reset codes are sent there.',
      ja: '{{actor}} が {{when}} に {{subject}}（{{adminRole}}）の回復用の連絡先を変更しました。パスワードリセットのコードはこの連絡先に送られます。',
    },
    nextSteps: {
      en: 'Check the new e-mail address or phone number with {{subject}}. If it is not his, put the right one back and reset the password.',
      ja: '新しいメールアドレスや電話番号が {{subject}} 本人のものか確認してください。違う場合は正しいものに戻し、パスワードを再設定してください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: "admin's alternate e-mail changed by another account",
        events: [madeGlobalAdmin(ALICE), ev({ action: 'recovery.contact.changed', nativeAction: 'Update user', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)], changes: [change('otherMails', '[]', '["recover@mail.example.net"]')] })],
        severity: 'high',
      },
    ],
    nearMiss: [{ name: 'a user changes his own phone', events: [ev({ action: 'recovery.contact.changed', actor: by(BOB, OFFICE_IP), targets: [user(BOB)] })] }],
  },
};
