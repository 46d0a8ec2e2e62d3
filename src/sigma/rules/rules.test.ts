// takeback's own takeover sequences (catalogue section 6) as Sigma correlations: they load cleanly,
// fire on the story in each shape, and stay quiet on near misses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../../core/event.ts';
import { BUILTIN_RULES_DIR, checkRules, createHunter, loadRules, type SigmaMatch } from '../index.ts';
import { auditEvent, gwsEvent, riskEvent, signinEvent, type AuditShape } from '../testing/render.ts';

const loaded = loadRules(BUILTIN_RULES_DIR);
const T0 = Date.parse('2026-10-05T01:00:00.000Z');
const at = (min: number): string => new Date(T0 + min * 60_000).toISOString();

function hunt(events: CanonicalEvent[]): SigmaMatch[] {
  const h = createHunter(loaded);
  const out = events.flatMap((e) => h.push(e));
  return [...out, ...h.finish()];
}

const titles = (ms: SigmaMatch[]): string[] => ms.map((m) => m.title);

describe('built-in sequence rules', () => {
  it('load without refusals, schema findings or warnings, with metadata on every reported rule', () => {
    const r = checkRules(BUILTIN_RULES_DIR);
    for (const e of r.entries) {
      assert.ok(e.loads, `${e.title ?? ''}: ${e.reason ?? ''}`);
      assert.deepEqual(e.schemaErrors, [], e.title);
      assert.deepEqual(e.warnings, [], e.title);
    }
    const reported = [...r.loaded.correlations, ...r.loaded.rules].filter((x) => x.standalone);
    assert.equal(reported.length, 7);
    for (const c of reported) {
      assert.ok(c.level === 'high' || c.level === 'critical', c.title);
      assert.ok(c.tags.some((t) => /^attack\.t\d{4}/.test(t)), c.title);
      assert.equal(c.author, 'takeback');
      assert.ok(c.description !== undefined && c.description.length > 20, c.title);
    }
  });

  for (const shape of ['graph', 'la', 'diagnostic', 'ual'] as AuditShape[]) {
    it(`new admin removes other admins (${shape})`, () => {
      const grant = auditEvent({ activity: 'Add member to role', category: 'RoleManagement', actor: 'intruder@example.com', targets: [{ type: 'User', upn: 'support-admin@example.com', props: [['Role.DisplayName', null, '"Global Administrator"']] }], time: at(0) }, shape);
      const remove = (min: number, by = 'support-admin@example.com') =>
        auditEvent({ activity: 'Remove member from role', category: 'RoleManagement', actor: by, targets: [{ type: 'User', upn: `admin${min}@example.com`, props: [['Role.DisplayName', '"Global Administrator"', null]] }], time: at(min) }, shape);
      const story = hunt([grant, remove(20), remove(45)]);
      assert.deepEqual(titles(story), ['New Entra Admin Removes Other Admins']);
      assert.equal(story[0]!.eventIds.length, 3);
      assert.equal(story[0]!.level, 'critical');
      assert.deepEqual(story[0]!.group, { admin: 'support-admin@example.com' });
      assert.deepEqual(titles(hunt([grant, remove(20)])), [], 'one removal');
      assert.deepEqual(titles(hunt([grant, remove(20), remove(61)])), [], 'second removal after the hour');
      assert.deepEqual(titles(hunt([grant, remove(20, 'other@example.com'), remove(45, 'other@example.com')])), [], 'removed by someone else');
    });
  }

  it('account created then deleted within a week', () => {
    const mk = (activity: string, min: number) => auditEvent({ activity, targets: [{ type: 'User', upn: 'temp@example.com' }], time: at(min) }, 'graph');
    assert.deepEqual(titles(hunt([mk('Add user', 0), mk('Delete user', 3 * 24 * 60)])), ['Entra Account Created And Deleted Within A Week']);
    assert.deepEqual(titles(hunt([mk('Add user', 0), mk('Delete user', 8 * 24 * 60)])), []);
    assert.deepEqual(titles(hunt([mk('Delete user', 0), mk('Add user', 10)])), []);
  });

  it('account enabled then password reset by an admin within two minutes', () => {
    const mk = (activity: string, min: number) => auditEvent({ activity, targets: [{ type: 'User', upn: 'dormant@example.com' }], time: at(min) }, 'la');
    assert.deepEqual(titles(hunt([mk('Enable account', 0), mk('Reset password (by admin)', 2)])), ['Disabled Entra Account Enabled Then Password Reset']);
    assert.deepEqual(titles(hunt([mk('Enable account', 0), mk('Reset password (by admin)', 2.01)])), []);
  });

  it('password reset then a privileged operation by that account', () => {
    const reset = auditEvent({ activity: 'Reset user password', actor: 'helpdesk@example.com', targets: [{ type: 'User', upn: 'admin@example.com' }], time: at(0) }, 'diagnostic');
    const op = (by: string) => auditEvent({ activity: 'Set Company Information', actor: by, targets: [{ type: 'Other', displayName: 'Company' }], time: at(10) }, 'diagnostic');
    assert.deepEqual(titles(hunt([reset, op('admin@example.com')])), ['Password Reset Followed By Privileged Operation From The Same Account']);
    assert.deepEqual(titles(hunt([reset, op('helpdesk@example.com')])), []);
  });

  it('risky sign-in and a security info change by the same user, either order', () => {
    const signin = signinEvent({ upn: 'admin@example.com', riskState: 'atRisk', time: at(30) }, 'la');
    const change = (by: string) => auditEvent({ activity: 'User registered security info', category: 'UserManagement', service: 'Authentication Methods', actor: by, time: at(0) }, 'graph');
    assert.deepEqual(titles(hunt([change('admin@example.com'), signin])), ['Risky Sign-In And Security Info Change By The Same User']);
    assert.deepEqual(titles(hunt([change('someone@example.com'), signin])), []);
  });

  it('risk detection then device registration within five minutes', () => {
    const risk = riskEvent({ riskEventType: 'unfamiliarFeatures', upn: 'admin@example.com', time: at(0) }, 'graph');
    const device = (min: number) => auditEvent({ activity: 'Register device', category: 'Device', actor: 'admin@example.com', time: at(min) }, 'graph');
    assert.deepEqual(titles(hunt([risk, device(4)])), ['Identity Protection Risk Followed By Device Registration']);
    assert.deepEqual(titles(hunt([risk, device(6)])), []);
  });

  for (const shape of ['reports', 'cloudlogging'] as const) {
    it(`Google Workspace: new admin revokes other admins (${shape})`, () => {
      const grant = gwsEvent({ app: 'admin', name: 'GRANT_ADMIN_PRIVILEGE', params: { USER_EMAIL: 'helper@example.com' }, actor: 'intruder@example.com', time: at(0) }, shape);
      const revoke = (min: number, by = 'helper@example.com') => gwsEvent({ app: 'admin', name: 'REVOKE_ADMIN_PRIVILEGE', params: { USER_EMAIL: `admin${min}@example.com` }, actor: by, time: at(min) }, shape);
      assert.deepEqual(titles(hunt([grant, revoke(5), revoke(9)])), ['New Google Workspace Admin Revokes Other Admins']);
      assert.deepEqual(titles(hunt([grant, revoke(5, 'x@example.com'), revoke(9, 'x@example.com')])), []);
    });
  }
});
