// The test every check folder runs: the base fixture passes, and each pass / fail / skip fixture (the
// base plus a small patch) gives that status, with item keys and placeholders its meta.yaml defines.
import assert from 'node:assert/strict';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { Snapshot } from '../../core/snapshot.ts';
import { runCheck } from '../run.ts';
import { loadMeta } from '../meta.ts';
import type { CheckContext, CheckFunction, CheckMeta, CheckOutcome, Item, SkipReason } from '../types.ts';
import { baseContext, baseSnapshot } from './base.ts';

export interface Fixture {
  name: string;
  patch?: (s: Snapshot) => void;
  ctx?: (c: CheckContext) => void;
}

export interface FailFixture extends Fixture {
  /** Item keys the failure must name (at least these). */
  items: string[];
  /** True when every change carries a Graph request (a plan could apply it). */
  automated?: boolean;
}

export interface SkipFixture extends Fixture {
  reason: SkipReason['code'];
}

/**
 * Shared by the checks that read enforcement (MFA, legacy authentication): on P1 with no enabled
 * Conditional Access policy, unreadable security defaults may be on, so the check skips.
 */
export const SECURITY_DEFAULTS_UNREADABLE: SkipFixture = {
  name: 'P1 with no enabled policy and security defaults unreadable: they may be on',
  patch: (s) => {
    s.policies.conditionalAccess = [];
    delete s.policies.securityDefaultsEnabled;
    s.sources.securityDefaults = { state: 'denied', permission: 'Policy.Read.All' };
  },
  reason: 'source-denied',
};

export interface CheckFixtures {
  pass: Fixture[];
  fail: FailFixture[];
  skip: SkipFixture[];
}

export function fixtureInput(f: Fixture): { snapshot: Snapshot; ctx: CheckContext } {
  const snapshot = baseSnapshot();
  const ctx = baseContext();
  f.patch?.(snapshot);
  f.ctx?.(ctx);
  return { snapshot, ctx };
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
}

/** Every item names a message of the meta, with every placeholder filled. */
export function assertItems(meta: CheckMeta, items: readonly Item[]): void {
  for (const i of items) {
    const text = meta.messages[i.key];
    assert.ok(text, `${meta.id}: no message '${i.key}' in meta.yaml`);
    for (const lang of ['en', 'ja'] as const) {
      for (const p of placeholders(text[lang])) assert.ok(i.params?.[p] !== undefined, `${meta.id}: '${i.key}' (${lang}) needs param '${p}'`);
    }
  }
}

export function assertOutcomeShape(meta: CheckMeta, outcome: CheckOutcome): void {
  if (outcome.status === 'pass') assertItems(meta, outcome.notes ?? []);
  if (outcome.status === 'fail') {
    assert.ok(outcome.items.length > 0, `${meta.id}: a failure names what is wrong`);
    assertItems(meta, outcome.items);
    assert.ok(outcome.fix.changes.length > 0, `${meta.id}: a failure states the change that fixes it`);
    for (const c of outcome.fix.changes) {
      assert.ok(c.target !== '', `${meta.id}: a change names its target`);
      if (c.graph) assert.match(c.graph.path, /^\//, `${meta.id}: Graph paths are relative to the version root`);
    }
    assert.equal(outcome.fix.manual, outcome.fix.changes.some((c) => c.graph === undefined));
  }
  if (outcome.status === 'skipped' && outcome.reason.code === 'data-missing') {
    assertItems(meta, [{ key: outcome.reason.what, ...(outcome.reason.params ? { params: outcome.reason.params } : {}) }]);
  }
}

/** Registers the fixture tests of the check folder that contains `moduleUrl`. */
export function runCheckFixtures(moduleUrl: string, check: CheckFunction, fixtures: CheckFixtures): void {
  const id = basename(dirname(fileURLToPath(moduleUrl)));
  const meta = loadMeta(new URL('./meta.yaml', moduleUrl), id);
  const run = (f: Fixture): CheckOutcome => {
    const { snapshot, ctx } = fixtureInput(f);
    const outcome = runCheck({ meta, check }, snapshot, ctx);
    assertOutcomeShape(meta, outcome);
    return outcome;
  };

  // node:test's describe/it return promises the runner itself awaits.
  void describe(id, () => {
    void it('passes on the base fixture', () => {
      const o = run({ name: 'base' });
      assert.equal(o.status, 'pass', JSON.stringify(o));
    });
    for (const f of fixtures.pass) {
      void it(`passes: ${f.name}`, () => {
        const o = run(f);
        assert.equal(o.status, 'pass', JSON.stringify(o));
      });
    }
    for (const f of fixtures.fail) {
      void it(`fails: ${f.name}`, () => {
        const o = run(f);
        assert.equal(o.status, 'fail', JSON.stringify(o));
        if (o.status !== 'fail') return;
        const keys = new Set(o.items.map((i) => i.key));
        for (const k of f.items) assert.ok(keys.has(k), `expected item '${k}', got ${[...keys].join(', ')}`);
        if (f.automated !== undefined) assert.equal(!o.fix.manual, f.automated, JSON.stringify(o.fix));
      });
    }
    for (const f of fixtures.skip) {
      void it(`skips: ${f.name}`, () => {
        const o = run(f);
        assert.equal(o.status, 'skipped', JSON.stringify(o));
        if (o.status === 'skipped') assert.equal(o.reason.code, f.reason, JSON.stringify(o.reason));
      });
    }
  });
}
