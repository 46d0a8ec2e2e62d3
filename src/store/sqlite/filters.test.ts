// Event filters on stores the size of a real tenant: many accounts, and filters read after decoding.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeEvent } from '../../../test/helpers/events.ts';
import type { CanonicalEvent } from '../../core/event.ts';
import type { EventFilter } from '../store.ts';
import { SqliteStore } from './sqlite-store.ts';

function tempStore(): SqliteStore {
  return new SqliteStore(join(mkdtempSync(join(tmpdir(), 'takeback-filters-')), 'store.db'));
}

async function all(it: AsyncIterable<CanonicalEvent>): Promise<CanonicalEvent[]> {
  const out: CanonicalEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('event filters', () => {
  it('--actor and --target match a domain shared by thousands of accounts', async () => {
    const store = tempStore();
    const events = Array.from({ length: 3000 }, (_, i) =>
      makeEvent({
        actor: { kind: 'user', name: `user${i}@corp.example`, id: `actor-id-${i}` },
        targets: [{ kind: 'user', name: `target${i}@corp.example`, id: `target-id-${i}` }],
      }),
    );
    events.push(makeEvent({ actor: { kind: 'user', name: 'mallory@evil.example' }, targets: [{ kind: 'user', name: 'victim@other.example' }] }));
    await store.append(events);
    const count = async (f: EventFilter) => (await all(store.queryEvents(f))).length;
    assert.equal(await count({ actor: '@corp.example' }), 3000);
    assert.equal(await count({ target: '@CORP.example' }), 3000);
    assert.equal(await count({ actor: 'user1', target: 'target1' }), 1111);
    assert.equal(await count({ actor: 'actor-id-' }), 3000);
    assert.equal(await count({ actor: 'evil.example' }), 1);
    assert.equal(await count({ actor: 'nobody' }), 0);
    await store.close();
  });

  it('--actor and --target ignore case in every script, as --text does', async () => {
    const store = tempStore();
    const e = makeEvent({ actor: { kind: 'user', name: 'Éric.Müller@Straße.example' }, targets: [{ kind: 'user', name: 'ΣΟΦΊΑ@example.gr' }] });
    await store.append([e, makeEvent()]);
    const ids = async (f: EventFilter) => (await all(store.queryEvents(f))).map((x) => x.id);
    assert.deepEqual(await ids({ actor: 'éric.müller@straße' }), [e.id]);
    assert.deepEqual(await ids({ actor: 'ÉRIC' }), [e.id]);
    assert.deepEqual(await ids({ target: 'σοφία' }), [e.id]);
    assert.deepEqual(await ids({ text: 'σοφία' }), [e.id]);
    await store.close();
  });

  it('--limit 0 returns nothing, with or without a filter read after decoding', async () => {
    const store = tempStore();
    await store.append([makeEvent({ raw: { note: 'needle' } }), makeEvent({ raw: { note: 'needle' } })]);
    assert.equal((await all(store.queryEvents({ limit: 0 }))).length, 0);
    assert.equal((await all(store.queryEvents({ limit: 0, text: 'needle' }))).length, 0);
    assert.equal((await all(store.queryEvents({ limit: 1, text: 'needle' }))).length, 1);
    await store.close();
  });
});
