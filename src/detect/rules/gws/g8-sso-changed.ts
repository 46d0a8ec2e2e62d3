// G8: single sign-on with a third-party identity provider configured or changed: that provider can then
// sign in as any user it covers.
import { by, gev, GWS_ADMIN } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const g8SsoChanged: EventRule = {
  kind: 'event',
  id: 'TB-G8-sso-changed',
  indicator: 'G8',
  provider: 'gws',
  severity: 'high',
  attack: ['T1484.002', 'T1556.007'],
  actions: ['domain.federated'],
  match(e) {
    return { targets: [], params: { domain: e.targets.find((t) => t.kind === 'domain')?.name ?? '-', setting: e.nativeAction }, step: 'domain-federated' };
  },
  text: {
    title: { en: 'Single sign-on with another identity provider changed', ja: '外部の認証基盤によるシングルサインオンが変更されました' },
    explanation: {
      en: '{{actor}} configured or changed single sign-on at {{when}} ({{setting}}).',
      ja: '{{actor}} が {{when}} にシングルサインオンを設定または変更しました（{{setting}}）。',
    },
    nextSteps: {
      en: 'Check the SSO profile (Admin console > Security > Authentication > SSO with third-party IdP); remove it unless you set it up.',
      ja: 'SSO の設定（管理コンソール > セキュリティ > 認証 > サードパーティの IdP による SSO）を確認し、自社で設定したものでなければ削除してください。',
    },
  },
  fixtures: {
    fires: [{ name: 'CHANGE_SSO_SETTINGS', events: [gev({ action: 'domain.federated', nativeAction: 'CHANGE_SSO_SETTINGS', actor: by(GWS_ADMIN, '203.0.113.9') })], severity: 'high' }],
    nearMiss: [{ name: 'SSO switched off (mapped to policy.auth.changed)', events: [gev({ action: 'policy.auth.changed', nativeAction: 'TOGGLE_SSO_ENABLED', actor: by(GWS_ADMIN) })] }],
  },
};
