// Builds the directoryAudit rows a change leaves behind, in the shapes seen on the wire: values of
// modifiedProperties are JSON text, rows of one change share a correlationId, refused changes
// leave nothing (callers write only after the change succeeded).
import type { DirectoryAuditRecord, ModifiedProperty, TargetResource } from './log-records.ts';
import { entraTimestamp } from './log-records.ts';
import type { Actor } from './model.ts';
import type { TenantState } from './tenant-state.ts';
import type { UalHint } from './ual-records.ts';
import { guidFrom } from '../util/ids.ts';
import { Prng } from '../util/prng.ts';

export interface AuditRow {
  activity: string;
  category: 'UserManagement' | 'RoleManagement' | 'DirectoryManagement' | 'Policy' | 'ApplicationManagement';
  service: 'Core Directory' | 'Authentication Methods' | 'Conditional Access';
  operationType: 'Add' | 'Update' | 'Delete' | 'Assign' | 'Unassign';
  targets: TargetResource[];
  resultReason?: string;
  additionalDetails?: { key: string; value: string }[];
  /** What the row's UAL twin says that the row does not (e.g. the security info a user registered). */
  ual?: UalHint;
}

/** A modified property whose values are JSON-encoded, as Entra writes them (null stays null). */
export function changed(name: string, oldValue: unknown, newValue: unknown): ModifiedProperty {
  return {
    displayName: name,
    oldValue: oldValue === undefined || oldValue === null ? null : JSON.stringify(oldValue),
    newValue: newValue === undefined || newValue === null ? null : JSON.stringify(newValue),
  };
}

/** The "Included Updated Properties" row Entra adds to user and company updates. */
export function includedUpdatedProperties(names: string[]): ModifiedProperty {
  return { displayName: 'Included Updated Properties', oldValue: null, newValue: JSON.stringify(names.join(', ')) };
}

export function userTarget(id: string, userPrincipalName: string, modifiedProperties: ModifiedProperty[] = []): TargetResource {
  return { id, displayName: null, type: 'User', userPrincipalName, groupType: null, modifiedProperties };
}

export function otherTarget(type: string, id: string, displayName: string | null, modifiedProperties: ModifiedProperty[] = []): TargetResource {
  return { id, displayName, type, userPrincipalName: null, groupType: null, modifiedProperties };
}

function initiatedBy(actor: Actor): DirectoryAuditRecord['initiatedBy'] {
  if (actor.kind === 'user') {
    return { user: { id: actor.id, displayName: actor.displayName, userPrincipalName: actor.userPrincipalName, ipAddress: actor.ipAddress }, app: null };
  }
  return { user: null, app: { appId: actor.appId, displayName: actor.displayName, servicePrincipalId: actor.servicePrincipalId, servicePrincipalName: null } };
}

/** Appends the rows of one change to the tenant's audit log and returns them. */
export function writeAudit(state: TenantState, actor: Actor, atMs: number, rows: AuditRow[]): DirectoryAuditRecord[] {
  // The log's size changes with every write, so it makes each write's randomness distinct and reproducible.
  const rng = Prng.for(state.seed, 'audit-write', state.auditLog.size);
  const correlationId = guidFrom(rng);
  const written: DirectoryAuditRecord[] = [];
  for (const row of rows) {
    const prefix = row.service === 'Core Directory' ? 'Directory' : row.service.replace(/\s+/g, '');
    const details = [...(row.additionalDetails ?? [])];
    if (actor.userAgent) details.unshift({ key: 'User-Agent', value: actor.userAgent });
    const record: DirectoryAuditRecord = {
      id: `${prefix}_${correlationId}_${rng.hex(5).toUpperCase()}_${rng.int(10000000, 999999999)}`,
      category: row.category,
      correlationId,
      result: 'success',
      resultReason: row.resultReason ?? '',
      activityDisplayName: row.activity,
      activityDateTime: entraTimestamp(atMs, rng.int(0, 9999)),
      loggedByService: row.service,
      operationType: row.operationType,
      initiatedBy: initiatedBy(actor),
      targetResources: row.targets,
      additionalDetails: details,
    };
    state.auditLog.add(atMs, record);
    if (row.ual) state.ualHints.set(record.id, row.ual);
    written.push(record);
  }
  return written;
}
