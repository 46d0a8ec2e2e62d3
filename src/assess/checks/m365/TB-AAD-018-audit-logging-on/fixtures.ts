import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [],
  fail: [{ name: 'switched off', patch: (s) => (s.policies.other!.unifiedAuditLogIngestionEnabled = false), items: ['off'], automated: false }],
  skip: [
    { name: 'not collected (takeback does not read it yet)', patch: (s) => delete s.sources.auditLogConfig, reason: 'not-collected' },
    { name: 'collected but empty', patch: (s) => delete s.policies.other!.unifiedAuditLogIngestionEnabled, reason: 'data-missing' },
  ],
};
