// The report model: the verdict in plain words, coverage sentences that never present unknown as fine,
// evidence resolved from the events, and every label present in both languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Snapshot } from '../core/snapshot.ts';
import { baseSnapshot, by, ev, FX_TENANT, OFFICE_IP, ALICE } from '../detect/fixtures.ts';
import { SEVERITIES, STEP_KINDS } from '../detect/finding.ts';
import { ALL_RULES } from '../detect/registry.ts';
import { attackTechnique } from './attack.ts';
import { displayValue } from './format.ts';
import { renderHtml } from './html.ts';
import { buildReport, type ReportInput } from './model.ts';
import { hostileFinding, hostileSeedEvents, reportOf, SEED_NOW, windowOf } from './test-support.ts';
import { hasReportText } from './text.ts';

function quiet(extra: Partial<ReportInput> = {}): ReportInput {
  const events = [ev({ action: 'signin', nativeAction: 'Sign-in', actor: by(ALICE, OFFICE_IP), time: '2026-10-20T08:00:00.000Z' })];
  return {
    lang: 'en',
    generatedAt: SEED_NOW,
    tenants: [{ tenant: FX_TENANT, displayName: 'Contoso' }],
    findings: [],
    incidents: [],
    events: new Map(events.map((e) => [e.id, e])),
    coverage: { eventsWindow: windowOf(events) },
    ...extra,
  };
}

function withSources(s: Snapshot, sources: Snapshot['sources'], licence?: Snapshot['licence']): Snapshot {
  const copy = structuredClone(s);
  copy.sources = sources;
  if (licence !== undefined) copy.licence = licence;
  return copy;
}

describe('tenants', () => {
  it('names records that carry no tenant id in words, not with a blank heading', () => {
    for (const lang of ['en', 'ja'] as const) {
      const m = buildReport(quiet({ lang, tenants: [{ tenant: '' }, { tenant: FX_TENANT, displayName: 'Contoso' }] }));
      const unnamed = m.coverage.tenants.find((x) => x.tenant === '')!;
      assert.match(unnamed.name, lang === 'en' ? /records that name no tenant/ : /テナントの記載がない記録/);
      assert.equal(m.tenants.find((x) => x.tenant === '')?.name, unnamed.name);
    }
  });
});

