// connect, scan and demo through the real binary, against the fake Microsoft tenant over HTTPS.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startFakeM365, type FakeM365 } from '../src/sim/m365/start.ts';
import { BIN, ROOT, runCli, tempDir } from './helpers/cli.ts';

interface SourceJson {
  source: string;
  state: string;
  permission?: string;
  licence?: string;
  count?: number;
}
interface ScanJson {
  tenant: string;
  licence: { tier: string; auditRetentionDays: number };
  events: { inserted: number; duplicates: number };
  counts: { users: number | null; privilegedAdmins: number | null; deletedUsers: number | null; subscriptions: number | null; appCredentials: number | null };
  sources: SourceJson[];
}

/** Waits until the scan has committed more events than `before` (read like the sqlite3 CLI would, read-only). */
async function committedMoreThan(store: string, before: number): Promise<void> {
  for (;;) {
    try {
      const db = new Database(store, { readonly: true, fileMustExist: true });
      try {
        if (db.prepare<[], number>('SELECT count(*) FROM events').pluck().get()! > before) return;
      } finally {
        db.close();
      }
    } catch {
      // Not created or not migrated yet.
    }
    await sleep(20);
  }
}

const source = (scan: ScanJson, name: string) => scan.sources.find((s) => s.source === name)!;

function connectArgs(fake: FakeM365, name: string): string[] {
  return [
    'connect', 'm365', '--tenant', fake.tenantId, '--client-id', fake.clientId, '--client-secret-env', 'FAKE_M365_SECRET',
    '--authority-host', fake.authorityHost, '--graph-root', fake.graphRoot, '--name', name,
  ];
}

