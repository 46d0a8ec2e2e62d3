// Encodings as exports come: UTF-8 with and without BOM, UTF-16LE (with BOM, as PowerShell and Excel
// "Unicode text" write it, and without), and Shift_JIS as Excel saves CSV on a Japanese PC.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDecoder } from 'node:util';
import { openStore } from '../store/open.ts';
import { importFile } from './run.ts';
import { collect, FIXTURES, tempDir } from './test-helpers.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

/** Shift_JIS bytes of a few words, written out by hand (Node has no Shift_JIS encoder). */
const SJIS: Record<string, number[]> = {
  日本: [0x93, 0xfa, 0x96, 0x7b],
  テスト: [0x83, 0x65, 0x83, 0x58, 0x83, 0x67],
  // 表 and ソ end in 0x5C, the byte of "\": a classic trap for byte-level CSV/JSON handling
  表示: [0x95, 0x5c, 0x8e, 0xa6],
  ソ: [0x83, 0x5c],
  管理者: [0x8a, 0xc7, 0x97, 0x9d, 0x8e, 0xd2],
};

/** Builds Shift_JIS bytes from text whose non-ASCII words are all in SJIS. */
function sjis(text: string): Buffer {
  const parts: Buffer[] = [];
  let rest = text;
  while (rest.length > 0) {
    const word = Object.keys(SJIS).find((w) => rest.startsWith(w));
    if (word !== undefined) {
      parts.push(Buffer.from(SJIS[word]!));
      rest = rest.slice(word.length);
    } else {
      const ch = rest[0]!;
      assert.ok(ch.charCodeAt(0) < 0x80, `no Shift_JIS bytes for ${ch}`);
      parts.push(Buffer.from(ch, 'latin1'));
      rest = rest.slice(1);
    }
  }
  return Buffer.concat(parts);
}

