// D11: an admin has a sign-in method he did not have before (or, on a first scan, one registered
// recently). When the audit log no longer holds the "User registered security info" row, the method's
// creation date still tells when an Authenticator was added.
import type { AuthMethod } from '../../core/snapshot.ts';
import { ALICE, baseSnapshot, BOB, patched } from '../fixtures.ts';
import type { FindingDraft, SnapshotRule } from '../rule.ts';
import { adminsOf, dated, known, principalsById, refOfPrincipal, topRole, USERS, withinDays } from './helpers.ts';

function methodKey(m: AuthMethod): string {
  return m.id ?? `${m.type}|${m.detail ?? ''}|${m.createdAt ?? ''}`;
}

export const d11AdminAuthMethodAdded: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D11-admin-auth-method-added',
  severity: 'medium',
  attack: ['T1098.005'],
  evaluate(current, previous, ctx) {
    if (!known(current, ...USERS, 'authMethods', 'authenticationMethods')) return [];
    const ref = Date.parse(current.collectedAt);
    const principals = principalsById(current);
    const before = previous !== undefined && known(previous, ...USERS, 'authMethods', 'authenticationMethods') ? principalsById(previous) : undefined;
    const out: FindingDraft[] = [];
    for (const [id, holding] of adminsOf(current)) {
      const p = principals.get(id);
      if (p?.authMethods === undefined) continue;
      const old = before?.get(id)?.authMethods;
      const had = new Set((old ?? []).map(methodKey));
      for (const m of p.authMethods) {
        if (m.type === 'password') continue;
        if (before !== undefined ? old === undefined || had.has(methodKey(m)) : !withinDays(m.createdAt, ref, ctx.recentDays)) continue;
        const subject = refOfPrincipal(p);
        out.push({
          ...dated(m.createdAt, current.collectedAt),
          severity: m.type === 'temporaryAccessPass' && holding.tier !== 'admin' ? 'high' : holding.tier === 'admin' ? 'low' : 'medium',
          subject,
          targets: [subject],
          actors: [],
          ips: [],
          keys: [`method:${id}:${methodKey(m)}`],
          params: { method: m.detail !== undefined ? `${m.type} (${m.detail})` : m.type, role: topRole(holding, current.provider) },
          step: 'security-info-registered',
        });
      }
    }
    return out;
  },
  text: {
    title: { en: 'New sign-in method on an administrator', ja: '管理者に新しいサインイン方法があります' },
    explanation: { en: '{{subject}} ({{role}}) has a new sign-in method: {{method}}.', ja: '{{subject}}（{{role}}）に新しいサインイン方法があります: {{method}}。' },
    nextSteps: {
      en: 'Ask {{subject}} whether he added it. If not, delete it, reset the password and sign the account out everywhere.',
      ja: '{{subject}} が自分で追加したか確認してください。違う場合は削除し、パスワードを再設定して、すべての端末からサインアウトさせてください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'first scan: an Authenticator added to the Global Administrator 4 days ago',
        current: patched(baseSnapshot(), (s) => s.principals.find((p) => p.id === ALICE.id)!.authMethods!.push({ type: 'microsoftAuthenticator', id: 'm-new', detail: 'SM-A546B', createdAt: '2026-10-21T17:16:00Z' })),
        severity: 'medium',
      },
    ],
    nearMiss: [
      {
        name: 'a new method on a user who is not an admin',
        current: patched(baseSnapshot(), (s) => (s.principals.find((p) => p.id === BOB.id)!.authMethods = [{ type: 'microsoftAuthenticator', id: 'm-bob', createdAt: '2026-10-21T17:16:00Z' }])),
      },
    ],
  },
};