describe('verdict', () => {
  it('says "signs of takeover" when there is an incident, with what to do first', async () => {
    const m = await reportOf(await hostileSeedEvents(), 'en');
    assert.equal(m.verdict.kind, 'takeover');
    assert.equal(m.verdict.headline, 'Signs of takeover');
    assert.match(m.verdict.firstSteps[0]!, /restore the original administrator/);
    assert.match(m.verdict.details.join(' '), /2026-10-01 00:15 UTC to 2026-10-21 08:30 UTC/);
  });

  it('says "no signs found in the data available" for quiet data, and names the window', () => {
    const m = buildReport(quiet());
    assert.equal(m.verdict.kind, 'clear');
    assert.equal(m.verdict.headline, 'No signs of takeover found in the data available');
    assert.match(m.verdict.details.join(' '), /2026-10-20 08:00 UTC to 2026-10-20 08:00 UTC/);
    const ja = buildReport({ ...quiet(), lang: 'ja' });
    assert.equal(ja.verdict.headline, '入手できたデータの範囲では、乗っ取りの兆候は見つかりませんでした');
  });

  it('says sign-ins could not be checked when the data holds no sign-in record', () => {
    const audit = [ev({ action: 'user.created', nativeAction: 'Add user', actor: by(ALICE, OFFICE_IP), time: '2026-10-20T08:00:00.000Z' })];
    for (const lang of ['en', 'ja'] as const) {
      const m = buildReport(quiet({ lang, events: new Map(audit.map((e) => [e.id, e])), coverage: { eventsWindow: windowOf(audit) } }));
      assert.match(m.verdict.details.join(' '), lang === 'en' ? /No sign-in records were in the data/ : /サインインの記録が含まれていない/);
      assert.match(m.coverage.window.text, lang === 'en' ? /None of them is a sign-in/ : /サインインは確認できていません/);
      assert.equal(m.coverage.window.signIns, 0);
    }
    // With a sign-in among the records, nothing is said.
    const withSignIn = buildReport(quiet());
    assert.doesNotMatch(withSignIn.verdict.details.join(' '), /sign-in records/);
    assert.equal(withSignIn.coverage.window.signIns, 1);
  });

  it('does not call "nothing read" an all-clear', () => {
    const m = buildReport(quiet({ events: new Map(), coverage: { eventsWindow: { count: 0 } } }));
    assert.equal(m.verdict.kind, 'no-data');
    assert.equal(m.verdict.headline, 'Nothing could be checked');
    const html = renderHtml(m);
    assert.ok(html.includes('<section class="verdict verdict-no-data"'));
    assert.ok(html.includes('No incident: no chain of related changes was found.'));
    assert.ok(html.includes('No log records were read: changes that only the logs record cannot be seen.'));
  });

  it('a snapshot whose every source failed is no data either', () => {
    const snap = withSources(baseSnapshot(), { users: { state: 'denied', permission: 'User.Read.All' } });
    const m = buildReport(quiet({ tenants: [{ tenant: FX_TENANT, snapshot: snap }], coverage: { eventsWindow: { count: 0 } } }));
    assert.equal(m.verdict.kind, 'no-data');
    assert.match(m.verdict.details.join(' '), /1 source could not be read/);
  });

  it('asks for a review when there are findings but no incident', () => {
    const { finding, event } = hostileFinding();
    const m = buildReport(quiet({ findings: [finding], events: new Map([[event.id, event]]) }));
    assert.equal(m.verdict.kind, 'review');
    assert.match(m.verdict.details[0]!, /1 change should be checked/);
    assert.equal(m.verdict.countsText, 'Findings: Medium 1');
  });

  it('adds that sources could not be read, so a clear result is not a full check', () => {
    const snap = withSources(baseSnapshot(), { users: { state: 'ok' }, signIns: { state: 'unlicensed', licence: 'Microsoft Entra ID P1' }, conditionalAccess: { state: 'denied', permission: 'Policy.Read.All' } });
    const m = buildReport(quiet({ tenants: [{ tenant: FX_TENANT, snapshot: snap }] }));
    assert.equal(m.verdict.kind, 'clear');
    assert.match(m.verdict.details.at(-1)!, /2 sources could not be read, so this is not a full check/);
  });
});

