// Error bodies of the Microsoft identity platform's token endpoints (AADSTS codes).
import { randomUUID } from 'node:crypto';

export interface AadErrorResponse {
  status: number;
  body: Record<string, unknown>;
}

export function aadError(status: number, error: string, code: number, description: string): AadErrorResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export const AAD = {
  tenantNotFound: (tenant: string) =>
    aadError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`),
  appNotFound: (clientId: string, tenant: string) =>
    aadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  resourceNotFound: (resource: string, tenant: string) =>
    aadError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  badSecret: (clientId: string) =>
    aadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`),
  noCredential: () => aadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  badAssertionSignature: () => aadError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.'),
  unknownCertificate: (clientId: string) =>
    aadError(401, 'invalid_client', 700027, `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.]`),
  assertionExpired: () => aadError(401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.'),
  badAssertionClaims: () => aadError(401, 'invalid_client', 700023, 'Client assertion audience claim does not match Realm issuer.'),
  scopeNotDefault: () =>
    aadError(400, 'invalid_scope', 1002012, "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."),
  missingScope: () => aadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'."),
  unsupportedGrant: (grant: string) => aadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`),
  notPublicClient: () =>
    aadError(400, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  pending: () => aadError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.'),
  deviceCodeExpired: () => aadError(400, 'expired_token', 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired."),
  declined: () => aadError(400, 'authorization_declined', 70000, 'The user declined the authorization request.'),
  badDeviceCode: () => aadError(400, 'invalid_grant', 70000, "The provided value for the input parameter 'device_code' is not valid."),
  userNotFound: (tenant: string) =>
    aadError(400, 'invalid_grant', 50034, `The user account {EmailHidden} does not exist in the ${tenant} directory. To sign into this application, the account must be added to the directory.`),
  userDisabled: () => aadError(400, 'invalid_grant', 50057, 'The user account is disabled.'),
  grantRevoked: () =>
    aadError(400, 'invalid_grant', 50173, 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.'),
  badRefreshToken: () => aadError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.'),
};
