// The HTML report in a real browser (Debian's chromium through playwright-core), opened from disk the
// way a user opens it: no console errors, no request but the file itself, the verdict visible, the
// incident's steps in order, in both languages. Hostile names must not load, run or alert anything.
// Screenshots go to the temp directory for a person to look at (takeback-report-<lang>.png).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../detect/test-support.ts';
import { CHROMIUM, launchChromium, type BrowserContext, type Page } from './browser-support.ts';
import { renderHtml } from './html.ts';
import { HOSTILE_HTML, hostileSeedEvents, reportOf, SEED_CSV, SEED_STORY } from './test-support.ts';

interface Visit {
  requests: string[];
  problems: string[];
  dialogs: string[];
}

// In CI a missing browser is a failure, not a skip: .ci/run installs it.
const skip = existsSync(CHROMIUM) || process.env.CI ? false : `${CHROMIUM} not installed (apt-get install chromium fonts-noto-cjk)`;

describe('HTML report in headless Chromium', { skip, timeout: 120_000 }, () => {
  let dir: string;
  let context: BrowserContext;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'takeback-report-browser-'));
    context = await launchChromium(join(dir, 'profile'));
  });

  after(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, visit: Visit, screenshot?: string): Promise<Page> {
    const page = await context.newPage();
    page.on('request', (r) => visit.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') visit.problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => visit.problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      visit.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    if (screenshot !== undefined) await page.screenshot({ path: screenshot, fullPage: true });
    return page;
  }

  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: renders with no errors or requests; verdict visible; steps in order`, async () => {
      const m = await reportOf(await importEvents(SEED_CSV), lang);
      const file = join(dir, `report-${lang}.html`);
      writeFileSync(file, renderHtml(m));
      const visit: Visit = { requests: [], problems: [], dialogs: [] };
      const page = await open(file, visit, join(tmpdir(), `takeback-report-${lang}.png`));
      assert.deepEqual(visit.problems, []);
      assert.deepEqual(visit.requests, [pathToFileURL(file).href]);
      const verdict = page.locator('#verdict-h');
      assert.ok(await verdict.isVisible());
      assert.equal(await verdict.textContent(), m.verdict.headline);
      assert.equal(await page.locator('article.incident').count(), 1);
      const steps = page.locator('article.incident ol.steps > li');
      const kinds: Array<string | null> = [];
      for (let i = 0; i < (await steps.count()); i++) kinds.push(await steps.nth(i).getAttribute('data-step'));
      assert.deepEqual(kinds, [...SEED_STORY]);
      assert.deepEqual(
        await steps.locator('.step-text').allInnerTexts(),
        m.incidents[0]!.steps.map((s) => s.text),
      );
      assert.ok(await page.locator('svg.timeline').isVisible(), 'the timeline chart is drawn');
      await page.close();
    });
  }

  it('hostile names stay text: nothing loads, runs or alerts', async () => {
    const m = await reportOf(await hostileSeedEvents(), 'en', { tenants: [{ tenant: '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31', displayName: `${HOSTILE_HTML} KK` }] });
    const file = join(dir, 'report-hostile.html');
    writeFileSync(file, renderHtml(m));
    const visit: Visit = { requests: [], problems: [], dialogs: [] };
    const page = await open(file, visit);
    assert.deepEqual(visit.requests, [pathToFileURL(file).href]);
    assert.deepEqual(visit.dialogs, []);
    assert.deepEqual(visit.problems, []);
    assert.equal(await page.locator('img').count(), 0);
    assert.match(await page.locator('article.incident ol.steps').innerText(), /<img src=x onerror=alert\(1\)>support-admin@/);
    await page.close();
  });
});