describe('coverage', () => {
  it('words each source status, never "read" for what was not read', () => {
    const snap = withSources(baseSnapshot(), {
      users: { state: 'ok' },
      conditionalAccess: { state: 'denied', permission: 'Policy.Read.All' },
      signIns: { state: 'unlicensed', licence: 'Microsoft Entra ID P1' },
      authMethods: { state: 'error', detail: 'timeout after 30 s' },
      partners: { state: 'skipped', detail: 'not requested' },
    });
    const m = buildReport(quiet({ tenants: [{ tenant: FX_TENANT, snapshot: snap }] }));
    const lines = new Map(m.coverage.tenants[0]!.sources.map((s) => [s.source, s.text]));
    assert.equal(lines.get('users'), 'read');
    assert.equal(lines.get('conditionalAccess'), 'skipped: permission Policy.Read.All missing');
    assert.equal(lines.get('signIns'), 'skipped: needs Microsoft Entra ID P1');
    assert.equal(lines.get('authMethods'), 'error: timeout after 30 s');
    assert.equal(lines.get('partners'), 'skipped: not requested');
    assert.equal(m.coverage.gaps, 4);
    const ja = buildReport(quiet({ lang: 'ja', tenants: [{ tenant: FX_TENANT, snapshot: snap }] }));
    assert.equal(ja.coverage.tenants[0]!.sources.find((s) => s.source === 'conditionalAccess')?.text, 'スキップ: 権限 Policy.Read.All がありません');
  });

  it('states the retention of the licence: Free 7 days and no sign-ins, P1/P2 30 days, both pointing at the 180-day UAL', () => {
    const free = buildReport(quiet({ coverage: { eventsWindow: { count: 0 }, licence: { [FX_TENANT]: { tier: 'Free', auditRetentionDays: 7, signInLogs: false } } } }));
    const r = free.coverage.tenants[0]!.retention;
    assert.match(r[0]!, /Entra audit log: Microsoft keeps only 7 days on this licence \(Entra ID Free\) — older changes are not visible; the Unified Audit Log .* would show 180 days/);
    assert.match(r[1]!, /not available through the API without Entra ID P1 or P2/);
    assert.equal(free.coverage.tenants[0]!.licenceText, 'Licence: Microsoft Entra ID Free');
    const p2 = buildReport(quiet({ tenants: [{ tenant: FX_TENANT, snapshot: withSources(baseSnapshot(), { users: { state: 'ok' } }, { tier: 'P2', auditRetentionDays: 30, signInLogs: true }) }] }));
    assert.match(p2.coverage.tenants[0]!.retention.join(' '), /30 days on this licence \(Entra ID P2\)/);
    const ja = buildReport(quiet({ lang: 'ja', coverage: { eventsWindow: { count: 0 }, licence: { [FX_TENANT]: { tier: 'Free', auditRetentionDays: 7, signInLogs: false } } } }));
    assert.match(ja.coverage.tenants[0]!.retention[0]!, /7 日分しか保存しません/);
  });

  it('gives the general rule when the licence is not known, and the UAL retention for UAL records', async () => {
    const m = await reportOf(await hostileSeedEvents(), 'en');
    const c = m.coverage.tenants[0]!;
    assert.equal(c.licenceText, 'Licence: not known (no directory state was read)');
    assert.match(c.retention[0]!, /depends on the licence/);
    assert.match(c.retention[1]!, /Unified Audit Log \(Microsoft Purview\): kept 180 days/);
    assert.equal(c.sourcesNote, 'No per-source status was recorded (the data came from imported files).');
    assert.deepEqual(
      m.coverage.bySource.map((s) => [s.source, s.label, s.count]),
      [['ual', 'Unified Audit Log (Microsoft Purview)', 12]],
    );
    assert.match(m.coverage.window.text, /Log records read: 12, from 2026-10-01 00:15 UTC to 2026-10-21 08:30 UTC\. Anything before 2026-10-01 00:15 UTC is not in this data\./);
  });

  it('says Google Workspace logs reach back 180 days', () => {
    const snap = { ...withSources(baseSnapshot(), { users: { state: 'ok' } }), provider: 'gws' as const };
    const m = buildReport(quiet({ tenants: [{ tenant: FX_TENANT, snapshot: snap }] }));
    assert.match(m.coverage.tenants[0]!.retention.join(' '), /Google Workspace: audit logs are kept about 6 months/);
  });
});

describe('findings and evidence', () => {
  it('resolves evidence events, says how many are missing, and shows change values as plain text', () => {
    const { finding, event } = hostileFinding();
    const m = buildReport(quiet({ findings: [finding], events: (id) => (id === event.id ? event : undefined) }));
    const f = m.findings[0]!;
    assert.deepEqual(
      f.events.map((e) => e.id),
      [event.id],
    );
    assert.equal(f.missingEventsText, '1 log record this finding rests on is not in this data.');
    assert.equal(f.changes[0]!.after, '\u001b[31mRED\u001b[0m, Mail.Read');
    assert.deepEqual(f.attack[0], { id: 'T1528', name: 'Steal Application Access Token', tactic: { uid: 'TA0006', name: 'Credential Access' } });
  });

  it('reads change values the way logs write them', () => {
    assert.equal(displayValue('[\r\n  "it-notice@mail.example.net"\r\n]'), 'it-notice@mail.example.net');
    assert.equal(displayValue('[]'), '');
    assert.equal(displayValue('["a","b"]'), 'a, b');
    assert.equal(displayValue('{"a":1}'), '{"a":1}');
    assert.equal(displayValue('[not json'), '[not json');
    assert.equal(displayValue(null), '');
  });
});

describe('labels', () => {
  it('every step kind, severity and rule ATT&CK id has its text', () => {
    for (const lang of ['en', 'ja'] as const) {
      for (const k of STEP_KINDS) assert.ok(hasReportText(lang, `step.${k}`), `${lang} step.${k}`);
      for (const s of SEVERITIES) assert.ok(hasReportText(lang, `severity.${s}`), `${lang} severity.${s}`);
    }
    const missing = [...new Set(ALL_RULES.flatMap((r) => r.attack))].filter((id) => attackTechnique(id) === undefined);
    assert.deepEqual(missing, []);
  });
});
