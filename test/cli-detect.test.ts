// timeline, hunt and sigma check through the real binary, on the seed case and real samples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT, SAMPLES, runCli, tempDir } from './helpers/cli.ts';

const SIGMA = join(ROOT, '..', 'shared', 'data', 'sigma');

describe('detection commands', () => {
  const store = join(tempDir(), 'detect.db');

  before(async () => {
    const r = await runCli(['--store', store, 'import', join(ROOT, 'examples', 'seed-case-purview.csv'), join(SAMPLES, 'otrf-golden-saml', 'AADAuditEvents.json')]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('timeline tells the seed case as one incident, step by step, in order', async () => {
    const r = await runCli(['--store', store, 'timeline', '--tenant', '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31']);
    assert.equal(r.code, 0, r.stderr);
    const steps = r.stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l));
    const expected = [
      /Unusual sign-in to the admin account admin@example-kk\.co\.jp/,
      /sign-in method \(security info\) was registered/,
      /new account support-admin@examplekk\.onmicrosoft\.com was created/,
      /made Global Administrator/,
      /notification contacts were changed to it-notice@mail\.example\.net/,
      /original admin admin@example-kk\.co\.jp was removed from Global Administrator/,
      /original admin admin@example-kk\.co\.jp was deleted .*restorable until 2026-11-18/,
      /licence was bought or assigned/,
    ];
    assert.equal(steps.length, expected.length, r.stdout);
    expected.forEach((re, i) => assert.match(steps[i]!, re));
    assert.equal((r.stdout.match(/^INCIDENT/gm) ?? []).length, 1);
  });

  it('report writes a self-contained HTML report and OCSF findings', async () => {
    const out = join(tempDir(), 'case.html');
    const r = await runCli(['--store', store, 'report', '--tenant', '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    assert.match(html, /support-admin@examplekk\.onmicrosoft\.com/);
    assert.doesNotMatch(html, /<script|https?:\/\/[^"' ]+\.(js|css)/);

    const ocsf = await runCli(['--store', store, 'report', '--format', 'ocsf']);
    const findings = JSON.parse(ocsf.stdout) as Array<{ class_uid: number; finding_info: { analytic: { uid: string } } }>;
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.class_uid === 2004));
    assert.ok(findings.some((f) => f.finding_info.analytic.uid === 'TB-S7-takeover-chain'));
  });

  it('hunt runs the SigmaHQ rules and names their authors and licence', async () => {
    const r = await runCli(['--store', store, 'hunt', '--sigma', SIGMA]);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /Added Credentials to Existing Application/);
    assert.match(r.stdout, /User Added to an Administrator's Azure AD Role/);
    assert.match(r.stdout, /Detection Rule License \(DRL\) 1\.1/);
  });

  it('hunt --rule reports only the chosen rule', async () => {
    const r = await runCli(['--store', store, 'hunt', '--sigma', SIGMA, '--rule', 'cbb67ecc-fb70-4467-9350-c910bdf7c628', '--json']);
    const out = JSON.parse(r.stdout) as { matches: Array<{ ruleId: string; eventIds: string[] }> };
    assert.deepEqual([...new Set(out.matches.map((m) => m.ruleId))], ['cbb67ecc-fb70-4467-9350-c910bdf7c628']);
  });

  it('sigma check says which rules load and why the others do not', async () => {
    const r = await runCli(['sigma', 'check', SIGMA]);
    assert.equal(r.code, 4);
    assert.match(r.stdout, /197 documents: 185 load, 12 refused/);
    assert.match(r.stdout, /REFUSED: placeholder %\w+% .*has no configured value/);
  });
});
