// Every takeover-relevant SigmaHQ rule (detection catalogue, Appendix A) whose log source takeback
// stores: a regression event that matches and a near miss that does not, in at least two log shapes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { CanonicalEvent } from '../core/event.ts';
import { createHunter, loadRules } from './index.ts';
import { auditEvent, gwsEvent, riskEvent, signinEvent, ualEvent, type AuditShape, type AuditSpec, type GwsShape, type GwsSpec, type RiskShape, type SigninShape, type UalShape } from './testing/render.ts';

const SIGMA = new URL('../../../shared/data/sigma/', import.meta.url).pathname;
const CATALOGUE = new URL('../../../shared/reference/detection-catalogue.md', import.meta.url).pathname;
const TAKEBACK_SOURCES = /^(azure\/(auditlogs|signinlogs|riskdetection|pim)|m365\/|gcp\/google_workspace)/;

interface Case {
  kind: 'audit' | 'signin' | 'risk' | 'ual' | 'gws';
  shapes?: string[];
  placeholders?: Record<string, string[]>;
  note?: string;
  match: Record<string, unknown>;
  miss: Record<string, unknown>;
}

const DEFAULT_SHAPES: Record<Case['kind'], string[]> = {
  audit: ['graph', 'la', 'diagnostic', 'ual'],
  signin: ['graph', 'la', 'diagnostic'],
  risk: ['graph', 'la'],
  ual: ['api', 'purview', 'la'],
  gws: ['reports', 'cloudlogging'],
};

const cases = parse(readFileSync(new URL('./testdata/appendix-a.yaml', import.meta.url), 'utf8')) as Record<string, Case>;

function render(c: Case, spec: Record<string, unknown>, shape: string): CanonicalEvent {
  switch (c.kind) {
    case 'audit':
      return auditEvent(spec as unknown as AuditSpec, shape as AuditShape);
    case 'signin':
      return signinEvent(spec, shape as SigninShape);
    case 'risk':
      return riskEvent(spec as { riskEventType: string }, shape as RiskShape);
    case 'ual':
      return ualEvent(spec, shape as UalShape);
    case 'gws':
      return gwsEvent(spec as unknown as GwsSpec, shape as GwsShape);
  }
}

/** Appendix A rows (path, logsource) from the catalogue. */
function appendixA(): Array<{ path: string; logsource: string }> {
  const text = readFileSync(CATALOGUE, 'utf8');
  const section = text.slice(text.indexOf('## Appendix A'), text.indexOf('## Appendix B'));
  const rows: Array<{ path: string; logsource: string }> = [];
  for (const m of section.matchAll(/^\| [^|]+ \| `([^`]+)` \| ([^|]+) \|/gm)) rows.push({ path: m[1]!, logsource: m[2]!.trim() });
  return rows;
}

const placeholders: Record<string, string[]> = {};
for (const c of Object.values(cases)) Object.assign(placeholders, c.placeholders ?? {});
const loaded = loadRules(SIGMA, { placeholders });
const byFile = new Map(loaded.rules.map((r) => [r.file.slice(SIGMA.length), r]));
// SigmaHQ rules have no correlations, so one hunter can take every case's events.
const hunter = createHunter(loaded);

describe('Appendix A rules: regression events in every shape', () => {
  it('covers every Appendix A rule for a log source takeback stores', () => {
    const rows = appendixA().filter((r) => TAKEBACK_SOURCES.test(r.logsource));
    assert.ok(rows.length >= 100, `expected the catalogue's rows, found ${rows.length}`);
    const missing = rows.filter((r) => cases[r.path] === undefined).map((r) => r.path);
    assert.deepEqual(missing, []);
  });

  for (const [path, c] of Object.entries(cases)) {
    it(path.split('/').pop(), () => {
      const rule = byFile.get(path);
      assert.ok(rule, `${path} did not load: ${loaded.rejected.find((r) => r.file.endsWith(path))?.reason ?? 'not found'}`);
      const shapes = c.shapes ?? DEFAULT_SHAPES[c.kind];
      assert.ok(shapes.length >= 2, 'at least two shapes');
      const ruleId = rule.id ?? rule.title;
      for (const shape of shapes) {
        const hit = render(c, c.match, shape);
        assert.ok(
          hunter.push(hit).some((m) => m.ruleId === ruleId),
          `${shape}: the regression event does not match`,
        );
        const miss = render(c, { ...c.match, ...c.miss }, shape);
        assert.ok(!hunter.push(miss).some((m) => m.ruleId === ruleId), `${shape}: the near miss matches`);
      }
    });
  }
});

describe('matches carry the rule licence attribution', () => {
  it('names the author and the DRL for SigmaHQ rules', () => {
    const [m] = hunter.push(auditEvent({ activity: 'Disable PIM Alert', category: 'RoleManagement' }, 'graph')).filter((x) => x.title === 'PIM Alert Setting Changes To Disabled');
    assert.ok(m);
    assert.equal(m.license, 'DRL-1.1');
    assert.match(m.attribution, /^Sigma rule "PIM Alert Setting Changes To Disabled" by .+, Detection Rule License \(DRL\) 1\.1 \(https:\/\/github\.com\/SigmaHQ\/Detection-Rule-License\)$/);
    assert.ok(m.tags.every((t) => t.startsWith('attack.')) && m.tags.length > 0);
    assert.equal(m.level, 'high');
    assert.equal(join(SIGMA, 'x').startsWith(SIGMA), true);
  });
});
