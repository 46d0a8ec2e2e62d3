// M23: a Global Administrator elevated himself to User Access Administrator over all Azure
// subscriptions: from the directory to every cloud resource the company has.
import { ALICE, ATTACKER_IP, by, ev } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m23AzureAccessElevated: EventRule = {
  kind: 'event',
  id: 'TB-M23-azure-access-elevated',
  indicator: 'M23',
  provider: 'm365',
  severity: 'high',
  attack: ['T1098.003', 'T1078.004'],
  actions: ['access.elevated'],
  match() {
    return { targets: [] };
  },
  text: {
    title: { en: 'Access elevated to all Azure subscriptions', ja: 'すべての Azure サブスクリプションへのアクセス権が昇格されました' },
    explanation: {
      en: '{{actor}} gave himself User Access Administrator over every Azure subscription at {{when}}.',
      ja: '{{actor}} が {{when}} に、すべての Azure サブスクリプションに対するユーザー アクセス管理者の権限を自分に付与しました。',
    },
    nextSteps: {
      en: 'Unless this was planned maintenance, switch the elevation off (Entra admin center > Properties > Access management for Azure resources) and review Azure role assignments.',
      ja: '予定された作業でなければ昇格をオフにし（Entra 管理センター > プロパティ > Azure リソースのアクセス管理）、Azure のロール割り当てを確認してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'elevate access', events: [ev({ action: 'access.elevated', nativeAction: 'User has elevated their access to User Access Administrator for their Azure Resources', actor: by(ALICE, ATTACKER_IP) })], severity: 'high' }],
    nearMiss: [{ name: 'refused', events: [ev({ action: 'access.elevated', result: 'failure', actor: by(ALICE, ATTACKER_IP) })] }],
  },
};
