// The data coverage section: which sources were read, which were skipped and why, the time window of
// the log records, and what the licence's log retention hides. Unknown is never worded as fine: a
// source without a status is not listed as read, and a missing licence gives the general rule.
import type { Provider } from '../core/event.ts';
import type { Lang } from '../core/i18n.ts';
import type { Snapshot, SourceStatus } from '../core/snapshot.ts';
import { formatTime } from './format.ts';
import { reportText, type ReportT } from './text.ts';
import type { ReportCoverage, ReportLogSource, ReportSourceLine, ReportTenantCoverage } from './types.ts';

export interface LicenceInput {
  tier: string;
  auditRetentionDays: number;
  signInLogs: boolean;
}

export interface WindowCount {
  first?: string;
  last?: string;
  count: number;
}

export interface EventsWindow extends WindowCount {
  /** The same per log (`entra.audit`, `ual`, `gws.admin`…), when known. */
  bySource?: Record<string, WindowCount>;
  /** How many of the records are sign-ins (successful or failed), when counted. */
  signIns?: number;
}

export type SourceCoverage = SourceStatus & { count?: number };

export interface CoverageInput {
  /** Per tenant id, per source: how it went (a scan's snapshot sources plus its log outcomes). Default: the tenant's snapshot. */
  sources?: Record<string, Record<string, SourceCoverage>>;
  /** The time span of the log records the detections read. */
  eventsWindow: EventsWindow;
  /** Per tenant id. Default: the tenant's snapshot's licence. */
  licence?: Record<string, LicenceInput>;
}

export interface CoverageTenant {
  tenant: string;
  name: string;
  provider?: Provider;
  snapshot?: Snapshot;
  previous?: Snapshot;
}

// The order a person reads a tenant in: who and what first, logs last.
const SOURCE_ORDER = [
  'organization',
  'domains',
  'users',
  'roleAssignments',
  'deletedUsers',
  'subscribedSkus',
  'subscriptions',
  'authMethods',
  'securityDefaults',
  'conditionalAccess',
  'authorizationPolicy',
  'applications',
  'servicePrincipals',
  'directoryAudits',
  'signIns',
  'unifiedAuditLog',
];

// Tiers the Microsoft provider reports (providers/m365/licence.ts), named as Microsoft sells them.
const ENTRA_TIERS: ReadonlySet<string> = new Set(['Free', 'P1', 'P2']);

function sourceRank(name: string): number {
  const i = SOURCE_ORDER.indexOf(name);
  return i < 0 ? SOURCE_ORDER.length : i;
}

/** A label from `report.<group>.<key>`, or the raw name when there is none. */
function labelOr(t: ReportT, group: string, key: string, raw: string): string {
  const full = `${group}.${key}`;
  const text = t(full);
  return text === `report.${full}` ? raw : text;
}

/** The status of a source in words; never "read" for what could not be read. */
export function statusText(t: ReportT, status: SourceStatus): string {
  switch (status.state) {
    case 'ok':
      return t('coverage.status.ok');
    case 'denied':
      return t('coverage.status.denied', { permission: status.permission });
    case 'unlicensed':
      return t('coverage.status.unlicensed', { licence: status.licence });
    case 'skipped':
      return t('coverage.status.skipped', { detail: status.reason ? t(`coverage.reason.${status.reason.key}`, status.reason.params) : status.detail });
    case 'error':
      return t('coverage.status.error', { detail: status.reason ? t(`coverage.reason.${status.reason.key}`, status.reason.params) : status.detail });
  }
}

/** Label of a log a canonical event came from (`entra.audit` → "Entra audit log"). */
export function eventSourceLabel(t: ReportT, source: string): string {
  return labelOr(t, 'eventSource', source.replace(/[^A-Za-z0-9]/g, '_'), source);
}

