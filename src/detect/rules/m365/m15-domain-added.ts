// M15: a domain was added to or verified in the tenant. An intruder adds his own domain to federate it
// (M16) or to make convincing accounts.
import { ALICE, ATTACKER_IP, by, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m15DomainAdded: EventRule = {
  kind: 'event',
  id: 'TB-M15-domain-added',
  indicator: 'M15',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1484.002', 'T1584.001', 'T1585.003'],
  actions: ['domain.added', 'domain.verified'],
  match(e) {
    const domain = e.targets.find((t) => t.name !== undefined && t.name.includes('.'))?.name ?? e.targets[0]?.name ?? '-';
    return { targets: [], params: { domain }, step: 'domain-added' };
  },
  text: {
    title: { en: 'Domain added to the tenant: {{domain}}', ja: 'テナントにドメインが追加されました: {{domain}}' },
    explanation: {
      en: '{{actor}} added or verified the domain {{domain}} at {{when}}.',
      ja: '{{actor}} が {{when}} にドメイン {{domain}} を追加または確認しました。',
    },
    nextSteps: {
      en: 'Check that {{domain}} belongs to your organisation. If not, remove it and check what else the account changed.',
      ja: '{{domain}} が自社のドメインか確認してください。違う場合は削除し、そのアカウントが他に何を変更したか確認してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'Add verified domain', events: [ev({ action: 'domain.added', nativeAction: 'Add verified domain', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'other', name: 'login-contoso.example' }] })], severity: 'medium' }],
    nearMiss: [{ name: 'domain removed', events: [ev({ action: 'domain.removed', nativeAction: 'Remove verified domain', actor: by(ALICE, OFFICE_IP), targets: [{ kind: 'other', name: 'old.example' }] })] }],
  },
};
