// What a scan found, for the terminal and as JSON. The JSON shape is documented in the README.
import type { SourceStatus, StatusReason } from '../core/snapshot.ts';
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
  /** null: the source behind the count could not be read (unknown, not zero). */
  counts: { users: number | null; privilegedAdmins: number | null; deletedUsers: number | null; subscriptions: number | null; appCredentials: number | null };
  sources: Array<{ source: string } & SourceStatus & { count?: number }>;
  store: string;
}

type Counted = SourceStatus & { count?: number; rejected?: number; pages?: number };

/** A log that could not be read has no record count: "0" would read as "nothing happened". */
function withoutEmptyCount(status: Counted): Counted {
  if (status.state === 'ok' || (status.count ?? 0) > 0) return status;
  const { count: _count, rejected: _rejected, pages: _pages, ...rest } = status;
  return rest;
}

export function summarise(result: M365ScanResult, store: string): ScanSummary {
  const s = result.snapshot;
  const read = (...names: string[]): boolean => names.every((n) => s.sources[n]?.state === 'ok');
  const known = (value: number, ...names: string[]): number | null => (read(...names) ? value : null);
  const privileged = new Set(s.roleAssignments.filter((r) => isPrivilegedRole(r.roleTemplateId)).map((r) => r.principalId));
  // The logs' outcome of this run (with counts) replaces what the snapshot says of them.
  const { query: _query, ...unifiedAuditLog } = result.logs.unifiedAuditLog;
  const logs: Record<string, SourceStatus & { count?: number }> = {
    directoryAudits: withoutEmptyCount(result.logs.directoryAudits),
    signIns: withoutEmptyCount(result.logs.signIns),
    unifiedAuditLog: withoutEmptyCount(unifiedAuditLog),
  };
  const sources = { ...s.sources, ...logs };
  return {
    tenant: s.tenant,
    ...(s.info?.displayName ? { displayName: s.info.displayName } : {}),
    collectedAt: s.collectedAt,
    ...(s.licence ? { licence: s.licence } : {}),
    events: result.events,
    counts: {
      users: known(s.principals.filter((p) => p.kind === 'user').length, 'users'),
      privilegedAdmins: known(privileged.size, 'roleAssignments'),
      deletedUsers: known(s.deletedPrincipals.length, 'deletedUsers'),
      subscriptions: known(s.subscriptions.length, 'subscriptions'),
      appCredentials: known(s.appCredentials.length, 'applications', 'servicePrincipals'),
    },
    sources: Object.entries(sources)
      .map(([source, status]) => ({ source, ...status }))
      .sort((a, b) => a.source.localeCompare(b.source)),
    store,
  };
}

/** A skipped or failed source's detail in the reader's language where there are words for it (the report's). */
function detailText(status: { detail: string; reason?: StatusReason }): string {
  return status.reason ? t(`report.coverage.reason.${status.reason.key}`, status.reason.params) : status.detail;
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
      return t('scan.status.skipped', { detail: detailText(status) });
    case 'error':
      return t('scan.status.error', { detail: detailText(status) });
  }
}

export function renderScanSummary(summary: ScanSummary): string {
  const lines: string[] = [];
  lines.push(terminalSafe(t('scan.tenant', { name: summary.displayName ?? summary.tenant, id: summary.tenant })));
  if (summary.licence) {
    lines.push(terminalSafe(t('scan.licence', { tier: summary.licence.tier, days: summary.licence.auditRetentionDays })));
  }
  const c = summary.counts;
  const n = (v: number | null): number | string => v ?? '?';
  lines.push(
    t('scan.counts', { users: n(c.users), admins: n(c.privilegedAdmins), deleted: n(c.deletedUsers), subscriptions: n(c.subscriptions), credentials: n(c.appCredentials) }),
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
