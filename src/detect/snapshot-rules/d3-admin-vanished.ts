// D3: an admin who is no longer there: deleted (with the days left to restore him), disabled, or no
// longer holding his role. Compared with the previous snapshot when there is one; on a first scan the
// recycle bin and the audit events (a role removal, admin work he did) say who was an admin.
import type { Snapshot } from '../../core/snapshot.ts';
import { GLOBAL_ADMIN_TEMPLATE_ID } from '../../providers/m365/map/roles.ts';
import { addDays } from '../event-values.ts';
import { DAY_MS } from '../facts.ts';
import { ALICE, baseSnapshot, BOB, by, ev, MALLORY, patched, role, user } from '../fixtures.ts';
import type { DetectContext, FindingDraft, SnapshotRule } from '../rule.ts';
import { adminsOf, dated, known, principalsById, refOfPrincipal, ROLES, topRole, USERS, withinDays } from './helpers.ts';

/** Days a deleted user stays restorable: Entra 30, Google Workspace 20. */
function restoreDays(s: Snapshot): number {
  return s.provider === 'gws' ? 20 : 30;
}

function deletedDraft(s: Snapshot, d: Snapshot['deletedPrincipals'][number], role: string, ctx: DetectContext, admin: boolean): FindingDraft {
  const when = dated(d.deletedAt, s.collectedAt);
  const until = dated(d.restorableUntil, '').time || addDays(when.time, restoreDays(s));
  const left = Math.max(0, Math.ceil((Date.parse(until) - ctx.nowMs) / DAY_MS));
  const subject = refOfPrincipal(d);
  return {
    ...when,
    severity: admin ? 'high' : 'low',
    subject,
    targets: [subject],
    actors: [],
    ips: [],
    keys: [`deleted:${d.id.toLowerCase()}`],
    params: { role, restorableUntil: until.slice(0, 10), daysLeft: left },
    notes: admin ? [left > 0 ? 'deleted' : 'deletedRestorePassed'] : ['deletedNotKnownAdmin'],
    step: 'original-admin-deleted',
  };
}

