// A deterministic pool of realistic events for the Sigma benchmark: every shape takeback imports,
// built by the project's own normalisers, with operation names drawn so that a few per cent match.
import type { CanonicalEvent } from '../../src/core/event.ts';
import { auditEvent, gwsEvent, riskEvent, signinEvent, ualEvent } from '../../src/sigma/testing/render.ts';

/** mulberry32: a small seeded PRNG, so every run sees the same events. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// Mostly routine activity, with the operations SigmaHQ and takeback rules look for mixed in.
const AUDIT = [
  ...Array<string>(30).fill('Update user'),
  ...Array<string>(10).fill('Add member to group'),
  ...Array<string>(8).fill('Update device'),
  ...Array<string>(6).fill('Update application'),
  'Add user', 'Delete user', 'Add member to role', 'Remove member from role', 'Reset user password', 'Enable account',
  'User registered security info', 'Update conditional access policy', 'Consent to application', 'Add service principal',
  'Set Company Information', 'Disable Strong Authentication', 'Invite external user', 'Register device',
];
const CATEGORIES = ['UserManagement', 'GroupManagement', 'Device', 'ApplicationManagement', 'RoleManagement', 'Policy'];
const ERRORS = [...Array<number>(40).fill(0), 50126, 50053, 50057, 50074, 500121, 53003, 50097];
const AGENTS = [...Array<string>(20).fill('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/140.0'), 'BAV2ROPC', 'axios/1.7.2', 'python-requests/2.32'];
const UAL_OPS = [
  ...Array<[string, string]>(20).fill(['FileAccessed', 'SharePoint']),
  ...Array<[string, string]>(15).fill(['MailItemsAccessed', 'Exchange']),
  ...Array<[string, string]>(10).fill(['UserLoggedIn', 'AzureActiveDirectory']),
  ['New-InboxRule', 'Exchange'], ['Set-Mailbox', 'Exchange'], ['Add-FederatedDomain', 'Exchange'],
  ['Add domain to company.', 'AzureActiveDirectory'], ['AlertTriggered', 'SecurityComplianceCenter'], ['TIMailData', 'ThreatIntelligence'],
];
const GWS = [
  ...Array<[string, string]>(20).fill(['login', 'login_success']),
  ...Array<[string, string]>(5).fill(['admin', 'CHANGE_USER_ORGANIZATION']),
  ['login', 'login_failure'], ['login', 'suspicious_login'], ['admin', 'GRANT_ADMIN_PRIVILEGE'], ['admin', 'REVOKE_ADMIN_PRIVILEGE'],
  ['admin', 'ENFORCE_STRONG_AUTHENTICATION'], ['admin', 'AUTHORIZE_API_CLIENT_ACCESS'],
];
const RISKS = ['unfamiliarFeatures', 'anonymizedIPAddress', 'leakedCredentials', 'passwordSpray', 'generic'];

/** `size` distinct events: 45 % sign-ins, 30 % Entra audit, 15 % UAL, 8 % Google, 2 % risk. */
export function buildPool(size: number, seed: number): CanonicalEvent[] {
  const r = prng(seed);
  const users = Array.from({ length: 200 }, (_, i) => `user${i}@example.com`);
  const pool: CanonicalEvent[] = [];
  for (let i = 0; i < size; i++) {
    const x = r();
    const user = pick(r, users);
    if (x < 0.45) {
      const errorCode = pick(r, ERRORS);
      pool.push(
        signinEvent(
          {
            errorCode,
            failureReason: errorCode === 0 ? '' : 'Invalid username or password.',
            upn: user,
            userAgent: pick(r, AGENTS),
            authenticationRequirement: r() < 0.3 ? 'singleFactorAuthentication' : 'multiFactorAuthentication',
            riskState: r() < 0.02 ? 'atRisk' : 'none',
            country: r() < 0.05 ? 'KP' : 'JP',
          },
          pick(r, ['graph', 'la', 'diagnostic'] as const),
        ),
      );
    } else if (x < 0.75) {
      const activity = pick(r, AUDIT);
      pool.push(
        auditEvent(
          {
            activity,
            category: pick(r, CATEGORIES),
            actor: user,
            targets: [{ type: 'User', upn: pick(r, users), props: [['Role.DisplayName', null, r() < 0.5 ? '"Global Administrator"' : '"Directory Readers"'], ['AccountEnabled', '[true]', '[false]']] }],
          },
          pick(r, ['graph', 'la', 'diagnostic', 'ual'] as const),
        ),
      );
    } else if (x < 0.9) {
      const [Operation, Workload] = pick(r, UAL_OPS);
      pool.push(ualEvent({ Operation, Workload, UserId: user, ResultStatus: 'Succeeded', Parameters: [{ Name: 'Identity', Value: user }] }, pick(r, ['api', 'purview', 'la'] as const)));
    } else if (x < 0.98) {
      const [app, name] = pick(r, GWS) as [string, string];
      pool.push(gwsEvent({ app: app as 'admin' | 'login', name, actor: user, params: { USER_EMAIL: pick(r, users), NEW_VALUE: 'false' } }, r() < 0.75 ? 'reports' : 'cloudlogging'));
    } else {
      pool.push(riskEvent({ riskEventType: pick(r, RISKS), upn: user }, r() < 0.5 ? 'graph' : 'la'));
    }
  }
  return pool;
}
