// D8: sign-in protection weaker than at the previous snapshot: security defaults switched off, a
// Conditional Access policy deleted, switched off or set to report-only. On a first scan, a policy
// switched off recently is reported too (its modified date says when).
import { baseSnapshot, patched } from '../fixtures.ts';
import type { FindingDraft, SnapshotRule } from '../rule.ts';
import { dated, known, withinDays } from './helpers.ts';

interface CaPolicy {
  id: string;
  name: string;
  state: string;
  modified?: string;
}

function caPolicies(list: readonly unknown[] | undefined): Map<string, CaPolicy> {
  const out = new Map<string, CaPolicy>();
  for (const p of list ?? []) {
    if (p === null || typeof p !== 'object') continue;
    const o = p as Record<string, unknown>;
    if (typeof o.id !== 'string') continue;
    const modified = typeof o.modifiedDateTime === 'string' ? o.modifiedDateTime : undefined;
    out.set(o.id, { id: o.id, name: typeof o.displayName === 'string' ? o.displayName : o.id, state: typeof o.state === 'string' ? o.state : 'unknown', ...(modified !== undefined ? { modified } : {}) });
  }
  return out;
}

const CA = ['conditionalAccess', 'conditionalAccessPolicies'];

export const d8AccessPolicyWeakened: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D8-access-policy-weakened',
  severity: 'high',
  attack: ['T1556.009', 'T1562'],
  provider: 'm365',
  evaluate(current, previous, ctx) {
    const out: FindingDraft[] = [];
    const base = { time: current.collectedAt, timeExact: false, targets: [], actors: [], ips: [], step: 'policy-weakened' as const };
    const prevOk = previous !== undefined && known(previous, 'securityDefaults');
    if (prevOk && known(current, 'securityDefaults') && previous.policies.securityDefaultsEnabled === true && current.policies.securityDefaultsEnabled === false) {
      out.push({ ...base, keys: ['securityDefaultsOff'], params: { policy: 'Security defaults' }, notes: ['securityDefaultsOff'] });
    }
    if (!known(current, ...CA)) return out;
    const now = caPolicies(current.policies.conditionalAccess);
    if (previous !== undefined && known(previous, ...CA) && previous.policies.conditionalAccess !== undefined) {
      for (const [id, was] of caPolicies(previous.policies.conditionalAccess)) {
        if (was.state !== 'enabled') continue;
        const is = now.get(id);
        if (is === undefined) out.push({ ...base, keys: [`caDeleted:${id}`], params: { policy: was.name }, notes: ['deleted'] });
        else if (is.state !== 'enabled') out.push({ ...base, keys: [`caOff:${id}:${is.state}`], params: { policy: was.name }, notes: ['switchedOff'] });
      }
      return out;
    }
    const ref = Date.parse(current.collectedAt);
    for (const p of now.values()) {
      if (p.state === 'enabled' || !withinDays(p.modified, ref, ctx.recentDays)) continue;
      out.push({ ...base, ...dated(p.modified, current.collectedAt), severity: 'medium', keys: [`caOff:${p.id}:${p.state}`], params: { policy: p.name }, notes: ['recentlyOff'] });
    }
    return out;
  },
  text: {
    title: { en: 'Sign-in protection weakened: {{policy}}', ja: 'サインインの保護が弱められました: {{policy}}' },
    explanation: { en: 'The sign-in protection "{{policy}}" is weaker than before.', ja: 'サインインの保護「{{policy}}」が以前より弱くなっています。' },
    nextSteps: {
      en: 'Turn the protection back on (security defaults, or the Conditional Access policy) and find out who changed it.',
      ja: '保護を元に戻し（セキュリティの既定値群、または条件付きアクセスのポリシー）、誰が変更したか確認してください。',
    },
    notes: {
      securityDefaultsOff: { en: 'Security defaults were on at the previous scan and are off now.', ja: 'セキュリティの既定値群が、前回はオンでしたが現在はオフです。' },
      deleted: { en: 'The policy was enabled at the previous scan and is gone now.', ja: 'このポリシーは前回は有効でしたが、現在は削除されています。' },
      switchedOff: { en: 'The policy was enabled at the previous scan and is now off or report-only.', ja: 'このポリシーは前回は有効でしたが、現在はオフまたは「レポートのみ」です。' },
      recentlyOff: { en: 'The policy is not enforced and was modified recently.', ja: 'このポリシーは適用されておらず、最近変更されています。' },
    },
  },
  fixtures: {
    fires: [
      { name: 'security defaults switched off', previous: baseSnapshot('2026-10-18T00:00:00.000Z'), current: patched(baseSnapshot(), (s) => (s.policies.securityDefaultsEnabled = false)), severity: 'high' },
      {
        name: 'CA policy set to report-only',
        previous: patched(baseSnapshot('2026-10-18T00:00:00.000Z'), (s) => (s.policies.conditionalAccess = [{ id: 'p1', displayName: 'MFA for admins', state: 'enabled' }])),
        current: patched(baseSnapshot(), (s) => (s.policies.conditionalAccess = [{ id: 'p1', displayName: 'MFA for admins', state: 'enabledForReportingButNotEnforced' }])),
        severity: 'high',
      },
    ],
    nearMiss: [{ name: 'security defaults switched on', previous: patched(baseSnapshot('2026-10-18T00:00:00.000Z'), (s) => (s.policies.securityDefaultsEnabled = false)), current: baseSnapshot() }],
  },
};
