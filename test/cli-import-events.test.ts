// The import → events → verify path through the real binary, on the bundled seed-case export.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli, SAMPLES, tempDir } from './helpers/cli.ts';

const SEED = join(ROOT, 'examples', 'seed-case-purview.csv');

describe('takeback import, events and verify on the seed case', () => {
  const store = join(tempDir(), 'case.db');

  it('imports every record once, and a second import adds nothing', async () => {
    const first = await runCli(['--store', store, 'import', '--json', SEED]);
    assert.equal(first.code, 0, first.stderr);
    const summary = JSON.parse(first.stdout) as { files: Array<Record<string, unknown>> };
    assert.equal(summary.files[0]!.format, 'purview.csv');
    assert.equal(summary.files[0]!.records, 12);
    assert.equal(summary.files[0]!.imported, 12);
    assert.deepEqual(summary.files[0]!.tenants, ['5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31']);
    assert.equal(summary.files[0]!.first, '2026-10-01T00:15:02.000Z');
    assert.equal(summary.files[0]!.last, '2026-10-21T08:30:00.000Z');

    const again = await runCli(['--store', store, 'import', SEED]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /seed-case-purview\.csv\s+purview\.csv\s+12\s+0\s+12\s+0\s+0/);
  });

  it('finds the rogue Global Administrator assignment by action and actor', async () => {
    const r = await runCli(['--store', store, 'events', '--action', 'role.assigned']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2026-10-05 01:27:30\s+role\.assigned\s+admin@example-kk\.co\.jp\s+203\.0\.113\.45\s+.*support-admin@examplekk\.onmicrosoft\.com/);
    assert.match(r.stdout, /^1 event$/m);

    const byActor = await runCli(['--store', store, 'events', '--actor', 'support-admin', '--json']);
    const events = JSON.parse(byActor.stdout) as Array<{ action: string; time: string }>;
    assert.deepEqual(
      events.map((e) => e.action),
      ['tenant.contacts.changed', 'role.unassigned', 'user.deleted', 'license.changed', 'license.changed'],
    );
  });

  it('looks events up by the ids a report names', async () => {
    const all = JSON.parse((await runCli(['--store', store, 'events', '--json'])).stdout) as Array<{ id: string; action: string }>;
    const wanted = [all[2]!, all[9]!];
    const r = await runCli(['--store', store, 'events', '--id', wanted[0]!.id, wanted[1]!.id, 'no-such-id', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [all[2], all[9]]);
    const table = await runCli(['--store', store, 'events', '--id', wanted[0]!.id]);
    assert.match(table.stdout, new RegExp(`\\s${wanted[0]!.action.replace('.', '\\.')}\\s`));
    assert.match(table.stdout, /^1 event$/m);
  });

  it('filters by IP and time window and exports CSV', async () => {
    const r = await runCli(['--store', store, 'events', '--ip', '198.51.100.20', '--since', '2026-10-02', '--until', '2026-10-21T08:30:00Z', '--csv']);
    assert.equal(r.code, 0, r.stderr);
    // A BOM first, so that Excel reads UTF-8 (Japanese names) instead of the local code page.
    assert.ok(r.stdout.startsWith('\ufefftime,'), JSON.stringify(r.stdout.slice(0, 10)));
    const lines = r.stdout.trim().split('\r\n');
    assert.equal(lines[0], 'time,tenant,provider,source,action,nativeAction,result,actorKind,actorName,actorId,actorIp,actorUserAgent,targets,changes,id');
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, /^2026-10-06T09:02:13.000Z,.*,signin,UserLoggedIn,success,/);
    assert.match(lines[2]!, /^2026-10-21T08:30:00.000Z,.*,signin\.failed,UserLoginFailed,failure,/);
  });

  it('names a file that cannot be imported once, with the reason, and exits with 4', async () => {
    const missing = join(tempDir(), 'no-such-export.csv');
    const r = await runCli(['--store', store, 'import', missing]);
    assert.equal(r.code, 4, r.stderr);
    assert.equal(r.stdout.split(missing).length - 1, 1, r.stdout);
    assert.match(r.stdout, new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be read: ENOENT$`, 'm'));
  });

  it('--until a date includes that whole day', async () => {
    const r = await runCli(['--store', store, 'events', '--since', '2026-10-05', '--until', '2026-10-05', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as Array<{ time: string }>).map((e) => e.time),
      ['2026-10-05T01:12:40.000Z', '2026-10-05T01:19:55.000Z', '2026-10-05T01:25:11.000Z', '2026-10-05T01:27:30.000Z'],
    );
  });

  it('names every line of a record a quote left open', async () => {
    const lines = readFileSync(SEED, 'utf8').split('\r\n');
    // The second record's AuditData cell loses its closing quote and runs on into the next line.
    lines[2] = lines[2]!.replace(/}",/, '},');
    const file = join(tempDir(), 'open-quote.csv');
    writeFileSync(file, lines.join('\r\n'));
    const r = await runCli(['--store', join(tempDir(), 'q.db'), 'import', file]);
    assert.equal(r.code, 4, r.stdout + r.stderr);
    assert.match(r.stdout, /open-quote\.csv:3-4 \(record 2\): /);
  });

  it('says how many characters a broken UTF-8 byte cost, and exits 4', async () => {
    const bytes = readFileSync(SEED);
    const at = bytes.indexOf('support-admin');
    const file = join(tempDir(), 'broken-utf8.csv');
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at + 1)]));
    const r = await runCli(['--store', join(tempDir(), 'u.db'), 'import', file]);
    assert.equal(r.code, 4, r.stdout + r.stderr);
    assert.match(r.stdout, /broken-utf8\.csv: 1 character could not be read as UTF-8 \(a broken byte sequence\) and is stored as U\+FFFD/);
    const clean = await runCli(['--store', join(tempDir(), 'c.db'), 'import', SEED]);
    assert.doesNotMatch(clean.stdout, /could not be read as/);
  });

  it('says when records name no tenant, and how to name it', async () => {
    const graph = join(SAMPLES, 'microsoft-docs-examples', 'directoryAudits-list.example1.json');
    const unnamed = await runCli(['--store', join(tempDir(), 'graph.db'), 'import', graph]);
    assert.equal(unnamed.code, 0, unnamed.stderr);
    assert.match(unnamed.stdout, /graph\.directoryAudits .* \(not named\)\n/);
    assert.match(unnamed.stdout, /Some records do not name their tenant .* import such files with --tenant ID into a new store/);
    const named = await runCli(['--store', join(tempDir(), 'graph.db'), 'import', '--tenant', 'contoso.example', graph]);
    assert.match(named.stdout, /contoso\.example\n/);
    assert.doesNotMatch(named.stdout, /not named|do not name their tenant/);
  });

  it('speaks Japanese with --lang ja', async () => {
    const r = await runCli(['--store', store, '--lang', 'ja', 'events', '--action', 'user.deleted']);
    assert.match(r.stdout, /時刻 \(UTC\)/);
    assert.match(r.stdout, /1 件のイベント/);
  });

  it('verify passes, then names the event edited with the sqlite3 CLI', async () => {
    const ok = await runCli(['--store', store, 'verify']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Verified: the evidence is complete and unaltered\./);

    const deleted = await runCli(['--store', store, 'events', '--action', 'user.deleted', '--json']);
    const victim = (JSON.parse(deleted.stdout) as Array<{ id: string; time: string }>)[0]!;
    // A row's key: the event's time and the first 32 bits of its id.
    const uid32 = Number.parseInt(victim.id.slice(0, 8), 16) | 0;
    execFileSync('sqlite3', [store, `DELETE FROM events WHERE time = ${Date.parse(victim.time)} AND uid32 = ${uid32}`]);
    const bad = await runCli(['--store', store, 'verify']);
    assert.equal(bad.code, 3);
    assert.match(bad.stdout, new RegExp(`DELETED: tenant 5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31, event #9 \\(${victim.id}, user\\.deleted at 2026-10-19T03:06:20\\.000Z\\)`));
    assert.match(bad.stdout, /Verification FAILED: 1 problem found/);

    // An indexed column changed by hand: the reason is a sentence in the chosen language, and a code in JSON.
    const created = await runCli(['--store', store, 'events', '--action', 'user.created', '--json']);
    const edited = (JSON.parse(created.stdout) as Array<{ id: string; time: string }>)[0]!;
    execFileSync('sqlite3', [store, `UPDATE events SET ip = NULL WHERE time = ${Date.parse(edited.time)} AND uid32 = ${Number.parseInt(edited.id.slice(0, 8), 16) | 0}`]);
    const en = await runCli(['--store', store, 'verify']);
    assert.match(en.stdout, new RegExp(`ALTERED: .*\\(${edited.id}, user\\.created at .*\\): indexed columns do not match the stored record`));
    const ja = await runCli(['--store', store, '--lang', 'ja', 'verify']);
    assert.match(ja.stdout, new RegExp(`改ざん: .*\\(${edited.id}、.* の user\\.created\\): 索引の列が保存されたレコードと一致しません`));
    const json = await runCli(['--store', store, 'verify', '--json']);
    const problems = (JSON.parse(json.stdout) as { problems: Array<{ kind: string; eventId?: string; reason: string; detail: string }> }).problems;
    assert.deepEqual(
      problems.filter((p) => p.kind === 'edited').map((p) => [p.eventId, p.reason, p.detail]),
      [[edited.id, 'columns_mismatch', 'indexed columns do not match the stored record']],
    );
  });

  it('rejects a bad time with a clear message and exit code 2', async () => {
    const r = await runCli(['--store', store, 'events', '--since', 'yesterday-ish']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--since: cannot read "yesterday-ish" as a time/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  });
});
