// Runs the detections over what the store holds: events (filtered) and each tenant's latest two
// snapshots. Shared by scan, demo, report and timeline. Events stream through the detector: holding
// every event in memory would need gigabytes at a million events (and stop a smaller machine with
// an out-of-memory crash); the events the findings cite are fetched afterwards, in a second pass.
import type { CanonicalEvent } from '../core/event.ts';
import { appendAll } from '../core/arrays.ts';
import { currentLang } from '../core/i18n.ts';
import { terminalSafe } from '../core/sanitize.ts';
import { Detector, type DetectResult } from '../detect/engine.ts';
import { atLeast, type Severity } from '../detect/finding.ts';
import { DETECT_TEXT } from '../detect/registry.ts';
import { evidenceEventIds, EventsWindowTally, pickEvents } from '../report/index.ts';
import type { EventsWindow } from '../report/coverage.ts';
import { capMatchesPerRule, matchFindings, omittedMatches, type OmittedMatches } from '../sigma/findings.ts';
import { createHunter, type SigmaMatch } from '../sigma/index.ts';
import type { LoadedRules } from '../sigma/types.ts';
import type { EventFilter, EvidenceStore } from '../store/store.ts';

/**
 * Cursor key (per tenant) of the app ids takeback itself signs in with, remembered by each scan so
 * that `report` and `timeline` also know its own credentials are expected, not a finding.
 */
export const SELF_APP_IDS_KEY = 'detect.selfAppIds';

export async function rememberSelfAppId(store: EvidenceStore, tenant: string, appId: string): Promise<void> {
  const known = await selfAppIdsOf(store, tenant);
  if (!known.includes(appId)) await store.setCursor(tenant, SELF_APP_IDS_KEY, JSON.stringify([...known, appId]));
}

