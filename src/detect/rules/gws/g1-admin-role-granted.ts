// G1: a Google admin role was granted (super admin above all), or an admin role was created or widened.
import { roleOfEvent } from '../../admin.ts';
import { subjectOf } from '../../event-values.ts';
import { by, gev, GWS_ADMIN, GWS_USER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const WIDENING = /^(CREATE_ROLE|ADD_PRIVILEGE|UPDATE_ROLE)$/i;

export const g1AdminRoleGranted: EventRule = {
  kind: 'event',
  id: 'TB-G1-admin-role-granted',
  indicator: 'G1',
  provider: 'gws',
  severity: 'high',
  attack: ['T1098.003'],
  actions: ['role.assigned', 'role.definition.changed'],
  match(e) {
    if (e.action === 'role.definition.changed') {
      if (!WIDENING.test(e.nativeAction)) return undefined;
      const roleName = e.targets.find((t) => t.kind === 'role')?.name ?? '-';
      return { severity: 'medium', params: { role: roleName }, notes: ['widened'], step: 'made-admin' };
    }
    const r = roleOfEvent(e);
    const subject = subjectOf(e);
    if (r?.tier === undefined || subject === undefined) return undefined;
    const superAdmin = r.tier === 'global';
    return { subject, severity: superAdmin ? 'high' : 'low', params: { role: superAdmin ? 'Super Admin' : r.name }, step: superAdmin ? 'made-global-admin' : 'made-admin' };
  },
  text: {
    title: { en: 'Google admin role granted or widened: {{role}}', ja: 'Google の管理者ロールが付与・拡大されました: {{role}}' },
    explanation: {
      en: '{{actor}} granted or changed the admin role {{role}} at {{when}} ({{subject}}).',
      ja: '{{actor}} が {{when}} に管理者ロール {{role}} を付与または変更しました（{{subject}}）。',
    },
    nextSteps: {
      en: 'Check in the Admin console (Account > Admin roles) that this person should hold the role; remove it if not and secure the account that granted it.',
      ja: '管理コンソール（アカウント > 管理者ロール）で、この人がロールを持つべきか確認してください。違う場合は外し、付与したアカウントを保護してください。',
    },
    notes: { widened: { en: 'An admin role was created or given more privileges.', ja: '管理者ロールが作成された、または権限が追加されました。' } },
  },
  fixtures: {
    fires: [{ name: 'super admin role assigned', events: [gev({ action: 'role.assigned', nativeAction: 'ASSIGN_ROLE', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'user', name: GWS_USER.upn }, { kind: 'role', id: '_SEED_ADMIN_ROLE', name: '_SEED_ADMIN_ROLE' }] })], severity: 'high' }],
    nearMiss: [{ name: 'a role renamed', events: [gev({ action: 'role.definition.changed', nativeAction: 'RENAME_ROLE', actor: by(GWS_ADMIN), targets: [{ kind: 'role', name: 'Helpdesk' }] })] }],
  },
};
