// End to end on the simulated seed-case tenant: the real scan path into a store, then the assessment
// of the stored snapshot. The checks that explain the takeover fail, with steps in Japanese;
// Conditional Access checks are Skipped for want of Entra ID P1; applying the fix the failing check
// states (through the fake's Graph) and scanning again shows the check as fixed; an acceptance shows
// a failing check as accepted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Snapshot } from '../core/snapshot.ts';
import type { M365Connection } from '../providers/m365/index.ts';
import { scanM365 } from '../scan/m365.ts';
import { startFakeM365, type FakeM365 } from '../sim/m365/start.ts';
import { call } from '../sim/m365/testing/https-client.ts';
import { openStore } from '../store/open.ts';
import type { EvidenceStore } from '../store/store.ts';
import { parseAcceptances } from './acceptance.ts';
import { assess } from './engine.ts';
import { CHECK_IDS } from './registry.ts';
import { formatAssessment, renderAssessment } from './render.ts';
import type { AssessContext, AssessmentResult, CheckResult } from './types.ts';

const OWNER = 'k.tanaka@kitahama-design.example';
const MFA_FOR_ADMINS = 'TB-AAD-007-mfa-enforced-for-admins';

describe('assessing the seed case end to end', () => {
  let fake: FakeM365;
  let dir: string;
  let store: EvidenceStore;
  let conn: M365Connection;
  let ctx: AssessContext;
  let first: AssessmentResult;

  const latest = async (tenant: string): Promise<Snapshot> => {
    const [snapshot] = await store.latestSnapshots(tenant, 1);
    assert.ok(snapshot, 'a stored snapshot');
    return snapshot;
  };
  const result = (r: AssessmentResult, id: string): CheckResult => {
    const x = r.results.find((c) => c.id === id);
    assert.ok(x, id);
    return x;
  };

  before(async () => {
    // Service limits off: two scans in a row would otherwise wait out the reporting throttle.
    fake = await startFakeM365({ scenario: 'seed-case', faults: { reportingThrottle: false, conditionalAccessThrottle: false } });
    dir = mkdtempSync(join(tmpdir(), 'tb-assess-'));
    store = openStore(join(dir, 'store.db'));
    conn = { tenantId: fake.tenantId, clientId: fake.clientId, authorityHost: fake.authorityHost, graphRoot: fake.graphRoot, auth: { kind: 'secret', secret: fake.clientSecret }, ca: fake.caPem };
    // What the owner would have declared before the attack; no watch, no recovery kit.
    ctx = {
      expected: { admins: [OWNER], notificationContacts: [OWNER], subscriptions: ['O365_BUSINESS'], apps: [] },
      watch: { configured: false },
      recoveryKit: { lastMadeAt: null },
      selfAppId: fake.clientId,
    };
    const scan = await scanM365(conn, store, { scope: 'seed' });
    first = assess(await latest(scan.tenant), { ctx: { ...ctx, now: new Date().toISOString() } });
  });

  after(async () => {
    await store?.close();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fails the checks that explain the takeover', () => {
    const failing = new Set(first.results.filter((r) => r.status === 'fail').map((r) => r.id));
    for (const id of [
      'TB-AAD-001-global-admin-count', // a single Global Administrator, the attacker's
      'TB-AAD-002-emergency-access-accounts',
      'TB-AAD-004-admins-known', // "IT Support" undeclared, the owner deleted
      'TB-AAD-005-admin-mfa-registered',
      MFA_FOR_ADMINS, // security defaults off on a Free tenant
      'TB-AAD-015-notification-contacts-set', // no security contact
      'TB-AAD-017-notification-contacts-confirmed', // technical contact sent outside
      'TB-AAD-019-evidence-retained', // 7 days of logs and no watch
      'TB-AAD-029-subscriptions-expected', // the licences bought with the company's card
      'TB-AAD-030-recovery-kit-fresh',
    ]) {
      assert.ok(failing.has(id), `${id} fails: ${result(first, id).status}`);
    }
    assert.deepEqual(result(first, 'TB-AAD-001-global-admin-count').items?.map((i) => i.params?.names), ['it-support@kitahamadesign.onmicrosoft.com']);
    const admins = result(first, 'TB-AAD-004-admins-known').items?.map((i) => i.key).sort();
    assert.deepEqual(admins, ['expectedDeleted', 'unknownAdmin']);
    assert.deepEqual(result(first, 'TB-AAD-017-notification-contacts-confirmed').items?.map((i) => i.params?.address), ['it-notify.kitahama@mailbox.example']);
    assert.equal(result(first, 'TB-AAD-019-evidence-retained').items?.[0]?.params?.days, 7);
  });

  it('skips Conditional Access checks with the licence named, never Fail', () => {
    for (const id of ['TB-AAD-003-emergency-access-excluded-from-ca', 'TB-AAD-009-phishing-resistant-mfa-for-admins', 'TB-AAD-010-phishing-resistant-mfa-for-all-users', 'TB-AAD-012-device-code-flow-blocked']) {
      const x = result(first, id);
      assert.equal(x.status, 'skipped', id);
      assert.deepEqual(x.reason, { code: 'needs-licence', licence: 'Microsoft Entra ID P1' });
    }
  });

  it('gives the steps in Japanese, most severe first', () => {
    const ja = renderAssessment(first, 'ja');
    assert.equal(ja.failing[0]?.severity, 'critical');
    const mfa = ja.failing.find((r) => r.id === MFA_FOR_ADMINS);
    assert.ok(mfa);
    assert.match(mfa.title, /多要素認証/);
    assert.ok(mfa.steps.some((s) => s.includes('セキュリティの既定値群')));
    assert.equal(mfa.automatable, true);
    const text = formatAssessment(first, 'ja');
    assert.match(text, /スコア/);
    assert.doesNotMatch(text, /\{\{/);
  });

  it('reports MFA enforcement as fixed after the stated fix is applied to the tenant', async () => {
    const fix = result(first, MFA_FOR_ADMINS).fix;
    assert.ok(fix && !fix.manual);
    const [change] = fix.changes;
    assert.ok(change?.graph);
    assert.deepEqual({ target: change.target, current: change.current, wanted: change.wanted }, { target: 'policies.securityDefaults.isEnabled', current: false, wanted: true });
    // Apply exactly the request the result states, with a token that holds the write permission.
    const token = fake.mintToken({ roles: ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'] });
    const res = await call(fake.caPem, `${fake.graphBaseUrl}${change.graph.path}`, { method: change.graph.method, token, body: change.graph.body });
    assert.equal(res.status, 204, res.text);

    const scan = await scanM365(conn, store, { scope: 'seed' });
    const acceptances = parseAcceptances(
      'acceptances:\n  - check: TB-AAD-021-user-consent-restricted\n    reason: Staff need the accounting add-in; the IT provider reviews consents monthly.\n    expires: 2099-12-31\n',
      'acceptances.yaml',
      CHECK_IDS,
    );
    const second = assess(await latest(scan.tenant), { ctx: { ...ctx, now: new Date().toISOString() }, acceptances, previous: first });
    assert.equal(result(second, MFA_FOR_ADMINS).status, 'pass');
    assert.ok(second.drift?.fixed.includes(MFA_FOR_ADMINS), JSON.stringify(second.drift));
    assert.ok(second.drift?.fixed.includes('TB-AAD-011-legacy-authentication-blocked'));

    // The accepted risk is shown as accepted, not hidden.
    const consent = result(second, 'TB-AAD-021-user-consent-restricted');
    assert.equal(consent.status, 'accepted');
    assert.ok(second.drift?.newlyAccepted.includes('TB-AAD-021-user-consent-restricted'));
    const en = renderAssessment(second, 'en');
    assert.match(en.accepted.find((r) => r.id === 'TB-AAD-021-user-consent-restricted')?.acceptance ?? '', /accounting add-in/);
    assert.ok(en.drift?.fixed.some((line) => line.startsWith(MFA_FOR_ADMINS)));
  });
});
