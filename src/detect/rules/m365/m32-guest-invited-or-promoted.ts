// M32: an outside guest was invited, or a guest was turned into a member (members see and can do more).
import { findChange, plainValue, subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m32GuestInvitedOrPromoted: EventRule = {
  kind: 'event',
  id: 'TB-M32-guest-invited-or-promoted',
  indicator: 'M32',
  provider: 'm365',
  severity: 'low',
  attack: ['T1136.003', 'T1098'],
  actions: ['user.guest.invited', 'user.type.changed'],
  match(e) {
    const subject = subjectOf(e);
    if (e.action === 'user.type.changed') {
      const c = findChange(e, 'UserType');
      const from = (plainValue(c?.old) ?? '').toLowerCase();
      const to = (plainValue(c?.new) ?? '').toLowerCase();
      if (from !== 'guest' || to !== 'member') return undefined;
      return { ...(subject !== undefined ? { subject } : {}), severity: 'medium', notes: ['promoted'] };
    }
    return { ...(subject !== undefined ? { subject } : {}), notes: ['invited'] };
  },
  text: {
    title: { en: 'Guest invited or made a member', ja: 'ゲストが招待された、またはメンバーに変更されました' },
    explanation: {
      en: '{{actor}} invited or changed the outside account {{subject}} at {{when}}.',
      ja: '{{actor}} が {{when}} に外部アカウント {{subject}} を招待または変更しました。',
    },
    nextSteps: {
      en: 'Check that someone in your organisation works with {{subject}}; remove the account if not.',
      ja: '社内に {{subject}} とやり取りしている人がいるか確認し、いなければアカウントを削除してください。',
    },
    notes: {
      invited: { en: 'A guest from outside was invited.', ja: '外部のゲストが招待されました。' },
      promoted: { en: 'A guest was turned into a full member of the tenant.', ja: 'ゲストがテナントの正式なメンバーに変更されました。' },
    },
  },
  fixtures: {
    fires: [{ name: 'guest promoted to member', events: [ev({ action: 'user.type.changed', nativeAction: 'Update user', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'user', name: 'x_mail.example.net#EXT#@contoso.onmicrosoft.com' }], changes: [change('UserType', '["Guest"]', '["Member"]')] })], severity: 'medium' }],
    nearMiss: [{ name: 'member made guest', events: [ev({ action: 'user.type.changed', nativeAction: 'Update user', actor: by(ALICE, OFFICE_IP), targets: [{ kind: 'user', name: 'x@contoso.example' }], changes: [change('UserType', '["Member"]', '["Guest"]')] })] }],
  },
};
