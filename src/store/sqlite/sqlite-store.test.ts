import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeEvent } from '../../../test/helpers/events.ts';
import type { CanonicalEvent } from '../../core/event.ts';
import type { EvidenceStore } from '../store.ts';
import { SqliteStore } from './sqlite-store.ts';

function tempStore(): { path: string; store: EvidenceStore } {
  const path = join(mkdtempSync(join(tmpdir(), 'takeback-store-')), 'store.db');
  return { path, store: new SqliteStore(path) };
}

async function all(it: AsyncIterable<CanonicalEvent>): Promise<CanonicalEvent[]> {
  const out: CanonicalEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

function sqlite(path: string, sql: string): string {
  return execFileSync('sqlite3', [path, sql], { encoding: 'utf8' });
}

describe('SQLite evidence store', () => {
  it('stores events once, whatever how often they are appended', async () => {
    const { store } = tempStore();
    const events = Array.from({ length: 50 }, () => makeEvent());
    assert.deepEqual(await store.append(events), { inserted: 50, duplicates: 0 });
    assert.deepEqual(await store.append([...events.slice(10, 20), events[0]!, events[0]!]), { inserted: 0, duplicates: 12 });
    const stored = await all(store.queryEvents({}));
    assert.equal(stored.length, 50);
    assert.deepEqual(stored[7], events[7]);
    await store.close();
  });

  it('counts duplicates inside one batch', async () => {
    const { store } = tempStore();
    const e = makeEvent();
    assert.deepEqual(await store.append([e, e, makeEvent()]), { inserted: 2, duplicates: 1 });
    await store.close();
  });

  it('filters by action, actor, target, IP, time and text', async () => {
    const { store } = tempStore();
    const a = makeEvent({ action: 'role.assigned', actor: { kind: 'user', name: 'Mallory@evil.example', ip: '198.51.100.7' } });
    const b = makeEvent({ action: 'user.created', targets: [{ kind: 'user', name: 'rogue@contoso.com', id: 'rogue-id' }] });
    const c = makeEvent({ action: 'user.deleted', tenant: 'tenant-b', raw: { secretNote: 'Original Admin' } });
    await store.append([a, b, c]);
    const ids = async (f: Parameters<EvidenceStore['queryEvents']>[0]) => (await all(store.queryEvents(f))).map((e) => e.id);
    assert.deepEqual(await ids({ actions: ['role.assigned'] }), [a.id]);
    assert.deepEqual(await ids({ actions: ['user.*'] }), [b.id, c.id]);
    assert.deepEqual(await ids({ actor: 'mallory' }), [a.id]);
    assert.deepEqual(await ids({ target: 'ROGUE' }), [b.id]);
    assert.deepEqual(await ids({ target: 'rogue-id' }), [b.id]);
    assert.deepEqual(await ids({ ip: '198.51.100.7' }), [a.id]);
    assert.deepEqual(await ids({ tenant: 'tenant-b' }), [c.id]);
    assert.deepEqual(await ids({ text: 'original admin' }), [c.id]);
    assert.deepEqual(await ids({ since: b.time, until: b.time }), [b.id]);
    assert.deepEqual(await ids({ actor: 'nobody' }), []);
    assert.deepEqual(await ids({ limit: 2 }), [a.id, b.id]);
    await store.close();
  });

  it('verify passes on an untouched store', async () => {
    const { store } = tempStore();
    await store.append(Array.from({ length: 20 }, () => makeEvent()));
    await store.append(Array.from({ length: 5 }, () => makeEvent({ tenant: 'tenant-b' })));
    const result = await store.verify();
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    assert.deepEqual(
      result.tenants.map((t) => [t.tenant, t.events]),
      [
        ['tenant-a', 20],
        ['tenant-b', 5],
      ],
    );
    await store.close();
  });

  it('verify names an event whose row was edited with the sqlite3 CLI', async () => {
    const { path, store } = tempStore();
    const events = Array.from({ length: 10 }, () => makeEvent());
    await store.append(events);
    await store.close();
    sqlite(path, 'UPDATE events SET time = time + 3600000 WHERE pos = 3');
    const reopened = new SqliteStore(path);
    const result = await reopened.verify();
    assert.equal(result.ok, false);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]!.kind, 'edited');
    assert.equal(result.problems[0]!.eventId, events[3]!.id);
    await reopened.close();
  });

  it('verify names an event whose stored record was replaced', async () => {
    const { path, store } = tempStore();
    const events = Array.from({ length: 6 }, () => makeEvent());
    await store.append(events);
    await store.close();
    // Recompress a doctored block with the same codec so it still reads.
    const { decodeBlock, encodeBlock } = await import('./blocks.ts');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path);
    const row = db.prepare<[], { id: number; codec: number; data: Buffer }>('SELECT id, codec, data FROM blocks').get()!;
    const docs = decodeBlock(row.codec, row.data);
    docs[2] = docs[2]!.replace('"success"', '"failure"');
    db.prepare('UPDATE blocks SET data = ? WHERE id = ?').run(encodeBlock(docs), row.id);
    db.close();
    const reopened = new SqliteStore(path);
    const result = await reopened.verify();
    assert.deepEqual(
      result.problems.map((p) => [p.kind, p.eventId]),
      [['edited', events[2]!.id]],
    );
    await reopened.close();
  });

  it('verify names an event deleted with the sqlite3 CLI, in the middle or at the end', async () => {
    const { path, store } = tempStore();
    const events = Array.from({ length: 8 }, () => makeEvent());
    await store.append(events);
    await store.close();
    sqlite(path, 'DELETE FROM events WHERE pos IN (2, 7)');
    const reopened = new SqliteStore(path);
    const result = await reopened.verify();
    assert.deepEqual(
      result.problems.map((p) => [p.kind, p.position, p.eventId]),
      [
        ['deleted', 3, events[2]!.id],
        ['deleted', 8, events[7]!.id],
      ],
    );
    await reopened.close();
  });

  it('verify reports a chain head deleted with the sqlite3 CLI, which would hide events deleted from the end', async () => {
    const { path, store } = tempStore();
    await store.append(Array.from({ length: 5 }, () => makeEvent()));
    await store.close();
    sqlite(path, 'DELETE FROM chain_heads');
    const reopened = new SqliteStore(path);
    const result = await reopened.verify();
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((p) => [p.kind, p.tenant, p.position, p.reason]),
      [['edited', 'tenant-a', 5, 'head_missing']],
    );
    await reopened.close();
  });

  it('verify reports a deleted block once per chain position, and its left-over rows once', async () => {
    const { path, store } = tempStore();
    const first = Array.from({ length: 5 }, () => makeEvent());
    const second = Array.from({ length: 4 }, () => makeEvent());
    await store.append(first);
    await store.close();
    const again = new SqliteStore(path);
    await again.append(second);
    await again.close();
    assert.equal(sqlite(path, 'SELECT count(*) FROM blocks').trim(), '2');
    sqlite(path, 'DELETE FROM blocks WHERE id = (SELECT min(id) FROM blocks)');
    const reopened = new SqliteStore(path);
    const result = await reopened.verify();
    assert.deepEqual(
      result.problems.map((p) => [p.kind, p.position]),
      [['unreadable', 1], ['deleted', 1]],
    );
    // The block's five chain positions: one problem for the run, not one per event.
    assert.deepEqual([result.problems[1]!.reason, result.problems[1]!.params], ['chain_gap_range', { from: 1, to: 5, count: 5 }]);
    const left = result.problems[0]!;
    assert.equal(left.reason, 'block_missing');
    assert.equal(left.params.count, 5);
    assert.equal(left.params.first, first[0]!.time);
    assert.equal(left.params.last, first[4]!.time);
    await reopened.close();
  });

  it('verify reports a row inserted by hand', async () => {
    const { path, store } = tempStore();
    await store.append(Array.from({ length: 3 }, () => makeEvent()));
    await store.close();
    sqlite(
      path,
      'INSERT INTO events (time, uid32, tenant, action, actor, ip, targets, block, pos, check32) SELECT time, uid32 + 1000, tenant, action, actor, ip, targets, block, pos, check32 FROM events WHERE pos = 1',
    );
    const reopened = new SqliteStore(path);
    const result = await reopened.verify();
    assert.deepEqual(result.problems.map((p) => p.kind), ['inserted']);
    await reopened.close();
  });
  it('a failed append leaves the appends before it in the same group commit intact', async () => {
    const { path, store } = tempStore();
    const kept = Array.from({ length: 3 }, () => makeEvent());
    await store.append(kept);
    // An unreadable time cannot be indexed: the whole batch is refused, nothing of it is stored.
    await assert.rejects(async () => store.append([makeEvent(), makeEvent({ time: 'not a time' })]), /NOT NULL/);
    assert.deepEqual(await store.append([makeEvent()]), { inserted: 1, duplicates: 0 });
    await store.close();
    assert.equal(sqlite(path, 'SELECT count(*) FROM events').trim(), '4');
    const reopened = new SqliteStore(path);
    assert.equal((await reopened.verify()).ok, true);
    await reopened.close();
  });

  it('other readers see appended events within about a second, without close', async () => {
    const { path, store } = tempStore();
    await store.append(Array.from({ length: 5 }, () => makeEvent()));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(sqlite(path, 'SELECT count(*) FROM events').trim(), '5');
    await store.close();
  });

  it('keeps two events whose keys collide, and still counts their re-appends as duplicates', async () => {
    const { store } = tempStore();
    const time = '2026-01-02T00:00:00.000Z';
    // The same first 32 bits of the id, at the same time: the row key collides, the ids do not.
    const a = makeEvent({ time, id: 'abcdef01' + '0'.repeat(24) });
    const b = makeEvent({ time, id: 'abcdef01' + 'f'.repeat(24) });
    assert.deepEqual(await store.append([a]), { inserted: 1, duplicates: 0 });
    assert.deepEqual(await store.append([b, a]), { inserted: 1, duplicates: 1 });
    assert.deepEqual(await store.append([a, b]), { inserted: 0, duplicates: 2 });
    assert.deepEqual((await all(store.queryEvents({}))).map((e) => e.id), [a.id, b.id]);
    assert.equal((await store.verify()).ok, true);
    // Asked for by id, the event whose key moved on is found too, also when it wrapped past 2^31 - 1.
    assert.deepEqual((await all(store.queryEvents({ ids: new Set([b.id]) }))).map((e) => e.id), [b.id]);
    const c = makeEvent({ time, id: '7fffffff' + '0'.repeat(24) });
    const d = makeEvent({ time, id: '7fffffff' + 'f'.repeat(24) });
    await store.append([c, d]);
    assert.deepEqual((await all(store.queryEvents({ ids: new Set([d.id, b.id]) }))).map((e) => e.id).sort(), [b.id, d.id].sort());
    await store.close();
  });

  it('reads only the events asked for by id, in time order, with the other filters and a limit', async () => {
    const { store } = tempStore();
    const events = Array.from({ length: 50 }, (_, i) =>
      makeEvent({ id: `${(0x10000000 + i * 7919).toString(16)}${'0'.repeat(24)}`, time: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:${String(i).padStart(2, '0')}.000Z`, tenant: i % 2 === 0 ? 'tenant-a' : 'tenant-b' }),
    );
    await store.append(events);
    const wanted = [events[3]!, events[10]!, events[41]!, events[48]!];
    const got = await all(store.queryEvents({ ids: new Set([...wanted.map((e) => e.id), 'not-an-event-id']) }));
    assert.deepEqual(
      got.map((e) => e.id),
      [...wanted].sort((x, y) => (x.time < y.time ? -1 : 1)).map((e) => e.id),
    );
    assert.deepEqual(got, [...wanted].sort((x, y) => (x.time < y.time ? -1 : 1)));
    assert.deepEqual((await all(store.queryEvents({ ids: new Set(wanted.map((e) => e.id)), tenant: 'tenant-a' }))).map((e) => e.tenant), ['tenant-a', 'tenant-a']);
    assert.equal((await all(store.queryEvents({ ids: new Set(wanted.map((e) => e.id)), limit: 3 }))).length, 3);
    assert.deepEqual(await all(store.queryEvents({ ids: new Set() })), []);
    assert.deepEqual(await store.eventTenants(), ['tenant-a', 'tenant-b']);
    await store.close();
  });

  it('keeps the raw record\'s own text and reads back the same events', async () => {
    const { store } = tempStore();
    const text = '{ "Id": "x-1",\t"Note": "caf\\u00e9", "N": 1.50 }';
    const e = makeEvent({ raw: JSON.parse(text) as unknown });
    const odd = makeEvent({ raw: undefined });
    await store.append([e, odd], [text, undefined]);
    const stored = await all(store.queryEvents({}));
    assert.deepEqual(stored, [e, JSON.parse(JSON.stringify(odd)) as CanonicalEvent]);
    assert.deepEqual(await all(store.queryEvents({ text: '"note":"café"' })), [e]);
    assert.equal((await store.verify()).ok, true);
    await store.close();
  });

  it('stores events with large records (a 2 MB name, then 20 MB of records) in blocks that verify', async () => {
    const { path, store } = tempStore();
    const big = makeEvent({ actor: { kind: 'user', name: `${'a'.repeat(2_000_000)}@evil.example` } });
    // The first record of a block once sized its buffer for 4,000 like it: 8.8 GB, a RangeError.
    assert.deepEqual(await store.append([big]), { inserted: 1, duplicates: 0 });
    const many = Array.from({ length: 10 }, (_, i) => makeEvent({ raw: { Padding: `${i}`.repeat(2_000_000) } }));
    for (const e of many) assert.deepEqual(await store.append([e]), { inserted: 1, duplicates: 0 });
    await store.close();
    const again = new SqliteStore(path);
    assert.equal((await all(again.queryEvents({}))).length, 11);
    assert.equal((await again.verify()).ok, true);
    await again.close();
    const blocks = Number(sqlite(path, 'SELECT count(*) FROM blocks').trim());
    assert.ok(blocks >= 2, `records past BLOCK_BYTES go to another block (${blocks} blocks)`);
  });

  it('gives the same chain head for the same events, however they were batched', async () => {
    const events = Array.from({ length: 30 }, () => makeEvent());
    const one = tempStore();
    await one.store.append(events);
    const other = tempStore();
    for (let i = 0; i < events.length; i += 7) await other.store.append(events.slice(0, i + 7));
    assert.deepEqual((await one.store.verify()).tenants, (await other.store.verify()).tenants);
    await one.store.close();
    await other.store.close();
  });

  it('refuses a store holding events in the earlier format, and says why', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'takeback-store-')), 'old.db');
    sqlite(path, "CREATE TABLE events (seq INTEGER PRIMARY KEY); INSERT INTO events VALUES (1); PRAGMA user_version = 2;");
    assert.throws(() => new SqliteStore(path), (e: Error & { code?: string }) => e.code === 'store.old_format');
  });
});
