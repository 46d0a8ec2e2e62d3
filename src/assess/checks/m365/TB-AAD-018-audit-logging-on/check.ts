// TB-AAD-018: the unified audit log records user and admin activity. An intruder with admin rights can
// turn it off, and then the trail of what he did is simply not written.
// The setting lives in Exchange Online (UnifiedAuditLogIngestionEnabled), read into
// policies.other.unifiedAuditLogIngestionEnabled under the source `auditLogConfig`.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const value = s.policies.other?.unifiedAuditLogIngestionEnabled;
  if (value === true) return pass();
  if (value !== false) return dataMissing('valueMissing');
  return fail([item('off')], [{ target: 'exchange.adminAuditLogConfig.unifiedAuditLogIngestionEnabled', current: false, wanted: true }]);
}
