// Repo-wide invariants of the posture checks: one id everywhere, both languages, fixtures that pass,
// fail and skip, every baseline requirement mapped or marked manual, language-neutral Microsoft links.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { SOURCES } from '../providers/m365/sources.ts';
import { loadFramework } from './frameworks/frameworks.ts';
import { CHECK_ID } from './meta.ts';
import { CHECKS } from './registry.ts';
import type { CheckFixtures } from './testing/run-fixtures.ts';

const ROOT = fileURLToPath(new URL('./', import.meta.url));
const CHECKS_DIR = join(ROOT, 'checks');
const folders = readdirSync(CHECKS_DIR).flatMap((provider) =>
  readdirSync(join(CHECKS_DIR, provider))
    .filter((d) => statSync(join(CHECKS_DIR, provider, d)).isDirectory())
    .map((id) => ({ provider, id, dir: join(CHECKS_DIR, provider, id) })),
);

/** Sources the collectors fill today, plus those checks already read and collectors will add. */
const KNOWN_SOURCES = new Set([...Object.keys(SOURCES), 'partners', 'auditLogConfig', 'signInActivity', 'adminMailboxes']);
const KNOWN_INPUTS = new Set([
  'breakGlass',
  'watch',
  'recoveryKit',
  'selfAppId',
  'expected.admins',
  'expected.partners',
  'expected.federatedDomains',
  'expected.subscriptions',
  'expected.apps',
  'expected.notificationContacts',
]);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('posture checks: repo-wide invariants', () => {
  it('has at least 30 Microsoft checks', () => {
    assert.ok(CHECKS.filter((c) => c.meta.provider === 'm365').length >= 30);
  });

  it('uses one id everywhere: folder, meta.yaml, registry; ids and numbers unique', () => {
    const registered = CHECKS.map((c) => c.meta.id).sort();
    assert.deepEqual(folders.map((f) => f.id).sort(), registered, 'every check folder is in the registry and nothing else is');
    assert.equal(new Set(registered).size, registered.length, 'ids are unique');
    const numbers = registered.map((id) => id.split('-').slice(0, 3).join('-'));
    assert.equal(new Set(numbers).size, numbers.length, 'TB-AAD-NNN numbers are unique');
    for (const c of CHECKS) {
      assert.match(c.meta.id, CHECK_ID);
      assert.equal(folders.find((f) => f.id === c.meta.id)?.provider, c.meta.provider, `${c.meta.id} sits under its provider`);
    }
  });

  it('every check folder has its code, metadata, fixtures and test', () => {
    for (const f of folders) {
      for (const file of ['check.ts', 'meta.yaml', 'fixtures.ts', 'check.test.ts']) assert.ok(existsSync(join(f.dir, file)), `${f.id}/${file}`);
    }
  });

  it('every check has fixtures that fail and skip (the base fixture is the pass)', async () => {
    for (const f of folders) {
      const mod = (await import(join(f.dir, 'fixtures.ts'))) as { fixtures: CheckFixtures };
      assert.ok(mod.fixtures.fail.length > 0, `${f.id}: a fixture that fails`);
      assert.ok(mod.fixtures.skip.length > 0, `${f.id}: a fixture that skips`);
    }
  });

  it('every text is in English and Japanese, with the same placeholders', () => {
    for (const { meta } of CHECKS) {
      for (const [name, text] of [['title', meta.title], ['rationale', meta.rationale], ['portal', meta.portal], ...Object.entries(meta.messages).map(([k, v]) => [`messages.${k}`, v] as const)] as const) {
        assert.ok(JAPANESE.test(text.ja), `${meta.id} ${name}: the Japanese text is Japanese`);
        assert.deepEqual(placeholders(text.ja), placeholders(text.en), `${meta.id} ${name}: same placeholders`);
      }
      assert.equal(meta.remediation.ja.length, meta.remediation.en.length, `${meta.id}: as many steps in both languages`);
      assert.ok(meta.remediation.ja.every((s) => JAPANESE.test(s)), `${meta.id}: Japanese steps`);
    }
  });

  it('names only known sources and context settings', () => {
    for (const { meta } of CHECKS) {
      for (const spec of meta.sources) for (const s of spec.split('|')) assert.ok(KNOWN_SOURCES.has(s), `${meta.id}: unknown source ${s}`);
      for (const i of meta.inputs) assert.ok(KNOWN_INPUTS.has(i), `${meta.id}: unknown input ${i}`);
    }
  });

  it('maps every SCuBA MS.AAD requirement to checks or marks it manual, both ways consistent', () => {
    const scuba = loadFramework('scuba-ms-aad');
    const ids = scuba.requirements.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'requirement ids are unique');
    const known = new Set(CHECKS.map((c) => c.meta.id));
    for (const r of scuba.requirements) {
      assert.ok((r.checks?.length ?? 0) > 0 || (r.manual ?? '') !== '', `${r.id}: mapped or manual`);
      for (const id of r.checks ?? []) assert.ok(known.has(id), `${r.id} maps to an existing check (${id})`);
    }
    for (const { meta } of CHECKS) {
      const listed = scuba.requirements.filter((r) => r.checks?.includes(meta.id)).map((r) => r.id).sort();
      assert.deepEqual([...meta.baselines.scuba].sort(), listed, `${meta.id}: meta.yaml and the mapping file agree`);
    }
    // Every requirement of the baseline (sections 1 to 8) is listed.
    for (const section of ['1.1', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '4.1', '5.1', '5.2', '5.3', '6.1', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '7.7', '7.8', '7.9', '8.1', '8.2', '8.3']) {
      assert.ok(ids.some((id) => id.startsWith(`MS.AAD.${section}v`)), `MS.AAD.${section} is listed`);
    }
  });

  it('links Microsoft pages language-neutrally (no /en-us/ or other locale)', () => {
    const locale = /(?:microsoft\.com|aka\.ms)\/[a-z]{2}-[a-z]{2,4}\//i;
    for (const file of walk(ROOT).filter((p) => /\.(ya?ml|ts|md)$/.test(p))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => assert.doesNotMatch(line, locale, `${file}:${i + 1}`));
    }
    for (const { meta } of CHECKS) for (const ref of meta.references) assert.doesNotMatch(ref, locale, meta.id);
  });

  it('has engine text for every skip and error reason in both languages', () => {
    for (const lang of ['en', 'ja']) {
      const tree = JSON.parse(readFileSync(new URL(`../../locales/${lang}.json`, import.meta.url), 'utf8')) as { assess: Record<string, Record<string, string>> };
      for (const code of ['needs_licence', 'licence_unknown', 'source_denied', 'source_unlicensed', 'source_skipped', 'not_collected', 'config_missing']) assert.ok(tree.assess.skip?.[code], `${lang} assess.skip.${code}`);
      for (const code of ['source_error', 'check_error']) assert.ok(tree.assess.error?.[code], `${lang} assess.error.${code}`);
    }
  });
});
