// The Microsoft 365 provider's public surface: what src/cli calls.
export type { M365Auth, M365Connection } from './connection.ts';
export { GraphClient, type GraphTuning } from './graph.ts';
export type { LimitConfig, ClassLimit, LimitClass } from './limits.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export type { RetryPolicy } from './retry.ts';
export { DEFAULT_RETRY } from './retry.ts';
export { GraphError, M365AuthError } from './errors.ts';
export { detectLicence, type LicenceInfo, type LicenceTier } from './licence.ts';
export { SOURCES, type SourceName } from './sources.ts';
export { CURSOR_KEYS, memoryCursors, type CursorStore } from './collect/cursors.ts';
export { collectSnapshot, type SnapshotOptions } from './collect/snapshot.ts';
export { collectAuditEvents, DEFAULT_OVERLAP_MINUTES, type AuditEventsOptions, type AuditEventsResult, type LogOutcome } from './collect/audit-events.ts';
export {
  collectUnifiedAuditLog,
  DEFAULT_QUERY_POLLING,
  DEFAULT_UAL_OVERLAP_MINUTES,
  type QueryPolling,
  type UalOutcome,
  type UalProgress,
  type UnifiedAuditLogOptions,
} from './collect/unified-audit-log.ts';
export { daysLeft } from './collect/deleted-users.ts';
export type { M365Target } from './collect/session.ts';
