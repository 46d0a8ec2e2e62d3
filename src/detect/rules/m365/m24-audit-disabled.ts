// M24: audit logging turned off (unified audit log ingestion, admin audit log, mailbox audit bypass).
// An intruder does this so that nothing he does next is recorded.
import { ALICE, ATTACKER_IP, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m24AuditDisabled: EventRule = {
  kind: 'event',
  id: 'TB-M24-audit-disabled',
  indicator: 'M24',
  provider: 'm365',
  severity: 'high',
  attack: ['T1562.008'],
  actions: ['audit.disabled'],
  match(e) {
    return { targets: [], params: { setting: e.nativeAction }, step: 'audit-disabled' };
  },
  text: {
    title: { en: 'Audit logging turned off', ja: '監査ログの記録がオフにされました' },
    explanation: {
      en: '{{actor}} turned audit logging off at {{when}} ({{setting}}). Actions after this may leave no trace.',
      ja: '{{actor}} が {{when}} に監査ログの記録をオフにしました（{{setting}}）。これ以降の操作は記録に残らない可能性があります。',
    },
    nextSteps: {
      en: 'Turn auditing back on (Microsoft Purview > Audit) and treat the period without logs as unknown.',
      ja: '監査を再びオンにし（Microsoft Purview > 監査）、記録がない期間に何が起きたかは分からないものとして扱ってください。',
    },
  },
  fixtures: {
    fires: [{ name: 'Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false', events: [ev({ action: 'audit.disabled', nativeAction: 'Set-AdminAuditLogConfig', source: 'ual', actor: by(ALICE, ATTACKER_IP), changes: [change('UnifiedAuditLogIngestionEnabled', undefined, 'False')] })], severity: 'high' }],
    nearMiss: [{ name: 'audit config changed but kept on (mapped to tenant.settings.changed)', events: [ev({ action: 'tenant.settings.changed', nativeAction: 'Set-AdminAuditLogConfig', source: 'ual', actor: by(ALICE, OFFICE_IP), changes: [change('UnifiedAuditLogIngestionEnabled', undefined, 'True')] })] }],
  },
};
