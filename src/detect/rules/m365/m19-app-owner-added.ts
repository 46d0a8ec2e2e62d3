// M19: an owner was added to an app or service principal. Owners can add credentials (M18) without any
// admin role, which makes ownership a quiet way to keep access.
import { subjectOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, ev, MALLORY, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m19AppOwnerAdded: EventRule = {
  kind: 'event',
  id: 'TB-M19-app-owner-added',
  indicator: 'M19',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1098'],
  actions: ['app.owner.added'],
  match(e) {
    const app = e.targets.find((t) => t.kind === 'application' || t.kind === 'serviceprincipal');
    const owner = subjectOf(e, ['user', 'unknown']);
    return { ...(owner !== undefined ? { subject: owner } : {}), params: { app: app?.name ?? app?.id ?? '-' } };
  },
  text: {
    title: { en: 'Owner added to an app', ja: 'アプリに所有者が追加されました' },
    explanation: {
      en: '{{actor}} made {{subject}} an owner of the app {{app}} at {{when}}. Owners can add secrets to the app and act as it.',
      ja: '{{actor}} が {{when}} に {{subject}} をアプリ {{app}} の所有者にしました。所有者はアプリにシークレットを追加し、アプリとして操作できます。',
    },
    nextSteps: {
      en: 'Check that {{subject}} should own {{app}}; if not, remove the owner and check the app\'s credentials.',
      ja: '{{subject}} が {{app}} の所有者であるべきか確認し、違う場合は所有者から外してアプリの資格情報を確認してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'Add owner to application', events: [ev({ action: 'app.owner.added', nativeAction: 'Add owner to application', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY), { kind: 'application', id: 'app-1', name: 'Payroll' }] })], severity: 'medium' }],
    nearMiss: [{ name: 'a refused change', events: [ev({ action: 'app.owner.added', result: 'failure', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY), { kind: 'application', id: 'app-1', name: 'Payroll' }] })] }],
  },
};
