// Attacker-controlled text (display names, UPNs, app names, change values, source errors) is shown as
// text in every output: the tests read the rendered HTML, SVG, CSV, terminal text, JSON and OCSF.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { renderFindingsCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderOcsfJsonLines } from './ocsf.ts';
import { renderTerminal } from './terminal.ts';
import { renderTimelineSvg } from './timeline-svg.ts';
import { ESC, HOSTILE_FORMULA, HOSTILE_HTML, hostileFinding, hostileSeedEvents, reportOf, SEED_TENANT, windowOf } from './test-support.ts';
import type { ReportModel } from './types.ts';

async function hostileReport(lang: 'en' | 'ja'): Promise<ReportModel> {
  const events = await hostileSeedEvents();
  const { finding, event } = hostileFinding();
  return reportOf(events, lang, {
    extraFindings: [finding],
    extraEvents: [event],
    tenants: [{ tenant: SEED_TENANT, displayName: `${HOSTILE_HTML} KK` }],
    coverage: {
      eventsWindow: windowOf(events),
      sources: {
        [SEED_TENANT]: {
          users: { state: 'ok', count: 3 },
          conditionalAccess: { state: 'error', detail: `Graph said ${HOSTILE_HTML} ${ESC}[2J` },
          signIns: { state: 'denied', permission: HOSTILE_FORMULA },
        },
      },
    },
  });
}

describe('hostile text in the report', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`HTML (${lang}): markup in names is escaped text, no element is created, no raw ESC`, async () => {
      const m = await hostileReport(lang);
      const html = renderHtml(m);
      assert.ok(!html.includes('<img'), 'no <img element');
      assert.ok(!html.includes('<script'), 'no <script element');
      assert.ok(!html.includes('onerror=alert(1)>'), 'no live attribute');
      assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'), 'the name is shown as text');
      assert.ok(html.includes('&#60;script&#62;alert(2)&#60;/script&#62;'), 'the app name is shown as text');
      assert.ok(!html.includes(ESC), 'no raw ESC');
      assert.ok(html.includes('\\x1b[31mRED\\x1b[0m'), 'the escape sequence is shown as visible text');
      // The hostile rogue admin is still named in the storyline, as text.
      assert.match(html, /data-step="rogue-user-created">.*&#60;img src=x onerror=alert\(1\)&#62;support-admin@/);
      // The hostile source error and the tenant name are text too.
      assert.ok(html.includes('Graph said &#60;img src=x onerror=alert(1)&#62; \\x1b[2J'));
      assert.ok(html.includes(`<title>${lang === 'ja' ? 'takeback レポート' : 'takeback report'} — &#60;img src=x onerror=alert(1)&#62; KK</title>`));
    });
  }

  it('the SVG timeline escapes its labels and tooltips', async () => {
    const m = await hostileReport('en');
    const svg = renderTimelineSvg(m.incidents[0]!.steps, { lang: 'en', title: `Timeline ${HOSTILE_HTML}` });
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(!svg.includes('<img'));
    assert.ok(svg.includes('aria-label="Timeline &#60;img src=x onerror=alert(1)&#62;"'));
    assert.ok(svg.includes('&#60;img src=x onerror=alert(1)&#62;support-admin@'), 'step text in a tooltip, escaped');
    assert.ok(!svg.includes(ESC));
  });

  it('CSV: a formula becomes text (leading apostrophe), markup stays inert, no raw ESC', async () => {
    const m = await hostileReport('en');
    const csv = renderFindingsCsv(m);
    assert.ok(!csv.includes(ESC), 'no raw ESC');
    const rows: string[][] = parse(csv, { bom: true });
    const header = rows[0]!;
    const hostile = rows.find((r) => r.at(-1) === 'f-hostile-1')!;
    const cell = (name: string): string => hostile[header.indexOf(name)]!;
    assert.equal(cell(m.labels.col.actor), `'${HOSTILE_FORMULA}`);
    assert.equal(cell(m.labels.col.subject), `'${HOSTILE_FORMULA}`);
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example/"",""click me"")"`), 'the raw cell starts with an apostrophe');
    for (const row of rows) for (const c of row) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `cell ${JSON.stringify(c)} could run as a formula`);
    assert.match(cell(m.labels.col.changes), /\\x1b\[31mRED\\x1b\[0m, Mail\.Read/);
  });

  it('terminal: escapes are shown, never sent', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const text = renderTerminal(await hostileReport(lang), { details: true });
      assert.ok(!text.includes(ESC), 'no raw ESC');
      assert.ok(text.includes('\\x1b[2J'), 'the source error shows its escape as text');
      assert.ok(text.includes(`${HOSTILE_HTML}support-admin@`), 'names are shown as they are (a terminal has no markup)');
    }
  });

  it('JSON and OCSF: no raw ESC, and the values survive a round trip', async () => {
    const m = await hostileReport('en');
    const json = renderJson(m);
    assert.ok(!json.includes(ESC));
    assert.equal((JSON.parse(json) as ReportModel).tenants[0]!.name, `${HOSTILE_HTML} KK`);
    const ocsf = renderOcsfJsonLines(m);
    assert.ok(!ocsf.includes(ESC));
    const hostile = ocsf
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { finding_info: { uid: string }; observables: Array<{ value: string }> })
      .find((o) => o.finding_info.uid === 'f-hostile-1')!;
    assert.ok(hostile.observables.some((o) => o.value === HOSTILE_FORMULA));
  });
});