describe('takeback demo', () => {
  const demoStore = join(tempDir(), 'demo.db');

  it('scans the simulated seed-case tenant with no credentials', async () => {
    const r = await runCli(['--store', demoStore, 'demo', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const scan = JSON.parse(r.stdout) as ScanJson;
    assert.equal(scan.licence.tier, 'Free');
    assert.equal(scan.licence.auditRetentionDays, 7);
    assert.equal(scan.counts.privilegedAdmins, 1);
    assert.equal(scan.counts.deletedUsers, 1);
    assert.ok(scan.events.inserted > 0);
    const signIns = source(scan, 'signIns');
    // Not "0 sign-ins": a log that could not be read has no count.
    assert.deepEqual([signIns.state, signIns.licence, signIns.count], ['unlicensed', 'Microsoft Entra ID P1', undefined]);
    // The Unified Audit Log (180 days) has what the Entra logs no longer do; the story is in test/demo-story.test.ts.
    const ual = source(scan, 'unifiedAuditLog');
    assert.equal(ual.state, 'ok');
    assert.ok((ual.count ?? 0) > (source(scan, 'directoryAudits').count ?? 0));
    assert.equal((scan as ScanJson & { findings: { incidents: number } }).findings.incidents, 1);
    // The HTML report carries the storyline and the posture checks that explain the takeover.
    const html = readFileSync((scan as ScanJson & { report: string }).report, 'utf8');
    assert.match(html, /<section id="posture">/);
    assert.match(html, /TB-AAD-001-global-admin-count/);
    assert.match(html, /TB-AAD-007-mfa-enforced-for-admins/);
    // takeback's own app and its credential are expected, not a finding: in the scan's report, and
    // in later reports and timelines made from the store without the connection.
    assert.doesNotMatch(html, /New credential on an app: takeback collector/);
    const timeline = await runCli(['--store', demoStore, 'timeline']);
    assert.match(timeline.stdout, /made Global Administrator/);
    assert.doesNotMatch(timeline.stdout, /New credential on an app/);
  });

  it('assess shows the checks that explain the takeover, and Conditional Access skipped on a Free tenant', async () => {
    const r = await runCli(['--store', demoStore, 'assess', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout) as { results: Array<{ id: string; status: string; reason?: unknown }> };
    const check = (id: string) => result.results.find((c) => c.id === id)!;
    for (const id of ['TB-AAD-001-global-admin-count', 'TB-AAD-005-admin-mfa-registered', 'TB-AAD-007-mfa-enforced-for-admins', 'TB-AAD-019-evidence-retained']) {
      assert.equal(check(id).status, 'fail', id);
    }
    assert.equal(check('TB-AAD-003-emergency-access-excluded-from-ca').status, 'skipped');
    assert.match(JSON.stringify(check('TB-AAD-003-emergency-access-excluded-from-ca').reason), /P1/);

    const ja = await runCli(['--store', demoStore, '--lang', 'ja', 'assess']);
    assert.match(ja.stdout, /TB-AAD-001-global-admin-count/);
    assert.match(ja.stdout, /[\u3040-\u30ff]/);
  });
});

describe('takeback connect and scan', () => {
  let fake: FakeM365;
  const dir = tempDir();
  const env = () => ({ NODE_EXTRA_CA_CERTS: fake.caFile, TAKEBACK_CONFIG_DIR: join(dir, 'config'), FAKE_M365_SECRET: fake.clientSecret });

  before(async () => {
    fake = await startFakeM365({ scenario: 'seed-case', seed: 7 });
  });
  after(async () => fake.close());

  it('saves a profile that holds no secret, after signing in', async () => {
    const r = await runCli(connectArgs(fake, 'kitahama'), env());
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Signed in to .+ \(/);
    const file = readFileSync(join(dir, 'config', 'profiles.json'), 'utf8');
    assert.ok(!file.includes(fake.clientSecret), 'the secret is not stored');
    assert.match(file, /"secretEnv": "FAKE_M365_SECRET"/);
  });

  it('refuses a wrong secret with a clear message and saves nothing new', async () => {
    const r = await runCli(connectArgs(fake, 'wrong'), { ...env(), FAKE_M365_SECRET: 'not-the-secret' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Sign-in to Microsoft failed/);
    assert.ok(!r.stderr.includes('not-the-secret'), 'the secret is not echoed');
    assert.ok(!readFileSync(join(dir, 'config', 'profiles.json'), 'utf8').includes('"wrong"'));
  });

  it('refuses a secret given where the variable name belongs: echoed nowhere, saved nowhere', async () => {
    const pasted = 'Q7x8Q~abcDEF0123456789.ghiJKL-mnoPQRstuVW';
    for (const extra of [[], ['--no-test']]) {
      const args = connectArgs(fake, 'pasted').map((a) => (a === 'FAKE_M365_SECRET' ? pasted : a));
      const r = await runCli([...args, ...extra], env());
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /--client-secret-env takes the name of an environment variable/);
      assert.ok(!r.stdout.includes(pasted) && !r.stderr.includes(pasted), 'the secret is not echoed');
      assert.ok(!readFileSync(join(dir, 'config', 'profiles.json'), 'utf8').includes(pasted), 'the secret is not saved');
    }
    // A profile written before the check: a scan names the profile, not what it holds.
    const config = join(tempDir(), 'config');
    mkdirSync(config);
    writeFileSync(join(config, 'profiles.json'), JSON.stringify({ profiles: [{ name: 'old', provider: 'm365', tenantId: fake.tenantId, clientId: fake.clientId, auth: { kind: 'secret', secretEnv: pasted }, createdAt: '2026-01-01T00:00:00Z' }] }));
    const scan = await runCli(['--store', join(dir, 'never.db'), 'scan'], { ...env(), TAKEBACK_CONFIG_DIR: config });
    assert.equal(scan.code, 2);
    assert.match(scan.stderr, /Profile old names no valid environment variable/);
    assert.ok(!scan.stderr.includes(pasted) && !scan.stdout.includes(pasted));
  });

  it('scans into the store; a second scan adds no duplicate', async () => {
    const store = join(dir, 'scan.db');
    const first = await runCli(['--store', store, 'scan', '--profile', 'kitahama', '--json'], env());
    // The seed-case tenant is compromised: findings at or above high make the exit code 3.
    assert.equal(first.code, 3, first.stderr);
    const a = JSON.parse(first.stdout) as ScanJson & { findings: { failed: boolean; incidents: number; bySeverity: Record<string, number> } };
    assert.equal(a.tenant, fake.tenantId);
    assert.equal(a.findings.failed, true);
    assert.equal(a.findings.incidents, 1);
    assert.ok((a.findings.bySeverity.critical ?? 0) > 0);
    assert.ok(a.events.inserted > 0);
    assert.equal(source(a, 'signIns').state, 'unlicensed');

    // The second scan accepts one failing check: it shows as accepted, in the summary and the report.
    const accept = join(dir, 'risks.yaml');
    writeFileSync(accept, 'version: 1\nacceptances:\n  - check: TB-AAD-021-user-consent-restricted\n    reason: the accounting add-in needs user consent until March\n    expires: 2099-03-31\n');
    const second = await runCli(['--store', store, 'scan', '--json', '--accept', accept], env());
    const b = JSON.parse(second.stdout) as ScanJson & { posture: { counts: Record<string, number>; drift: { newlyAccepted: string[] } }; report: string };
    assert.equal(b.events.inserted, 0);
    assert.equal(b.posture.counts.accepted, 1);
    assert.deepEqual(b.posture.drift.newlyAccepted, ['TB-AAD-021-user-consent-restricted']);
    assert.match(readFileSync(b.report, 'utf8'), /the accounting add-in needs user consent until March/);
    const verify = await runCli(['--store', store, 'verify', '--json']);
    const chain = JSON.parse(verify.stdout) as { ok: boolean; tenants: Array<{ events: number }> };
    assert.equal(chain.ok, true);
    assert.equal(chain.tenants[0]!.events, a.events.inserted);
  });
});

describe('scan with a token that lacks Policy.Read.All', () => {
  it('reports exactly that permission for the policy sources, and reads the rest', async () => {
    const fake = await startFakeM365({
      scenario: 'seed-case',
      appPermissions: ['Organization.Read.All', 'Domain.Read.All', 'User.Read.All', 'RoleManagement.Read.Directory', 'UserAuthenticationMethod.Read.All', 'Application.Read.All', 'AuditLog.Read.All'],
    });
    try {
      const dir = tempDir();
      const env = { NODE_EXTRA_CA_CERTS: fake.caFile, TAKEBACK_CONFIG_DIR: join(dir, 'config'), FAKE_M365_SECRET: fake.clientSecret };
      assert.equal((await runCli(connectArgs(fake, 'limited'), env)).code, 0);
      const r = await runCli(['--store', join(dir, 's.db'), 'scan', '--json', '--fail-on', 'critical'], env);
      assert.equal(r.code, 3, r.stderr);
      const scan = JSON.parse(r.stdout) as ScanJson;
      for (const name of ['securityDefaults', 'conditionalAccess', 'authorizationPolicy']) {
        assert.deepEqual({ state: source(scan, name).state, permission: source(scan, name).permission }, { state: 'denied', permission: 'Policy.Read.All' }, name);
      }
      for (const name of ['organization', 'users', 'roleAssignments', 'deletedUsers', 'directoryAudits']) assert.equal(source(scan, name).state, 'ok', name);

      const text = await runCli(['--store', join(dir, 's.db'), 'scan'], env);
      assert.match(text.stdout, /securityDefaults\s+skipped: permission Policy\.Read\.All missing/);
    } finally {
      await fake.close();
    }
  });
});

describe('scan with a token that reads little more than users and the audit log', () => {
  it('gives no count for what it could not read: unknown, never 0', async () => {
    const fake = await startFakeM365({ scenario: 'seed-case', appPermissions: ['Organization.Read.All', 'User.Read.All', 'AuditLog.Read.All'] });
    try {
      const dir = tempDir();
      const env = { NODE_EXTRA_CA_CERTS: fake.caFile, TAKEBACK_CONFIG_DIR: join(dir, 'config'), FAKE_M365_SECRET: fake.clientSecret };
      assert.equal((await runCli(connectArgs(fake, 'narrow'), env)).code, 0);
      const r = await runCli(['--store', join(dir, 'n.db'), 'scan', '--json'], env);
      const scan = JSON.parse(r.stdout) as ScanJson;
      assert.equal(scan.counts.users, 29);
      assert.equal(scan.counts.deletedUsers, 1);
      assert.deepEqual([scan.counts.privilegedAdmins, scan.counts.appCredentials], [null, null]);
      for (const name of ['signIns', 'unifiedAuditLog']) assert.equal(source(scan, name).count, undefined, name);
      assert.equal(source(scan, 'directoryAudits').count, 74);

      const text = await runCli(['--store', join(dir, 'n.db'), 'scan'], env);
      assert.match(text.stdout, /29 users, \? privileged admins, 1 deleted users still restorable, 2 subscriptions, \? app credentials/);
      assert.match(text.stdout, /\nsignIns +skipped: needs Microsoft Entra ID P1\n/);
      assert.match(text.stdout, /\nunifiedAuditLog +skipped: permission AuditLogsQuery\.Read\.All missing\n/);
    } finally {
      await fake.close();
    }
  });
});

describe('scan in Japanese when sources cannot be read', () => {
  it('says why in Japanese, with no English sentence from the collectors', async () => {
    const fake = await startFakeM365({
      scenario: 'seed-case',
      appPermissions: ['Organization.Read.All', 'User.Read.All', 'AuditLog.Read.All', 'AuditLogsQuery.Read.All'],
      auditLogQueries: { outcome: 'failed', delayMs: 50 },
    });
    try {
      const dir = tempDir();
      const env = { NODE_EXTRA_CA_CERTS: fake.caFile, TAKEBACK_CONFIG_DIR: join(dir, 'config'), FAKE_M365_SECRET: fake.clientSecret };
      assert.equal((await runCli(connectArgs(fake, 'ja'), env)).code, 0);
      const r = await runCli(['--store', join(dir, 'j.db'), '--lang', 'ja', 'scan'], env);
      const line = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(`${name} `)) ?? '';
      assert.match(line('authMethods'), /スキップ: 管理者はロールの割り当てから分かりますが、それを読み取れませんでした/);
      assert.match(line('unifiedAuditLog'), /エラー: GET \/beta\/security\/auditLog\/queries\/[^:]+: 監査ログの検索が失敗しました/);
      assert.doesNotMatch(r.stdout, /admins are known|the audit log query/);
      // The report in Japanese says the same.
      const html = readFileSync(r.stdout.match(/\S+\.html/)![0], 'utf8');
      assert.doesNotMatch(html, /admins are known|the audit log query/);
      assert.match(html, /監査ログの検索が失敗しました/);
    } finally {
      await fake.close();
    }
  });
});

describe('scan killed with SIGKILL', { timeout: 300_000 }, () => {
  it('reruns to the same events and snapshot as a clean scan, with no duplicates', async () => {
    const fake = await startFakeM365({
      scenario: { id: 'scale', users: 3_000, auditEvents: 6_000, signIns: 0, days: 20 },
      licence: 'p1',
      faults: { reportingThrottle: false },
    });
    try {
      const dir = tempDir();
      const env = { NODE_EXTRA_CA_CERTS: fake.caFile, TAKEBACK_CONFIG_DIR: join(dir, 'config'), FAKE_M365_SECRET: fake.clientSecret };
      assert.equal((await runCli(connectArgs(fake, 'big'), env)).code, 0);

      const clean = join(dir, 'clean.db');
      const a = JSON.parse((await runCli(['--store', clean, 'scan', '--json'], env)).stdout) as ScanJson;

      const killed = join(dir, 'killed.db');
      // A scan killed before it created the store leaves none (verify refuses a path with no store).
      const stored = async () =>
        existsSync(killed) ? ((JSON.parse((await runCli(['--store', killed, 'verify', '--json'])).stdout) as { tenants: Array<{ events: number }> }).tenants[0]?.events ?? 0) : 0;
      const storedAfterKill: number[] = [];
      // Killed once while signing in, then each time as soon as it has committed some more events.
      for (const when of [() => sleep(400), () => committedMoreThan(killed, storedAfterKill.at(-1) ?? 0), () => committedMoreThan(killed, storedAfterKill.at(-1) ?? 0)]) {
        const child = spawn(process.execPath, [BIN, '--store', killed, 'scan'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
        const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
        await Promise.race([when(), exited]);
        child.kill('SIGKILL');
        await exited;
        storedAfterKill.push(await stored());
      }
      assert.ok(
        storedAfterKill.some((n) => n > 0 && n < a.events.inserted),
        `no kill interrupted the scan mid-way: ${storedAfterKill.join(', ')} of ${a.events.inserted}`,
      );
      const b = JSON.parse((await runCli(['--store', killed, 'scan', '--json'], env)).stdout) as ScanJson;
      assert.deepEqual(b.counts, a.counts);

      const ids = async (store: string) =>
        (await runCli(['--store', store, 'events', '--csv'])).stdout.trim().split('\r\n').slice(1).map((l) => l.split(',').at(-1)!).sort();
      const expected = await ids(clean);
      const actual = await ids(killed);
      assert.equal(new Set(actual).size, actual.length, 'no duplicates');
      assert.deepEqual(actual, expected);
      assert.equal((JSON.parse((await runCli(['--store', killed, 'verify', '--json'])).stdout) as { ok: boolean }).ok, true);
    } finally {
      await fake.close();
    }
  });
});

describe('scan of a benign tenant', () => {
  it('finds nothing at high or above after a month of ordinary admin work, and exits 0', async () => {
    const fake = await startFakeM365({ scenario: 'benign', seed: 3 });
    try {
      const dir = tempDir();
      const env = { NODE_EXTRA_CA_CERTS: fake.caFile, TAKEBACK_CONFIG_DIR: join(dir, 'config'), FAKE_M365_SECRET: fake.clientSecret };
      assert.equal((await runCli(connectArgs(fake, 'benign'), env)).code, 0);
      const r = await runCli(['--store', join(dir, 'b.db'), 'scan', '--json'], env);
      assert.equal(r.code, 0, r.stdout);
      const scan = JSON.parse(r.stdout) as { findings: { failed: boolean; incidents: number; bySeverity: Record<string, number> } };
      assert.deepEqual([scan.findings.failed, scan.findings.incidents, scan.findings.bySeverity.high ?? 0, scan.findings.bySeverity.critical ?? 0], [false, 0, 0, 0]);
    } finally {
      await fake.close();
    }
  });

  it('exits 4, not 0, when a log could not be read: missing evidence is not a clean tenant', async () => {
    const fake = await startFakeM365({ scenario: 'benign', seed: 3, auditLogQueries: { outcome: 'failed', delayMs: 50 } });
    try {
      const dir = tempDir();
      const env = { NODE_EXTRA_CA_CERTS: fake.caFile, TAKEBACK_CONFIG_DIR: join(dir, 'config'), FAKE_M365_SECRET: fake.clientSecret };
      assert.equal((await runCli(connectArgs(fake, 'broken'), env)).code, 0);
      const json = await runCli(['--store', join(dir, 'x.db'), 'scan', '--json'], env);
      assert.equal(json.code, 4, json.stdout);
      const scan = JSON.parse(json.stdout) as ScanJson & { complete: boolean; findings: { failed: boolean } };
      assert.deepEqual([scan.complete, scan.findings.failed, source(scan, 'unifiedAuditLog').state], [false, false, 'error']);
      const text = await runCli(['--store', join(dir, 'x.db'), 'scan'], env);
      assert.equal(text.code, 4);
      assert.match(text.stdout, /Could not be read: unifiedAuditLog\. What they hold is not in this result/);
    } finally {
      await fake.close();
    }
  });
});
