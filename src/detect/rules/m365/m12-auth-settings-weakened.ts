// M12: tenant-wide sign-in settings changed: security defaults off, the authentication methods policy,
// MFA trusted IPs, certificate authorities trusted for sign-in, the password policy.
import { asBoolean, findChange } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const SECURITY_DEFAULTS = /security\s*defaults/i;
const HIGH_IMPACT = /trustedcasforpasswordlessauth|strongauthenticationpolicy|externalauth|certificatebasedauth/i;

export const m12AuthSettingsWeakened: EventRule = {
  kind: 'event',
  id: 'TB-M12-auth-settings-weakened',
  indicator: 'M12',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1556', 'T1562.007'],
  actions: ['policy.auth.changed', 'policy.security_defaults.changed'],
  match(e) {
    if (e.action === 'policy.security_defaults.changed' || SECURITY_DEFAULTS.test(e.nativeAction)) {
      const c = findChange(e, 'IsEnabled', 'isEnabled', 'SecurityDefaultsEnabled');
      const on = c ? asBoolean(c.new) : undefined;
      // Turning security defaults on is hardening, not an alarm.
      if (on === true) return undefined;
      return { severity: 'high', targets: [], params: { setting: e.nativeAction }, notes: ['securityDefaultsOff'], step: 'policy-weakened' };
    }
    const high = e.changes.some((c) => HIGH_IMPACT.test(c.name)) || HIGH_IMPACT.test(e.nativeAction);
    return { severity: high ? 'high' : 'medium', targets: [], params: { setting: e.nativeAction }, notes: high ? ['trustChanged'] : [], step: 'policy-weakened' };
  },
  text: {
    title: { en: 'Tenant sign-in security settings changed', ja: 'テナントのサインインのセキュリティ設定が変更されました' },
    explanation: {
      en: '{{actor}} changed a tenant-wide sign-in setting at {{when}} ({{setting}}).',
      ja: '{{actor}} が {{when}} に、テナント全体のサインイン設定を変更しました（{{setting}}）。',
    },
    nextSteps: {
      en: 'Check what changed and whether it was planned. If not, restore the previous setting and secure the account that changed it.',
      ja: '何が変わったのか、予定された変更かを確認してください。予定外なら元の設定に戻し、変更したアカウントを保護してください。',
    },
    notes: {
      securityDefaultsOff: {
        en: 'Security defaults were turned off: MFA is no longer required by them.',
        ja: 'セキュリティの既定値群がオフにされました。これにより多要素認証が必須ではなくなります。',
      },
      trustChanged: {
        en: 'The change touches what the tenant trusts for sign-in (trusted IPs, certificate authorities or external methods).',
        ja: 'サインインで信頼する対象（信頼済み IP、証明機関、外部の認証方法）に関わる変更です。',
      },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'security defaults turned off',
        events: [ev({ action: 'policy.security_defaults.changed', nativeAction: 'Update security defaults', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'policy', name: 'Security Defaults' }], changes: [change('IsEnabled', 'true', 'false')] })],
        severity: 'high',
      },
    ],
    nearMiss: [
      {
        name: 'security defaults turned on',
        events: [ev({ action: 'policy.security_defaults.changed', nativeAction: 'Update security defaults', actor: by(ALICE, OFFICE_IP), changes: [change('IsEnabled', 'false', 'true')] })],
      },
    ],
  },
};
