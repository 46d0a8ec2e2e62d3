// The formats without a real sample in ../shared/data (fixtures written from the documented layouts),
// and the promise that the same record gets the same event id whichever export it comes from.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { stableEventId } from '../core/event.ts';
import { GLOBAL_ADMIN_TEMPLATE_ID } from '../providers/m365/map/roles.ts';
import { collect, FIXTURES, SAMPLES, tempDir } from './test-helpers.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
const TENANT = '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31';
const GA_TARGET = { kind: 'role', id: GLOBAL_ADMIN_TEMPLATE_ID, name: 'Global Administrator' };

describe('Entra admin center downloads', () => {
  it('audit log CSV', async () => {
    const c = await collect(join(FIXTURES, 'entra-audit-download.csv'), TENANT);
    assert.equal(c.format, 'entra.download.audit.csv');
    assert.deepEqual([c.events.length, c.rejected.length, c.skipped.length], [3, 0, 0]);
    const [role, add, cred] = c.events;
    assert.equal(role!.time, '2026-10-05T01:27:30.123Z');
    assert.equal(role!.action, 'role.assigned');
    assert.equal(role!.tenant, TENANT);
    assert.deepEqual(role!.actor, {
      kind: 'user',
      id: '0a1b2c3d-1111-4222-8333-444455556666',
      name: 'admin@example-kk.co.jp',
      ip: '203.0.113.45',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
    });
    assert.deepEqual(role!.targets, [{ kind: 'user', id: '9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff', name: 'support-admin@examplekk.onmicrosoft.com' }, GA_TARGET]);
    assert.equal(add!.action, 'user.created');
    assert.equal(cred!.action, 'app.credential.added');
    assert.deepEqual(cred!.actor, { kind: 'app', ip: '198.51.100.7', id: 'c0ffee00-1234-4abc-8def-0123456789ab', name: 'Sync Tool' });
    assert.equal(cred!.targets[0]!.name, 'Backup, Mail "reader"');
    // no record id in this download: the id is a content hash, the same on a second import
    const again = await collect(join(FIXTURES, 'entra-audit-download.csv'), TENANT);
    assert.deepEqual(
      again.events.map((e) => e.id),
      c.events.map((e) => e.id),
    );
    assert.equal(new Set(c.events.map((e) => e.id)).size, 3);
    const raw = role!.raw as Record<string, string>;
    assert.equal(raw['Date (UTC)'], '2026-10-05T01:27:30.1234567+00:00');
  });

  it('sign-in CSV: Request ID is the sign-in id', async () => {
    const c = await collect(join(FIXTURES, 'entra-signins-download.csv'));
    assert.equal(c.format, 'entra.download.signins.csv');
    assert.deepEqual(
      c.events.map((e) => [e.action, e.result, e.time]),
      [
        ['signin', 'success', '2026-10-05T01:10:11.000Z'],
        ['signin.failed', 'failure', '2026-10-05T01:09:40.000Z'],
        ['signin.failed', 'failure', '2026-10-05T01:09:55.000Z'],
      ],
    );
    const e = c.events[0]!;
    assert.equal(e.id, stableEventId('m365', 'entra.signin', '3f2e1d0c-0001-4000-8000-000000000001'));
    assert.equal(e.tenant, TENANT);
    assert.deepEqual(e.targets, [
      { kind: 'application', id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', name: 'Azure Portal' },
      { kind: 'resource', id: '797f4846-ba00-4fd7-ba43-dac1f8f63013', name: 'Windows Azure Service Management API' },
    ]);
  });
});

describe('Purview / Unified Audit Log CSV', () => {
  it('current layout: a broken AuditData row is rejected with its line, the others import', async () => {
    const c = await collect(join(FIXTURES, 'purview-audit.csv'));
    assert.equal(c.format, 'purview.csv');
    assert.deepEqual(
      c.items.map((i) => [i.kind, i.line, i.record]),
      [
        ['event', 2, 1],
        ['rejected', 3, 2],
        ['event', 4, 3],
      ],
    );
    assert.equal(c.rejected[0]!.code, 'import.record.bad_audit_data');
    const [role, signin] = c.events;
    assert.equal(role!.action, 'role.assigned');
    assert.equal(role!.time, '2026-10-05T01:27:30.000Z');
    assert.equal(role!.tenant, TENANT);
    assert.deepEqual(role!.actor, { kind: 'user', name: 'admin@example-kk.co.jp', id: '0a1b2c3d-1111-4222-8333-444455556666', ip: '203.0.113.45' });
    assert.deepEqual(role!.targets, [{ kind: 'user', id: '9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff', name: 'support-admin@examplekk.onmicrosoft.com' }, GA_TARGET]);
    assert.equal(role!.id, stableEventId('m365', 'ual', 'a0000001-0000-4000-8000-000000000001'));
    const raw = role!.raw as Record<string, unknown>;
    assert.equal((raw.AuditData as Record<string, unknown>).Operation, 'Add member to role.', 'raw has AuditData parsed');
    assert.equal(raw.CreationDate, '2026-10-05T01:27:30.0000000Z ');
    assert.equal(signin!.action, 'signin');
    assert.deepEqual(signin!.targets, [
      { kind: 'application', id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c' },
      { kind: 'resource', id: '00000003-0000-0000-c000-000000000000' },
    ]);
  });

  it('older layout (Search-UnifiedAuditLog | Export-Csv): Identity fills a missing record Id', async () => {
    const c = await collect(join(FIXTURES, 'purview-legacy.csv'));
    assert.equal(c.format, 'purview.csv.legacy');
    assert.equal(c.events.length, 2);
    assert.equal(c.events[0]!.action, 'user.deleted');
    assert.equal(c.events[0]!.time, '2026-10-19T03:06:20.000Z');
    assert.equal(c.events[1]!.id, stableEventId('m365', 'ual', 'b0000002-0000-4000-8000-000000000002'));
  });

  it('the same UAL record from Purview CSV and from a Graph audit log query has one id', async () => {
    const csv = await collect(join(FIXTURES, 'purview-audit.csv'));
    const graph = await collect(join(FIXTURES, 'graph-audit-log-records.json'));
    assert.equal(graph.format, 'graph.auditLogRecords');
    assert.equal(graph.events[0]!.id, csv.events[0]!.id);
    assert.equal(graph.events[0]!.action, 'role.assigned');
    assert.deepEqual(graph.events[0]!.targets.at(-1), GA_TARGET);
    assert.equal(graph.events[0]!.actor.ip, '203.0.113.45');
  });
});

describe('Google Workspace Reports API', () => {
  it('one event per entry of events[], ids from time, uniqueQualifier and index', async () => {
    const c = await collect(join(FIXTURES, 'gws-admin-activities.json'));
    assert.equal(c.format, 'gws.reports.json');
    assert.deepEqual(
      c.items.map((i) => [i.kind, i.line, i.record]),
      [
        ['event', 5, 1],
        ['event', 5, 1],
        ['event', 34, 2],
        ['event', 55, 3],
      ],
    );
    const [grant, assign, secondary, setting] = c.events;
    assert.equal(grant!.source, 'gws.admin');
    assert.equal(grant!.provider, 'gws');
    assert.equal(grant!.tenant, 'C03az79cb');
    assert.equal(grant!.time, '2026-10-05T01:27:30.123Z');
    assert.equal(grant!.nativeAction, 'GRANT_ADMIN_PRIVILEGE');
    assert.equal(grant!.action, 'role.assigned');
    assert.deepEqual(grant!.actor, { kind: 'user', id: '104823457812345678901', name: 'attacker@example.com', ip: '203.0.113.45' });
    assert.deepEqual(grant!.targets, [{ kind: 'user', name: 'new-admin@example.com' }]);
    assert.equal(grant!.id, stableEventId('gws', 'gws.admin', '2026-10-05T01:27:30.123Z|-6810328512451398123|0'));
    assert.equal(assign!.id, stableEventId('gws', 'gws.admin', '2026-10-05T01:27:30.123Z|-6810328512451398123|1'));
    assert.deepEqual(assign!.targets, [{ kind: 'user', name: 'new-admin@example.com' }, { kind: 'role', id: '03xxxx', name: '_SEED_ADMIN_ROLE' }]);
    assert.equal(secondary!.action, 'tenant.contacts.changed');
    assert.deepEqual(secondary!.changes, [{ name: 'UPDATE_DOMAIN_SECONDARY_EMAIL', old: 'owner@example.com', new: 'attacker@example.net' }]);
    assert.deepEqual(setting!.changes, [{ name: 'Allow users to turn on 2-Step Verification', old: 'true', new: 'false' }]);
    // the whole activity is the evidence of each of its events
    assert.equal(grant!.raw, assign!.raw);
  });

  it('NDJSON of activities (login application)', async () => {
    const c = await collect(join(FIXTURES, 'gws-login-activities.ndjson'), 'ignored-when-the-record-names-one');
    assert.equal(c.format, 'gws.reports.json');
    assert.deepEqual(
      c.events.map((e) => [e.source, e.nativeAction, e.action, e.result, e.tenant]),
      [
        ['gws.login', 'login_failure', 'signin.failed', 'failure', 'C03az79cb'],
        ['gws.login', 'login_success', 'signin', 'success', 'C03az79cb'],
        ['gws.login', '2sv_disable', 'mfa.disabled', 'success', 'C03az79cb'],
      ],
    );
  });
});

describe('Azure Monitor diagnostic settings export', () => {
  it('AuditLogs and SignInLogs records; other categories skipped', async () => {
    const c = await collect(join(FIXTURES, 'azure-diagnostic-entra.json'));
    assert.equal(c.format, 'azure.diagnostic.json');
    assert.deepEqual([c.events.length, c.rejected.length, c.skipped.length], [2, 0, 1]);
    assert.match(c.skipped[0]!.reason, /ProvisioningLogs is not imported/);
    const [audit, signin] = c.events;
    assert.equal(audit!.tenant, TENANT);
    assert.equal(audit!.action, 'role.assigned');
    assert.deepEqual(audit!.targets, [{ kind: 'user', id: '9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff', name: 'support-admin@examplekk.onmicrosoft.com' }, GA_TARGET]);
    assert.equal(audit!.id, stableEventId('m365', 'entra.audit', 'Directory_6c1d3f0e-2b7a-4f7e-9a51-0d7e2f4c8b11_ABCDE_12345678'));
    // the same sign-in as in the Entra sign-in CSV download
    const download = await collect(join(FIXTURES, 'entra-signins-download.csv'));
    assert.equal(signin!.id, download.events[0]!.id);
  });

  it('one record a line (Event Hub / storage blob lines)', async () => {
    const { records } = JSON.parse(readFileSync(join(FIXTURES, 'azure-diagnostic-entra.json'), 'utf8')) as { records: unknown[] };
    const file = join(dir, 'diagnostic.ndjson');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const c = await collect(file);
    assert.equal(c.format, 'azure.diagnostic.json');
    assert.deepEqual(
      c.items.map((i) => [i.kind, i.line]),
      [
        ['event', 1],
        ['event', 2],
        ['skipped', 3],
      ],
    );
  });
});

describe('one Entra audit record, four exports, one id', () => {
  it('Graph JSON, diagnostic JSON, Log Analytics CSV and Log Analytics query API JSON', async () => {
    const diag = JSON.parse(readFileSync(join(FIXTURES, 'azure-diagnostic-entra.json'), 'utf8')) as { records: Array<{ properties: Record<string, unknown> }> };
    const rec = diag.records[0]!.properties;
    const graphFile = join(dir, 'graph.json');
    writeFileSync(graphFile, JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits', value: [rec] }));
    const header = ['TenantId', 'SourceSystem', 'TimeGenerated [UTC]', 'OperationName', 'Category', 'Result', 'Id', 'InitiatedBy', 'LoggedByService', 'TargetResources', 'AADTenantId', 'ActivityDisplayName', 'ActivityDateTime [UTC]', 'Type'];
    const values: string[] = [
      'workspace-id',
      'Azure AD',
      '10/5/2026, 1:27:30.123 AM',
      'Add member to role',
      'RoleManagement',
      'success',
      rec.id as string,
      JSON.stringify(rec.initiatedBy),
      'Core Directory',
      JSON.stringify(rec.targetResources),
      TENANT,
      'Add member to role',
      '10/5/2026, 1:27:30.123 AM',
      'AuditLogs',
    ];
    const laFile = join(dir, 'auditlogs.csv');
    const csvLine = (cells: string[]) => cells.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');
    writeFileSync(laFile, `\ufeff${csvLine(header)}\r\n${csvLine(values)}\r\n`);
    // the query API writes its own column names and ISO times
    const apiFile = join(dir, 'la-api.json');
    const apiRow = values.map((v, i) => (i === 2 || i === 12 ? '2026-10-05T01:27:30.123Z' : v));
    const columns = header.map((h) => ({ name: h.replace(' [UTC]', ''), type: 'string' }));
    writeFileSync(apiFile, JSON.stringify({ tables: [{ name: 'PrimaryResult', columns, rows: [apiRow] }] }));

    const fromDiag = (await collect(join(FIXTURES, 'azure-diagnostic-entra.json'))).events[0]!;
    const fromGraph = await collect(graphFile, TENANT);
    const fromLa = await collect(laFile);
    const fromApi = await collect(apiFile);
    assert.equal(fromGraph.format, 'graph.directoryAudits');
    assert.equal(fromLa.format, 'la.auditlogs.csv');
    assert.equal(fromApi.format, 'la.json');
    for (const other of [fromGraph.events[0]!, fromLa.events[0]!, fromApi.events[0]!]) {
      assert.equal(other.id, fromDiag.id);
      assert.equal(other.time, fromDiag.time);
      assert.equal(other.action, 'role.assigned');
      assert.equal(other.tenant, TENANT);
      assert.deepEqual(other.actor.name, 'admin@example-kk.co.jp');
      assert.deepEqual(other.targets, fromDiag.targets);
    }
  });

  it('the OTRF record from Log Analytics matches the same record in Graph shape', async () => {
    const line = readFileSync(join(SAMPLES, 'otrf-golden-saml/AADAuditEvents.json'), 'utf8').split('\n')[0]!;
    const row = JSON.parse(line) as Record<string, string>;
    const graph = {
      id: row.Id,
      activityDateTime: '2021-08-02T13:29:25.9831234Z',
      activityDisplayName: row.ActivityDisplayName,
      category: row.Category,
      result: row.Result,
      loggedByService: row.LoggedByService,
      initiatedBy: JSON.parse(row.InitiatedBy!) as unknown,
      targetResources: JSON.parse(row.TargetResources!) as unknown,
      additionalDetails: JSON.parse(row.AdditionalDetails!) as unknown,
    };
    const file = join(dir, 'otrf-as-graph.json');
    writeFileSync(file, JSON.stringify([graph]));
    const g = (await collect(file)).events[0]!;
    const la = (await collect(join(SAMPLES, 'otrf-golden-saml/AADAuditEvents.json'))).events[0]!;
    assert.equal(g.id, la.id);
    assert.equal(g.time, la.time);
    assert.equal(g.action, 'app.credential.added');
  });
});
