// The case of DESIGN.md section 1, over about three weeks, on a Free tenant (no Entra ID P1: sign-in
// logs answer 403, audit history goes back only 7 days). The attacker signs in as the admin from
// abroad, registers an Authenticator, creates "IT Support" and makes it Global Administrator,
// points the technical notification contact outside, removes the admin from the role and deletes
// him (restorable for 30 days), then buys a licence, which leaves no audit row. Ordinary work goes
// on meanwhile: sign-ins, a password reset by the admin, a new hire and her licence.
import { GLOBAL_ADMINISTRATOR, SKUS } from '../tenant/catalog.ts';
import { registerMethod } from '../tenant/operations/auth-methods.ts';
import { purchaseSubscription } from '../tenant/operations/billing.ts';
import { updateOrganization } from '../tenant/operations/organization.ts';
import { addRoleMember, removeRoleMember } from '../tenant/operations/roles.ts';
import { AZURE_PORTAL, OFFICE_HOME, recordSignIn } from '../tenant/operations/sign-ins.ts';
import { assignLicense, createUser, deleteUser, updateUser } from '../tenant/operations/users.ts';
import { guidFor } from '../util/ids.ts';
import { buildBaseTenant } from './base-tenant.ts';
import { addCharacter } from './characters.ts';
import { ATTACKER_PLACE, OFFICE_TOKYO } from './places.ts';
import { Story } from './story.ts';
import type { BuildOptions, BuiltScenario, ScenarioRequest } from './types.ts';

const DOMAIN = 'kitahama-design.example';
const INITIAL_DOMAIN = 'kitahamadesign.onmicrosoft.com';
const ATTACKER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36';

