// users and their authentication methods as Graph v1.0 returns them.
import type { AuthMethodKind, SimAuthMethod, SimUser } from '../../tenant/model.ts';

/** What GET /users returns without $select. */
export const USER_DEFAULT_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];

export function userJson(user: SimUser, options: { signInActivity?: boolean; deletedDateTime?: string; userPrincipalName?: string } = {}): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: user.id,
    accountEnabled: user.accountEnabled,
    assignedLicenses: user.assignedLicenses.map((l) => ({ disabledPlans: l.disabledPlans, skuId: l.skuId })),
    businessPhones: user.businessPhones,
    createdDateTime: user.createdDateTime,
    creationType: null,
    department: user.department,
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    lastPasswordChangeDateTime: user.lastPasswordChangeDateTime,
    mail: user.mail,
    mailNickname: user.mailNickname,
    mobilePhone: user.mobilePhone,
    officeLocation: user.officeLocation,
    onPremisesSyncEnabled: null,
    otherMails: user.otherMails,
    preferredLanguage: user.preferredLanguage,
    proxyAddresses: user.mail ? [`SMTP:${user.mail}`] : [],
    signInSessionsValidFromDateTime: user.signInSessionsValidFromDateTime,
    surname: user.surname,
    usageLocation: user.usageLocation,
    userPrincipalName: options.userPrincipalName ?? user.userPrincipalName,
    userType: user.userType,
  };
  if (options.deletedDateTime) json.deletedDateTime = options.deletedDateTime;
  if (options.signInActivity) {
    json.signInActivity = {
      lastSignInDateTime: user.lastSignInDateTime,
      lastSignInRequestId: user.lastSignInDateTime ? requestIdFor(user.id, 'i') : null,
      lastNonInteractiveSignInDateTime: user.lastNonInteractiveSignInDateTime,
      lastNonInteractiveSignInRequestId: user.lastNonInteractiveSignInDateTime ? requestIdFor(user.id, 'n') : null,
      lastSuccessfulSignInDateTime: user.lastSuccessfulSignInDateTime,
      lastSuccessfulSignInRequestId: user.lastSuccessfulSignInDateTime ? requestIdFor(user.id, 's') : null,
    };
  }
  return json;
}

function requestIdFor(userId: string, kind: string): string {
  return `${userId.slice(0, 8)}-${kind === 'i' ? '1' : kind === 'n' ? '2' : '3'}${userId.slice(10)}`;
}

/** Graph's collection name for each method kind (/users/{id}/authentication/{segment}). */
export const METHOD_SEGMENTS: Record<string, AuthMethodKind> = {
  passwordMethods: 'password',
  microsoftAuthenticatorMethods: 'microsoftAuthenticator',
  phoneMethods: 'phone',
  emailMethods: 'email',
  fido2Methods: 'fido2',
  softwareOathMethods: 'softwareOath',
  temporaryAccessPassMethods: 'temporaryAccessPass',
};

const METHOD_TYPES: Record<AuthMethodKind, string> = {
  password: 'passwordAuthenticationMethod',
  microsoftAuthenticator: 'microsoftAuthenticatorAuthenticationMethod',
  phone: 'phoneAuthenticationMethod',
  email: 'emailAuthenticationMethod',
  fido2: 'fido2AuthenticationMethod',
  softwareOath: 'softwareOathAuthenticationMethod',
  temporaryAccessPass: 'temporaryAccessPassAuthenticationMethod',
};

export function methodJson(method: SimAuthMethod): Record<string, unknown> {
  const base = { '@odata.type': `#microsoft.graph.${METHOD_TYPES[method.kind]}`, id: method.id, createdDateTime: method.createdDateTime };
  switch (method.kind) {
    case 'password':
      return { ...base, password: null };
    case 'microsoftAuthenticator':
      return { ...base, displayName: method.displayName ?? null, deviceTag: method.deviceTag ?? 'SoftwareTokenActivated', phoneAppVersion: method.phoneAppVersion ?? null };
    case 'phone':
      return { ...base, phoneNumber: method.phoneNumber ?? null, phoneType: method.phoneType ?? 'mobile', smsSignInState: 'notAllowedByPolicy' };
    case 'email':
      return { ...base, emailAddress: method.emailAddress ?? null };
    case 'fido2':
      return { ...base, displayName: method.displayName ?? null, model: method.displayName ?? null, aaGuid: null, attestationCertificates: [], attestationLevel: 'attested' };
    case 'softwareOath':
      return { ...base, secretKey: null };
    case 'temporaryAccessPass':
      return { ...base, isUsable: true, isUsableOnce: true, lifetimeInMinutes: 60, methodUsabilityReason: 'EnabledByPolicy', startDateTime: method.createdDateTime, temporaryAccessPass: null };
  }
}
