// A hunt that matches more often than a terminal can usefully show: each rule's count first, then
// the first matches, and a line saying how many more --json would list. A report lists
// each rule's first 1,000 matches as findings and says how many more there were.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { writeUalFile } from '../bench/import/generate.ts';
import { runCli, tempDir } from './helpers/cli.ts';

const RULES = `title: Ordinary sign-in
id: 9f4b2c1e-0000-4000-8000-000000000001
level: low
logsource: { product: m365, service: audit }
detection:
    selection:
        Operation: UserLoggedIn
    condition: selection
---
title: Failed sign-in
id: 9f4b2c1e-0000-4000-8000-000000000002
level: high
logsource: { product: m365, service: audit }
detection:
    selection:
        Operation: UserLoginFailed
    condition: selection
`;

describe('hunt with many matches', () => {
  const dir = tempDir();
  const store = join(dir, 'many.db');
  const rules = join(dir, 'rules');

  before(async () => {
    const file = join(dir, 'ual.jsonl');
    await writeUalFile(file, { count: 2000, format: 'jsonl', seed: 7 });
    const r = await runCli(['--store', store, 'import', file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    mkdirSync(rules);
    writeFileSync(join(rules, 'logins.yml'), RULES);
  });

  it('lists each rule with its count, then the first 500 matches, and says how many more there are', async () => {
    const json = await runCli(['--store', store, 'hunt', '--no-builtin', '--sigma', rules, '--json']);
    const all = (JSON.parse(json.stdout) as { matches: Array<{ title: string; time: string }> }).matches;
    const count = (title: string) => all.filter((m) => m.title === title).length;
    const ok = count('Ordinary sign-in');
    const failed = count('Failed sign-in');
    assert.ok(ok > 500 && failed > 0, `the data gives both rules matches (${ok}, ${failed})`);

    const r = await runCli(['--store', store, 'hunt', '--no-builtin', '--sigma', rules]);
    assert.equal(r.code, 3, r.stderr);
    const lines = r.stdout.split('\n');
    // The most severe rule first, with its count and the first and last time it matched.
    const high = lines.findIndex((l) => /^high\s+Failed sign-in\s+\d+/.test(l));
    const low = lines.findIndex((l) => /^low\s+Ordinary sign-in\s+\d+/.test(l));
    assert.ok(high >= 0 && low > high, r.stdout.slice(0, 800));
    assert.match(lines[high]!, new RegExp(`Failed sign-in\\s+${failed}\\s`));
    assert.match(lines[low]!, new RegExp(`Ordinary sign-in\\s+${ok}\\s`));
    const first = all.filter((m) => m.title === 'Ordinary sign-in')[0]!.time.replace('T', ' ').slice(0, 19);
    assert.ok(lines[low]!.includes(first), lines[low]);
    // Then one row per match, the first 500 in time order.
    const rows = lines.filter((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+(low|high)\s/.test(l));
    assert.equal(rows.length, 500);
    assert.ok(rows[0]!.startsWith(all[0]!.time.replace('T', ' ').slice(0, 19)));
    assert.match(r.stdout, new RegExp(`… and ${all.length - 500} more matches not listed \\(--json lists every one\\)`));
    assert.match(r.stdout, new RegExp(`${all.length} matches`));

    const ja = await runCli(['--store', store, '--lang', 'ja', 'hunt', '--no-builtin', '--sigma', rules]);
    assert.match(ja.stdout, /一致数/);
    assert.match(ja.stdout, new RegExp(`ほかに ${all.length - 500} 件の一致は表示していません`));
  });

  it('reports the first 1,000 matches of a rule as findings and counts the rest, in report --sigma and hunt --report', async () => {
    const json = await runCli(['--store', store, 'hunt', '--no-builtin', '--sigma', rules, '--json']);
    const all = (JSON.parse(json.stdout) as { matches: Array<{ title: string; time: string }> }).matches;
    const ordinary = all.filter((m) => m.title === 'Ordinary sign-in');
    const failed = all.filter((m) => m.title === 'Failed sign-in').length;
    assert.ok(ordinary.length > 1000 && failed > 0 && failed < 1000, `${ordinary.length}, ${failed}`);

    type Report = { findings: Array<{ title: string }>; omitted?: Array<{ title: string; total: number; listed: number; first: string; last: string; text: string }> };
    const check = (report: Report) => {
      assert.equal(report.findings.filter((f) => f.title === 'Sigma: Ordinary sign-in').length, 1000);
      assert.equal(report.findings.filter((f) => f.title === 'Sigma: Failed sign-in').length, failed);
      assert.equal(report.omitted?.length, 1);
      const o = report.omitted[0]!;
      assert.deepEqual([o.title, o.total, o.listed, o.first, o.last], ['Ordinary sign-in', ordinary.length, 1000, ordinary[0]!.time, ordinary.at(-1)!.time]);
      assert.match(o.text, new RegExp(`Ordinary sign-in: ${ordinary.length} matches from .* the first 1000 are listed as findings\\. \`takeback hunt --sigma DIR --rule 9f4b2c1e-0000-4000-8000-000000000001 --json\` lists every one\\.`));
    };
    const viaReport = join(dir, 'report.json');
    const r = await runCli(['--store', store, 'report', '--sigma', rules, '--format', 'json', '--out', viaReport]);
    assert.equal(r.code, 0, r.stderr);
    check(JSON.parse(readFileSync(viaReport, 'utf8')) as Report);
    const viaHunt = join(dir, 'hunt.json');
    const h = await runCli(['--store', store, 'hunt', '--no-builtin', '--sigma', rules, '--report', viaHunt, '--format', 'json']);
    assert.equal(h.code, 3, h.stderr);
    check(JSON.parse(readFileSync(viaHunt, 'utf8')) as Report);

    const text = await runCli(['--store', store, '--lang', 'ja', 'report', '--sigma', rules, '--format', 'text']);
    assert.match(text.stdout, new RegExp(`一覧にない一致:\n  Ordinary sign-in: .* ${ordinary.length} 件一致し、最初の 1000 件を所見として載せています。`));
    const html = join(dir, 'report.html');
    await runCli(['--store', store, 'report', '--sigma', rules, '--out', html]);
    assert.match(readFileSync(html, 'utf8'), /<h3>Matches not listed<\/h3><ul><li>Ordinary sign-in: \d+ matches/);
  });
});
