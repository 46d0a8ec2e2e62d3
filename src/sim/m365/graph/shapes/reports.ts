// userRegistrationDetails: derived from each user's registered methods and roles.
import type { SimUser } from '../../tenant/model.ts';

const REGISTERED_NAMES: Record<string, string[]> = {
  microsoftAuthenticator: ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'],
  phone: ['mobilePhone'],
  email: ['email'],
  fido2: ['passKeyDeviceBound'],
  softwareOath: ['softwareOneTimePasscode'],
  temporaryAccessPass: ['temporaryAccessPass'],
};

export function registrationDetailsJson(user: SimUser, isAdmin: boolean): Record<string, unknown> {
  const methods = [...new Set(user.methods.flatMap((m) => REGISTERED_NAMES[m.kind] ?? []))];
  const mfa = methods.some((m) => m !== 'email');
  const sspr = methods.length > 0;
  const preferred = methods.includes('microsoftAuthenticatorPush') ? 'push' : methods.includes('mobilePhone') ? 'sms' : 'none';
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    userType: user.userType === 'Guest' ? 'guest' : 'member',
    isAdmin,
    isSsprRegistered: sspr,
    isSsprEnabled: true,
    isSsprCapable: sspr && user.accountEnabled,
    isMfaRegistered: mfa,
    isMfaCapable: mfa && user.accountEnabled,
    isPasswordlessCapable: methods.includes('passKeyDeviceBound'),
    methodsRegistered: methods,
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods: mfa ? [preferred === 'push' ? 'push' : 'sms'] : [],
    userPreferredMethodForSecondaryAuthentication: preferred,
    lastUpdatedDateTime: user.methods.map((m) => m.createdDateTime ?? '').sort().at(-1) || user.createdDateTime,
  };
}