export function buildSeedCase(request: ScenarioRequest, options: BuildOptions): BuiltScenario {
  const state = buildBaseTenant({
    seed: options.seed,
    nowMs: options.nowMs,
    licence: options.licence ?? 'free',
    orgName: 'Kitahama Design Co., Ltd.',
    domain: DOMAIN,
    initialDomain: INITIAL_DOMAIN,
    city: 'Chuo-ku, Osaka',
    street: '1-2-3 Kitahama',
    postalCode: '541-0041',
    phone: '+81 6 0000 0000',
    tenantAgeDays: 900,
    population: request.users ?? 25,
    auditEvents: request.auditEvents ?? 300,
    signIns: request.signIns ?? 1200,
    days: request.days ?? 30,
    mainSku: SKUS.appsForBusiness,
    spareUnits: 3,
    securityDefaults: false,
    technicalContact: `k.tanaka@${DOMAIN}`,
  });
  const story = new Story(state, options.nowMs);
  const created = options.nowMs - 880 * 24 * 3600_000;
  const admin = addCharacter(state, { key: 'admin', displayName: 'Kenji Tanaka', userPrincipalName: `k.tanaka@${DOMAIN}`, createdMs: created, jobTitle: 'President', withPhone: '+81 90 1234 5678', roles: [GLOBAL_ADMINISTRATOR] });
  const forgotten = addCharacter(state, { key: 'forgotten', displayName: 'Info Desk', userPrincipalName: `info@${DOMAIN}`, createdMs: created, licensed: false });
  const staff = addCharacter(state, { key: 'staff', displayName: 'Aoi Nakamura', userPrincipalName: `a.nakamura@${DOMAIN}`, createdMs: created + 40 * 24 * 3600_000, jobTitle: 'Designer' });
  const adminAtOffice = Story.actor(admin, OFFICE_TOKYO);
  const attackerAsAdmin = Story.actor(admin, ATTACKER_PLACE, ATTACKER_UA);
  const app = OFFICE_HOME;
  const portal = AZURE_PORTAL;

  // Day -21: password spraying succeeds from abroad.
  let t = story.at(21, 17, 2);
  for (const [offset, errorCode] of [[0, 50126], [3, 50126], [9, 0]] as const) {
    const at = t + offset * 60_000;
    story.step(at, 'attacker', errorCode ? 'failed sign-in as the admin from abroad' : 'signs in as the admin from abroad', null, true, () =>
      recordSignIn(state, { at, user: admin, place: ATTACKER_PLACE, app: portal, errorCode, failureReason: errorCode ? 'Error validating credentials due to invalid username or password.' : undefined, userAgent: ATTACKER_UA, operatingSystem: 'Linux', browser: 'Chrome 139.0.0' }),
    );
  }
  t = story.at(21, 17, 16);
  story.step(t, 'attacker', 'registers Microsoft Authenticator on the admin account', 'User registered security info', true, () =>
    registerMethod(state, attackerAsAdmin, t, admin.id, { kind: 'microsoftAuthenticator', id: guidFor(options.seed, 'attacker-authenticator'), createdDateTime: new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'), displayName: 'SM-A546B', phoneAppVersion: '6.2409.6252' }),
  );

  // Day -20: a new global admin of the attacker's own.
  t = story.at(20, 18, 40);
  story.step(t, 'attacker', 'signs in as the admin again', null, true, () => recordSignIn(state, { at: t, user: admin, place: ATTACKER_PLACE, app: portal, userAgent: ATTACKER_UA, operatingSystem: 'Linux', browser: 'Chrome 139.0.0' }));
  t = story.at(20, 18, 47);
  const rogue = story.step(t, 'attacker', 'creates the user "IT Support"', 'Add user', true, () =>
    createUser(state, attackerAsAdmin, t, { displayName: 'IT Support', userPrincipalName: `it-support@${INITIAL_DOMAIN}`, mailNickname: 'it-support', accountEnabled: true }),
  );
  t = story.at(20, 18, 49);
  story.step(t, 'attacker', 'makes "IT Support" a Global Administrator', 'Add member to role', true, () => addRoleMember(state, attackerAsAdmin, t, GLOBAL_ADMINISTRATOR, rogue.id));
  const rogueActor = Story.actor(rogue, ATTACKER_PLACE, ATTACKER_UA);
  t = story.at(19, 19, 5);
  story.step(t, 'attacker', 'signs in as "IT Support"', null, true, () => recordSignIn(state, { at: t, user: rogue, place: ATTACKER_PLACE, app: portal, userAgent: ATTACKER_UA, operatingSystem: 'Linux', browser: 'Chrome 139.0.0' }));

  // Day -12: Microsoft's notifications now go to the attacker.
  t = story.at(12, 20, 12);
  story.step(t, 'attacker', 'changes the technical notification contact to an outside address', 'Set Company Information', true, () =>
    updateOrganization(state, rogueActor, t, state.organization.id, { technicalNotificationMails: ['it-notify.kitahama@mailbox.example'] }),
  );

  // Ordinary work by the real admin and staff.
  t = story.at(9, 1, 30);
  story.step(t, 'admin', 'signs in at the office', null, false, () => recordSignIn(state, { at: t, user: admin, place: OFFICE_TOKYO, app }));
  t = story.at(9, 1, 42);
  story.step(t, 'admin', `resets the password of ${staff.displayName}`, 'Reset password', false, () =>
    updateUser(state, adminAtOffice, t, staff.id, { passwordProfile: { password: 'Temporary-Passw0rd!', forceChangePasswordNextSignIn: true } }),
  );
  t = story.at(8, 2, 10);
  const hire = story.step(t, 'admin', 'creates the new hire Yui Mori', 'Add user', false, () =>
    createUser(state, adminAtOffice, t, { displayName: 'Yui Mori', givenName: 'Yui', surname: 'Mori', userPrincipalName: `y.mori@${DOMAIN}`, mailNickname: 'y.mori', usageLocation: 'JP', jobTitle: 'Designer' }),
  );
  t = story.at(6, 0, 55);
  story.step(t, 'admin', 'gives the new hire a Microsoft 365 Apps for business licence', 'Change user license', false, () => assignLicense(state, adminAtOffice, t, hire.id, [SKUS.appsForBusiness.skuId], []));
  t = story.at(6, 1, 20);
  story.step(t, 'staff', 'signs in', null, false, () => recordSignIn(state, { at: t, user: staff, place: OFFICE_TOKYO, app }));

  // Day -4: the admin is removed from the role and deleted (soft delete, restorable for 30 days).
  t = story.at(4, 18, 3);
  story.step(t, 'attacker', 'signs in as "IT Support"', null, true, () => recordSignIn(state, { at: t, user: rogue, place: ATTACKER_PLACE, app: portal, userAgent: ATTACKER_UA, operatingSystem: 'Linux', browser: 'Chrome 139.0.0' }));
  t = story.at(4, 18, 9);
  story.step(t, 'attacker', 'removes the admin from Global Administrator', 'Remove member from role', true, () => {
    const assignment = state.roles.find(GLOBAL_ADMINISTRATOR, admin.id);
    if (assignment) removeRoleMember(state, rogueActor, t, assignment.id);
  });
  t = story.at(4, 18, 11);
  story.step(t, 'attacker', 'deletes the admin account', 'Delete user', true, () => deleteUser(state, rogueActor, t, admin.id));

  // Day -3: a licence bought with the company's card. Purchases leave no audit row.
  t = story.at(3, 19, 30);
  story.step(t, 'attacker', 'buys 5 Microsoft 365 Business Basic licences', null, true, () => purchaseSubscription(state, t, { sku: SKUS.businessBasic, units: 5, ownerId: rogue.id }));

  return {
    id: 'seed-case',
    title: 'Admin takeover of a small company tenant (the seed case)',
    state,
    storyline: story.sorted(),
    characters: { admin: admin.id, rogueAdmin: rogue.id, forgotten: forgotten.id, staff: staff.id, newHire: hire.id },
    operatorUpn: admin.userPrincipalName,
  };
}
