// M29: an admin's sessions were revoked by someone else. Usually containment; during a takeover it is
// how the intruder throws the real admin out of every open session.
import { actorRef, isSelf, subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m29SessionsRevoked: EventRule = {
  kind: 'event',
  id: 'TB-M29-sessions-revoked',
  indicator: 'M29',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1550.001'],
  actions: ['session.revoked'],
  match(e) {
    const subject = subjectOf(e);
    if (subject === undefined || isSelf(e, subject) || e.actor.kind !== 'user') return undefined;
    return { subject, admin: { who: subject, required: true, severity: { global: 'medium', privileged: 'medium', admin: 'low' } } };
  },
  refine(d, e, ctx) {
    // A new admin throwing the original admin out is the lock-out, not containment.
    const actor = actorRef(e);
    const at = Date.parse(e.time);
    if (ctx.facts.isNewAdmin(actor, at) && !ctx.facts.isNewcomer(d.subject, at)) return { ...d, severity: 'high', notes: ['byNewAdmin'] };
    return d;
  },
  text: {
    title: { en: "Administrator's sessions revoked", ja: '管理者のセッションが取り消されました' },
    explanation: {
      en: '{{actor}} signed {{subject}} ({{adminRole}}) out of all sessions at {{when}}.',
      ja: '{{actor}} が {{when}} に {{subject}}（{{adminRole}}）をすべてのセッションからサインアウトさせました。',
    },
    nextSteps: {
      en: 'If this was not your own containment step, check whether {{subject}} can still sign in and who {{actor}} is.',
      ja: 'ご自身で行った封じ込め作業でなければ、{{subject}} がまだサインインできるか、{{actor}} が誰なのかを確認してください。',
    },
    notes: {
      byNewAdmin: { en: 'It was done by an account that was made an administrator shortly before.', ja: '直前に管理者にされたばかりのアカウントが行いました。' },
    },
  },
  fixtures: {
    fires: [{ name: "another account revokes the admin's sessions", events: [madeGlobalAdmin(ALICE), ev({ action: 'session.revoked', nativeAction: 'Update StsRefreshTokenValidFrom Timestamp', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] })], severity: 'medium' }],
    nearMiss: [{ name: "admin revokes an ordinary user's sessions", events: [madeGlobalAdmin(ALICE), ev({ action: 'session.revoked', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] })] }],
  },
};
