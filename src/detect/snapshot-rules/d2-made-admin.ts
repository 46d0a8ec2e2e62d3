// D2: an account holds an admin role it did not hold before: compared with the previous snapshot, or
// on a first scan dated by the assignment (or, for a new account, by its creation: it cannot have been
// made admin earlier than it existed).
import { GLOBAL_ADMIN_TEMPLATE_ID } from '../../providers/m365/map/roles.ts';
import { roleTier } from '../admin.ts';
import { BOB, baseSnapshot, patched } from '../fixtures.ts';
import type { FindingDraft, SnapshotRule } from '../rule.ts';
import { adminsOf, dated, known, principalsById, refOfPrincipal, ROLES, USERS, withinDays } from './helpers.ts';

export const d2MadeAdmin: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D2-made-admin',
  severity: 'high',
  attack: ['T1098.003'],
  evaluate(current, previous, ctx) {
    if (!known(current, ...USERS, ...ROLES) || (previous !== undefined && !known(previous, ...ROLES))) return [];
    const ref = Date.parse(current.collectedAt);
    const principals = principalsById(current);
    const before = new Set((previous?.roleAssignments ?? []).map((a) => `${a.principalId.toLowerCase()}|${a.roleTemplateId.toLowerCase()}`));
    const out: FindingDraft[] = [];
    for (const [id, holding] of adminsOf(current)) {
      const p = principals.get(id);
      for (const a of holding.assignments) {
        const tier = roleTier(current.provider, a.roleTemplateId);
        if (tier === undefined) continue;
        let time: string;
        let exact: boolean;
        const notes: string[] = [];
        if (previous !== undefined) {
          if (before.has(`${id}|${a.roleTemplateId.toLowerCase()}`)) continue;
          exact = a.createdAt !== undefined;
          time = a.createdAt ?? current.collectedAt;
          if (!exact) notes.push('betweenSnapshots');
        } else if (withinDays(a.createdAt, ref, ctx.recentDays)) {
          time = a.createdAt!;
          exact = true;
        } else if (p !== undefined && withinDays(p.createdAt, ref, ctx.recentDays)) {
          time = p.createdAt!;
          exact = false;
          notes.push('sinceCreated');
        } else continue;
        const subject = p !== undefined ? refOfPrincipal(p) : { kind: 'user', id: a.principalId };
        out.push({
          ...dated(time, current.collectedAt),
          ...(exact ? {} : { timeExact: false }),
          severity: tier === 'admin' ? 'low' : 'high',
          subject,
          targets: [subject],
          actors: [],
          ips: [],
          keys: [`assignment:${id}|${a.roleTemplateId.toLowerCase()}`],
          params: { role: a.roleName ?? a.roleTemplateId, previousAt: previous?.collectedAt.slice(0, 10) ?? '-' },
          notes,
          step: tier === 'global' ? 'made-global-admin' : 'made-admin',
        });
      }
    }
    return out;
  },
  text: {
    title: { en: 'Account made administrator: {{role}}', ja: 'アカウントが管理者にされました: {{role}}' },
    explanation: {
      en: '{{subject}} now holds the role {{role}}.',
      ja: '{{subject}} が現在 {{role}} ロールを持っています。',
    },
    nextSteps: {
      en: 'Check that this person should be an administrator. If not, remove the role and secure the account.',
      ja: 'この人が管理者であるべきか確認してください。違う場合はロールを外し、アカウントを保護してください。',
    },
    notes: {
      betweenSnapshots: { en: 'The role was given between the previous scan ({{previousAt}}) and this one.', ja: 'ロールは前回のスキャン（{{previousAt}}）から今回までの間に付与されました。' },
      sinceCreated: { en: 'The account itself is new, so the role was given after it was created.', ja: 'アカウント自体が新しいため、ロールは作成後に付与されたものです。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'Bob is Global Administrator now, not in the previous scan',
        previous: baseSnapshot('2026-10-18T00:00:00.000Z'),
        current: patched(baseSnapshot(), (s) => s.roleAssignments.push({ principalId: BOB.id, roleTemplateId: GLOBAL_ADMIN_TEMPLATE_ID, roleName: 'Global Administrator', kind: 'active' })),
        severity: 'high',
      },
    ],
    nearMiss: [
      { name: 'same admins as before', previous: baseSnapshot('2026-10-18T00:00:00.000Z'), current: baseSnapshot() },
      { name: 'first scan, an old admin with no dates', current: baseSnapshot() },
    ],
  },
};
