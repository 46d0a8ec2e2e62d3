// M2: a directory role was given to a user or group. Admin-ness and tier come from the role's template
// id (Global Administrator 62e90394-…); a reader role is no admin role and does not fire.
import { roleOfEvent } from '../../admin.ts';
import { subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, MALLORY, OFFICE_IP, role, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m2PrivilegedRoleAssigned: EventRule = {
  kind: 'event',
  id: 'TB-M2-privileged-role-assigned',
  indicator: 'M2',
  provider: 'm365',
  severity: 'high',
  attack: ['T1098.003'],
  actions: ['role.assigned'],
  match(e) {
    const r = roleOfEvent(e);
    if (r?.tier === undefined) return undefined;
    const subject = subjectOf(e);
    // Service principals are M21's.
    if (subject === undefined || subject.kind === 'serviceprincipal') return undefined;
    const notes = /eligible/i.test(e.nativeAction) ? ['eligible'] : [];
    return {
      subject,
      severity: r.tier === 'admin' ? 'low' : 'high',
      params: { role: r.name },
      notes,
      step: r.tier === 'global' ? 'made-global-admin' : 'made-admin',
    };
  },
  refine(d, e, ctx) {
    if (d.severity === 'low' || ctx.facts.createdRecently(d.subject, Date.parse(e.time)) === undefined) return d;
    return { ...d, notes: [...(d.notes ?? []), 'newAccount'] };
  },
  text: {
    title: { en: 'Administrator role given: {{role}}', ja: '管理者ロールが付与されました: {{role}}' },
    explanation: {
      en: '{{actor}} gave {{subject}} the role {{role}} at {{when}}. Whoever holds it can change the whole tenant.',
      ja: '{{actor}} が {{when}} に {{subject}} へ {{role}} ロールを付与しました。このロールを持つ人はテナント全体を変更できます。',
    },
    nextSteps: {
      en: 'Confirm with the person who gave the role that it was intended. If not, remove the role, block the account and review what it changed.',
      ja: 'ロールを付与した人に、意図した操作か確認してください。意図しないものなら、ロールを外してアカウントをブロックし、変更内容を確認してください。',
    },
    notes: {
      eligible: { en: 'The role was made eligible (it can be activated at any time).', ja: 'ロールは「資格あり」として付与されました（いつでも有効化できます）。' },
      newAccount: { en: 'The account is new: it was created shortly before.', ja: 'このアカウントは直前に作成されたばかりです。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'Global Administrator to a new account',
        events: [ev({ action: 'role.assigned', nativeAction: 'Add member to role', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY), role('Global Administrator')] })],
        severity: 'high',
      },
      { name: 'Helpdesk Administrator is an admin role but not tier 0', events: [ev({ action: 'role.assigned', actor: by(ALICE, OFFICE_IP), targets: [user(BOB), role('Helpdesk Administrator')] })], severity: 'low' },
    ],
    nearMiss: [{ name: 'Directory Readers is not an admin role', events: [ev({ action: 'role.assigned', actor: by(ALICE, OFFICE_IP), targets: [user(BOB), role('Directory Readers')] })] }],
  },
};
