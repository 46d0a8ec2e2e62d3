// `takeback events | head`: the reader closes the pipe early. takeback stops quietly, as other
// command-line tools do, instead of crashing with a stack trace.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BIN, ROOT, runCli, tempDir } from './helpers/cli.ts';

function readFirstChunkThenClose(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, TAKEBACK_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output piped to a reader that stops early', () => {
  const dir = tempDir();
  const store = join(dir, 'store.db');
  const file = join(dir, 'audits.json');
  const value = Array.from({ length: 4000 }, (_, i) => ({
    id: `Directory_pipe_${i}`,
    activityDateTime: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString(),
    activityDisplayName: 'Update user',
    category: 'UserManagement',
    result: 'success',
    loggedByService: 'Core Directory',
    initiatedBy: { user: { id: `a${i}`, userPrincipalName: `admin${i}@contoso.example`, ipAddress: '203.0.113.9' } },
    targetResources: [{ id: `t${i}`, type: 'User', userPrincipalName: `user${i}@contoso.example`, modifiedProperties: [] }],
  }));
  writeFileSync(file, JSON.stringify({ value }));

  it('imports the records', async () => {
    assert.equal((await runCli(['--store', store, 'import', '--tenant', 'T', file])).code, 0);
  });

  for (const format of [[], ['--json'], ['--csv']]) {
    it(`events ${format.join(' ')} exits quietly`, async () => {
      const r = await readFirstChunkThenClose(['--store', store, 'events', '--limit', '100000', ...format]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
    });
  }
});
