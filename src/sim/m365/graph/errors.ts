// Graph's error envelope: {"error":{"code","message","innerError":{date, request-id, client-request-id}}}.
import type { IncomingCall, Reply } from '../http/types.ts';

export function graphError(call: IncomingCall, status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  const clientRequestId = String(call.headers['client-request-id'] ?? call.requestId);
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': call.requestId, 'client-request-id': clientRequestId },
      },
    },
  };
}

/** The exact real 403 for reporting APIs on a tenant without Entra ID P1/P2 (sample in shared/data). */
export function nonPremium(call: IncomingCall): Reply {
  return graphError(call, 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
}

export function insufficientPrivileges(call: IncomingCall): Reply {
  return graphError(call, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

const TOKEN_MESSAGES = {
  empty: 'Access token is empty.',
  malformed: 'IDX14100: JWT is not well formed, there are no dots (.).',
  signature: 'Access token validation failure.',
  audience: 'Access token validation failure. Invalid audience.',
  tenant: 'Access token validation failure. Invalid audience.',
  expired: 'Lifetime validation failed, the token is expired.',
} as const;

export function unauthorized(call: IncomingCall, problem: keyof typeof TOKEN_MESSAGES): Reply {
  return graphError(call, 401, 'InvalidAuthenticationToken', TOKEN_MESSAGES[problem], { 'WWW-Authenticate': WWW_AUTHENTICATE });
}

/** 429 in the shape of the real sample; Retry-After only when given. */
export function tooManyRequests(call: IncomingCall, identifier: string, category: string, retryAfterSeconds?: number): Reply {
  return graphError(
    call,
    429,
    'TooManyRequests',
    `Too many requests from Identifier:${identifier} under category:${category}. Please try again later.`,
    retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) },
  );
}

export function serviceUnavailable(call: IncomingCall, retryAfterSeconds: number): Reply {
  return graphError(call, 503, 'serviceNotAvailable', 'Service unavailable', { 'Retry-After': String(retryAfterSeconds) });
}

/** Real 504s carry UnknownError with an empty message and no Retry-After. */
export function gatewayTimeout(call: IncomingCall): Reply {
  return graphError(call, 504, 'UnknownError', '');
}

export function segmentNotFound(call: IncomingCall, segment: string): Reply {
  return graphError(call, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}
