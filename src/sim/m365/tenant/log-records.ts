// Wire shapes of the two log record types, stored as Graph returns them (v1.0 CSDL names).

export interface ModifiedProperty {
  displayName: string;
  /** JSON text, e.g. "\"Global Administrator\"" or "[true]"; null when absent. */
  oldValue: string | null;
  newValue: string | null;
}

export interface TargetResource {
  id: string;
  displayName: string | null;
  type: string;
  userPrincipalName: string | null;
  groupType: string | null;
  modifiedProperties: ModifiedProperty[];
}

export interface DirectoryAuditRecord {
  id: string;
  category: string;
  correlationId: string;
  result: 'success' | 'failure' | 'timeout' | 'unknownFutureValue';
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  initiatedBy: {
    user: { id: string; displayName: string | null; userPrincipalName: string; ipAddress: string } | null;
    app: { appId: string; displayName: string; servicePrincipalId: string; servicePrincipalName: string | null } | null;
  };
  targetResources: TargetResource[];
  additionalDetails: { key: string; value: string }[];
}

export interface SignInRecord {
  id: string;
  createdDateTime: string;
  userDisplayName: string;
  userPrincipalName: string;
  userId: string;
  appId: string;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed: string;
  correlationId: string;
  conditionalAccessStatus: 'success' | 'failure' | 'notApplied' | 'unknownFutureValue';
  isInteractive: boolean;
  riskDetail: string;
  riskLevelAggregated: string;
  riskLevelDuringSignIn: string;
  riskState: string;
  riskEventTypes_v2: string[];
  resourceDisplayName: string;
  resourceId: string;
  userAgent: string;
  status: { errorCode: number; failureReason: string | null; additionalDetails: string | null };
  deviceDetail: {
    deviceId: string;
    displayName: string | null;
    operatingSystem: string;
    browser: string;
    isCompliant: boolean | null;
    isManaged: boolean | null;
    trustType: string | null;
  };
  location: {
    city: string;
    state: string;
    countryOrRegion: string;
    geoCoordinates: { altitude: number | null; latitude: number; longitude: number };
  };
  appliedConditionalAccessPolicies: never[];
}

/** Entra timestamps carry seven fractional digits; the extra digits come from a stable source. */
export function entraTimestamp(ms: number, salt: number): string {
  const iso = new Date(ms).toISOString();
  const extra = String(Math.abs(salt) % 10000).padStart(4, '0');
  return `${iso.slice(0, 23)}${extra}Z`;
}
