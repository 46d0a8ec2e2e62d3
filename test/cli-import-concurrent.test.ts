// Several imports started at once into the same new store (a responder's shell loop with `&`):
// every one succeeds, and the store holds each event once.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, tempDir } from './helpers/cli.ts';

const PROCESSES = 6;
const ROUNDS = 4;

function audits(file: string, prefix: string): void {
  const value = Array.from({ length: 20 }, (_, i) => ({
    id: `Directory_${prefix}_${i}`,
    activityDateTime: `2026-10-05T01:${String(i).padStart(2, '0')}:00.000Z`,
    activityDisplayName: 'Update user',
    category: 'UserManagement',
    result: 'success',
    loggedByService: 'Core Directory',
    initiatedBy: { user: { id: 'a1', userPrincipalName: 'admin@contoso.example', ipAddress: '203.0.113.9' } },
    targetResources: [{ id: `t${i}`, type: 'User', userPrincipalName: `user${i}@contoso.example`, modifiedProperties: [] }],
  }));
  writeFileSync(file, JSON.stringify({ value }));
}

describe('imports started at the same time into one new store', () => {
  it('all succeed, and each event is stored once', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const files = Array.from({ length: PROCESSES }, (_, i) => join(dir, `audits-${i % 2}.json`));
    audits(files[0]!, 'a');
    audits(files[1]!, 'b');
    for (let round = 0; round < ROUNDS; round++) {
      const store = join(dir, `new-${round}.db`);
      const results = await Promise.all(files.map((f) => runCli(['--store', store, 'import', '--tenant', 'T', '--json', f])));
      for (const r of results) assert.equal(r.code, 0, r.stderr);
      const imported = results.map((r) => (JSON.parse(r.stdout) as { files: Array<{ imported: number }> }).files[0]!.imported);
      assert.equal(
        imported.reduce((a, b) => a + b, 0),
        40,
      );
      const verify = await runCli(['--store', store, 'verify', '--json']);
      assert.equal(verify.code, 0, verify.stdout);
      assert.deepEqual(
        (JSON.parse(verify.stdout) as { tenants: Array<{ events: number }> }).tenants.map((t) => t.events),
        [40],
      );
    }
  });
});
