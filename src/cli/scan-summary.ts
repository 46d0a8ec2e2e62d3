// What a scan found, for the terminal and as JSON. The JSON shape is documented in the README.
import type { SourceStatus } from '../core/snapshot.ts';
import { t } from '../core/i18n.ts';
import { terminalSafe } from '../core/sanitize.ts';
import { isPrivilegedRole } from '../providers/m365/map/roles.ts';
import type { M365ScanResult } from '../scan/m365.ts';
import { renderTable } from './table.ts';

export interface ScanSummary {
  tenant: string;
  displayName?: string;
  collectedAt: string;
  licence?: { tier: string; auditRetentionDays: number; signInLogs: boolean };
  events: { inserted: number; duplicates: number };
  counts: { users: number; privilegedAdmins: number; deletedUsers: number; subscriptions: number; appCredentials: number };
  sources: Array<{ source: string } & SourceStatus & { count?: number }>;
  store: string;
}

export function summarise(result: M365ScanResult, store: string): ScanSummary {
  const s = result.snapshot;
  const privileged = new Set(s.roleAssignments.filter((r) => isPrivilegedRole(r.roleTemplateId)).map((r) => r.principalId));
  // The logs' outcome of this run (with counts) replaces what the snapshot says of them.
  const { query: _query, ...unifiedAuditLog } = result.logs.unifiedAuditLog;
  const logs: Record<string, SourceStatus & { count?: number }> = {
    directoryAudits: result.logs.directoryAudits,
    signIns: result.logs.signIns,
    unifiedAuditLog,
  };
  const sources = { ...s.sources, ...logs };
  return {
    tenant: s.tenant,
    ...(s.info?.displayName ? { displayName: s.info.displayName } : {}),
    collectedAt: s.collectedAt,
    ...(s.licence ? { licence: s.licence } : {}),
    events: result.events,
    counts: {
      users: s.principals.filter((p) => p.kind === 'user').length,
      privilegedAdmins: privileged.size,
      deletedUsers: s.deletedPrincipals.length,
      subscriptions: s.subscriptions.length,
      appCredentials: s.appCredentials.length,
    },
    sources: Object.entries(sources)
      .map(([source, status]) => ({ source, ...status }))
      .sort((a, b) => a.source.localeCompare(b.source)),
    store,
  };
}

/** The status of one source in words: never "ok" for what could not be read. */
export function statusText(status: SourceStatus): string {
  switch (status.state) {
    case 'ok':
      return t('scan.status.ok');
    case 'denied':
      return t('scan.status.denied', { permission: status.permission });
    case 'unlicensed':
      return t('scan.status.unlicensed', { licence: status.licence });
    case 'skipped':
      return t('scan.status.skipped', { detail: status.detail });
    case 'error':
      return t('scan.status.error', { detail: status.detail });
  }
}

export function renderScanSummary(summary: ScanSummary): string {
  const lines: string[] = [];
  lines.push(terminalSafe(t('scan.tenant', { name: summary.displayName ?? summary.tenant, id: summary.tenant })));
  if (summary.licence) {
    lines.push(terminalSafe(t('scan.licence', { tier: summary.licence.tier, days: summary.licence.auditRetentionDays })));
  }
  lines.push(
    t('scan.counts', {
      users: summary.counts.users,
      admins: summary.counts.privilegedAdmins,
      deleted: summary.counts.deletedUsers,
      subscriptions: summary.counts.subscriptions,
      credentials: summary.counts.appCredentials,
    }),
  );
  lines.push(t('scan.events', { inserted: summary.events.inserted, duplicates: summary.events.duplicates }));
  lines.push('');
  lines.push(
    renderTable(
      [t('scan.col.source'), t('scan.col.status'), t('scan.col.count')],
      summary.sources.map((s) => [s.source, statusText(s), s.count ?? '']),
    ).trimEnd(),
  );
  lines.push('');
  lines.push(terminalSafe(t('import.stored_in', { store: summary.store })));
  return lines.join('\n') + '\n';
}
