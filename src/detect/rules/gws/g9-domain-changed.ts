// G9: a domain alias or secondary domain added or verified, or the primary domain changed.
import { by, gev, GWS_ADMIN } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const g9DomainChanged: EventRule = {
  kind: 'event',
  id: 'TB-G9-domain-changed',
  indicator: 'G9',
  provider: 'gws',
  severity: 'medium',
  attack: ['T1484.002', 'T1584.001'],
  actions: ['domain.added', 'domain.verified', 'domain.updated'],
  match(e) {
    const domain = e.targets.find((t) => t.kind === 'domain')?.name ?? '-';
    const primary = /PRIMARY_DOMAIN|CHANGE_DOMAIN_NAME/i.test(e.nativeAction);
    return { targets: [], severity: primary ? 'high' : 'medium', params: { domain }, notes: primary ? ['primary'] : [], step: 'domain-added' };
  },
  text: {
    title: { en: 'Google Workspace domain added or changed: {{domain}}', ja: 'Google Workspace のドメインが追加・変更されました: {{domain}}' },
    explanation: { en: '{{actor}} added, verified or changed the domain {{domain}} at {{when}}.', ja: '{{actor}} が {{when}} にドメイン {{domain}} を追加・確認・変更しました。' },
    nextSteps: {
      en: 'Check that {{domain}} is yours (Admin console > Account > Domains); remove it if not.',
      ja: '{{domain}} が自社のものか確認し（管理コンソール > アカウント > ドメイン）、違えば削除してください。',
    },
    notes: { primary: { en: 'The primary domain was changed.', ja: 'メインのドメインが変更されました。' } },
  },
  fixtures: {
    fires: [{ name: 'ADD_SECONDARY_DOMAIN', events: [gev({ action: 'domain.added', nativeAction: 'ADD_SECONDARY_DOMAIN', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'domain', name: 'evil.example' }] })], severity: 'medium' }],
    nearMiss: [{ name: 'REMOVE_SECONDARY_DOMAIN', events: [gev({ action: 'domain.removed', nativeAction: 'REMOVE_SECONDARY_DOMAIN', actor: by(GWS_ADMIN), targets: [{ kind: 'domain', name: 'old.example' }] })] }],
  },
};
