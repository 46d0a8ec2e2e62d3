// M21: an app's service principal was given a directory admin role: anyone with the app's credentials
// is then an admin, with no MFA and no user to notice.
import { roleOfEvent } from '../../admin.ts';
import { subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, ev, OFFICE_IP, role } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m21ServicePrincipalRole: EventRule = {
  kind: 'event',
  id: 'TB-M21-service-principal-role',
  indicator: 'M21',
  provider: 'm365',
  severity: 'high',
  attack: ['T1098.003'],
  actions: ['role.assigned'],
  match(e) {
    const r = roleOfEvent(e);
    if (r?.tier === undefined) return undefined;
    const subject = subjectOf(e, ['serviceprincipal']);
    if (subject === undefined) return undefined;
    return { subject, severity: r.tier === 'global' ? 'critical' : r.tier === 'privileged' ? 'high' : 'medium', params: { role: r.name }, step: 'made-admin' };
  },
  text: {
    title: { en: 'App given an administrator role: {{role}}', ja: 'アプリに管理者ロールが付与されました: {{role}}' },
    explanation: {
      en: '{{actor}} gave the app {{subject}} the role {{role}} at {{when}}. Anyone holding the app\'s secret or certificate now acts as an administrator.',
      ja: '{{actor}} が {{when}} にアプリ {{subject}} へ {{role}} ロールを付与しました。このアプリのシークレットや証明書を持つ人は、管理者として操作できます。',
    },
    nextSteps: {
      en: 'Remove the role unless the app is a known tool that needs it, and check the app\'s credentials and owners.',
      ja: '必要とする既知のツールでなければロールを外し、アプリの資格情報と所有者を確認してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'Global Administrator to a service principal', events: [ev({ action: 'role.assigned', nativeAction: 'Add member to role', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'serviceprincipal', id: 'sp-9', name: 'Backup tool' }, role('Global Administrator')] })], severity: 'critical' }],
    nearMiss: [{ name: 'Directory Readers to a service principal', events: [ev({ action: 'role.assigned', actor: by(ALICE, OFFICE_IP), targets: [{ kind: 'serviceprincipal', id: 'sp-9', name: 'Backup tool' }, role('Directory Readers')] })] }],
  },
};
