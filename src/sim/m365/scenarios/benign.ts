// A month of ordinary admin work and nothing else: password resets, a new hire with a licence, a
// Helpdesk Administrator assignment. With Entra ID P1 (Business Premium) by default, so sign-in
// logs and the registration report answer, and one Conditional Access policy requires MFA for admins.
// The same builder, at larger sizes, makes the "scale" scenario.
import { GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR, SKUS } from '../tenant/catalog.ts';
import { addRoleMember } from '../tenant/operations/roles.ts';
import { OFFICE_HOME, recordSignIn } from '../tenant/operations/sign-ins.ts';
import { assignLicense, createUser, updateUser } from '../tenant/operations/users.ts';
import { DAY_MS } from '../tenant/tenant-state.ts';
import { guidFor } from '../util/ids.ts';
import { Prng } from '../util/prng.ts';
import { buildBaseTenant } from './base-tenant.ts';
import { addCharacter } from './characters.ts';
import { OFFICE_TOKYO } from './places.ts';
import { Story } from './story.ts';
import type { BuildOptions, BuiltScenario, ScenarioId, ScenarioRequest } from './types.ts';

interface OrdinaryDefaults {
  id: Extract<ScenarioId, 'benign' | 'scale'>;
  title: string;
  users: number;
  auditEvents: number;
  signIns: number;
}

export const BENIGN_DEFAULTS: OrdinaryDefaults = { id: 'benign', title: 'A month of ordinary admin work', users: 40, auditEvents: 600, signIns: 3000 };
export const SCALE_DEFAULTS: OrdinaryDefaults = { id: 'scale', title: 'A large ordinary tenant (sizes from the request)', users: 10_000, auditEvents: 200_000, signIns: 300_000 };

const DOMAIN = 'minato-trading.example';
const INITIAL_DOMAIN = 'minatotrading.onmicrosoft.com';

export function buildOrdinaryTenant(request: ScenarioRequest, options: BuildOptions, defaults: OrdinaryDefaults): BuiltScenario {
  const licence = options.licence ?? 'p1';
  const state = buildBaseTenant({
    seed: options.seed,
    nowMs: options.nowMs,
    licence,
    orgName: 'Minato Trading K.K.',
    domain: DOMAIN,
    initialDomain: INITIAL_DOMAIN,
    city: 'Minato-ku, Tokyo',
    street: '4-5-6 Shiba',
    postalCode: '105-0014',
    phone: '+81 3 0000 0000',
    tenantAgeDays: 1500,
    population: request.users ?? defaults.users,
    auditEvents: request.auditEvents ?? defaults.auditEvents,
    signIns: request.signIns ?? defaults.signIns,
    days: request.days ?? 30,
    mainSku: licence === 'free' ? SKUS.appsForBusiness : SKUS.businessPremium,
    spareUnits: 5,
    securityDefaults: licence === 'free',
    technicalContact: `it@${DOMAIN}`,
  });
  const story = new Story(state, options.nowMs);
  const created = options.nowMs - 1400 * DAY_MS;
  const admin = addCharacter(state, { key: 'admin', displayName: 'Haruka Suzuki', userPrincipalName: `h.suzuki@${DOMAIN}`, createdMs: created, jobTitle: 'IT Manager', withPhone: '+81 80 2345 6789', roles: [GLOBAL_ADMINISTRATOR] });
  const breakGlass = addCharacter(state, { key: 'breakGlass', displayName: 'Emergency Access', userPrincipalName: `emergency-access@${INITIAL_DOMAIN}`, createdMs: created, licensed: false, roles: [GLOBAL_ADMINISTRATOR] });
  const helpdesk = addCharacter(state, { key: 'helpdesk', displayName: 'Daiki Ito', userPrincipalName: `d.ito@${DOMAIN}`, createdMs: created + 200 * DAY_MS, jobTitle: 'IT Support' });
  const it = addCharacter(state, { key: 'itMailbox', displayName: 'IT', userPrincipalName: `it@${DOMAIN}`, createdMs: created, licensed: false });
  if (state.hasPremium) {
    state.conditionalAccessPolicies.push({
      id: guidFor(options.seed, 'ca-policy', 'admins-mfa'),
      displayName: 'Require multifactor authentication for admins',
      state: 'enabled',
      createdDateTime: new Date(created + 30 * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      modifiedDateTime: null,
      includeRoles: [GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR],
      includeUsers: [],
      excludeUsers: [breakGlass.id],
      grantControls: ['mfa'],
    });
  }
  const actor = Story.actor(admin, OFFICE_TOKYO);
  const app = OFFICE_HOME;
  const rng = Prng.for(options.seed, 'benign-story');
  const someone = (): { id: string; displayName: string } => {
    const user = state.users.at(rng.int(0, Math.max(0, state.users.positions - 1)));
    return user && user.userType === 'Member' && user.id !== admin.id ? user : helpdesk;
  };
  for (const daysAgo of [27, 20, 14, 9, 3]) {
    const t = story.at(daysAgo, 0, 35);
    story.step(t, 'admin', 'signs in at the office', null, false, () => recordSignIn(state, { at: t, user: admin, place: OFFICE_TOKYO, app }));
  }
  for (const daysAgo of [25, 14, 2]) {
    const target = someone();
    const t = story.at(daysAgo, 1, 5);
    story.step(t, 'admin', `resets the password of ${target.displayName}`, 'Reset password', false, () =>
      updateUser(state, actor, t, target.id, { passwordProfile: { password: `Welcome-${rng.int(1000, 9999)}!`, forceChangePasswordNextSignIn: true } }),
    );
  }
  let t = story.at(20, 2, 0);
  const hire = story.step(t, 'admin', 'creates the new hire Ren Okada', 'Add user', false, () =>
    createUser(state, actor, t, { displayName: 'Ren Okada', givenName: 'Ren', surname: 'Okada', userPrincipalName: `r.okada@${DOMAIN}`, mailNickname: 'r.okada', usageLocation: 'JP', jobTitle: 'Sales' }),
  );
  t = story.at(20, 2, 6);
  story.step(t, 'admin', 'gives the new hire a licence', 'Change user license', false, () => assignLicense(state, actor, t, hire.id, [state.skus[0]?.skuId ?? ''], []));
  t = story.at(12, 5, 30);
  story.step(t, 'admin', `makes ${helpdesk.displayName} a Helpdesk Administrator`, 'Add member to role', false, () => addRoleMember(state, actor, t, HELPDESK_ADMINISTRATOR, helpdesk.id));
  return {
    id: defaults.id,
    title: defaults.title,
    state,
    storyline: story.sorted(),
    characters: { admin: admin.id, breakGlass: breakGlass.id, helpdesk: helpdesk.id, newHire: hire.id, itMailbox: it.id },
    operatorUpn: admin.userPrincipalName,
  };
}
