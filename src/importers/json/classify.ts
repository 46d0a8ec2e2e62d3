// What a JSON record is, from its own keys (and the Graph envelope around it, if any).
import { isDefenderRow } from '../../providers/m365/map/defender.ts';
import { isDiagnosticRecord } from '../../providers/m365/map/diagnostic.ts';
import { isGoogleActivity } from '../../providers/gws/map/activity.ts';
import { isObj, type Obj } from '../../providers/common/values.ts';

export type RecordKind =
  | 'entra.audit'
  | 'entra.signin'
  | 'ual'
  | 'purview.json'
  | 'graph.auditLogRecord'
  | 'la'
  | 'azure.diagnostic'
  | 'gws.activity'
  | 'defender'
  | 'graph.error'
  | 'graph.state'
  | 'graph.auditLogQuery'
  | 'unknown';

/** Kinds whose records can be audit events (the others are recognised and skipped). */
export const EVENT_KINDS: ReadonlySet<RecordKind> = new Set([
  'entra.audit',
  'entra.signin',
  'ual',
  'purview.json',
  'graph.auditLogRecord',
  'la',
  'azure.diagnostic',
  'gws.activity',
  'defender',
]);

/** The format id a file gets when its first audit record is of this kind. */
export const FORMAT_OF_KIND: Record<Exclude<RecordKind, 'unknown'>, string> = {
  'entra.audit': 'graph.directoryAudits',
  'entra.signin': 'graph.signIns',
  ual: 'o365.management.json',
  'purview.json': 'purview.json',
  'graph.auditLogRecord': 'graph.auditLogRecords',
  la: 'la.json',
  'azure.diagnostic': 'azure.diagnostic.json',
  'gws.activity': 'gws.reports.json',
  defender: 'defender.hunting.json',
  'graph.error': 'graph.error',
  'graph.state': 'graph.directoryState',
  'graph.auditLogQuery': 'graph.auditLogQuery',
};

/** Envelope facts that help name records: Graph `@odata.context`, Google `kind`, a `records` array. */
export interface EnvelopeContext {
  odataContext?: string;
  kind?: string;
  arrayKey?: string;
}

function contextSet(odataContext: string): string {
  const hash = odataContext.indexOf('#');
  return hash < 0 ? '' : odataContext.slice(hash + 1).toLowerCase();
}

/** The audit kind a Graph `@odata.context` names, if any. */
export function auditKindOfContext(odataContext: string | undefined): RecordKind | undefined {
  if (odataContext === undefined) return undefined;
  const set = contextSet(odataContext);
  if (set.startsWith('auditlogs/directoryaudits')) return 'entra.audit';
  if (set.startsWith('auditlogs/signins')) return 'entra.signin';
  if (set.startsWith('security/auditlog/queries') && set.includes('records')) return 'graph.auditLogRecord';
  return undefined;
}

function isLaRow(o: Obj): boolean {
  if ('TimeGenerated' in o) return true;
  if (typeof o.Type === 'string' && ('SourceSystem' in o || 'TenantId' in o)) return true;
  return 'OfficeWorkload' in o || ('InitiatedBy' in o && 'TargetResources' in o && 'OperationName' in o);
}

export function classify(o: Obj, ctx: EnvelopeContext): RecordKind {
  if ('activityDisplayName' in o) return 'entra.audit';
  if ('auditLogRecordType' in o || ('auditData' in o && 'operation' in o)) return 'graph.auditLogRecord';
  if ('CreationTime' in o && 'Operation' in o) return 'ual';
  if ('createdDateTime' in o && ('userPrincipalName' in o || 'appDisplayName' in o || 'appId' in o || 'ipAddress' in o || 'userId' in o)) return 'entra.signin';
  if ('AuditData' in o && ('CreationDate' in o || 'Operations' in o || 'RecordType' in o)) return 'purview.json';
  if (isGoogleActivity(o)) return 'gws.activity';
  if (isDiagnosticRecord(o)) return 'azure.diagnostic';
  if (isDefenderRow(o)) return 'defender';
  if (isLaRow(o)) return 'la';
  if (isObj(o.error) && ('code' in o.error || 'message' in o.error)) return 'graph.error';
  const type = o['@odata.type'];
  if (typeof type === 'string') {
    if (type.endsWith('.auditLogQuery')) return 'graph.auditLogQuery';
    if (type.startsWith('#microsoft.graph.') || type.startsWith('microsoft.graph.')) return 'graph.state';
  }
  const fromContext = auditKindOfContext(ctx.odataContext);
  if (fromContext !== undefined) return fromContext;
  if (('roleDefinitionId' in o && 'principalId' in o) || 'skuId' in o || 'skuPartNumber' in o || 'deletedDateTime' in o) return 'graph.state';
  if (ctx.odataContext !== undefined) return 'graph.state';
  return 'unknown';
}

/** A short name for directory-state records: `deletedItems`, `roleAssignments`, `subscriptions`, `groups`… */
export function stateKindName(o: Obj, ctx: EnvelopeContext): string {
  if ('deletedDateTime' in o) return 'deletedItems';
  if ('roleDefinitionId' in o && 'principalId' in o) return 'roleAssignments';
  if ('skuId' in o || 'commerceSubscriptionId' in o || 'skuPartNumber' in o) return 'subscriptions';
  if (ctx.odataContext !== undefined) {
    // `…#roleManagement/directory/roleAssignments(principal())` → roleAssignments; `…#groups(id,…)` → groups
    const hash = ctx.odataContext.indexOf('#');
    let set = hash < 0 ? '' : ctx.odataContext.slice(hash + 1);
    const paren = set.indexOf('(');
    if (paren >= 0) set = set.slice(0, paren);
    if (set.endsWith('/$entity')) set = set.slice(0, -8);
    const name = set.slice(set.lastIndexOf('/') + 1);
    if (name !== '') return name;
  }
  const type = o['@odata.type'];
  if (typeof type === 'string') return type.slice(type.lastIndexOf('.') + 1);
  return 'directory objects';
}

/** The first keys of an unrecognised record, for messages. */
export function keysHint(o: unknown): string {
  if (Array.isArray(o)) return 'a JSON array';
  if (!isObj(o)) return `a JSON ${o === null ? 'null' : typeof o}`;
  const keys = Object.keys(o);
  const shown = keys.slice(0, 8).join(', ');
  return keys.length > 8 ? `${shown}, …` : shown || '(none)';
}
