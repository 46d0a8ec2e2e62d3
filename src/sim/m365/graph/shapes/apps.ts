// applications and servicePrincipals with their credentials (the part a takeover investigation reads).
import type { SimApplication, SimKeyCredential, SimPasswordCredential, SimServicePrincipal } from '../../tenant/model.ts';

function passwordCredentialJson(c: SimPasswordCredential): Record<string, unknown> {
  return { customKeyIdentifier: null, displayName: c.displayName, endDateTime: c.endDateTime, hint: c.hint, keyId: c.keyId, secretText: null, startDateTime: c.startDateTime };
}

function keyCredentialJson(c: SimKeyCredential): Record<string, unknown> {
  return { customKeyIdentifier: c.customKeyIdentifier, displayName: c.displayName, endDateTime: c.endDateTime, key: null, keyId: c.keyId, startDateTime: c.startDateTime, type: c.type, usage: c.usage };
}

export function applicationJson(app: SimApplication): Record<string, unknown> {
  return {
    id: app.id,
    deletedDateTime: null,
    appId: app.appId,
    createdDateTime: app.createdDateTime,
    displayName: app.displayName,
    isFallbackPublicClient: true,
    publisherDomain: app.publisherDomain,
    signInAudience: app.signInAudience,
    identifierUris: [],
    tags: [],
    passwordCredentials: app.passwordCredentials.map(passwordCredentialJson),
    keyCredentials: app.keyCredentials.map(keyCredentialJson),
  };
}

export function servicePrincipalJson(sp: SimServicePrincipal): Record<string, unknown> {
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: sp.accountEnabled,
    appDisplayName: sp.displayName,
    appId: sp.appId,
    appOwnerOrganizationId: sp.appOwnerOrganizationId,
    appRoleAssignmentRequired: false,
    displayName: sp.displayName,
    servicePrincipalNames: sp.servicePrincipalNames,
    servicePrincipalType: sp.servicePrincipalType,
    signInAudience: 'AzureADMyOrg',
    tags: [],
    passwordCredentials: sp.passwordCredentials.map(passwordCredentialJson),
    keyCredentials: sp.keyCredentials.map(keyCredentialJson),
  };
}
