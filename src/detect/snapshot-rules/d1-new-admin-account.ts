// D1: an account created recently that now holds an admin role. The seed case had no earlier snapshot:
// the rogue Global Administrator is found from his creation date alone.
import { GLOBAL_ADMIN_TEMPLATE_ID } from '../../providers/m365/map/roles.ts';
import { baseSnapshot, patched } from '../fixtures.ts';
import type { FindingDraft, SnapshotRule } from '../rule.ts';
import { adminsOf, dated, known, principalsById, refOfPrincipal, ROLES, topRole, USERS, withinDays } from './helpers.ts';

const ROGUE = { id: 'e4e4e4e4-0000-4000-8000-000000000004', kind: 'user' as const, upn: 'it-support@contoso.onmicrosoft.com', enabled: true, createdAt: '2026-10-05T18:47:00Z' };

export const d1NewAdminAccount: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D1-new-admin-account',
  severity: 'high',
  attack: ['T1136.003', 'T1098.003'],
  evaluate(current, _previous, ctx) {
    if (!known(current, ...USERS, ...ROLES)) return [];
    const ref = Date.parse(current.collectedAt);
    const principals = principalsById(current);
    const out: FindingDraft[] = [];
    for (const [id, holding] of adminsOf(current)) {
      const p = principals.get(id);
      if (p?.createdAt === undefined || !withinDays(p.createdAt, ref, ctx.recentDays)) continue;
      const subject = refOfPrincipal(p);
      out.push({
        ...dated(p.createdAt, current.collectedAt),
        severity: holding.tier === 'admin' ? 'medium' : 'high',
        subject,
        targets: [subject],
        actors: [],
        ips: [],
        keys: [`created:${id}`],
        params: { role: topRole(holding, current.provider), created: p.createdAt.slice(0, 10) },
        step: 'rogue-user-created',
      });
    }
    return out;
  },
  text: {
    title: { en: 'New account holds an administrator role', ja: '新しいアカウントが管理者ロールを持っています' },
    explanation: {
      en: 'The account {{subject}} was created on {{created}} and now holds the role {{role}}.',
      ja: 'アカウント {{subject}} は {{created}} に作成され、現在 {{role}} ロールを持っています。',
    },
    nextSteps: {
      en: 'If nobody in your organisation created this administrator, remove its roles, block its sign-in and follow the recovery steps.',
      ja: '社内の誰もこの管理者を作成していなければ、ロールを外してサインインをブロックし、復旧の手順に進んでください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'first scan: a Global Administrator created 20 days ago',
        current: patched(baseSnapshot(), (s) => {
          s.principals.push(ROGUE);
          s.roleAssignments.push({ principalId: ROGUE.id, roleTemplateId: GLOBAL_ADMIN_TEMPLATE_ID, roleName: 'Global Administrator', kind: 'active' });
        }),
        severity: 'high',
      },
    ],
    nearMiss: [
      { name: 'a new account without a role', current: patched(baseSnapshot(), (s) => s.principals.push(ROGUE)) },
      {
        name: 'users could not be read',
        current: patched(baseSnapshot(), (s) => {
          s.principals.push(ROGUE);
          s.roleAssignments.push({ principalId: ROGUE.id, roleTemplateId: GLOBAL_ADMIN_TEMPLATE_ID, kind: 'active' });
          s.sources.users = { state: 'denied', permission: 'User.Read.All' };
        }),
      },
    ],
  },
};
