// The engine's contract: any iterable or async iterable, any order, several tenants; refused changes
// ignored; one finding per rule and evidence however often an event is seen; text in both languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../core/event.ts';
import { detect, Detector, detectSync } from './engine.ts';
import { TenantFacts } from './facts.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, MALLORY, role, user } from './fixtures.ts';
import { DETECT_TEXT, EVENT_RULES, RULES_BY_ID } from './registry.ts';
import { interpolate } from './text.ts';

function deletion(tenant = 'fx-tenant'): CanonicalEvent[] {
  return [
    { ...madeGlobalAdmin(ALICE), tenant },
    ev({ tenant, action: 'user.deleted', nativeAction: 'Delete user', time: '2026-10-19T03:06:20.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] }),
  ];
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const x of items) {
    await Promise.resolve();
    yield x;
  }
}

describe('engine', () => {
  it('reads async iterables (the store) like arrays', async () => {
    const events = deletion();
    const a = await detect(events);
    const b = await detect(slowly(events));
    assert.deepEqual(b.findings.map((f) => f.id), a.findings.map((f) => f.id));
    assert.equal(a.findings.find((f) => f.ruleId === 'TB-M5-admin-deleted-or-disabled')?.severity, 'high');
  });

  it('keeps tenants apart: an admin in one tenant is nobody in another', () => {
    const events = [...deletion('tenant-a'), ev({ tenant: 'tenant-b', action: 'user.deleted', time: '2026-10-19T03:06:20.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] })];
    const { findings, incidents } = detectSync(events);
    const deleted = findings.filter((f) => f.ruleId === 'TB-M5-admin-deleted-or-disabled');
    assert.deepEqual(deleted.map((f) => f.tenant), ['tenant-a']);
    assert.ok(incidents.every((i) => i.tenant === 'tenant-a'));
  });

  it('never duplicates: the same event twice, or the run repeated, gives the same findings', () => {
    const events = deletion();
    const once = detectSync(events);
    const twice = detectSync([...events, ...events]);
    assert.deepEqual(twice.findings.map((f) => f.id), once.findings.map((f) => f.id));
    assert.deepEqual(detectSync(events).findings, once.findings);
  });

  it('ignores refused changes', () => {
    const refused = deletion().map((e) => (e.action === 'user.deleted' ? { ...e, result: 'failure' as const } : e));
    assert.equal(detectSync(refused).findings.filter((f) => f.ruleId === 'TB-M5-admin-deleted-or-disabled').length, 0);
  });

  it('runs only the rules asked for', () => {
    const { findings } = detectSync(deletion(), {}, { rules: EVENT_RULES.filter((r) => r.id === 'TB-M2-privileged-role-assigned') });
    assert.deepEqual([...new Set(findings.map((f) => f.ruleId))], ['TB-M2-privileged-role-assigned']);
  });

  it('streams: add events one by one, then finish once', () => {
    const d = new Detector();
    for (const e of deletion()) d.add(e);
    const r = d.finish();
    assert.ok(r.findings.length > 0);
    assert.throws(() => d.add(deletion()[0]!), /after finish/);
  });

  it('fills the evidence: event ids, before/after values, actor, target, IP', () => {
    const e = ev({ action: 'role.assigned', nativeAction: 'Add member to role', actor: by(ALICE, ATTACKER_IP), targets: [user(BOB), role('Global Administrator')] });
    const f = detectSync([e]).findings.find((x) => x.ruleId === 'TB-M2-privileged-role-assigned')!;
    assert.deepEqual(f.evidence.events, [e.id]);
    assert.equal(f.entities.actors[0]?.name, ALICE.upn);
    assert.equal(f.subject?.name, BOB.upn);
    assert.deepEqual(f.entities.ips, [ATTACKER_IP]);
    assert.deepEqual(f.attack, ['T1098.003']);
    assert.equal(f.indicator, 'M2');
    assert.equal(DETECT_TEXT.render(f.text.title, 'en', f.params), 'Administrator role given: Global Administrator');
    assert.equal(DETECT_TEXT.render(f.text.title, 'ja', f.params), '管理者ロールが付与されました: Global Administrator');
  });

  it('has text for every key and leaves no placeholder unfilled in any firing fixture, in either language', () => {
    for (const rule of RULES_BY_ID.values()) {
      for (const fx of rule.fixtures.fires) {
        const snaps = { ...(fx.current ? { current: fx.current } : {}), ...(fx.previous ? { previous: fx.previous } : {}) };
        const result = detectSync(fx.events ?? [], snaps);
        for (const step of result.incidents.flatMap((i) => i.storyline)) {
          for (const lang of ['en', 'ja'] as const) assert.doesNotMatch(DETECT_TEXT.render(step.text, lang, step.params), /\{\{/, `${rule.id} step ${step.kind} (${lang})`);
        }
        for (const f of result.findings) {
          for (const key of [f.text.title, f.text.explanation, f.text.nextSteps, ...f.text.notes]) {
            assert.ok(DETECT_TEXT.has(key), `${f.ruleId}: no text for ${key}`);
            for (const lang of ['en', 'ja'] as const) {
              const text = DETECT_TEXT.render(key, lang, f.params);
              assert.doesNotMatch(text, /\{\{/, `${f.ruleId} ${key} (${lang}): ${text}`);
            }
          }
        }
      }
    }
  });
});

describe('text', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    assert.equal(interpolate('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'x' }), '1 and x and {{c}}');
  });

  it('words English counts in the singular for one ("1 sign-in", not "1 sign-ins")', () => {
    const tpl = '{{n}} {{n|sign-in|sign-ins}}';
    assert.equal(interpolate(tpl, { n: 1 }), '1 sign-in');
    assert.equal(interpolate(tpl, { n: 0 }), '0 sign-ins');
    assert.equal(interpolate(tpl, { n: 7 }), '7 sign-ins');
    assert.equal(interpolate(tpl, {}), tpl);
  });

  it('exports i18next resources for both languages', () => {
    const en = DETECT_TEXT.resources('en') as { detect: Record<string, { title: string }> };
    const ja = DETECT_TEXT.resources('ja') as { detect: Record<string, { title: string }> };
    assert.equal(en.detect['TB-M1-user-created']?.title, 'New user account created');
    assert.equal(ja.detect['TB-M1-user-created']?.title, '新しいユーザーアカウントが作成されました');
  });
  it('gathers the sign-in history only for rules that read it, and refuses to answer without it', () => {
    const signIn = ev({ action: 'signin', nativeAction: 'Sign-in activity', source: 'entra.signin', actor: by(ALICE, ATTACKER_IP) });
    assert.equal(RULES_BY_ID.get('TB-C1-admin-signin-unusual')!.readsSignInHistory, true);
    assert.ok(EVENT_RULES.every((r) => r.readsSignInHistory !== true));
    const facts = new TenantFacts('fx-tenant', 30, false);
    facts.observe(signIn);
    facts.freeze();
    assert.throws(() => facts.signInsOf({ kind: 'user', id: ALICE.id }), /readsSignInHistory/);
    assert.throws(() => facts.tenantIps, /readsSignInHistory/);
    const full = new TenantFacts('fx-tenant');
    full.observe(signIn);
    full.freeze();
    assert.equal(full.signInsOf({ kind: 'user', id: ALICE.id })?.ips.get(ATTACKER_IP)?.count, 1);
  });
});
