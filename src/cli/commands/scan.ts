// `takeback scan`: collect the tenant's audit logs and state into the evidence store.
import { renderAssessment, type AssessmentResult } from '../../assess/index.ts';
import { EXIT } from '../../core/errors.ts';
import type { CanonicalEvent } from '../../core/event.ts';
import type { DetectResult } from '../../detect/engine.ts';
import type { Severity } from '../../detect/finding.ts';
import { currentLang, t } from '../../core/i18n.ts';
import { safeJson, terminalSafe } from '../../core/sanitize.ts';
import type { M365Connection } from '../../providers/m365/index.ts';
import { scanM365, type M365ScanResult } from '../../scan/m365.ts';
import { openStore } from '../../store/open.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { connectionFromProfile } from '../m365-connection.ts';
import { findProfile } from '../profiles.ts';
import { assessTenant } from '../assessment.ts';
import { detectFromStore, reachesThreshold, rememberSelfAppId, renderTimeline } from '../detection.ts';
import { defaultReportPath, renderDetectionReport, writeReportFile } from '../report-writer.ts';
import { renderScanSummary, summarise, type ScanSummary } from '../scan-summary.ts';
import { loadSigmaOption } from '../sigma-rules.ts';
import type { LoadedRules } from '../../sigma/index.ts';
import { timelineLabels } from './timeline.ts';

export interface ScanCommandOptions {
  profile?: string;
  json: boolean;
  failOn: Severity;
  report?: string;
  accept?: string;
  /** Sigma rule folders or files whose matches join the findings. */
  sigma?: string[];
}

/** Runs a scan into the store and prints its summary; also the body of `takeback demo`. */
export interface ScanOutcome {
  result: M365ScanResult;
  summary: ScanSummary;
  detection: DetectResult & { events: Map<string, CanonicalEvent> };
  /** Where the HTML report was written. */
  report: string;
  assessment?: AssessmentResult;
}

export async function runScan(
  conn: M365Connection,
  scope: string,
  json: boolean,
  global: GlobalOptions,
  io: Io,
  options: { report?: string; accept?: string; sigma?: LoadedRules } = {},
): Promise<ScanOutcome> {
  const store = openStore(global.store);
  const progress = !json && io.stderr.isTTY;
  let result: M365ScanResult;
  let detection: ScanOutcome['detection'];
  let assessment: AssessmentResult | undefined;
  try {
    result = await scanM365(conn, store, {
      scope,
      onProgress: (source, state, count) => {
        if (progress) io.stderr.write(`\r\x1b[K${terminalSafe(t('scan.progress', { source, state: t(`scan.progress_state.${state}`), count: count ?? '' }))}`);
      },
    });
    await rememberSelfAppId(store, result.tenant, conn.clientId);
    // Everything the store holds for this tenant, not only this run's events: a takeover spans scans.
    detection = await detectFromStore(store, { tenant: result.tenant }, [], { selfAppIds: [conn.clientId], ...(options.sigma ? { sigma: options.sigma } : {}) });
    assessment = (await assessTenant(store, result.tenant, options.accept)).result;
  } finally {
    if (progress) io.stderr.write('\r\x1b[K');
    await store.close();
  }
  const summary = summarise(result, global.store);
  const report = options.report ?? defaultReportPath(global.store, result.tenant);
  const sources = Object.fromEntries(summary.sources.map(({ source, ...status }) => [source, status]));
  writeReportFile(
    report,
    renderDetectionReport(
      detection,
      [{ tenant: result.tenant, ...(summary.displayName ? { displayName: summary.displayName } : {}), snapshot: result.snapshot, ...(result.previous ? { previous: result.previous } : {}), sources }],
      'html',
      assessment ? [assessment] : [],
    ),
  );
  return { result, summary, detection, report, ...(assessment ? { assessment } : {}) };
}

function postureJson(a: AssessmentResult | undefined) {
  if (!a) return null;
  return { score: a.score.percent, counts: a.score.counts, failing: a.results.filter((r) => r.status === 'fail').map((r) => ({ id: r.id, severity: r.severity })), drift: a.drift ?? null };
}

/** The score and the failing checks' titles; `takeback assess` shows their steps. */
function postureLines(a: AssessmentResult): string {
  const rendered = renderAssessment(a, currentLang());
  const lines = [rendered.score, ...rendered.failing.map((c) => `  [${c.severityLabel}] ${c.id} ${c.title}`), t('scan.assess_hint')];
  return lines.map((l) => terminalSafe(l)).join('\n') + '\n';
}

/**
 * Terminal or JSON output of a scan with its detections. The exit code follows --fail-on; without such
 * a finding, a source that failed to read makes it 4: a scheduled job must not read missing evidence
 * as a clean tenant (a source skipped for a permission or licence is the tenant's setup, shown but 0).
 */
export function reportScan(outcome: ScanOutcome, opts: { json: boolean; failOn: Severity; extra?: Record<string, unknown> }, io: Io): number {
  const { summary, detection } = outcome;
  const failed = reachesThreshold(detection, opts.failOn);
  const unread = summary.sources.filter((s) => s.state === 'error').map((s) => s.source);
  if (opts.json) {
    const bySeverity: Record<string, number> = {};
    for (const f of detection.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    io.stdout.write(
      safeJson({ ...opts.extra, ...summary, complete: unread.length === 0, findings: { total: detection.findings.length, bySeverity, incidents: detection.incidents.length, failOn: opts.failOn, failed }, posture: postureJson(outcome.assessment), report: outcome.report }, 2) + '\n',
    );
  } else {
    io.stdout.write(renderScanSummary(summary) + '\n' + renderTimeline(detection, timelineLabels()));
    if (outcome.assessment) io.stdout.write('\n' + postureLines(outcome.assessment));
    if (unread.length > 0) io.stdout.write('\n' + terminalSafe(t('scan.incomplete', { sources: unread.join(', ') })) + '\n');
    io.stdout.write('\n' + terminalSafe(t('scan.report', { path: outcome.report })) + '\n');
  }
  return failed ? EXIT.findings : unread.length > 0 ? EXIT.partial : EXIT.ok;
}

export async function scanCommand(opts: ScanCommandOptions, global: GlobalOptions, io: Io): Promise<number> {
  const profile = findProfile(opts.profile);
  const sigma = opts.sigma?.length ? loadSigmaOption(opts.sigma, io) : undefined;
  const conn = connectionFromProfile(profile, (message) => io.stderr.write(terminalSafe(message) + '\n'));
  const outcome = await runScan(conn, profile.name, opts.json, global, io, {
    ...(opts.report ? { report: opts.report } : {}),
    ...(opts.accept ? { accept: opts.accept } : {}),
    ...(sigma ? { sigma } : {}),
  });
  return reportScan(outcome, opts, io);
}
