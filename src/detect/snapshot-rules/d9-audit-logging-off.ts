// D9: audit logging is off. The snapshot model has no dedicated field yet: collectors report Exchange's
// `UnifiedAuditLogIngestionEnabled` / `AdminAuditLogEnabled` (or a plain `auditLogEnabled`) under
// policies.other.
import { baseSnapshot, patched } from '../fixtures.ts';
import type { SnapshotRule } from '../rule.ts';

const KEYS = ['unifiedAuditLogIngestionEnabled', 'adminAuditLogEnabled', 'auditLogEnabled', 'auditingEnabled'];

function offSettings(other: Record<string, unknown> | undefined): string[] {
  if (other === undefined) return [];
  return KEYS.filter((k) => other[k] === false || other[k] === 'false' || other[k] === 'False');
}

export const d9AuditLoggingOff: SnapshotRule = {
  kind: 'snapshot',
  id: 'TB-D9-audit-logging-off',
  severity: 'high',
  attack: ['T1562.008'],
  evaluate(current, previous) {
    const off = offSettings(current.policies.other);
    if (off.length === 0) return [];
    const wasOff = offSettings(previous?.policies.other);
    const newlyOff = off.filter((k) => !wasOff.includes(k));
    if (previous !== undefined && newlyOff.length === 0) return [];
    return [
      {
        time: current.collectedAt,
        timeExact: false,
        targets: [],
        actors: [],
        ips: [],
        keys: off.map((k) => `auditOff:${k}`),
        params: { setting: off.join(', ') },
        notes: previous !== undefined ? ['sincePrevious'] : [],
        step: 'audit-disabled',
      },
    ];
  },
  text: {
    title: { en: 'Audit logging is off', ja: '監査ログの記録がオフになっています' },
    explanation: { en: 'The tenant does not record activity ({{setting}} is off).', ja: 'テナントで操作が記録されていません（{{setting}} がオフ）。' },
    nextSteps: {
      en: 'Turn auditing on (Microsoft Purview > Audit) so that what happens next leaves a trace.',
      ja: 'この先の操作が記録に残るよう、監査をオンにしてください（Microsoft Purview > 監査）。',
    },
    notes: { sincePrevious: { en: 'It was on at the previous scan.', ja: '前回のスキャンではオンでした。' } },
  },
  fixtures: {
    fires: [{ name: 'unified audit log ingestion off', current: patched(baseSnapshot(), (s) => (s.policies.other = { unifiedAuditLogIngestionEnabled: false })), severity: 'high' }],
    nearMiss: [{ name: 'auditing on', current: patched(baseSnapshot(), (s) => (s.policies.other = { unifiedAuditLogIngestionEnabled: true })) }],
  },
};
