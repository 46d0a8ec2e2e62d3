// G3: an admin lost his role, or an admin account was suspended or deleted; or an admin role was
// deleted. Google keeps a deleted user restorable for 20 days.
import { roleOfEvent } from '../../admin.ts';
import { actorRef, addDays, isSelf, subjectOf } from '../../event-values.ts';
import { DAY_MS } from '../../facts.ts';
import { by, gev, gMadeSuperAdmin, GWS_ADMIN, GWS_OTHER, GWS_USER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';
import { BY_OTHER } from '../common.ts';

/** Google Workspace restores a deleted user for this many days. */
export const GOOGLE_RESTORE_DAYS = 20;

export const g3AdminRemoved: EventRule = {
  kind: 'event',
  id: 'TB-G3-admin-removed',
  indicator: 'G3',
  provider: 'gws',
  severity: 'high',
  attack: ['T1531'],
  actions: ['role.unassigned', 'user.disabled', 'user.deleted', 'role.definition.changed'],
  match(e) {
    if (e.action === 'role.definition.changed') {
      if (!/^(DELETE_ROLE|REMOVE_PRIVILEGE)$/i.test(e.nativeAction)) return undefined;
      return { severity: 'medium', params: { role: e.targets.find((t) => t.kind === 'role')?.name ?? '-', restorableUntil: '-' }, notes: ['roleDeleted'] };
    }
    const subject = subjectOf(e);
    if (subject === undefined || isSelf(e, subject)) return undefined;
    if (e.action === 'role.unassigned') {
      const r = roleOfEvent(e);
      if (r?.tier === undefined) return undefined;
      return { subject, severity: r.tier === 'global' ? 'high' : 'low', params: { role: r.name, restorableUntil: '-' }, step: r.tier === 'global' ? 'original-admin-removed' : 'admin-removed' };
    }
    const deleted = e.action === 'user.deleted';
    return {
      subject,
      params: { role: '-', restorableUntil: deleted ? addDays(e.time, GOOGLE_RESTORE_DAYS).slice(0, 10) : '-' },
      notes: deleted ? ['restorable'] : [],
      admin: { who: subject, required: true, severity: BY_OTHER },
      step: deleted ? 'original-admin-deleted' : 'original-admin-disabled',
    };
  },
  refine(d, e, ctx) {
    let out = d;
    if (e.action === 'user.deleted') {
      const left = Math.max(0, Math.ceil((Date.parse(e.time) + GOOGLE_RESTORE_DAYS * DAY_MS - ctx.nowMs) / DAY_MS));
      // Past the date, the account cannot be restored from the console: say so, not "0 days left".
      const notes = left > 0 ? out.notes : (out.notes ?? []).map((n) => (n === 'restorable' ? 'restorePassed' : n));
      out = { ...out, params: { ...out.params, daysLeft: left }, ...(notes !== undefined ? { notes } : {}) };
    }
    const at = Date.parse(e.time);
    if (d.subject !== undefined && ctx.facts.isNewAdmin(actorRef(e), at) && !ctx.facts.isNewcomer(d.subject, at)) out = { ...out, severity: 'critical', notes: [...(out.notes ?? []), 'byNewAdmin'] };
    return out;
  },
  text: {
    title: { en: 'Google admin removed, suspended or deleted', ja: 'Google の管理者が外された・停止された・削除されました' },
    explanation: {
      en: '{{actor}} took admin rights from {{subject}} or suspended or deleted the account at {{when}}.',
      ja: '{{actor}} が {{when}} に {{subject}} から管理者権限を外したか、アカウントを停止・削除しました。',
    },
    nextSteps: {
      en: 'If this was not planned, restore the account (Admin console > Users > deleted users, within 20 days) and its admin role from a super admin you trust.',
      ja: '予定外の操作であれば、信頼できる特権管理者から、アカウント（管理コンソール > ユーザー、削除後20日以内）と管理者ロールを復元してください。',
    },
    notes: {
      restorePassed: {
        en: 'The account could be restored until {{restorableUntil}}; that date has passed, so only Google support may still be able to bring it back.',
        ja: 'このアカウントは {{restorableUntil}} まで復元できましたが、その期限は過ぎています。復旧できるかは Google のサポートに問い合わせてください。',
      },
      restorable: { en: 'The account can be restored until {{restorableUntil}} ({{daysLeft}} {{daysLeft|day|days}} left).', ja: 'このアカウントは {{restorableUntil}} まで復元できます（残り {{daysLeft}} 日）。' },
      roleDeleted: { en: 'An admin role itself was deleted or lost privileges ({{role}}).', ja: '管理者ロール自体が削除された、または権限が減らされました（{{role}}）。' },
      byNewAdmin: { en: 'It was done by an account that was made an administrator shortly before.', ja: '直前に管理者にされたばかりのアカウントが行いました。' },
    },
  },
  fixtures: {
    fires: [{ name: 'super admin deleted', events: [gMadeSuperAdmin(GWS_USER), gev({ action: 'user.deleted', nativeAction: 'DELETE_USER', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'user', name: GWS_USER.upn }] })], severity: 'high' }],
    nearMiss: [{ name: 'an ordinary user suspended', events: [gev({ action: 'user.disabled', nativeAction: 'SUSPEND_USER', actor: by(GWS_ADMIN), targets: [{ kind: 'user', name: GWS_OTHER.upn }] })] }],
  },
};
