// Bad input gives a clear error naming the file and the line or record, and loses nothing else.
import assert from 'node:assert/strict';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { isTakebackError, type TakebackError } from '../core/errors.ts';
import { BATCH_CHARS, BATCH_SIZE } from './limits.ts';
import { openImport } from './open.ts';
import { collect, tempDir } from './test-helpers.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

function ual(i: number): Record<string, unknown> {
  return {
    CreationTime: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString().slice(0, 19),
    Id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    Operation: i % 2 ? 'UserLoggedIn' : 'Add user.',
    OrganizationId: '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31',
    RecordType: i % 2 ? 15 : 8,
    ResultStatus: 'Success',
    UserType: 0,
    Workload: 'AzureActiveDirectory',
    UserId: `user${i}@example.com`,
    ClientIP: '203.0.113.9',
  };
}

function expectError(code: string, check?: (e: TakebackError) => void) {
  return (e: unknown): boolean => {
    assert.ok(isTakebackError(e), `expected a TakebackError, got ${String(e)}`);
    assert.equal(e.code, code);
    check?.(e);
    return true;
  };
}

describe('bad input', () => {
  it('truncated JSON array: every complete record imports, then one rejected item names the cut record', async () => {
    const text = JSON.stringify(Array.from({ length: 2500 }, (_, i) => ual(i)), null, 2);
    // cut inside the record with index 2400
    const at = text.indexOf('"Id": "00000000-0000-4000-8000-000000000960"');
    const file = join(dir, 'truncated.json');
    writeFileSync(file, text.slice(0, at));
    const c = await collect(file);
    assert.equal(c.format, 'o365.management.json');
    const complete = c.events.length;
    assert.equal(complete, 2400);
    assert.equal(c.rejected.length, 1);
    const last = c.items[c.items.length - 1]!;
    assert.equal(last.kind, 'rejected');
    assert.equal(last.record, complete + 1);
    assert.equal(c.rejected[0]!.code, 'import.record.truncated');
    assert.match(c.rejected[0]!.reason, /truncated/);
    // the cut record starts on the line of its opening brace
    const openBrace = text.slice(0, at).lastIndexOf('\n  {');
    assert.equal(last.line, text.slice(0, openBrace + 1).split('\n').length);
    assert.deepEqual(
      c.batchSizes.slice(0, 2),
      [BATCH_SIZE, BATCH_SIZE],
      'batches of BATCH_SIZE',
    );
  });

  it('truncated NDJSON: the cut last line is rejected as truncated', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify(ual(i)));
    const file = join(dir, 'truncated.ndjson');
    writeFileSync(file, `${lines.join('\n')}`.slice(0, -30));
    const c = await collect(file);
    assert.equal(c.events.length, 49);
    assert.deepEqual(
      c.rejected.map((r) => [r.line, r.record, r.code]),
      [[50, 50, 'import.record.truncated']],
    );
  });

  it('a broken line in the middle of NDJSON is rejected with its line; the rest imports', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify(ual(i)));
    lines[4] = lines[4]!.replace('"Operation"', 'Operation');
    const file = join(dir, 'broken-line.ndjson');
    writeFileSync(file, `${lines.join('\r\n')}\r\n\r\n`);
    const c = await collect(file);
    assert.equal(c.events.length, 9);
    assert.equal(c.rejected.length, 1);
    assert.equal(c.rejected[0]!.line, 5);
    assert.equal(c.rejected[0]!.code, 'import.record.invalid_json');
    assert.match(c.rejected[0]!.reason, /^not valid JSON: /);
  });

  it('a broken element in a JSON array is rejected; its neighbours import', async () => {
    const parts = Array.from({ length: 5 }, (_, i) => JSON.stringify(ual(i)));
    parts[2] = parts[2]!.replace('"Success"', 'Success');
    const file = join(dir, 'broken-element.json');
    writeFileSync(file, `[\n${parts.join(',\n')}\n]\n`);
    const c = await collect(file);
    assert.equal(c.events.length, 4);
    assert.deepEqual(
      c.rejected.map((r) => [r.line, r.record, r.code]),
      [[4, 3, 'import.record.invalid_json']],
    );
  });

  it('a JSON document whose structure breaks keeps the records before it and names the line', async () => {
    const file = join(dir, 'structure.json');
    writeFileSync(file, `{"value": [\n${JSON.stringify(ual(1))},\n${JSON.stringify(ual(2))}\n} garbage`);
    const c = await collect(file);
    assert.equal(c.events.length, 2);
    assert.equal(c.rejected.length, 1);
    assert.equal(c.rejected[0]!.code, 'import.record.syntax');
    assert.equal(c.rejected[0]!.line, 4);
  });

  it('a CSV whose AuditData is broken on one row: that row is rejected with its line, every other row imports', async () => {
    const header = 'RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames';
    const row = (i: number, auditData: string) => `${ual(i).Id as string},"2026-10-01T00:00:00.0000000Z ",AzureActiveDirectory,Add user.,u@example.com,"${auditData.replace(/"/g, '""')}",,`;
    const rows = Array.from({ length: 6 }, (_, i) => row(i, JSON.stringify(ual(i))));
    rows[3] = row(3, JSON.stringify(ual(3)).slice(0, 50));
    const file = join(dir, 'broken-auditdata.csv');
    writeFileSync(file, `${header}\r\n${rows.join('\r\n')}\r\n`);
    const c = await collect(file);
    assert.equal(c.format, 'purview.csv');
    assert.equal(c.events.length, 5);
    assert.deepEqual(
      c.rejected.map((r) => [r.line, r.record, r.code]),
      [[5, 4, 'import.record.bad_audit_data']],
    );
    assert.match(c.rejected[0]!.reason, /^AuditData column is not valid JSON/);
  });

  it('a quote left open rejects its record with every line it swallowed, so the row lost with it is named', async () => {
    const header = 'RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames';
    const row = (i: number) => `${ual(i).Id as string},"2026-10-01T00:00:00.0000000Z ",AzureActiveDirectory,Add user.,u@example.com,"${JSON.stringify(ual(i)).replace(/"/g, '""')}",,`;
    const rows = Array.from({ length: 4 }, (_, i) => row(i));
    // Row 2's AuditData cell lost its closing quote: the cell runs on into row 3 (line 4).
    rows[1] = rows[1]!.replace(/}",,$/, '},,');
    const file = join(dir, 'open-quote.csv');
    writeFileSync(file, `${header}\r\n${rows.join('\r\n')}\r\n`);
    const c = await collect(file);
    assert.equal(c.events.length, 2);
    assert.deepEqual(
      c.rejected.map((r) => [r.line, r.endLine, r.record, r.code]),
      [[3, 4, 2, 'import.record.bad_audit_data']],
    );
  });

  it('stray quotes in a CSV row do not stop the file; a CSV cut inside a quoted field rejects only the cut row', async () => {
    const good = (i: number) => `${i},"2026-10-01T00:00:00Z",X,Add user.,u@example.com,"${JSON.stringify(ual(i)).replace(/"/g, '""')}",,`;
    const header = 'RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames';
    const stray = join(dir, 'stray-quote.csv');
    writeFileSync(stray, [header, good(1), '2,"2026-10-01T00:00:00Z",X,"Add "user",u@example.com,"{}",,', good(3), ''].join('\n'));
    const a = await collect(stray);
    assert.equal(a.events.length, 3);
    assert.equal(a.events[1]!.nativeAction, '"Add "user"');

    const cut = join(dir, 'cut.csv');
    const text = [header, good(1), good(2), good(3)].join('\r\n');
    writeFileSync(cut, text.slice(0, -25));
    const b = await collect(cut);
    assert.equal(b.events.length, 2);
    assert.deepEqual(
      b.rejected.map((r) => [r.line, r.record, r.code]),
      [[4, 3, 'import.record.csv_syntax']],
    );
    assert.match(b.rejected[0]!.reason, /Quote Not Closed/);
  });

  it('an empty file, and one with only blank space, are import.empty', async () => {
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    await assert.rejects(openImport(empty, {}), expectError('import.empty', (e) => assert.equal(e.params.file, empty)));
    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, '\ufeff \r\n\r\n\t\n');
    await assert.rejects(openImport(blank, {}), expectError('import.empty'));
  });

  it('binary garbage is import.binary', async () => {
    let seed = 12345;
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed >> 16;
    }
    const file = join(dir, 'random.bin');
    writeFileSync(file, bytes);
    await assert.rejects(openImport(file, {}), expectError('import.binary', (e) => assert.equal(e.params.file, file)));

    const invalidUtf8 = join(dir, 'invalid-utf8.json');
    writeFileSync(invalidUtf8, Buffer.concat([Buffer.from('[{"a":"'), Buffer.alloc(5000, 0xff), Buffer.from('"}]')]));
    await assert.rejects(openImport(invalidUtf8, {}), expectError('import.binary', (e) => assert.match(String(e.params.detail), /not UTF-8/)));

    const zip = join(dir, 'export.xlsx');
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]));
    await assert.rejects(openImport(zip, {}), expectError('import.binary', (e) => assert.match(String(e.params.detail), /zip archive/)));
  });

  it('an unknown format says what it saw', async () => {
    const json = join(dir, 'unknown.json');
    writeFileSync(json, '[{"foo": 1, "bar": {"baz": 2}}, {"foo": 3}]');
    await assert.rejects(openImport(json, {}), expectError('import.unknown_format', (e) => assert.equal(e.params.detail, 'JSON records with keys: foo, bar')));
    const csv = join(dir, 'unknown.csv');
    writeFileSync(csv, 'name,email,department\r\nA,a@example.com,Sales\r\n');
    await assert.rejects(openImport(csv, {}), expectError('import.unknown_format', (e) => assert.equal(e.params.detail, 'CSV columns: name, email, department')));
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'Incident notes\nnothing to import\n');
    await assert.rejects(openImport(text, {}), expectError('import.unknown_format', (e) => assert.equal(e.params.detail, 'text starting with "Incident notes"')));
  });

  it('a missing file and a directory are import.unreadable', async () => {
    const missing = join(dir, 'no-such-file.json');
    await assert.rejects(openImport(missing, {}), expectError('import.unreadable', (e) => assert.deepEqual(e.params, { file: missing, detail: 'ENOENT' })));
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    await assert.rejects(openImport(sub, {}), expectError('import.unreadable', (e) => assert.equal(e.params.detail, 'EISDIR')));
  });

  it('a record larger than 32 MiB is rejected with its line, in NDJSON and in a JSON array, without stopping the file', async () => {
    const huge = JSON.stringify({ ...ual(2), Padding: 'x'.repeat(33 * 1024 * 1024) });
    const nd = join(dir, 'huge.ndjson');
    writeFileSync(nd, `${JSON.stringify(ual(1))}\n${huge}\n${JSON.stringify(ual(3))}\n`);
    const a = await collect(nd);
    assert.equal(a.events.length, 2);
    assert.deepEqual(
      a.rejected.map((r) => [r.line, r.record, r.code]),
      [[2, 2, 'import.record.too_large']],
    );
    assert.equal(a.rejected[0]!.reason, 'record larger than 32 MiB; not read');

    const csv = join(dir, 'huge.csv');
    const cell = (t: string) => `"${t.replace(/"/g, '""')}"`;
    const row = (i: number, rec: string) => `${i},"10/1/2026 12:00:00 AM",AzureActiveDirectory,Add user.,u@example.com,${cell(rec)},,`;
    writeFileSync(
      csv,
      ['RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames', row(1, JSON.stringify(ual(1))), row(2, huge.replace('"Padding"', '"Lines":"a\nb\nc","Padding"').replace(/x{1000}/, 'x\n'.repeat(3))), row(3, JSON.stringify(ual(3)))].join('\r\n'),
    );
    const k = await collect(csv);
    assert.equal(k.events.length, 2);
    assert.deepEqual(
      k.items.map((i) => [i.kind, i.line, i.record]),
      [
        ['event', 2, 1],
        ['rejected', 3, 2],
        ['event', 9, 3],
      ],
      'the oversized row spans lines 3-8 (five line breaks inside its quoted cell)',
    );

    const arr = join(dir, 'huge.json');
    writeFileSync(arr, `[\n${JSON.stringify(ual(1))},\n${huge},\n${JSON.stringify(ual(3))}\n]`);
    const b = await collect(arr);
    assert.equal(b.events.length, 2);
    assert.deepEqual(
      b.rejected.map((r) => [r.line, r.record, r.code]),
      [[3, 2, 'import.record.too_large']],
    );
  });

  it('large records end a batch early, so that a batch holds about BATCH_CHARS of them, not BATCH_SIZE', async () => {
    const file = join(dir, 'large-records.ndjson');
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify({ ...ual(i), UserId: `${'u'.repeat(1024 * 1024)}${i}@example.com` }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const c = await collect(file);
    assert.equal(c.events.length, 10);
    assert.deepEqual(c.batchSizes, [4, 4, 2], `batches end once they reach ${BATCH_CHARS} characters`);
  });

  it('a record whose one member is too large to read is rejected whole, never stored without that member', async () => {
    // A first line this long is not taken for NDJSON: the records are read as concatenated JSON, member by member.
    const file = join(dir, 'huge-member.jsonl');
    writeFileSync(file, `${JSON.stringify({ ...ual(1), ModifiedProperties: [{ Name: 'X', NewValue: 'A'.repeat(33 * 1024 * 1024) }] })}\n${JSON.stringify(ual(2))}\n`);
    const c = await collect(file);
    assert.deepEqual(
      c.items.map((i) => [i.kind, i.line, i.record]),
      [
        ['rejected', 1, 1],
        ['event', 2, 2],
      ],
    );
    assert.equal(c.rejected[0]!.code, 'import.record.too_large');
    assert.equal(c.events[0]!.id.length > 0 && (c.events[0]!.raw as { Id: string }).Id, ual(2).Id);
  });

  it('records wrapped in arrays 200,000 deep are refused with their line, not a stack overflow', async () => {
    const file = join(dir, 'deep-wrappers.json');
    const deep = `${'['.repeat(200_000)}${JSON.stringify(ual(1))}${']'.repeat(200_000)}`;
    writeFileSync(file, `[\n${JSON.stringify(ual(2))},\n[[${JSON.stringify(ual(3))}]],\n${deep}\n]`);
    const c = await collect(file);
    assert.deepEqual(
      c.items.map((i) => [i.kind, i.line]),
      [
        ['event', 2],
        ['event', 3],
        ['rejected', 4],
      ],
    );
    assert.equal(c.rejected[0]!.reason, 'records wrapped in arrays or envelopes more than 32 levels deep; not read');
  });

  it('a record nesting values 100,000 deep is refused with its line, in NDJSON and in a CSV AuditData cell', async () => {
    // Stored, it stopped `events --json` (JSON.stringify) with 'Maximum call stack size exceeded'.
    const deep = JSON.stringify({ ...ual(1), Deep: null }).replace('null', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const nd = join(dir, 'deep-record.ndjson');
    writeFileSync(nd, `${JSON.stringify(ual(2))}\n${deep}\n${JSON.stringify(ual(3))}\n`);
    const a = await collect(nd);
    assert.equal(a.events.length, 2);
    assert.deepEqual(
      a.rejected.map((r) => [r.line, r.code, r.reason]),
      [[2, 'import.record.nested_too_deep', 'values nested more than 500 levels deep; not read']],
    );
    const csv = join(dir, 'deep-record.csv');
    const row = (i: number, rec: string) => `${i},"10/1/2026 12:00:00 AM",AzureActiveDirectory,Add user.,u@example.com,"${rec.replace(/"/g, '""')}",,`;
    writeFileSync(csv, ['RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames', row(1, deep), row(2, JSON.stringify(ual(2)))].join('\r\n'));
    const b = await collect(csv);
    assert.equal(b.events.length, 1);
    assert.deepEqual(
      b.rejected.map((r) => [r.line, r.code]),
      [[2, 'import.record.nested_too_deep']],
    );
  });

  it('a first record larger than the sniffing budget still names the format', async () => {
    const file = join(dir, 'big-first.json');
    writeFileSync(file, `[${JSON.stringify({ ...ual(1), Padding: 'p'.repeat(10 * 1024 * 1024) })},${JSON.stringify(ual(2))}]`);
    const c = await collect(file);
    assert.equal(c.format, 'o365.management.json');
    assert.equal(c.events.length, 2);
  });

  it('a 100 MB single-line Graph response imports in bounded memory', async () => {
    const file = join(dir, 'one-line.json');
    const out = createWriteStream(file);
    out.write('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits","value":[');
    const n = 110_000;
    for (let i = 0; i < n; i++) {
      const rec = {
        id: `Directory_${i}`,
        category: 'UserManagement',
        correlationId: 'c',
        result: 'success',
        activityDisplayName: 'Update user',
        activityDateTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
        loggedByService: 'Core Directory',
        initiatedBy: { user: { id: 'u', userPrincipalName: 'admin@example.com', ipAddress: '203.0.113.1' } },
        targetResources: [{ id: `t${i}`, type: 'User', userPrincipalName: `user${i}@example.com`, modifiedProperties: [{ displayName: 'Note', oldValue: null, newValue: `"${'n'.repeat(700)}"` }] }],
        additionalDetails: [],
      };
      if (!out.write((i ? ',' : '') + JSON.stringify(rec))) await once(out, 'drain');
    }
    out.end(']}');
    await once(out, 'finish');
    const opened = await openImport(file, {});
    assert.ok(opened.size > 100 * 1024 * 1024);
    assert.equal(opened.format, 'graph.directoryAudits');
    let events = 0;
    let peakHeap = 0;
    for await (const batch of opened.batches) {
      for (const item of batch) {
        if (item.kind === 'event') events++;
        assert.equal(item.line, 1);
      }
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    assert.equal(events, n);
    assert.equal(opened.bytesRead(), opened.size);
    assert.ok(peakHeap < 250 * 1024 * 1024, `heap peaked at ${Math.round(peakHeap / 2 ** 20)} MiB`);
  });
});