describe('text encodings', () => {
  it('the hand-written Shift_JIS bytes decode to the words', () => {
    const d = new TextDecoder('shift_jis', { fatal: true });
    for (const [word, bytes] of Object.entries(SJIS)) assert.equal(d.decode(Buffer.from(bytes)), word);
  });

  it('UTF-16LE with BOM (CSV) imports like UTF-8', async () => {
    const text = readFileSync(join(FIXTURES, 'purview-audit.csv'), 'utf8').replace(/^\ufeff/, '');
    const utf8 = await collect(join(FIXTURES, 'purview-audit.csv'));
    const file = join(dir, 'purview-utf16.csv');
    writeFileSync(file, Buffer.from(`\ufeff${text}`, 'utf16le'));
    const c = await collect(file);
    assert.equal(c.format, 'purview.csv');
    assert.deepEqual(
      c.items.map((i) => [i.kind, i.line, i.kind === 'event' ? i.event.id : '']),
      utf8.items.map((i) => [i.kind, i.line, i.kind === 'event' ? i.event.id : '']),
    );
  });

  it('UTF-16LE without BOM, and JSON in UTF-16LE with BOM', async () => {
    const text = readFileSync(join(FIXTURES, 'entra-signins-download.csv'), 'utf8').replace(/^\ufeff/, '');
    const noBom = join(dir, 'signins-utf16-nobom.csv');
    writeFileSync(noBom, Buffer.from(text, 'utf16le'));
    const a = await collect(noBom);
    assert.equal(a.format, 'entra.download.signins.csv');
    assert.equal(a.events.length, 3);

    const json = readFileSync(join(FIXTURES, 'gws-admin-activities.json'), 'utf8').replace('new-admin@example.com', '管理者@example.com');
    const file = join(dir, 'gws-utf16.json');
    writeFileSync(file, Buffer.from(`\ufeff${json}`, 'utf16le'));
    const b = await collect(file);
    assert.equal(b.format, 'gws.reports.json');
    assert.equal(b.events.length, 4);
    assert.equal(b.events[0]!.targets[0]!.name, '管理者@example.com');
  });

  it('UTF-8 with BOM (NDJSON)', async () => {
    const file = join(dir, 'bom.ndjson');
    writeFileSync(file, `\ufeff${readFileSync(join(FIXTURES, 'gws-login-activities.ndjson'), 'utf8')}`);
    const c = await collect(file);
    assert.equal(c.format, 'gws.reports.json');
    assert.equal(c.events.length, 3);
  });

  it('Shift_JIS CSV saved by Excel: Japanese names read right, including bytes that look like "\\"', async () => {
    const header = 'Date (UTC),CorrelationId,Service,Category,Activity,Result,ResultReason,ActorType,ActorDisplayName,ActorObjectId,ActorUserPrincipalName,IPAddress,Target1Type,Target1DisplayName,Target1ObjectId,Target1UserPrincipalName,Target1ModifiedProperty1Name,Target1ModifiedProperty1OldValue,Target1ModifiedProperty1NewValue';
    const row = '2026-10-05T01:27:30Z,c1,Core Directory,GroupManagement,Add group,success,,User,管理者,0a1b2c3d-1111-4222-8333-444455556666,admin@example-kk.co.jp,203.0.113.45,Group,日本テスト表示ソ,9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff,,DisplayName,,"[""日本テスト""]"';
    const file = join(dir, 'audit-sjis.csv');
    writeFileSync(file, sjis(`${header}\r\n${row}\r\n`));
    const c = await collect(file);
    assert.equal(c.format, 'entra.download.audit.csv');
    assert.equal(c.events.length, 1);
    const e = c.events[0]!;
    assert.deepEqual(e.targets, [{ kind: 'group', id: '9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff', name: '日本テスト表示ソ' }]);
    assert.deepEqual(e.changes, [{ name: 'DisplayName', old: null, new: '["日本テスト"]' }]);
    assert.equal((e.raw as Record<string, string>).ActorDisplayName, '管理者');
  });

  it('a broken Shift_JIS byte past the first MiB is counted and named, not stored silently as U+FFFD', async () => {
    const header = 'Date (UTC),CorrelationId,Service,Category,Activity,Result,ResultReason,ActorType,ActorDisplayName,ActorObjectId,ActorUserPrincipalName,IPAddress,Target1Type,Target1DisplayName,Target1ObjectId';
    const row = (i: number) => `2026-10-05T01:27:${String(i % 60).padStart(2, '0')}Z,c${i},Core Directory,GroupManagement,Add group,success,,User,管理者,0a1b2c3d-1111-4222-8333-${String(i).padStart(12, '0')},admin@example-kk.co.jp,203.0.113.45,Group,日本テスト表示ソ,9f8e7d6c-aaaa-4bbb-8ccc-${String(i).padStart(12, '0')}`;
    const rows = Array.from({ length: 6000 }, (_, i) => row(i));
    const bytes = sjis(`${header}\r\n${rows.join('\r\n')}\r\n`);
    // Near the end, the lead byte of 管 is followed by a space: not Shift_JIS.
    const at = bytes.lastIndexOf(Buffer.from([0x8a, 0xc7]));
    assert.ok(at > 1024 * 1024);
    bytes[at + 1] = 0x20;
    const file = join(dir, 'broken-sjis.csv');
    writeFileSync(file, bytes);
    const c = await collect(file);
    assert.equal(c.events.length, 6000);
    const store = openStore(join(dir, 'broken-sjis.db'));
    try {
      const summary = await importFile(store, file);
      assert.deepEqual([summary.replacedChars, summary.encoding], [1, 'shift_jis']);
    } finally {
      await store.close();
    }
  });

  it('Shift_JIS that only starts after more than a MiB of ASCII is still read as Shift_JIS', async () => {
    const header = 'RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames';
    const audit = (i: number, name: string) =>
      JSON.stringify({ CreationTime: '2026-10-05T01:00:00', Id: `id-${i}`, Operation: 'Add group.', OrganizationId: 'org', UserId: 'admin@example.com', ObjectId: name }).replace(/"/g, '""');
    const rows: string[] = [];
    for (let i = 0; i < 9000; i++) rows.push(`id-${i},10/5/2026 1:00:00 AM,AzureActiveDirectory,Add group.,admin@example.com,"${audit(i, `group-${i}`)}",,`);
    rows.push(`id-9000,10/5/2026 1:00:00 AM,AzureActiveDirectory,Add group.,admin@example.com,"${audit(9000, '日本テスト表示ソ')}",,`);
    const file = join(dir, 'late-sjis.csv');
    const bytes = sjis(`${header}\r\n${rows.join('\r\n')}\r\n`);
    assert.ok(bytes.length > 1.5 * 1024 * 1024);
    writeFileSync(file, bytes);
    const c = await collect(file);
    assert.equal(c.events.length, 9001);
    assert.equal(c.events[9000]!.targets[0]!.name, '日本テスト表示ソ');
  });
});
