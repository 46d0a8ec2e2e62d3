// M16: a domain was federated (its sign-ins handed to another identity provider) or its federation
// settings changed: whoever runs that provider can sign in as any user of the domain, admins included.
import { ALICE, ATTACKER_IP, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m16DomainFederated: EventRule = {
  kind: 'event',
  id: 'TB-M16-domain-federated',
  indicator: 'M16',
  provider: 'm365',
  severity: 'high',
  attack: ['T1484.002', 'T1556.007'],
  actions: ['domain.federated'],
  match(e) {
    const domain = e.targets.find((t) => t.name !== undefined && t.name.includes('.'))?.name ?? e.targets[0]?.name ?? '-';
    return { targets: [], params: { domain }, step: 'domain-federated' };
  },
  text: {
    title: { en: 'Domain sign-in handed to another identity provider: {{domain}}', ja: 'ドメインのサインインが外部の認証基盤に切り替えられました: {{domain}}' },
    explanation: {
      en: '{{actor}} federated the domain {{domain}} or changed its federation settings at {{when}}. The identity provider it points to can sign in as any user of that domain.',
      ja: '{{actor}} が {{when}} にドメイン {{domain}} をフェデレーション（外部の認証基盤でサインインさせる設定）にしたか、その設定を変更しました。その認証基盤は、このドメインのどのユーザーとしてもサインインできます。',
    },
    nextSteps: {
      en: 'Unless you run your own sign-in server (AD FS or similar), set the domain back to managed sign-in and treat the tenant as compromised.',
      ja: '自社で認証サーバー（AD FS など）を運用していない場合は、ドメインを通常（マネージド）のサインインに戻し、テナントが乗っ取られたものとして対応してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'Set domain authentication to Federated', events: [ev({ action: 'domain.federated', nativeAction: 'Set domain authentication', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'other', name: 'contoso.example' }], changes: [change('LiveType', '"Managed"', '"Federated"')] })], severity: 'high' }],
    nearMiss: [{ name: 'set back to managed (mapped to domain.updated)', events: [ev({ action: 'domain.updated', nativeAction: 'Set domain authentication', actor: by(ALICE, OFFICE_IP), targets: [{ kind: 'other', name: 'contoso.example' }], changes: [change('LiveType', '"Federated"', '"Managed"')] })] }],
  },
};
