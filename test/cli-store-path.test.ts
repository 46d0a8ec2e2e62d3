// The store path a responder types: import creates it (and its folder); reading commands refuse a
// path that holds no store instead of creating an empty one and reporting on that (a report of an
// empty store says no sign of takeover was found).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, SAMPLES, tempDir } from './helpers/cli.ts';

describe('store path', () => {
  const dir = tempDir();

  it('import creates the store and the folders leading to it', async () => {
    const store = join(dir, 'case', 'evidence', 'store.db');
    const r = await runCli(['--store', store, 'import', join(SAMPLES, 'sentinel-training-lab', 'disable_accounts.csv')]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(store));
  });

  for (const command of [['verify'], ['verify', '--json'], ['events'], ['events', '--json'], ['timeline'], ['report', '--format', 'json'], ['hunt', '--sigma', 'src/sigma/rules'], ['assess']]) {
    it(`${command.join(' ')} on a path with no store says so and creates nothing`, async () => {
      const store = join(dir, 'typo', 'stroe.db');
      const r = await runCli(['--store', store, ...command]);
      assert.equal(r.code, 1, r.stdout);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /No evidence store at .*stroe\.db/);
      assert.ok(!existsSync(store), 'no empty store was created');
      assert.ok(!existsSync(join(dir, 'typo')), 'no folder was created');
    });
  }
});
