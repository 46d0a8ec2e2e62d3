// M5: an admin account was deleted or disabled. Admin-ness comes from role assignments anywhere in the
// data (the seed case removed the role first, then deleted the account). A soft-deleted Entra user can
// be restored for 30 days: the finding says until when.
import { actorRef, addDays, subjectOf } from '../../event-values.ts';
import { DAY_MS } from '../../facts.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { BY_OTHER } from '../common.ts';

/** Entra keeps deleted users in the recycle bin this long. */
export const ENTRA_RESTORE_DAYS = 30;

export const m5AdminDeletedOrDisabled: EventRule = {
  kind: 'event',
  id: 'TB-M5-admin-deleted-or-disabled',
  indicator: 'M5',
  provider: 'm365',
  severity: 'high',
  attack: ['T1531'],
  actions: ['user.deleted', 'user.disabled'],
  match(e) {
    const subject = subjectOf(e);
    if (subject === undefined) return undefined;
    const deleted = e.action === 'user.deleted';
    const hard = /hard/i.test(e.nativeAction);
    const params: Record<string, string> = { restorableUntil: '-' };
    const notes: string[] = [];
    if (deleted && !hard) {
      params.restorableUntil = addDays(e.time, ENTRA_RESTORE_DAYS).slice(0, 10);
      notes.push('restorable');
    } else if (hard) notes.push('hardDeleted');
    return {
      subject,
      params,
      notes,
      admin: { who: subject, required: true, severity: BY_OTHER },
      step: deleted ? 'original-admin-deleted' : 'original-admin-disabled',
    };
  },
  refine(d, e, ctx) {
    let out = d;
    const until = d.params?.restorableUntil;
    if (typeof until === 'string' && until !== '-') {
      const left = Math.max(0, Math.ceil((Date.parse(addDays(e.time, ENTRA_RESTORE_DAYS)) - ctx.nowMs) / DAY_MS));
      // Past the date, the recycle bin no longer holds him: say so, not "0 days left".
      const notes = left > 0 ? out.notes : (out.notes ?? []).map((n) => (n === 'restorable' ? 'restorePassed' : n));
      out = { ...out, params: { ...out.params, daysLeft: left }, ...(notes !== undefined ? { notes } : {}) };
    }
    const actor = actorRef(e);
    const at = Date.parse(e.time);
    if (ctx.facts.isNewAdmin(actor, at) && !ctx.facts.isNewcomer(d.subject, at)) out = { ...out, severity: 'critical', notes: [...(out.notes ?? []), 'byNewAdmin'] };
    return out;
  },
  text: {
    title: { en: 'Administrator account deleted or disabled', ja: '管理者アカウントが削除または無効化されました' },
    explanation: {
      en: '{{actor}} deleted or disabled {{subject}}, who held the role {{adminRole}}, at {{when}}.',
      ja: '{{actor}} が {{when}} に、{{adminRole}} ロールを持っていた {{subject}} を削除または無効化しました。',
    },
    nextSteps: {
      en: 'If this was not planned, restore the account from "Deleted users" while you still can, then reset its password and sign-in methods.',
      ja: '予定外の操作であれば、復元できる期間内に「削除済みのユーザー」からアカウントを復元し、パスワードとサインイン方法を設定し直してください。',
    },
    notes: {
      restorable: {
        en: 'A deleted account can be restored until {{restorableUntil}} ({{daysLeft}} {{daysLeft|day|days}} left).',
        ja: '削除されたアカウントは {{restorableUntil}} まで復元できます（残り {{daysLeft}} 日）。',
      },
      restorePassed: {
        en: 'A deleted account could be restored until {{restorableUntil}}; that date has passed, so only Microsoft support may still be able to bring it back.',
        ja: '削除されたアカウントは {{restorableUntil}} まで復元できましたが、その期限は過ぎています。復旧できるかは Microsoft サポートに問い合わせてください。',
      },
      hardDeleted: { en: 'The account was deleted permanently and cannot be restored.', ja: 'アカウントは完全に削除されており、復元できません。' },
      byNewAdmin: {
        en: 'The account that did it was itself made an administrator shortly before.',
        ja: 'この操作をしたアカウントは、直前に管理者にされたばかりのアカウントです。',
      },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'Global Administrator soft-deleted',
        events: [madeGlobalAdmin(ALICE), ev({ action: 'user.deleted', nativeAction: 'Delete user', time: '2026-10-19T03:06:20.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] })],
        severity: 'high',
      },
    ],
    nearMiss: [{ name: 'an ordinary user deleted', events: [madeGlobalAdmin(ALICE), ev({ action: 'user.deleted', nativeAction: 'Delete user', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] })] }],
  },
};
