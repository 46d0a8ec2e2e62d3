// The real SigmaHQ cloud rules (../shared/data/sigma): every rule loads or is refused with a precise,
// true reason, and no rule that loaded before stops loading (testdata/corpus-baseline.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkRules } from './index.ts';

const SIGMA = new URL('../../../shared/data/sigma/', import.meta.url).pathname;
const baseline = JSON.parse(readFileSync(new URL('./testdata/corpus-baseline.json', import.meta.url), 'utf8')) as {
  loaded: string[];
  inactive: string[];
  rejected: Record<string, string>;
};
const report = checkRules(SIGMA);
const rel = (f: string): string => f.slice(SIGMA.length);
const TAKEBACK_SOURCES = /^(azure\/(auditlogs|signinlogs|riskdetection|pim)|m365\/|gcp\/google_workspace)/;

describe('SigmaHQ corpus', () => {
  it('reports the counts', (t) => {
    const loaded = report.entries.filter((e) => e.loads);
    const active = loaded.filter((e) => e.active !== false);
    const reasons = new Map<string, number>();
    for (const e of report.entries.filter((x) => !x.loads)) {
      const kind = e.reason!.startsWith('placeholder') ? 'placeholder with no configured value' : e.reason!.replace(/'[^']*'/g, "'…'");
      reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
    }
    t.diagnostic(`documents ${report.entries.length}: loaded ${loaded.length} (active ${active.length}, no field map ${loaded.length - active.length}), rejected ${report.entries.length - loaded.length}`);
    for (const [reason, n] of reasons) t.diagnostic(`  rejected ${n}: ${reason}`);
    assert.equal(report.entries.length, 197);
  });

  it('no rule that loaded before stops loading', () => {
    const now = new Set(report.entries.filter((e) => e.loads).map((e) => rel(e.file)));
    const lost = baseline.loaded.filter((p) => !now.has(p)).map((p) => `${p}: ${report.entries.find((e) => rel(e.file) === p)?.reason ?? 'missing'}`);
    assert.deepEqual(lost, []);
  });

  it('refusals keep their precise reasons', () => {
    const now: Record<string, string> = {};
    for (const e of report.entries) if (!e.loads) now[rel(e.file)] = e.reason!;
    // A rule that starts loading is progress: drop it from the baseline then.
    for (const [p, reason] of Object.entries(now)) assert.equal(reason, baseline.rejected[p], p);
  });

  it('every rule for a log source takeback stores loads and reaches a field map, or is refused', () => {
    for (const e of report.entries) {
      const rule = report.loaded.rules.find((r) => r.file === e.file);
      const ls = rule ? `${rule.logsource.product ?? ''}/${rule.logsource.service ?? ''}` : '';
      if (rule && TAKEBACK_SOURCES.test(ls)) assert.notEqual(e.active, false, `${rel(e.file)} has no field map`);
    }
  });

  it('rules whose log source takeback does not store say so', () => {
    const inactive = report.loaded.inactive.map((i) => rel(i.file)).sort();
    assert.deepEqual(inactive, baseline.inactive);
    for (const i of report.loaded.inactive) assert.match(i.reason, /^no field map for logsource (product=\w+ service=[\w.]+): takeback stores no events of this kind$/);
  });

  it('the placeholder rules load once their placeholders are configured', () => {
    const placeholders = {
      ApprovedUserUpn: ['a@example.com'],
      Approved_Inviters: ['a@example.com'],
      Important_AppIds: ['00000002-0000-0ff1-ce00-000000000000'],
      Known_Location: ['JP'],
      KNOWN_LOCATION: ['JP'],
      UnLegitCountries: ['KP'],
      UnApprovedIp: ['198.51.100.7'],
      UnApprovedDevice: ['x'],
      HomeTenantID: ['5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31'],
      legtimate_identifiers: ['okta.com'],
      LegitCountries: ['JP'],
      ClosingTime: ['18'],
    };
    const r = checkRules(SIGMA, { placeholders });
    assert.deepEqual(
      r.entries.filter((e) => !e.loads).map((e) => e.reason),
      ["condition 'selection and not filter_computer | count(TargetUserName) by IpAddress > 10' uses a pipe aggregation (count/near), which Sigma v2 replaced with correlation rules"],
    );
  });

  it('schema findings are reported without stopping runnable rules', () => {
    const bad = report.entries.filter((e) => e.schemaErrors.length > 0).map((e) => rel(e.file));
    assert.deepEqual(bad.sort(), ['deprecated/cloud/azure_app_permissions_for_api.yml', 'unsupported/cloud/azure_aad_secops_signin_failure_bad_password_threshold.yml']);
    assert.ok(report.entries.find((e) => rel(e.file) === 'deprecated/cloud/azure_app_permissions_for_api.yml')!.loads);
  });
});
