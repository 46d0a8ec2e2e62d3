// The engine as a user sees it: a score that leaves unknowns out, Conditional Access checks skipped on
// a Free tenant with the licence named, accepted risks shown (not hidden), expired acceptances
// reported, and drift against the previous run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Snapshot } from '../core/snapshot.ts';
import { parseAcceptances, type AcceptanceList } from './acceptance.ts';
import { assess } from './engine.ts';
import { CHECK_IDS, CHECKS } from './registry.ts';
import { renderAssessment } from './render.ts';
import { scoreOf } from './score.ts';
import { authorization, baseContext, baseSnapshot, TENANT } from './testing/base.ts';
import type { CheckDefinition, CheckResult } from './types.ts';

const CONSENT = 'TB-AAD-021-user-consent-restricted';
const APPS = 'TB-AAD-024-app-credentials-known';

function freeTenant(): Snapshot {
  const s = baseSnapshot();
  s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false };
  s.policies.conditionalAccess = [];
  s.policies.securityDefaultsEnabled = false;
  return s;
}

const byId = (results: CheckResult[], id: string): CheckResult => {
  const r = results.find((x) => x.id === id);
  assert.ok(r, id);
  return r;
};

const acceptances = (yaml: string): AcceptanceList => parseAcceptances(yaml, 'test.yaml', CHECK_IDS);