function sourceLines(t: ReportT, sources: Record<string, SourceCoverage>): ReportSourceLine[] {
  return Object.entries(sources)
    .sort(([a], [b]) => sourceRank(a) - sourceRank(b) || a.localeCompare(b))
    .map(([source, status]) => {
      const line: ReportSourceLine = { source, label: labelOr(t, 'source', source.replace(/[^A-Za-z0-9]/g, '_'), source), state: status.state, text: statusText(t, status) };
      if (status.count !== undefined) line.count = status.count;
      return line;
    });
}

function retention(t: ReportT, provider: Provider | undefined, licence: LicenceInput | undefined, logs: readonly string[]): string[] {
  if (provider === 'gws') return [t('coverage.retention.gws')];
  const out: string[] = [];
  if (licence === undefined) out.push(t('coverage.retention.unknownM365'));
  else if (licence.tier === 'Free') {
    out.push(t('coverage.retention.free'));
    if (!licence.signInLogs) out.push(t('coverage.retention.freeSignIns'));
  } else out.push(t('coverage.retention.premium', { tier: licence.tier }));
  if (logs.includes('ual')) out.push(t('coverage.retention.ual'));
  return out;
}

function tenantCoverage(t: ReportT, ct: CoverageTenant, input: CoverageInput, logs: readonly string[]): ReportTenantCoverage {
  const licence = input.licence?.[ct.tenant] ?? ct.snapshot?.licence;
  const sources = input.sources?.[ct.tenant] ?? ct.snapshot?.sources;
  const snap = ct.snapshot;
  const snapshotText =
    snap === undefined
      ? t('coverage.noSnapshot')
      : ct.previous !== undefined
        ? t('coverage.snapshotCompared', { when: formatTime(snap.collectedAt), previous: formatTime(ct.previous.collectedAt) })
        : t('coverage.snapshot', { when: formatTime(snap.collectedAt) });
  const out: ReportTenantCoverage = {
    tenant: ct.tenant,
    name: ct.name,
    licenceText:
      licence === undefined
        ? t('coverage.licenceUnknown')
        : ct.provider !== 'gws' && ENTRA_TIERS.has(licence.tier)
          ? t('coverage.licenceEntra', { tier: licence.tier })
          : t('coverage.licence', { tier: licence.tier }),
    snapshotText,
    retention: retention(t, ct.provider, licence, logs),
    sources: sources !== undefined ? sourceLines(t, sources) : [],
  };
  if (ct.provider !== undefined) out.provider = ct.provider;
  if (sources === undefined || Object.keys(sources).length === 0) out.sourcesNote = t('coverage.noSources');
  return out;
}

export function buildCoverage(lang: Lang, tenants: readonly CoverageTenant[], input: CoverageInput): ReportCoverage {
  const t = reportText(lang);
  const w = input.eventsWindow;
  let windowText =
    w.count > 0 && w.first !== undefined && w.last !== undefined
      ? t('coverage.window', { count: w.count, first: formatTime(w.first), last: formatTime(w.last) })
      : t('coverage.windowEmpty');
  // Audit records without a single sign-in: how the intruder got in cannot be seen.
  const noSignIns = w.count > 0 && w.signIns === 0;
  if (noSignIns) windowText += ` ${t('coverage.noSignIns')}`;
  const bySource: ReportLogSource[] = Object.entries(w.bySource ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, c]) => {
      const line: ReportLogSource = { source, label: eventSourceLabel(t, source), count: c.count, firstText: formatTime(c.first), lastText: formatTime(c.last) };
      if (c.first !== undefined) line.first = c.first;
      if (c.last !== undefined) line.last = c.last;
      return line;
    });
  const logs = bySource.map((s) => s.source);
  const perTenant = tenants.map((ct) => tenantCoverage(t, ct, input, logs));
  const window: ReportCoverage['window'] = { count: w.count, text: windowText };
  if (w.signIns !== undefined) window.signIns = w.signIns;
  if (w.first !== undefined) window.first = w.first;
  if (w.last !== undefined) window.last = w.last;
  return {
    intro: t('coverage.intro'),
    window,
    bySource,
    tenants: perTenant,
    gaps: perTenant.reduce((n, c) => n + c.sources.filter((s) => s.state !== 'ok').length, 0),
  };
}
