// Every real export under ../shared/data/samples/: detected format, exact counts of events, rejected and
// skipped items (counted from the files by hand), and the content of known records.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isTakebackError } from '../core/errors.ts';
import { collect, SAMPLES } from './test-helpers.ts';

interface Expected {
  format: string;
  events: number;
  rejected: number;
  skipped: number;
}

/** Counts from the files: Graph `value` arrays, NDJSON lines, CSV rows (multi-line cells counted once). */
const EXPECTED: Record<string, Expected | { error: string }> = {
  'microsoft-docs-examples/deletedItems-list-count.json': { format: 'graph.directoryState', events: 0, rejected: 0, skipped: 2 },
  'microsoft-docs-examples/deletedItems-list-groups.json': { format: 'graph.directoryState', events: 0, rejected: 0, skipped: 1 },
  'microsoft-docs-examples/deletedItems-restore.json': { format: 'graph.directoryState', events: 0, rejected: 0, skipped: 1 },
  'microsoft-docs-examples/directory-subscriptions-list.json': { format: 'graph.directoryState', events: 0, rejected: 0, skipped: 1 },
  'microsoft-docs-examples/directoryAudits-list.example1.json': { format: 'graph.directoryAudits', events: 1, rejected: 0, skipped: 0 },
  'microsoft-docs-examples/directoryAudits-list.example2-filter-initiatedBy.json': { format: 'graph.directoryAudits', events: 1, rejected: 0, skipped: 0 },
  'microsoft-docs-examples/error-403-nonpremium-signins.json': { format: 'graph.error', events: 0, rejected: 0, skipped: 1 },
  'microsoft-docs-examples/error-429-throttled.json': { format: 'graph.error', events: 0, rejected: 0, skipped: 1 },
  'microsoft-docs-examples/roleAssignments-by-principal.json': { format: 'graph.directoryState', events: 0, rejected: 0, skipped: 2 },
  'microsoft-docs-examples/roleAssignments-list-expand-principal.json': { format: 'graph.directoryState', events: 0, rejected: 0, skipped: 3 },
  // request + 201 body are skipped; the one record has the docs placeholder "String (timestamp)" as its time
  'microsoft-docs-examples/security-auditLogQuery-create.json': { format: 'graph.auditLogRecords', events: 0, rejected: 1, skipped: 2 },
  'microsoft-docs-examples/signIns-list.json': { format: 'graph.signIns', events: 1, rejected: 0, skipped: 0 },
  'o365-management-api-docs/retrieve-content-sample.json': { format: 'o365.management.json', events: 3, rejected: 0, skipped: 0 },
  'otrf-golden-saml/AADAuditEvents.json': { format: 'la.json', events: 4, rejected: 0, skipped: 0 },
  'otrf-golden-saml/GoldenSAMLADFSMailAccess.yaml': { error: 'import.unknown_format' },
  // 5 DeviceEvents-style LdapSearch rows, 2 IdentityDirectoryEvents, 2 CloudAppEvents of which one carries RawEventData
  'otrf-golden-saml/Microsoft365DefenderEvents.json': { format: 'defender.hunting.json', events: 1, rejected: 0, skipped: 8 },
  'otrf-golden-saml/OfficeActivityEvents.json': { format: 'la.json', events: 1, rejected: 0, skipped: 0 },
  'otrf-golden-saml/README.md': { error: 'import.unknown_format' },
  // a hunting query that projected TimeGenerated away: AuditLogs records without a time
  'sentinel-training-lab/AuditLogs_Hunting.csv': { format: 'la.auditlogs.csv', events: 0, rejected: 0, skipped: 5 },
  // no TimeGenerated either, but sign-ins carry their time in AuthenticationDetails
  'sentinel-training-lab/disable_accounts.csv': { format: 'la.signinlogs.csv', events: 4, rejected: 0, skipped: 0 },
  'sentinel-training-lab/office_activity.csv': { format: 'la.officeactivity.csv', events: 266, rejected: 0, skipped: 0 },
  'sentinel-training-lab/office_activity_inbox_rule.csv': { format: 'la.officeactivity.csv', events: 0, rejected: 0, skipped: 2 },
  'sentinel-training-lab/sign-in_adelete.csv': { format: 'la.signinlogs.csv', events: 56, rejected: 0, skipped: 0 },
  // an aggregated hunting result (StartTime, EndTime, counts), not SigninLogs records
  'sentinel-training-lab/signinLogs.csv': { format: 'la.query.csv', events: 0, rejected: 0, skipped: 1 },
};

