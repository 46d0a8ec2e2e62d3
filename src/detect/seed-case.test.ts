// The founding case (DESIGN.md section 1) as a real Purview export, through the real importer and the
// evidence store: one incident whose storyline tells the takeover in order.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importFile } from '../importers/run.ts';
import { openStore } from '../store/open.ts';
import { detect } from './engine.ts';
import { DETECT_TEXT } from './registry.ts';
import { EXAMPLES, explain, importEvents } from './test-support.ts';

const CSV = join(EXAMPLES, 'seed-case-purview.csv');
const TENANT = '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31';

const STORY = [
  'admin-signin-unusual',
  'security-info-registered',
  'rogue-user-created',
  'made-global-admin',
  'contacts-changed',
  'original-admin-removed',
  'original-admin-deleted',
  'licence-bought',
];

describe('seed case (Purview export)', () => {
  it('tells one critical incident whose storyline is the takeover, in order', async () => {
    const { incidents } = await detect(await importEvents(CSV));
    assert.equal(incidents.length, 1);
    const inc = incidents[0]!;
    assert.equal(inc.tenant, TENANT);
    assert.equal(inc.severity, 'critical');
    assert.deepEqual(
      inc.storyline.map((s) => s.kind),
      STORY,
    );
    assert.equal(DETECT_TEXT.render(inc.title.key, 'en', inc.title.params), 'Tenant takeover: a new administrator locked out the original one');
  });

  it('names who did what: the intruder as the admin from 203.0.113.45, then the rogue admin', async () => {
    const { incidents } = await detect(await importEvents(CSV));
    const steps = new Map(incidents[0]!.storyline.map((s) => [s.kind, s]));
    assert.equal(steps.get('admin-signin-unusual')?.subject?.name, 'admin@example-kk.co.jp');
    assert.equal(steps.get('admin-signin-unusual')?.ip, '203.0.113.45');
    assert.equal(steps.get('rogue-user-created')?.subject?.name, 'support-admin@examplekk.onmicrosoft.com');
    assert.equal(steps.get('made-global-admin')?.params.role, 'Global Administrator');
    assert.equal(steps.get('contacts-changed')?.params.contacts, 'it-notice@mail.example.net');
    assert.equal(steps.get('original-admin-removed')?.actor?.name, 'support-admin@examplekk.onmicrosoft.com');
  });

  it('says until when the deleted admin can be restored (deletion + 30 days)', async () => {
    const { incidents } = await detect(await importEvents(CSV), {}, { now: '2026-10-21T09:00:00Z' });
    const deleted = incidents[0]!.storyline.find((s) => s.kind === 'original-admin-deleted')!;
    assert.equal(deleted.time, '2026-10-19T03:06:20.000Z');
    assert.equal(deleted.params.restorableUntil, '2026-11-18');
    assert.equal(deleted.params.daysLeft, 28);
    assert.match(DETECT_TEXT.render(deleted.text, 'en', deleted.params), /restorable until 2026-11-18/);
    assert.match(DETECT_TEXT.render(deleted.text, 'ja', deleted.params), /2026-11-18 まで復元できます/);
  });

  it('says the date to restore the deleted admin has passed when it has, not "0 days left"', async () => {
    const { incidents, findings } = await detect(await importEvents(CSV), {}, { now: '2026-11-27T00:00:00Z' });
    const deleted = incidents[0]!.storyline.find((s) => s.kind === 'original-admin-deleted')!;
    assert.equal(deleted.params.daysLeft, 0);
    assert.match(DETECT_TEXT.render(deleted.text, 'en', deleted.params), /restorable only until 2026-11-18: that date has passed/);
    assert.match(DETECT_TEXT.render(deleted.text, 'ja', deleted.params), /復元できる期限の 2026-11-18 は過ぎています/);
    const m5 = findings.find((f) => f.ruleId === 'TB-M5-admin-deleted-or-disabled')!;
    const notes = m5.text.notes.map((k) => DETECT_TEXT.render(k, 'en', m5.params)).join(' ');
    assert.match(notes, /that date has passed/);
    assert.doesNotMatch(notes, /days left/);
  });

  it('takes the licence purchase from the licence records, not from a snapshot', async () => {
    const { incidents, findings } = await detect(await importEvents(CSV));
    const licence = incidents[0]!.storyline.find((s) => s.kind === 'licence-bought')!;
    assert.deepEqual(licence.ruleIds, ['TB-M14-licence-changed']);
    assert.equal(licence.params.licence, 'SPE_E5');
    // "Change user license." and the AssignedLicense update are one change: one finding, both records.
    assert.equal(licence.findings.length, 1);
    const finding = findings.find((f) => f.id === licence.findings[0]);
    assert.equal(finding?.kind, 'event');
    assert.equal(finding.evidence.events.length, 2);
  });

  it('names the one admin who created the rogue account and made it admin once, not twice', async () => {
    const { findings } = await detect(await importEvents(CSV));
    const s8 = findings.find((f) => f.ruleId === 'TB-S8-new-account-made-admin')!;
    assert.deepEqual(s8.entities.actors.map((a) => a.name), ['admin@example-kk.co.jp']);
  });

  it('explains why the sign-in is unusual', async () => {
    const { findings } = await detect(await importEvents(CSV));
    const signin = findings.find((f) => f.ruleId === 'TB-C1-admin-signin-unusual')!;
    assert.equal(signin.severity, 'high');
    assert.match(explain(signin), /also used by support-admin@examplekk\.onmicrosoft\.com/);
    assert.match(explain(signin), /admin changes came from it/);
    assert.match(explain(signin), /\(1 sign-in from there in the data\)/);
    assert.match(explain(signin, 'ja'), /普段と違うと判断した理由/);
  });

  it('finds the same through the evidence store, with the same finding ids on every run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takeback-detect-'));
    try {
      const store = openStore(join(dir, 'store.db'));
      await importFile(store, CSV);
      const fromStore = await detect(store.queryEvents({}));
      const again = await detect(store.queryEvents({}));
      await store.close();
      const direct = await detect(await importEvents(CSV));
      assert.deepEqual(fromStore.incidents[0]?.storyline.map((s) => s.kind), STORY);
      assert.deepEqual(
        again.findings.map((f) => f.id),
        fromStore.findings.map((f) => f.id),
      );
      assert.deepEqual(
        direct.findings.map((f) => f.id).sort(),
        fromStore.findings.map((f) => f.id).sort(),
      );
      assert.equal(fromStore.incidents[0].id, direct.incidents[0]!.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
