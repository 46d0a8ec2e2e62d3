// An import killed with SIGKILL at any point can be rerun and ends with exactly the same events,
// in the same chain order, as an import that was never interrupted.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { BIN, ROOT, runCli, tempDir } from './helpers/cli.ts';

const RECORDS = 120_000;

async function writeAudits(file: string): Promise<void> {
  const out = createWriteStream(file);
  const ops = ['Add user', 'Update user', 'Add member to role', 'Reset user password', 'Delete user'];
  for (let i = 0; i < RECORDS; i++) {
    const record = {
      id: `Directory_${i.toString(16).padStart(8, '0')}-resume`,
      category: 'UserManagement',
      correlationId: `corr-${i % 997}`,
      result: 'success',
      activityDisplayName: ops[i % ops.length],
      activityDateTime: new Date(Date.UTC(2026, 9, 1) + i * 7_000).toISOString(),
      loggedByService: 'Core Directory',
      operationType: 'Update',
      initiatedBy: { user: { id: `actor-${i % 40}`, userPrincipalName: `admin${i % 40}@contoso.example`, ipAddress: `198.51.100.${i % 250}` } },
      targetResources: [{ id: `user-${i % 5000}`, type: 'User', userPrincipalName: `user${i % 5000}@contoso.example`, modifiedProperties: [] }],
      additionalDetails: [],
    };
    if (!out.write(JSON.stringify(record) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Starts an import and SIGKILLs it when `when` resolves (or lets it finish first). */
async function killDuring(store: string, file: string, when: () => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [BIN, '--store', store, 'import', file], { cwd: ROOT, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await Promise.race([when(), exited]);
  child.kill('SIGKILL');
  await exited;
}

async function walAtLeast(store: string, bytes: number): Promise<void> {
  const wal = `${store}-wal`;
  while (!(existsSync(wal) && statSync(wal).size >= bytes)) await sleep(20);
}

interface VerifyJson {
  ok: boolean;
  tenants: Array<{ tenant: string; events: number; head: string }>;
}

async function verifyJson(store: string): Promise<VerifyJson> {
  const r = await runCli(['--store', store, 'verify', '--json']);
  return JSON.parse(r.stdout) as VerifyJson;
}

describe('import killed with SIGKILL', { timeout: 240_000 }, () => {
  const dir = tempDir();
  const file = join(dir, 'audits.ndjson');

  it('reruns to the same events as an uninterrupted import', async () => {
    await writeAudits(file);

    const reference = join(dir, 'reference.db');
    const clean = await runCli(['--store', reference, 'import', file]);
    assert.equal(clean.code, 0, clean.stderr);
    const expected = await verifyJson(reference);
    assert.equal(expected.ok, true);
    assert.equal(expected.tenants[0]!.events, RECORDS);

    const interrupted = join(dir, 'interrupted.db');
    // Killed while starting up, while writing its first batches, and later in the file.
    const storedAfterKill: number[] = [];
    const stored = async () => (await verifyJson(interrupted)).tenants[0]?.events ?? 0;
    await killDuring(interrupted, file, () => sleep(150));
    await killDuring(interrupted, file, () => walAtLeast(interrupted, 256 * 1024));
    storedAfterKill.push(await stored());
    await killDuring(interrupted, file, async () => {
      await walAtLeast(interrupted, 256 * 1024);
      await sleep(700);
    });
    storedAfterKill.push(await stored());
    // The kills must really have landed mid-import, or this test would prove nothing.
    assert.ok(
      storedAfterKill.some((n) => n > 0 && n < RECORDS),
      `no kill interrupted the import: ${storedAfterKill.join(', ')}`,
    );

    const rerun = await runCli(['--store', interrupted, 'import', '--json', file]);
    assert.equal(rerun.code, 0, rerun.stderr);
    const summary = JSON.parse(rerun.stdout) as { files: Array<{ records: number; imported: number; duplicates: number }> };
    assert.equal(summary.files[0]!.records, RECORDS);
    assert.equal(summary.files[0]!.imported + summary.files[0]!.duplicates, RECORDS);

    const actual = await verifyJson(interrupted);
    assert.equal(actual.ok, true);
    // Same count and the same chain head: the same events, in the same order, nothing twice.
    assert.deepEqual(actual.tenants, expected.tenants);
  });
});
