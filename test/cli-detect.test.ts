// timeline, hunt and sigma check through the real binary, on the seed case and real samples.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
      /original admin admin@example-kk\.co\.jp was deleted .*until 2026-11-18/,
      /licence was bought or assigned/,
    ];
    assert.equal(steps.length, expected.length, r.stdout);
    expected.forEach((re, i) => assert.match(steps[i]!, re));
    assert.equal((r.stdout.match(/^INCIDENT/gm) ?? []).length, 1);
  });

  it('timeline says its times are UTC, and that nothing was checked when no log record was read', async () => {
    const seed = await runCli(['--store', store, 'timeline', '--tenant', '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31']);
    assert.match(seed.stdout, /All times are UTC\.\n$/);
    for (const lang of ['en', 'ja']) {
      // A mistyped tenant or a time range with no records reads nothing: that is not "no signs of takeover".
      const none = await runCli(['--store', store, '--lang', lang, 'timeline', '--tenant', 'no-such-tenant']);
      assert.equal(none.code, 0, none.stderr);
      assert.doesNotMatch(none.stdout, /No signs of takeover|乗っ取りの兆候は見つかりませんでした/);
      assert.match(none.stdout, lang === 'en' ? /nothing could be checked/ : /何も確認できていない/);
      const later = await runCli(['--store', store, '--lang', lang, 'timeline', '--since', '2030-01-01']);
      assert.match(later.stdout, lang === 'en' ? /nothing could be checked/ : /何も確認できていない/);
    }
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

  it('hunt with no rule that loads is an error, not a clean result', async () => {
    const dir = join(tempDir(), 'empty');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.yml'), 'just: a note\n');
    const r = await runCli(['--store', store, 'hunt', '--no-builtin', '--sigma', dir]);
    assert.notEqual(r.code, 0);
    assert.notEqual(r.code, 3);
    assert.match(r.stderr, /no Sigma rule loads from here \(`takeback sigma check` says why\)/);
    assert.doesNotMatch(r.stdout, /0 matches/);
  });

  it('hunt --rule reports only the chosen rule', async () => {
    const r = await runCli(['--store', store, 'hunt', '--sigma', SIGMA, '--rule', 'cbb67ecc-fb70-4467-9350-c910bdf7c628', '--json']);
    const out = JSON.parse(r.stdout) as { matches: Array<{ ruleId: string; eventIds: string[] }> };
    assert.deepEqual([...new Set(out.matches.map((m) => m.ruleId))], ['cbb67ecc-fb70-4467-9350-c910bdf7c628']);
  });

  it('report --sigma puts the Sigma matches among the findings, with their attribution', async () => {
    const r = await runCli(['--store', store, 'report', '--format', 'json', '--sigma', SIGMA]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Sigma: 185 rules and 0 correlations loaded, 12 refused/);
    const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; kind: string; title: string; severity: string; notes: string[]; attack: Array<{ id: string }> }> };
    const added = report.findings.find((f) => f.ruleId === 'sigma:cbb67ecc-fb70-4467-9350-c910bdf7c628');
    assert.ok(added, report.findings.map((f) => f.ruleId).join(' '));
    assert.equal(added.kind, 'sigma');
    assert.equal(added.title, 'Sigma: Added Credentials to Existing Application');
    assert.ok(added.notes.some((n) => /^Attribution: Sigma rule "Added Credentials to Existing Application" by .+Detection Rule License \(DRL\) 1\.1/.test(n)), added.notes.join('\n'));
    assert.ok(added.attack.length > 0);
    // The built-in detections are still there, beside them.
    assert.ok(report.findings.some((f) => f.ruleId === 'TB-S7-takeover-chain'));
    const plain = JSON.parse((await runCli(['--store', store, 'report', '--format', 'json'])).stdout) as typeof report;
    assert.ok(!plain.findings.some((f) => f.kind === 'sigma'));
  });

  it('timeline names whom each finding outside an incident is about', async () => {
    const other = join(tempDir(), 'other.db');
    await runCli(['--store', other, 'import', join(SAMPLES, 'o365-management-api-docs', 'retrieve-content-sample.json')]);
    const r = await runCli(['--store', other, 'timeline']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Other findings:\n {2}\[low\] 2015-06-29 20:04 {2}New user account created: user001@contoso\.onmicrosoft\.com\n/);
  });

  it('timeline --sigma lists Sigma findings with the others, in Japanese too', async () => {
    const en = await runCli(['--store', store, 'timeline', '--sigma', SIGMA]);
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stdout, /\[medium\] \S+ \S+ {2}Sigma: User Added to an Administrator's Azure AD Role/);
    const ja = await runCli(['--store', store, '--lang', 'ja', 'timeline', '--sigma', SIGMA]);
    assert.match(ja.stdout, /\[中\] \S+ \S+ {2}Sigma ルール: User Added to an Administrator's Azure AD Role/);
    assert.match(ja.stdout, /^インシデント \(緊急\)/m);
    assert.doesNotMatch(ja.stdout, /\[(low|medium|high|critical|info)\]|CRITICAL/);
  });

  it('hunt --report writes the matches as findings in a self-contained report', async () => {
    const out = join(tempDir(), 'hunt.html');
    const r = await runCli(['--store', store, 'hunt', '--sigma', SIGMA, '--report', out]);
    assert.equal(r.code, 3, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /data-rule="sigma:cbb67ecc-fb70-4467-9350-c910bdf7c628"/);
    assert.match(html, /Attribution: Sigma rule &#34;Added Credentials to Existing Application&#34; by /);
    assert.doesNotMatch(html, /<script/);
  });

  it('--sigma with a missing folder stops with a clear error', async () => {
    const r = await runCli(['--store', store, 'report', '--sigma', join(ROOT, 'no-such-rules')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no-such-rules: no such file or folder of Sigma rules/);
  });

  it('hunt and sigma check with a missing folder stop with a clear error, in Japanese too', async () => {
    const hunt = await runCli(['--store', store, 'hunt', '--sigma', join(ROOT, 'no-such-rules')]);
    assert.equal(hunt.code, 1);
    assert.match(hunt.stderr, /no-such-rules: no such file or folder of Sigma rules/);
    assert.doesNotMatch(hunt.stderr, /Unexpected error|ENOENT/);
    const check = await runCli(['--lang', 'ja', 'sigma', 'check', join(ROOT, 'no-such-rules')]);
    assert.equal(check.code, 1);
    assert.match(check.stderr, /no-such-rules: Sigma ルールのファイルまたはフォルダーが見つかりません/);
  });

  it('hunt --rule that names no loaded rule says so instead of reporting no matches', async () => {
    const r = await runCli(['--store', store, 'hunt', '--sigma', SIGMA, '--rule', 'cbb67ecc-fb70-4467-9350-c910bdf7c628', '--rule', 'no-such-rule']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /--rule no-such-rule: no rule or correlation that loaded has this id, name or title/);
    assert.equal(r.stdout, '');
  });

  it('sigma check says which rules load and why the others do not', async () => {
    const r = await runCli(['sigma', 'check', SIGMA]);
    assert.equal(r.code, 4);
    assert.match(r.stdout, /197 documents: 185 load, 12 refused/);
    assert.match(r.stdout, /REFUSED: placeholder %\w+% .*has no configured value/);
    // A rule that loads but can never run says why, in the chosen language.
    assert.match(r.stdout, /Okta Password Health Report Query: loads, but never runs: no field map for logsource product=okta service=okta: takeback stores no events of this kind/);
    assert.doesNotMatch(r.stdout, /never runs: *$/m);
    const ja = await runCli(['--lang', 'ja', 'sigma', 'check', SIGMA]);
    assert.match(ja.stdout, /Okta Password Health Report Query: 読み込めますが実行されません: logsource product=okta service=okta に対応するフィールドマップがありません/);
    // Why a rule is refused, in Japanese too, and as a code with its values in JSON.
    assert.match(ja.stdout, /拒否: プレースホルダー %Approved_Inviters% \(properties\.initiatedBy\|contains\|expand 内\) に値が設定されていません/);
    assert.match(ja.stdout, /拒否: condition '.*' はパイプによる集計 \(count\/near\) を使っています/);
    assert.match(ja.stdout, /スキーマ: date: パターン ".*" に合っていなければなりません/);
    const json = JSON.parse((await runCli(['sigma', 'check', SIGMA, '--json'])).stdout) as { entries: Array<{ loads: boolean; reasonCode?: string; reasonParams?: Record<string, unknown> }> };
    const refused = json.entries.filter((e) => !e.loads);
    assert.equal(refused.length, 12);
    assert.ok(refused.every((e) => typeof e.reasonCode === 'string' && e.reasonParams !== undefined));
    assert.ok(refused.some((e) => e.reasonCode === 'placeholder_unset' && e.reasonParams?.name === 'Approved_Inviters'));
  });

  it('hunt correlates the events of each tenant on their own, never two tenants together', async () => {
    // The store holds the seed case (one tenant) and the OTRF data (another): a correlation of an
    // operation only the first has with one only the second has must not fire.
    const dir = join(tempDir(), 'cross-tenant');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'cross.yml'),
      `title: Seed case add user
name: seed_add_user
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        operationName: Add user
    condition: selection
---
title: OTRF delegated permission grant
name: otrf_grant
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        operationName: Add delegated permission grant
    condition: selection
---
title: Both within years
correlation:
    type: temporal
    rules: [seed_add_user, otrf_grant]
    timespan: 10000d
`,
    );
    const mixed = await runCli(['--store', store, 'hunt', '--no-builtin', '--sigma', dir, '--json']);
    assert.equal(mixed.code, 0, mixed.stdout + mixed.stderr);
    assert.deepEqual((JSON.parse(mixed.stdout) as { matches: unknown[] }).matches, []);
    // Each rule on its own does match in its tenant (the correlation is not failing for another reason).
    writeFileSync(join(dir, 'cross.yml'), readFileSync(join(dir, 'cross.yml'), 'utf8') + 'generate: true\n');
    const generated = await runCli(['--store', store, 'hunt', '--no-builtin', '--sigma', dir, '--json']);
    const titles = (JSON.parse(generated.stdout) as { matches: Array<{ title: string }> }).matches.map((m) => m.title).sort();
    assert.deepEqual(titles, ['OTRF delegated permission grant', 'Seed case add user']);
  });

  it('hunt and sigma check say when a filter cannot apply, in English and Japanese', async () => {
    const dir = join(tempDir(), 'filters');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'mf_service_accounts.yml'),
      `title: Ignore the backup service account
logsource: { product: azure, service: auditlogs }
filter:
    rules:
        - no_such_rule
    selection:
        Initiatedby|startswith: svc_
    condition: selection
`,
    );
    const en = await runCli(['--store', store, 'hunt', '--sigma', SIGMA, '--sigma', dir]);
    assert.equal(en.code, 3, en.stderr);
    assert.match(en.stderr, /Not used as written:\n.*mf_service_accounts\.yml:1 {2}Ignore the backup service account: filter refers to 'no_such_rule', which is not a loaded rule/);
    const ja = await runCli(['--store', store, '--lang', 'ja', 'hunt', '--sigma', SIGMA, '--sigma', dir]);
    assert.match(ja.stderr, /書かれたとおりには使われなかったもの:\n.*フィルターが参照する 'no_such_rule' は読み込まれたルールではありません/);
    const json = await runCli(['--store', store, 'hunt', '--sigma', dir, '--sigma', SIGMA, '--json']);
    const out = JSON.parse(json.stdout) as { warnings: Array<{ code: string; params: { ref: string } }> };
    assert.deepEqual(
      out.warnings.map((w) => [w.code, w.params.ref]),
      [['filter_ref_missing', 'no_such_rule']],
    );
    const check = await runCli(['sigma', 'check', dir]);
    assert.match(check.stdout, /Ignore the backup service account: loads\n {4}note: filter refers to 'no_such_rule', which is not a loaded rule/);
  });
});
