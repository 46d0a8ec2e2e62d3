// Builds the report from a detection run and writes it to a file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AssessmentResult } from '../assess/index.ts';
import type { CanonicalEvent } from '../core/event.ts';
import type { Snapshot, SourceStatus } from '../core/snapshot.ts';
import { currentLang } from '../core/i18n.ts';
import type { DetectResult } from '../detect/engine.ts';
import type { EvidenceStore } from '../store/store.ts';
import { LAST_ASSESSMENT_KEY } from './assessment.ts';
import { buildReport, EventsWindowTally, renderReport, REPORT_EXTENSIONS, type ReportFormat } from '../report/index.ts';
import type { EventsWindow } from '../report/coverage.ts';
import type { OmittedFindingsInput } from '../report/types.ts';

export interface ReportSubject {
  tenant: string;
  displayName?: string;
  snapshot?: Snapshot;
  previous?: Snapshot;
  /** This run's sources with counts (a scan's); default: the snapshot's. */
  sources?: Record<string, SourceStatus & { count?: number }>;
}

export function renderDetectionReport(
  /** `events`: the cited events; `window`: what all the events read cover (when absent, `events` are taken to be all of them). */
  detection: DetectResult & { events: Map<string, CanonicalEvent>; window?: EventsWindow; omitted?: readonly OmittedFindingsInput[] },
  subjects: readonly ReportSubject[],
  format: ReportFormat,
  posture: readonly AssessmentResult[] = [],
): string {
  let window = detection.window;
  if (window === undefined) {
    const tally = new EventsWindowTally();
    for (const e of detection.events.values()) tally.add(e);
    window = tally.result();
  }
  const sources: Record<string, Record<string, SourceStatus & { count?: number }>> = {};
  for (const s of subjects) if (s.sources) sources[s.tenant] = s.sources;
  const model = buildReport({
    lang: currentLang(),
    generatedAt: new Date().toISOString(),
    tenants: subjects.map((s) => ({
      tenant: s.tenant,
      ...(s.displayName ? { displayName: s.displayName } : {}),
      ...(s.snapshot ? { snapshot: s.snapshot } : {}),
      ...(s.previous ? { previous: s.previous } : {}),
    })),
    findings: detection.findings,
    incidents: detection.incidents,
    events: detection.events,
    coverage: { eventsWindow: window, sources },
    posture,
    ...(detection.omitted ? { omitted: detection.omitted } : {}),
  });
  return renderReport(model, format);
}

/** The default place for a scan's report: beside the store, named by tenant and time. */
export function defaultReportPath(store: string, tenant: string, format: ReportFormat = 'html'): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(dirname(store), 'reports', `${tenant.replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp}.${REPORT_EXTENSIONS[format]}`);
}

export function writeReportFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** What the store knows about each tenant for a report: its name, latest snapshots and last assessment. */
export async function reportSubjects(store: EvidenceStore, tenants: readonly string[]): Promise<{ subjects: ReportSubject[]; posture: AssessmentResult[] }> {
  const subjects: ReportSubject[] = [];
  const posture: AssessmentResult[] = [];
  for (const tenant of tenants) {
    const last = await store.getCursor(tenant, LAST_ASSESSMENT_KEY);
    if (last) posture.push(JSON.parse(last) as AssessmentResult);
    const [snapshot, previous] = await store.latestSnapshots(tenant, 2);
    subjects.push({
      tenant,
      ...(snapshot?.info?.displayName ? { displayName: snapshot.info.displayName } : {}),
      ...(snapshot ? { snapshot } : {}),
      ...(previous ? { previous } : {}),
    });
  }
  return { subjects, posture };
}
