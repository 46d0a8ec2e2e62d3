// M4: an admin role was taken away. The seed case's intruder removed the real admin from Global
// Administrator before deleting him; removal by an account that is itself a new admin is the lock-out.
import { roleOfEvent } from '../../admin.ts';
import { actorRef, isSelf, subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, role, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m4AdminRemovedFromRole: EventRule = {
  kind: 'event',
  id: 'TB-M4-admin-removed-from-role',
  indicator: 'M4',
  provider: 'm365',
  severity: 'high',
  attack: ['T1531'],
  actions: ['role.unassigned'],
  match(e) {
    const r = roleOfEvent(e);
    if (r?.tier === undefined) return undefined;
    const subject = subjectOf(e);
    if (subject === undefined || isSelf(e, subject)) return undefined;
    // PIM expiries are the system ending a timed assignment, not someone taking rights away.
    if (e.actor.kind === 'system' || /expired|deactivate/i.test(e.nativeAction)) return undefined;
    return {
      subject,
      severity: r.tier === 'admin' ? 'low' : 'high',
      params: { role: r.name },
      step: r.tier === 'admin' ? 'admin-removed' : 'original-admin-removed',
    };
  },
  refine(d, e, ctx) {
    const actor = actorRef(e);
    const at = Date.parse(e.time);
    if (d.severity === 'low' || !ctx.facts.isNewAdmin(actor, at) || ctx.facts.isNewcomer(d.subject, at)) return d;
    return { ...d, severity: 'critical', notes: ['byNewAdmin'] };
  },
  text: {
    title: { en: 'Administrator removed from role {{role}}', ja: '管理者が {{role}} ロールから外されました' },
    explanation: {
      en: '{{actor}} removed {{subject}} from the role {{role}} at {{when}}. An intruder does this to lock the real administrators out.',
      ja: '{{actor}} が {{when}} に {{subject}} を {{role}} ロールから外しました。乗っ取りでは、本来の管理者を締め出すためにこの操作が行われます。',
    },
    nextSteps: {
      en: 'Ask {{subject}} whether this was expected. If not, give the role back from an admin account you trust and secure the account that removed it.',
      ja: '{{subject}} にこの変更に心当たりがあるか確認してください。なければ、信頼できる管理者アカウントからロールを戻し、外した側のアカウントを保護してください。',
    },
    notes: {
      byNewAdmin: {
        en: 'The account that removed the role was itself made an administrator shortly before.',
        ja: 'ロールを外したアカウントは、直前に管理者にされたばかりのアカウントです。',
      },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'a brand-new Global Administrator removes the original one',
        events: [
          madeGlobalAdmin(MALLORY, '2026-10-05T01:27:30.000Z'),
          ev({ action: 'user.created', time: '2026-10-05T01:25:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] }),
          ev({ action: 'role.unassigned', nativeAction: 'Remove member from role', time: '2026-10-19T03:05:44.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE), role('Global Administrator')] }),
        ],
        severity: 'critical',
      },
    ],
    nearMiss: [
      { name: 'a reader role removed', events: [ev({ action: 'role.unassigned', actor: by(ALICE, OFFICE_IP), targets: [user(BOB), role('Global Reader')] })] },
      { name: 'PIM activation expired', events: [ev({ action: 'role.unassigned', nativeAction: 'Remove member from role (PIM activation expired)', actor: { kind: 'system' }, targets: [user(BOB), role('Global Administrator')] })] },
    ],
  },
};