describe('assess', () => {
  it('passes every check on the base fixture, with a full score', () => {
    const r = assess(baseSnapshot(), { ctx: baseContext() });
    assert.deepEqual(r.results.filter((x) => x.status !== 'pass').map((x) => `${x.id}: ${x.status}`), []);
    assert.equal(r.score.percent, 100);
    assert.equal(r.results.length, CHECK_IDS.size);
  });

  it('skips Conditional Access checks on a Free tenant, naming the licence, and never fails them', () => {
    const r = assess(freeTenant(), { ctx: baseContext() });
    for (const id of ['TB-AAD-003-emergency-access-excluded-from-ca', 'TB-AAD-009-phishing-resistant-mfa-for-admins', 'TB-AAD-010-phishing-resistant-mfa-for-all-users', 'TB-AAD-012-device-code-flow-blocked']) {
      const x = byId(r.results, id);
      assert.equal(x.status, 'skipped', id);
      assert.deepEqual(x.reason, { code: 'needs-licence', licence: 'Microsoft Entra ID P1' });
    }
    for (const id of ['TB-AAD-013-high-risk-users-blocked', 'TB-AAD-014-high-risk-sign-ins-blocked']) {
      assert.deepEqual(byId(r.results, id).reason, { code: 'needs-licence', licence: 'Microsoft Entra ID P2' });
    }
    // What a Free tenant can do (security defaults) is judged, not skipped.
    assert.equal(byId(r.results, 'TB-AAD-007-mfa-enforced-for-admins').status, 'fail');
    const ja = renderAssessment(r, 'ja');
    assert.match(ja.skipped.find((x) => x.id === 'TB-AAD-012-device-code-flow-blocked')?.reason ?? '', /Microsoft Entra ID P1 が必要です/);
  });

  it('leaves skipped and errored checks out of the score and counts them', () => {
    const results: CheckResult[] = [
      { id: 'a', provider: 'm365', severity: 'critical', status: 'pass', baselines: { scuba: [] } },
      { id: 'b', provider: 'm365', severity: 'low', status: 'fail', baselines: { scuba: [] } },
      { id: 'c', provider: 'm365', severity: 'high', status: 'skipped', baselines: { scuba: [] } },
      { id: 'd', provider: 'm365', severity: 'high', status: 'error', baselines: { scuba: [] } },
      { id: 'e', provider: 'm365', severity: 'medium', status: 'accepted', baselines: { scuba: [] } },
    ];
    const s = scoreOf(results);
    assert.equal(s.passedWeight, 10);
    assert.equal(s.failedWeight, 1 + 3);
    assert.equal(s.percent, Math.round((10 / 14) * 100));
    assert.deepEqual(s.counts, { pass: 1, fail: 1, accepted: 1, skipped: 1, error: 1 });
    assert.equal(scoreOf([results[2]!]).percent, null);
  });

  it('turns a check that throws into an Error result, not a crash', () => {
    const broken: CheckDefinition = {
      meta: { ...CHECKS[0]!.meta, id: 'TB-AAD-999-broken' },
      check: () => {
        throw new Error('boom');
      },
    };
    const r = assess(baseSnapshot(), { ctx: baseContext(), checks: [broken] });
    assert.deepEqual(r.results[0]?.reason, { code: 'check-error', detail: 'boom' });
    assert.equal(r.results[0]?.status, 'error');
  });

  it('shows an accepted risk as accepted, with its reason, and keeps it in the score', () => {
    const s = baseSnapshot();
    authorization(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned = ['ManagePermissionGrantsForSelf.microsoft-user-default-low'];
    const list = acceptances(`
version: 1
acceptances:
  - check: ${CONSENT}
    reason: Staff use verified low-risk apps; reviewed monthly by Osaka IT Support.
    acceptedBy: Hana Owner
    expires: 2027-03-31
`);
    const r = assess(s, { ctx: baseContext(), acceptances: list });
    const x = byId(r.results, CONSENT);
    assert.equal(x.status, 'accepted');
    assert.equal(x.acceptance?.acceptedBy, 'Hana Owner');
    assert.ok(x.items?.length, 'what is wrong is still shown');
    assert.ok(r.score.percent! < 100);
    const en = renderAssessment(r, 'en');
    assert.match(en.accepted[0]?.acceptance ?? '', /accepted by Hana Owner until 2027-03-31: Staff use/);
  });

  it('stops applying an expired acceptance and says so', () => {
    const s = baseSnapshot();
    authorization(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned = ['ManagePermissionGrantsForSelf.microsoft-user-default-low'];
    const list = acceptances(`acceptances:\n  - check: ${CONSENT}\n    reason: old decision\n    expires: 2026-01-31\n`);
    const r = assess(s, { ctx: baseContext(), acceptances: list });
    const x = byId(r.results, CONSENT);
    assert.equal(x.status, 'fail');
    assert.equal(x.expiredAcceptance?.expires, '2026-01-31');
    assert.deepEqual(r.acceptanceNotes, [{ check: CONSENT, problem: 'expired', expires: '2026-01-31' }]);
    assert.match(renderAssessment(r, 'ja').failing.find((f) => f.id === CONSENT)?.expiredAcceptance ?? '', /期限が切れました/);
  });

  it('accepts per subject: only the named app is accepted, the other still fails', () => {
    const s = baseSnapshot();
    s.appCredentials.push({ appId: 'app-a', appName: 'Scanner', kind: 'password', endAt: '2027-01-01T00:00:00Z' });
    s.appCredentials.push({ appId: 'app-b', appName: 'Unknown', kind: 'password', endAt: '2027-01-01T00:00:00Z' });
    const scoped = `acceptances:\n  - check: ${APPS}\n    reason: the office scanner's mail app\n    expires: 2027-06-30\n    scope:\n      subjects: [app-a]\n`;
    let r = assess(s, { ctx: baseContext(), acceptances: acceptances(scoped) });
    let x = byId(r.results, APPS);
    assert.equal(x.status, 'fail');
    assert.deepEqual(x.items?.map((i) => [i.subject?.id, i.accepted ?? false]), [['app-a', true], ['app-b', false]]);
    assert.deepEqual(x.fix?.changes.map((c) => c.subject?.id), ['app-b'], 'the plan leaves the accepted app alone');
    r = assess(s, { ctx: baseContext(), acceptances: acceptances(scoped.replace('[app-a]', '[app-a, Unknown]')) });
    x = byId(r.results, APPS);
    assert.equal(x.status, 'accepted');
  });

  it('applies an acceptance only to the tenants it names', () => {
    const s = baseSnapshot();
    authorization(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned = ['ManagePermissionGrantsForSelf.microsoft-user-default-low'];
    const other = acceptances(`acceptances:\n  - check: ${CONSENT}\n    reason: another customer\n    expires: 2027-01-01\n    scope:\n      tenants: [other-tenant]\n`);
    assert.equal(byId(assess(s, { ctx: baseContext(), acceptances: other }).results, CONSENT).status, 'fail');
    const mine = acceptances(`acceptances:\n  - check: ${CONSENT}\n    reason: this customer\n    expires: 2027-01-01\n    scope:\n      tenants: [${TENANT}]\n`);
    assert.equal(byId(assess(s, { ctx: baseContext(), acceptances: mine }).results, CONSENT).status, 'accepted');
  });

  it('reports drift: newly failing, fixed and newly accepted since the previous run', () => {
    const first = assess(freeTenant(), { ctx: baseContext() });
    const fixedSnapshot = freeTenant();
    fixedSnapshot.policies.securityDefaultsEnabled = true;
    authorization(fixedSnapshot).allowInvitesFrom = 'everyone';
    const list = acceptances(`acceptances:\n  - check: TB-AAD-002-emergency-access-accounts\n    reason: building them this week\n    expires: 2026-11-30\n`);
    fixedSnapshot.roleAssignments = fixedSnapshot.roleAssignments.filter((a) => !a.principalId.startsWith('u-bg'));
    const second = assess(fixedSnapshot, { ctx: { ...baseContext(), breakGlass: [] }, acceptances: list, previous: first });
    assert.ok(second.drift);
    assert.deepEqual(second.drift.fixed.sort(), ['TB-AAD-007-mfa-enforced-for-admins', 'TB-AAD-008-mfa-enforced-for-all-users', 'TB-AAD-011-legacy-authentication-blocked']);
    assert.deepEqual(second.drift.newFailing, ['TB-AAD-035-guest-invites-limited']);
    assert.deepEqual(second.drift.newlyAccepted, ['TB-AAD-002-emergency-access-accounts']);
    assert.equal(second.drift.since, first.snapshotAt);
  });

  it('runs only the checks of the snapshot provider', () => {
    const s = baseSnapshot();
    s.provider = 'gws';
    assert.equal(assess(s, { ctx: baseContext() }).results.length, 0);
  });
});

