// M3: someone joined a group that holds an admin role (a role-assignable group), which makes him an
// admin without any role record naming him. The group's admin-ness comes from role assignments.
import { subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, CAROL, ev, MALLORY, OFFICE_IP, role, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const GROUP = { kind: 'group', id: '9a9a9a9a-0000-4000-8000-00000000000a', name: 'IT Admins' };

export const m3PrivilegedGroupMemberAdded: EventRule = {
  kind: 'event',
  id: 'TB-M3-privileged-group-member-added',
  indicator: 'M3',
  provider: 'm365',
  severity: 'high',
  attack: ['T1098.003'],
  actions: ['group.member.added'],
  match(e) {
    const group = subjectOf(e, ['group']);
    const member = subjectOf(e, ['user', 'serviceprincipal', 'unknown']);
    if (group === undefined || member === undefined) return undefined;
    return {
      subject: member,
      params: { group: group.name ?? group.id ?? '?' },
      admin: { who: group, required: true, severity: { global: 'high', privileged: 'high', admin: 'medium' } },
      step: 'made-admin',
    };
  },
  refine(d) {
    // The storyline says which role the membership gives.
    return { ...d, params: { ...d.params, role: `${String(d.params?.adminRole ?? '-')} (${String(d.params?.group ?? '-')})` } };
  },
  text: {
    title: { en: 'Member added to a group that holds an admin role', ja: '管理者ロールを持つグループにメンバーが追加されました' },
    explanation: {
      en: '{{actor}} added {{subject}} to the group {{group}}, which holds the role {{adminRole}}. Every member of that group is an administrator.',
      ja: '{{actor}} が {{subject}} をグループ {{group}} に追加しました。このグループは {{adminRole}} ロールを持っているため、メンバー全員が管理者になります。',
    },
    nextSteps: {
      en: 'Check that this person should be an administrator. If not, remove him from the group and review what he changed.',
      ja: 'この人が管理者であるべきか確認してください。そうでなければグループから外し、行った変更を確認してください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'added to a group holding Global Administrator',
        events: [
          ev({ action: 'role.assigned', time: '2026-09-01T00:00:00.000Z', actor: by(CAROL, OFFICE_IP), targets: [GROUP, role('Global Administrator')] }),
          ev({ action: 'group.member.added', nativeAction: 'Add member to group', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY), GROUP] }),
        ],
        severity: 'high',
      },
    ],
    nearMiss: [
      {
        name: 'added to an ordinary group',
        events: [ev({ action: 'group.member.added', nativeAction: 'Add member to group', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY), { kind: 'group', id: 'g-2', name: 'Sales' }] })],
      },
    ],
  },
};
