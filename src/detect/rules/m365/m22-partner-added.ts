// M22: a partner (delegated admin, DAP/GDAP) or a cross-tenant trust was added: people in another
// tenant can then administer this one.
import { ALICE, ATTACKER_IP, by, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m22PartnerAdded: EventRule = {
  kind: 'event',
  id: 'TB-M22-partner-added',
  indicator: 'M22',
  provider: 'm365',
  severity: 'high',
  attack: ['T1199', 'T1484.002'],
  actions: ['partner.added'],
  match(e) {
    const partner = e.targets[0]?.name ?? e.targets[0]?.id ?? '-';
    const crossTenant = /cross-tenant/i.test(e.nativeAction);
    return { targets: [], params: { partner }, severity: crossTenant ? 'medium' : 'high', notes: crossTenant ? ['crossTenant'] : ['delegatedAdmin'], step: 'partner-added' };
  },
  text: {
    title: { en: 'Outside partner given access: {{partner}}', ja: '外部のパートナーにアクセスが与えられました: {{partner}}' },
    explanation: {
      en: '{{actor}} added the partner or tenant {{partner}} at {{when}}.',
      ja: '{{actor}} が {{when}} にパートナーまたはテナント {{partner}} を追加しました。',
    },
    nextSteps: {
      en: 'Check that {{partner}} is your IT provider or a company you work with. If not, remove the relationship in the admin center (Settings > Partner relationships).',
      ja: '{{partner}} が契約している IT 業者や取引先か確認してください。違う場合は管理センター（設定 > パートナーとの関係）から関係を削除してください。',
    },
    notes: {
      delegatedAdmin: { en: "A partner with delegated admin rights can administer your tenant from the partner's own tenant.", ja: '委任管理者の権限を持つパートナーは、自分のテナントからあなたのテナントを管理できます。' },
      crossTenant: { en: 'Cross-tenant access settings decide which outside users and apps are trusted.', ja: 'テナント間アクセスの設定は、どの外部ユーザーやアプリを信頼するかを決めるものです。' },
    },
  },
  fixtures: {
    fires: [{ name: 'Add partner to company', events: [ev({ action: 'partner.added', nativeAction: 'Add partner to company.', source: 'ual', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'unknown', name: 'Unknown Partner Ltd' }] })], severity: 'high' }],
    nearMiss: [{ name: 'partner removed', events: [ev({ action: 'partner.removed', nativeAction: 'Remove partner from company', actor: by(ALICE, OFFICE_IP), targets: [{ kind: 'unknown', name: 'Old Partner' }] })] }],
  },
};
