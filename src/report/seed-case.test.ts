// End to end: the founding case's Purview export through the real importer into a store, detection over
// the stored events, the report model, and the HTML a user opens: the verdict first, then the one
// incident's storyline in order, in English and Japanese.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { detect } from '../detect/engine.ts';
import { importFile } from '../importers/run.ts';
import { openStore } from '../store/open.ts';
import type { EvidenceStore } from '../store/store.ts';
import { renderHtml } from './html.ts';
import { buildReport } from './model.ts';
import { SEED_CSV, SEED_NOW, SEED_STORY, SEED_TENANT } from './test-support.ts';
import type { ReportModel } from './types.ts';
import { EventsWindowTally, evidenceEventIds, pickEvents, tallied } from './window.ts';

const STEP_TEXT = {
  en: [
    'Unusual sign-in to the admin account admin@example-kk.co.jp from 203.0.113.45',
    'A sign-in method (security info) was registered or changed for admin@example-kk.co.jp',
    'A new account support-admin@examplekk.onmicrosoft.com was created by admin@example-kk.co.jp',
    'support-admin@examplekk.onmicrosoft.com was made Global Administrator by admin@example-kk.co.jp',
    'The notification contacts were changed to it-notice@mail.example.net',
    'The original admin admin@example-kk.co.jp was removed from Global Administrator by support-admin@examplekk.onmicrosoft.com',
    'The original admin admin@example-kk.co.jp was deleted by support-admin@examplekk.onmicrosoft.com (restorable until 2026-11-18)',
    'A licence was bought or assigned: SPE_E5',
  ],
  ja: [
    '管理者アカウント admin@example-kk.co.jp に、いつもと違う接続元（203.0.113.45）からサインインがありました',
    'admin@example-kk.co.jp のサインイン方法（セキュリティ情報）が登録・変更されました',
    'admin@example-kk.co.jp が新しいアカウント support-admin@examplekk.onmicrosoft.com を作成しました',
    'admin@example-kk.co.jp が support-admin@examplekk.onmicrosoft.com を Global Administrator（全権限の管理者）にしました',
    '通知の送信先が it-notice@mail.example.net に変更されました',
    'support-admin@examplekk.onmicrosoft.com が元の管理者 admin@example-kk.co.jp を Global Administrator から外しました',
    'support-admin@examplekk.onmicrosoft.com が元の管理者 admin@example-kk.co.jp を削除しました（2026-11-18 まで復元できます）',
    'ライセンスが購入または割り当てられました: SPE_E5',
  ],
} as const;

const VERDICT = { en: 'Signs of takeover', ja: '乗っ取りの兆候があります' } as const;

/** Positions of each needle in the haystack, asserting each comes after the one before. */
function assertInOrder(haystack: string, needles: readonly string[]): void {
  let from = 0;
  for (const n of needles) {
    const at = haystack.indexOf(n, from);
    assert.ok(at >= 0, `"${n}" missing or out of order`);
    from = at + n.length;
  }
}

describe('report of the seed case, from the evidence store', () => {
  let dir: string;
  let store: EvidenceStore;
  const models = new Map<'en' | 'ja', ReportModel>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'takeback-report-'));
    store = openStore(join(dir, 'store.db'));
    await importFile(store, SEED_CSV);
    // The way a command wires it: tally the window while detection streams the events, then fetch
    // only the events the findings cite.
    const tally = new EventsWindowTally();
    const { findings, incidents } = await detect(tallied(store.queryEvents({}), tally), {}, { now: SEED_NOW });
    const events = await pickEvents(store.queryEvents({ tenant: SEED_TENANT }), evidenceEventIds(findings));
    for (const lang of ['en', 'ja'] as const) {
      models.set(lang, buildReport({ lang, generatedAt: SEED_NOW, tenants: [{ tenant: SEED_TENANT }], findings, incidents, events, coverage: { eventsWindow: tally.result() } }));
    }
  });

  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: the verdict comes first, then one incident whose steps are the takeover in order`, () => {
      const m = models.get(lang)!;
      assert.equal(m.incidents.length, 1);
      assert.deepEqual(
        m.incidents[0]!.steps.map((s) => s.kind),
        [...SEED_STORY],
      );
      const html = renderHtml(m);
      const verdictAt = html.indexOf(`<h2 id="verdict-h">${VERDICT[lang]}</h2>`);
      assert.ok(verdictAt > 0, 'verdict headline');
      assert.ok(verdictAt < html.indexOf('id="incidents"'), 'the verdict comes before the incidents');
      const list = html.slice(html.indexOf('<ol class="steps">'), html.indexOf('</ol>', html.indexOf('<ol class="steps">')));
      assert.deepEqual(
        [...list.matchAll(/data-step="([a-z-]+)"/g)].map((x) => x[1]),
        [...SEED_STORY],
      );
      assertInOrder(list, STEP_TEXT[lang]);
      assert.equal((html.match(/<article class="incident /g) ?? []).length, 1);
    });
  }

  it('shows every finding with its evidence: log records and before/after values', () => {
    const m = models.get('en')!;
    const html = renderHtml(m);
    const contacts = m.findings.find((f) => f.ruleId === 'TB-M11-notification-contacts-changed')!;
    assert.deepEqual(contacts.changes, [{ name: 'TechnicalNotificationMails', before: 'admin@example-kk.co.jp', after: 'it-notice@mail.example.net' }]);
    assert.equal(contacts.events.length, 1);
    assert.equal(contacts.events[0]!.sourceLabel, 'Unified Audit Log (Microsoft Purview)');
    const card = html.slice(html.indexOf(`id="finding-${contacts.id}"`));
    assertInOrder(card, ['Before and after', 'TechnicalNotificationMails', 'admin@example-kk.co.jp', 'it-notice@mail.example.net', 'Log records', contacts.events[0]!.id]);
    for (const f of m.findings) assert.equal(f.missingEventsText, undefined, `${f.ruleId} cites events the store does not hold`);
  });

  it('says what the data covers and what the licence hides', () => {
    const html = renderHtml(models.get('ja')!);
    const coverage = html.slice(html.indexOf('id="coverage"'));
    assertInOrder(coverage, ['調査したデータの範囲', '読み取ったログの記録: 12 件（2026-10-01 00:15 UTC 〜 2026-10-21 08:30 UTC）', '統合監査ログ（Microsoft Purview）']);
  });
});
