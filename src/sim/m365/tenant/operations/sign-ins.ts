// Sign-in records, built the same way for story steps and for generated background noise.
import { entraTimestamp, type SignInRecord } from '../log-records.ts';
import type { SimUser } from '../model.ts';
import type { TenantState } from '../tenant-state.ts';
import { guidFrom } from '../../util/ids.ts';
import { Prng } from '../../util/prng.ts';

export interface Place {
  ipAddress: string;
  city: string;
  state: string;
  countryOrRegion: string;
  latitude: number;
  longitude: number;
}

export interface SignInInput {
  at: number;
  user: Pick<SimUser, 'id' | 'displayName' | 'userPrincipalName'>;
  place: Place;
  app?: { appId: string; displayName: string };
  interactive?: boolean;
  /** 0 for success; e.g. 50126 (bad password), 50074 (MFA required). */
  errorCode?: number;
  failureReason?: string;
  operatingSystem?: string;
  browser?: string;
  userAgent?: string;
}

export const OFFICE_HOME = { appId: '4765445b-32c6-49b0-83e6-1d93765276ca', displayName: 'OfficeHome' };
export const AZURE_PORTAL = { appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', displayName: 'Azure Portal' };

export function buildSignIn(rng: Prng, input: SignInInput): SignInRecord {
  const errorCode = input.errorCode ?? 0;
  const app = input.app ?? OFFICE_HOME;
  return {
    id: guidFrom(rng),
    createdDateTime: entraTimestamp(input.at, rng.int(0, 9999)),
    userDisplayName: input.user.displayName,
    userPrincipalName: input.user.userPrincipalName,
    userId: input.user.id,
    appId: app.appId,
    appDisplayName: app.displayName,
    ipAddress: input.place.ipAddress,
    clientAppUsed: 'Browser',
    correlationId: guidFrom(rng),
    conditionalAccessStatus: 'notApplied',
    isInteractive: input.interactive ?? true,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes_v2: [],
    resourceDisplayName: 'Microsoft Graph',
    resourceId: '00000003-0000-0000-c000-000000000000',
    userAgent: input.userAgent ?? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0',
    status: { errorCode, failureReason: errorCode === 0 ? null : (input.failureReason ?? 'Other.'), additionalDetails: null },
    deviceDetail: { deviceId: '', displayName: null, operatingSystem: input.operatingSystem ?? 'Windows10', browser: input.browser ?? 'Edge 140.0.0', isCompliant: null, isManaged: null, trustType: null },
    location: {
      city: input.place.city,
      state: input.place.state,
      countryOrRegion: input.place.countryOrRegion,
      geoCoordinates: { altitude: null, latitude: input.place.latitude, longitude: input.place.longitude },
    },
    appliedConditionalAccessPolicies: [],
  };
}

/** Adds a story sign-in and keeps the user's signInActivity in step with it. */
export function recordSignIn(state: TenantState, input: SignInInput): SignInRecord {
  const record = buildSignIn(Prng.for(state.seed, 'story-sign-in', state.signInLog.size), input);
  state.signInLog.add(input.at, record);
  const user = state.users.get(input.user.id);
  if (user) {
    // signInActivity carries whole seconds, unlike the sign-in record itself.
    const stamp = record.createdDateTime.replace(/\.\d+Z$/, 'Z');
    const newer = (old: string | null): boolean => !old || old < stamp;
    state.users.put({
      ...user,
      lastSignInDateTime: input.interactive !== false && newer(user.lastSignInDateTime) ? stamp : user.lastSignInDateTime,
      lastNonInteractiveSignInDateTime: input.interactive === false && newer(user.lastNonInteractiveSignInDateTime) ? stamp : user.lastNonInteractiveSignInDateTime,
      lastSuccessfulSignInDateTime: (input.errorCode ?? 0) === 0 && newer(user.lastSuccessfulSignInDateTime) ? stamp : user.lastSuccessfulSignInDateTime,
    });
  }
  return record;
}
