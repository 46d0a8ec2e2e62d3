// Named people of a story, present before the story starts (no audit row for their creation).
import { PASSWORD_METHOD_ID, MOBILE_PHONE_METHOD_ID } from '../tenant/catalog.ts';
import type { SimAuthMethod, SimUser } from '../tenant/model.ts';
import type { TenantState } from '../tenant/tenant-state.ts';
import { guidFor } from '../util/ids.ts';

export interface CharacterSpec {
  key: string;
  displayName: string;
  userPrincipalName: string;
  createdMs: number;
  jobTitle?: string;
  withPhone?: string;
  licensed?: boolean;
  roles?: string[];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function addCharacter(state: TenantState, spec: CharacterSpec): SimUser {
  const [given, ...rest] = spec.displayName.split(' ');
  const methods: SimAuthMethod[] = [{ kind: 'password', id: PASSWORD_METHOD_ID, createdDateTime: iso(spec.createdMs) }];
  if (spec.withPhone) methods.push({ kind: 'phone', id: MOBILE_PHONE_METHOD_ID, createdDateTime: null, phoneNumber: spec.withPhone, phoneType: 'mobile' });
  const user: SimUser = {
    id: guidFor(state.seed, 'character', spec.key),
    displayName: spec.displayName,
    givenName: given ?? null,
    surname: rest.join(' ') || null,
    userPrincipalName: spec.userPrincipalName,
    mail: spec.userPrincipalName,
    mailNickname: spec.userPrincipalName.split('@')[0] ?? '',
    jobTitle: spec.jobTitle ?? null,
    department: null,
    officeLocation: 'Tokyo',
    mobilePhone: null,
    businessPhones: [],
    preferredLanguage: 'ja-JP',
    usageLocation: 'JP',
    accountEnabled: true,
    userType: 'Member',
    createdDateTime: iso(spec.createdMs),
    lastPasswordChangeDateTime: iso(spec.createdMs),
    signInSessionsValidFromDateTime: iso(spec.createdMs),
    assignedLicenses: spec.licensed === false ? [] : state.skus.slice(0, 1).map((s) => ({ skuId: s.skuId, disabledPlans: [] })),
    otherMails: [],
    methods,
    lastSignInDateTime: null,
    lastNonInteractiveSignInDateTime: null,
    lastSuccessfulSignInDateTime: null,
  };
  state.users.put(user);
  for (const templateId of spec.roles ?? []) state.roles.add(templateId, user.id);
  // Characters hold licences too: grow the main SKU so consumed never exceeds prepaid.
  const sku = state.skus[0];
  if (sku && spec.licensed !== false) {
    sku.prepaidEnabled += 1;
    const original = state.subscriptions.find((s) => s.skuId === sku.skuId);
    if (original) original.totalLicenses += 1;
  }
  return user;
}