export const d3AdminVanished: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D3-admin-vanished',
  severity: 'high',
  attack: ['T1531'],
  evaluate(current, previous, ctx) {
    if (!known(current, ...USERS, ...ROLES, 'deletedItems')) return [];
    const ref = Date.parse(current.collectedAt);
    const out: FindingDraft[] = [];
    const deleted = new Map(current.deletedPrincipals.map((d) => [d.id.toLowerCase(), d]));
    const now = principalsById(current);
    const adminsNow = adminsOf(current);
    const notice = (p: { id: string; upn?: string; kind?: string }, role: string, note: string, step: FindingDraft['step'], severity: FindingDraft['severity']): FindingDraft => {
      const subject = refOfPrincipal(p);
      return { time: current.collectedAt, timeExact: false, severity, subject, targets: [subject], actors: [], ips: [], keys: [`${note}:${p.id.toLowerCase()}`], params: { role, restorableUntil: '-', daysLeft: '-' }, notes: [note], step };
    };

    if (previous !== undefined && known(previous, ...USERS, ...ROLES)) {
      const before = principalsById(previous);
      for (const [id, holding] of adminsOf(previous)) {
        const role = topRole(holding, previous.provider);
        const p = before.get(id) ?? { id, kind: 'user' as const };
        const d = deleted.get(id);
        if (d !== undefined) out.push(deletedDraft(current, d, role, ctx, true));
        else if (!now.has(id)) out.push(notice(p, role, 'gone', 'original-admin-deleted', 'high'));
        else if (now.get(id)!.enabled === false && p.enabled !== false) out.push(notice(p, role, 'disabled', 'original-admin-disabled', 'high'));
        else if (!adminsNow.has(id)) out.push(notice(p, role, 'demoted', 'original-admin-removed', holding.tier === 'admin' ? 'medium' : 'high'));
      }
      return out;
    }
    // First scan: recently deleted accounts, admin or not by what the events say.
    for (const d of current.deletedPrincipals) {
      if (!withinDays(d.deletedAt, ref, ctx.recentDays)) continue;
      const admin = ctx.facts.adminOf(refOfPrincipal(d));
      out.push(deletedDraft(current, d, admin?.roles[0] ?? '-', ctx, admin !== undefined));
    }
    for (const p of current.principals) {
      if (p.enabled !== false || adminsNow.has(p.id.toLowerCase())) continue;
      const admin = ctx.facts.adminOf(refOfPrincipal(p));
      if (admin !== undefined) out.push(notice(p, admin.roles[0] ?? '-', 'disabled', 'original-admin-disabled', 'medium'));
    }
    return out;
  },
  text: {
    title: { en: 'Administrator gone: deleted, disabled or removed from his role', ja: '管理者がいなくなりました（削除・無効化・ロール解除）' },
    explanation: {
      en: '{{subject}} ({{role}}) is no longer an active administrator.',
      ja: '{{subject}}（{{role}}）は、もう有効な管理者ではありません。',
    },
    nextSteps: {
      en: 'If this was not planned: restore the account from "Deleted users" while you can, give its role back, and reset its password and sign-in methods.',
      ja: '予定外であれば、期限内に「削除済みのユーザー」からアカウントを復元し、ロールを戻して、パスワードとサインイン方法を設定し直してください。',
    },
    notes: {
      deletedRestorePassed: {
        en: 'The account was deleted; it could be restored until {{restorableUntil}}, and that date has passed.',
        ja: 'アカウントは削除されています。{{restorableUntil}} まで復元できましたが、その期限は過ぎています。',
      },
      deleted: { en: 'The account was deleted; it can be restored until {{restorableUntil}} ({{daysLeft}} {{daysLeft|day|days}} left).', ja: 'アカウントは削除されています。{{restorableUntil}} まで復元できます（残り {{daysLeft}} 日）。' },
      deletedNotKnownAdmin: {
        en: 'The account was deleted recently (restorable until {{restorableUntil}}); whether it was an administrator is not known from this data.',
        ja: 'アカウントは最近削除されました（{{restorableUntil}} まで復元可能）。管理者だったかどうかは、このデータからは分かりません。',
      },
      gone: { en: 'The account is gone and not in the recycle bin: it may have been deleted permanently.', ja: 'アカウントが見当たらず、ごみ箱にもありません。完全に削除された可能性があります。' },
      disabled: { en: 'The account is disabled: nobody can sign in with it.', ja: 'アカウントは無効にされており、誰もサインインできません。' },
      demoted: { en: 'The account no longer holds the role.', ja: 'アカウントはもうこのロールを持っていません。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'Alice was Global Administrator in the previous scan and is now in the recycle bin',
        previous: baseSnapshot('2026-10-18T00:00:00.000Z'),
        current: patched(baseSnapshot(), (s) => {
          s.principals = s.principals.filter((p) => p.id !== ALICE.id);
          s.roleAssignments = [];
          s.deletedPrincipals.push({ id: ALICE.id, upn: `a1a1a1a1000040008000000000000001${ALICE.upn}`, deletedAt: '2026-10-19T03:06:20Z' });
        }),
        severity: 'high',
      },
      {
        name: 'first scan: a deleted account that the audit log shows losing Global Administrator',
        events: [ev({ action: 'role.unassigned', time: '2026-10-19T03:05:44.000Z', actor: by(MALLORY), targets: [user(ALICE), role('Global Administrator')] })],
        current: patched(baseSnapshot(), (s) => {
          s.principals = s.principals.filter((p) => p.id !== ALICE.id);
          s.roleAssignments = [{ principalId: MALLORY.id, roleTemplateId: GLOBAL_ADMIN_TEMPLATE_ID, kind: 'active' }];
          s.deletedPrincipals.push({ id: ALICE.id, upn: ALICE.upn, deletedAt: '2026-10-19T03:06:20Z' });
        }),
        severity: 'high',
      },
    ],
    nearMiss: [
      { name: 'a user (never an admin) disabled since the previous scan', previous: baseSnapshot('2026-10-18T00:00:00.000Z'), current: patched(baseSnapshot(), (s) => (s.principals.find((p) => p.id === BOB.id)!.enabled = false)) },
      {
        name: 'role assignments could not be read this time',
        previous: baseSnapshot('2026-10-18T00:00:00.000Z'),
        current: patched(baseSnapshot(), (s) => {
          s.roleAssignments = [];
          s.sources.roleAssignments = { state: 'denied', permission: 'RoleManagement.Read.Directory' };
        }),
      },
    ],
  },
};