async function selfAppIdsOf(store: EvidenceStore, tenant: string): Promise<string[]> {
  const stored = await store.getCursor(tenant, SELF_APP_IDS_KEY);
  const ids: unknown = stored === undefined ? [] : JSON.parse(stored);
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

export interface StoreDetection extends DetectResult {
  /** The events the findings cite as evidence (not every event: see `evidence`). */
  events: Map<string, CanonicalEvent>;
  /** Tenants whose events were read, sorted. */
  tenants: string[];
  /** The time the events read cover, in all and per log: the report's data coverage. */
  window: EventsWindow;
  /** Sigma rules that matched more often than their findings list (FINDINGS_PER_RULE). */
  omitted: OmittedMatches[];
}

export async function detectFromStore(
  store: EvidenceStore,
  filter: EventFilter = {},
  tenants: readonly string[] = [],
  /** `evidence: false` when nobody shows the cited events (the timeline): no second pass for them. */
  /**
   * `now` (ISO) for the days left to restore a deleted admin: default the clock, since the report is read
   * today (the newest record in the store can be weeks old, and its deadline long gone).
   */
  options: { selfAppIds?: readonly string[]; sigma?: LoadedRules; evidence?: boolean; now?: string } = {},
): Promise<StoreDetection> {
  const eventFilter: EventFilter = { ...filter, limit: undefined };
  const wanted = filter.tenant !== undefined ? [filter.tenant] : [...new Set([...tenants, ...(await store.eventTenants())])].sort();
  const tally = new EventsWindowTally();
  const findings: DetectResult['findings'] = [];
  const incidents: DetectResult['incidents'] = [];
  const events = new Map<string, CanonicalEvent>();
  const read = new Set<string>();
  const perRule: OmittedMatches[][] = [];
  // Tenants are detected one by one so each gets its own current and previous snapshot.
  for (const tenant of wanted) {
    const [current, previous] = await store.latestSnapshots(tenant, 2);
    const selfAppIds = [...(options.selfAppIds ?? []), ...(await selfAppIdsOf(store, tenant))];
    const detector = new Detector({ now: options.now ?? new Date().toISOString(), ...(selfAppIds.length > 0 ? { selfAppIds } : {}) });
    // Sigma rules the user asked for report in the same pipeline, beside the built-in findings.
    const hunter = options.sigma ? createHunter(options.sigma) : undefined;
    const matches: SigmaMatch[] = [];
    let count = 0;
    for await (const e of store.queryEvents({ ...eventFilter, tenant })) {
      count++;
      tally.add(e);
      detector.add(e);
      if (hunter) for (const m of hunter.push(e)) matches.push(m);
    }
    if (hunter) for (const m of hunter.finish()) matches.push(m);
    // A noisy rule's first matches become findings, the rest are counted: each finding holds its events.
    const capped = capMatchesPerRule(matches);
    perRule.push(capped.perRule);
    if (count > 0) read.add(tenant);
    const result = detector.finish({ ...(current ? { current } : {}), ...(previous ? { previous } : {}) });
    appendAll(incidents, result.incidents);
    // A Sigma finding names its events' tenant and entities: its events are needed to make it.
    const ids = options.evidence === false ? new Set<string>() : evidenceEventIds(result.findings);
    for (const m of capped.kept) for (const id of m.eventIds) ids.add(id);
    const cited = await pickEvents(store.queryEvents({ ...eventFilter, tenant, ids }), ids);
    for (const [id, e] of cited) events.set(id, e);
    appendAll(findings, result.findings);
    if (options.sigma) appendAll(findings, matchFindings(options.sigma, capped.kept, cited));
  }
  // Sigma findings and several tenants' findings in one list: in time order, like detect()'s own.
  if (options.sigma || wanted.length > 1) findings.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return { findings, incidents, events, tenants: [...read].sort(), window: tally.result(), omitted: omittedMatches(perRule) };
}

export function worstSeverity(result: DetectResult): Severity | undefined {
  const order: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
  return order.find((s) => result.findings.some((f) => f.severity === s));
}

export function reachesThreshold(result: DetectResult, failOn: Severity): boolean {
  return result.findings.some((f) => atLeast(f.severity, failOn));
}

const render = (key: string, params: Record<string, string | number>) => DETECT_TEXT.render(key, currentLang(), params);

/** The storyline of each incident, then the findings outside any incident, for a terminal. */
export function renderTimeline(
  result: DetectResult,
  labels: { incident: string; other: string; none: string; noData: string; utc: string; approx: string; severity: (s: Severity) => string },
  /** How many log records were read: none at all is "nothing could be checked", never "no signs". */
  read?: { count: number },
): string {
  const out: string[] = [];
  const inIncident = new Set(result.incidents.flatMap((i) => i.findings));
  for (const incident of result.incidents) {
    out.push(`${labels.incident.replace('{{severity}}', labels.severity(incident.severity).toUpperCase())}: ${render(incident.title.key, incident.title.params)}`);
    out.push(`  ${incident.tenant}  ${incident.start.slice(0, 16).replace('T', ' ')} → ${incident.end.slice(0, 16).replace('T', ' ')}`);
    incident.storyline.forEach((step, i) => {
      const when = step.time.slice(0, 16).replace('T', ' ') + (step.timeExact ? '' : ` ${labels.approx}`);
      out.push(`  ${String(i + 1).padStart(2)}. ${when}  ${render(step.text, step.params)}`);
    });
    out.push('');
  }
  const rest = result.findings.filter((f) => !inIncident.has(f.id) && f.kind !== 'sequence').sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  if (rest.length > 0) {
    out.push(labels.other);
    for (const f of rest) {
      // The title says what happened; the subject says to whom (an account, an app, a domain).
      const who = f.subject?.name ?? f.subject?.id;
      out.push(`  [${labels.severity(f.severity).toLowerCase()}] ${f.time.slice(0, 16).replace('T', ' ')}  ${render(f.text.title, f.params)}${who ? `: ${who}` : ''}`);
    }
  }
  if (result.findings.length === 0) out.push(read?.count === 0 ? labels.noData : labels.none);
  else out.push(labels.utc);
  // Line by line: a newline inside attacker text stays visible as \x0a instead of faking a line.
  return out.map((line) => terminalSafe(line)).join('\n') + '\n';
}