function sampleFiles(): string[] {
  return readdirSync(SAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(SAMPLES, d.name)).map((f) => `${d.name}/${f}`))
    .sort();
}

describe('sample exports', () => {
  it('has an expectation for every sample file', () => {
    assert.deepEqual(sampleFiles(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}`, async () => {
      const file = join(SAMPLES, name);
      if ('error' in expected) {
        await assert.rejects(collect(file), (e: unknown) => {
          assert.ok(isTakebackError(e));
          assert.equal(e.code, expected.error);
          assert.equal(e.params.file, file);
          assert.match(String(e.params.detail), /text starting with/);
          return true;
        });
        return;
      }
      const c = await collect(file);
      assert.equal(c.format, expected.format);
      assert.deepEqual(
        { events: c.events.length, rejected: c.rejected.length, skipped: c.skipped.length },
        { events: expected.events, rejected: expected.rejected, skipped: expected.skipped },
      );
      assert.equal(c.bytesRead, c.size);
      // record numbers count every item's record, in file order
      const records = c.items.map((i) => i.record);
      assert.deepEqual(records, [...records].sort((a, b) => a - b));
      for (const e of c.events) {
        assert.match(e.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.match(e.id, /^[0-9a-f]{32}$/);
      }
    });
  }
});

describe('known records in the samples', () => {
  it('Graph directoryAudit (docs example 1)', async () => {
    const c = await collect(join(SAMPLES, 'microsoft-docs-examples/directoryAudits-list.example1.json'), 'tenant-x');
    const e = c.events[0]!;
    assert.equal(e.time, '2018-01-09T21:20:02.721Z');
    assert.equal(e.source, 'entra.audit');
    assert.equal(e.tenant, 'tenant-x', 'records without a tenant take --tenant');
    assert.equal(e.nativeAction, 'Add member to group');
    assert.equal(e.action, 'group.member.added');
    assert.deepEqual(e.actor, { kind: 'user', id: '728309ae-1a37-4937-9afe-e35d964db09b', name: 'bob@wingtiptoysonline.com', ip: '127.0.0.1' });
    // the docs example spells it "Type"; the API "type"
    assert.deepEqual(e.targets, [
      { kind: 'group', id: 'ef7e527d-6c92-4234-8c6d-cf6fdfb57f95', name: 'Example.com' },
      { kind: 'user', id: '1f0e98f5-3161-4c6b-9b50-d488572f2bb7', name: 'bob@contoso.com' },
    ]);
    assert.deepEqual(e.changes, [{ name: 'Action Client Name', old: null, new: 'DirectorySync' }]);
    assert.equal(e.result, 'success');
    const raw = e.raw as Record<string, unknown>;
    assert.equal(raw.id, 'id');
  });

  it('Graph signIn', async () => {
    const c = await collect(join(SAMPLES, 'microsoft-docs-examples/signIns-list.json'));
    const e = c.events[0]!;
    assert.equal(e.time, '2020-03-13T19:15:41.619Z');
    assert.equal(e.source, 'entra.signin');
    assert.equal(e.action, 'signin');
    assert.equal(e.actor.name, 'testaccount1@contoso.com');
    assert.equal(e.actor.ip, '131.107.159.37');
    assert.deepEqual(e.targets[0], { kind: 'application', id: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', name: 'Graph explorer' });
  });

  it('Graph error bodies and directory state are named, not called unknown', async () => {
    const e403 = await collect(join(SAMPLES, 'microsoft-docs-examples/error-403-nonpremium-signins.json'));
    assert.match(e403.skipped[0]!.reason, /^Graph error response: Authentication_RequestFromNonPremiumTenantOrB2CTenant/);
    assert.equal(e403.skipped[0]!.code, 'import.skip.graph_error');
    const e429 = await collect(join(SAMPLES, 'microsoft-docs-examples/error-429-throttled.json'));
    assert.match(e429.skipped[0]!.reason, /^Graph error response: TooManyRequests/);
    const deleted = await collect(join(SAMPLES, 'microsoft-docs-examples/deletedItems-list-count.json'));
    assert.equal(deleted.skipped[0]!.reason, 'directory state (deletedItems), not audit records');
    const roles = await collect(join(SAMPLES, 'microsoft-docs-examples/roleAssignments-list-expand-principal.json'));
    assert.equal(roles.skipped[0]!.reason, 'directory state (roleAssignments), not audit records');
    const subs = await collect(join(SAMPLES, 'microsoft-docs-examples/directory-subscriptions-list.json'));
    assert.equal(subs.skipped[0]!.reason, 'directory state (subscriptions), not audit records');
    const query = await collect(join(SAMPLES, 'microsoft-docs-examples/security-auditLogQuery-create.json'));
    assert.deepEqual(
      query.items.map((i) => (i.kind === 'event' ? 'event' : i.code)),
      ['import.skip.audit_query', 'import.skip.audit_query', 'import.record.bad_time'],
    );
  });

  it('Management Activity API content (UAL records)', async () => {
    const c = await collect(join(SAMPLES, 'o365-management-api-docs/retrieve-content-sample.json'));
    const [failed, ok, addUser] = c.events;
    assert.equal(failed!.time, '2015-06-29T20:03:19.000Z', 'CreationTime without a zone is UTC');
    assert.equal(failed!.result, 'failure');
    assert.equal(failed!.action, 'signin');
    assert.equal(ok!.result, 'success');
    assert.equal(addUser!.nativeAction, 'Add User.');
    assert.equal(addUser!.action, 'user.created');
    assert.equal(addUser!.time, '2015-06-29T20:04:55.000Z');
    assert.equal(addUser!.tenant, '41463f53-8812-40f4-890f-865bf6e35190');
    assert.deepEqual(addUser!.actor, { kind: 'user', name: 'admin@contoso.onmicrosoft.com', id: '1cef1fdb-ff52-48c4-8e4e-dfb5ea83d357' });
    assert.deepEqual(addUser!.targets, [{ kind: 'user', name: 'user001@contoso.onmicrosoft.com' }]);
    assert.equal(c.items[2]!.line, 44);
  });

  it('OTRF Entra audit rows from Log Analytics (NDJSON)', async () => {
    const c = await collect(join(SAMPLES, 'otrf-golden-saml/AADAuditEvents.json'));
    const [cred, credAgain, update, grant] = c.events;
    assert.equal(cred!.nativeAction, 'Update application – Certificates and secrets management ');
    assert.equal(cred!.action, 'app.credential.added');
    assert.equal(cred!.time, '2021-08-02T13:29:25.983Z');
    assert.deepEqual(cred!.actor, {
      kind: 'user',
      id: 'aead923d-498b-4f64-a66c-2af91447a8b6',
      name: 'pgustavo@simulandlabs.com',
      userAgent: 'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.1971',
    });
    assert.deepEqual(cred!.targets, [{ kind: 'application', id: '11b49e19-2326-4be6-93cb-7f37439bbd81', name: 'SimuLandApp' }]);
    assert.equal(cred!.changes[0]!.name, 'KeyDescription');
    // the same record twice (the query expanded keyEvents): one id, the store keeps one
    assert.equal(credAgain!.id, cred!.id);
    // a projection overwrote Type with "Application": still read as AuditLogs by its columns
    assert.equal(update!.nativeAction, 'Update application');
    assert.equal(grant!.nativeAction, 'Add delegated permission grant');
    assert.equal(grant!.action, 'consent.granted');
    assert.equal(c.items.map((i) => i.line).join(','), '1,2,3,4');
  });

  it('Defender CloudAppEvents with the raw UAL record meet the same record from OfficeActivity', async () => {
    const defender = await collect(join(SAMPLES, 'otrf-golden-saml/Microsoft365DefenderEvents.json'));
    const office = await collect(join(SAMPLES, 'otrf-golden-saml/OfficeActivityEvents.json'));
    const d = defender.events[0]!;
    const o = office.events[0]!;
    assert.equal(d.nativeAction, 'MailItemsAccessed');
    assert.equal(d.time, '2021-08-02T13:32:07.000Z');
    assert.equal(o.time, d.time);
    assert.equal(o.id, d.id, 'UAL Id 699e0b10-… is the OfficeActivity OfficeId');
    assert.equal(o.actor.name, 'pgustavo@simulandlabs.com');
    assert.equal(defender.items.find((i) => i.kind === 'event')!.line, 8);
    assert.match(defender.skipped[0]!.reason, /ActionType LdapSearch/);
  });

  it('Sentinel OfficeActivity CSV', async () => {
    const c = await collect(join(SAMPLES, 'sentinel-training-lab/office_activity.csv'));
    const rule = c.events.find((e) => e.nativeAction === 'New-InboxRule')!;
    assert.equal(rule.time, '2021-04-28T14:33:14.000Z', 'TimeGenerated [UTC] "4/28/2021, 2:33:14.000 PM"');
    assert.equal(rule.action, 'mail.rule.changed');
    assert.equal(rule.actor.name, 'AdeleV@M365x816222.OnMicrosoft.com');
    assert.equal(rule.actor.ip, '175.45.176.99', 'port removed from ClientIP');
    assert.equal(rule.tenant, '2ad3fc79-1859-42fa-9011-6f8df2251b22', 'OrganizationId, not the workspace TenantId');
    assert.ok(rule.changes.some((ch) => ch.name === 'SubjectContainsWords'));
    const raw = rule.raw as Record<string, string>;
    assert.equal(raw['TimeGenerated [UTC]'], '4/28/2021, 2:33:14.000 PM', 'raw keeps the CSV header names');
    assert.deepEqual(
      c.items.slice(0, 5).map((i) => i.line),
      [2, 3, 4, 28, 29],
      'lines where rows start (multi-line JSON cells)',
    );
  });

  it('Sentinel SigninLogs CSV', async () => {
    const c = await collect(join(SAMPLES, 'sentinel-training-lab/sign-in_adelete.csv'));
    const e = c.events[0]!;
    assert.equal(e.time, '2021-04-28T14:08:45.221Z');
    assert.equal(e.action, 'signin');
    assert.equal(e.actor.name, 'adelev@m365x816222.onmicrosoft.com');
    assert.equal(e.actor.ip, '175.45.176.99');
    assert.equal(e.tenant, '2ad3fc79-1859-42fa-9011-6f8df2251b22', 'AADTenantId, not the workspace TenantId');
    assert.equal(e.id.length, 32);
    assert.equal(c.items[c.items.length - 1]!.line, 1150);

    const disabled = await collect(join(SAMPLES, 'sentinel-training-lab/disable_accounts.csv'));
    const d = disabled.events[0]!;
    assert.equal(d.action, 'signin.failed');
    assert.equal(d.result, 'failure');
    assert.equal(d.time, '2021-04-19T12:13:19.483Z', 'from AuthenticationDetails[0].authenticationStepDateTime');
    assert.equal(d.actor.name, 'johns@m365x816222.onmicrosoft.com');
  });

  it('Sentinel hunting results: skipped with a reason', async () => {
    const hunting = await collect(join(SAMPLES, 'sentinel-training-lab/AuditLogs_Hunting.csv'));
    assert.ok(hunting.skipped.every((s) => s.code === 'import.skip.no_time'));
    assert.match(hunting.skipped[0]!.reason, /^AuditLogs query result without a time column/);
    const inbox = await collect(join(SAMPLES, 'sentinel-training-lab/office_activity_inbox_rule.csv'));
    assert.deepEqual(inbox.skipped.map((s) => s.line), [2, 28]);
    const agg = await collect(join(SAMPLES, 'sentinel-training-lab/signinLogs.csv'));
    assert.equal(agg.skipped[0]!.code, 'import.skip.aggregated');
    assert.match(agg.skipped[0]!.reason, /^SigninLogs query result row with aggregated/);
  });
});
