import type { RenderedAssessment } from '../assess/render.ts';
// The report model: everything a renderer shows, with all text already in the chosen language, so the
// HTML, CSV, JSON, OCSF and terminal renderers only lay it out (and escape it for their medium).
import type { Provider } from '../core/event.ts';
import type { Lang } from '../core/i18n.ts';
import type { RuleKind, Severity, StepKind } from '../detect/finding.ts';
import type { SourceStatus } from '../core/snapshot.ts';

export type VerdictKind = 'takeover' | 'review' | 'clear' | 'no-data';

export interface ReportVerdict {
  kind: VerdictKind;
  /** The answer in plain words: "Signs of takeover", "No signs found in the data available"… */
  headline: string;
  /** Sentences after the headline: what was found, the time window, what could not be read. */
  details: string[];
  /** Next steps of the incidents (or the most severe findings), most urgent first. */
  firstSteps: string[];
  counts: Record<Severity, number>;
  countsText: string;
}

export interface ReportTenant {
  tenant: string;
  name: string;
  provider?: Provider;
}

export interface ReportAttack {
  id: string;
  name?: string;
  tactic?: { uid: string; name: string };
}

export interface ReportChange {
  name: string;
  before: string;
  after: string;
}

export interface ReportEvent {
  id: string;
  time: string;
  timeText: string;
  source: string;
  sourceLabel: string;
  action: string;
  nativeAction: string;
  actor: string;
  actorId?: string;
  ip?: string;
  targets: string[];
  result: string;
  resultLabel: string;
}

export interface ReportFinding {
  id: string;
  ruleId: string;
  indicator?: string;
  kind: RuleKind;
  severity: Severity;
  severityLabel: string;
  tenant: string;
  provider: Provider;
  incidentId?: string;
  time: string;
  timeText: string;
  timeExact: boolean;
  title: string;
  explanation: string;
  notes: string[];
  nextSteps: string;
  step?: StepKind;
  stepLabel?: string;
  attack: ReportAttack[];
  subject?: string;
  actors: string[];
  targets: string[];
  ips: string[];
  changes: ReportChange[];
  /** Every evidence event id; those found in the data are also in `events`. */
  eventIds: string[];
  events: ReportEvent[];
  /** Sentence saying how many evidence events are not in this data, when some are missing. */
  missingEventsText?: string;
  chainedFindings: string[];
  chainedText?: string;
  /** How a snapshot finding was seen (which snapshots were compared). */
  snapshotText?: string;
}

export interface ReportStep {
  number: number;
  kind: StepKind;
  /** Short label for the timeline chart. */
  label: string;
  /** The full sentence for the list. */
  text: string;
  time: string;
  timeText: string;
  timeExact: boolean;
  severity: Severity;
  severityLabel: string;
  actor?: string;
  subject?: string;
  ip?: string;
  findingIds: string[];
}

export interface ReportIncident {
  id: string;
  number: number;
  tenant: string;
  tenantName: string;
  provider: Provider;
  severity: Severity;
  severityLabel: string;
  /** "Incident 1: <title>". */
  heading: string;
  title: string;
  summary: string;
  /** Said when the story began before the oldest log record. */
  note?: string;
  start: string;
  end: string;
  nextSteps?: string;
  steps: ReportStep[];
  findingIds: string[];
}

export interface ReportSourceLine {
  source: string;
  label: string;
  state: SourceStatus['state'];
  /** "read", "skipped: permission X missing", "skipped: needs licence Y", "error: …". */
  text: string;
  count?: number;
}

export interface ReportTenantCoverage {
  tenant: string;
  name: string;
  provider?: Provider;
  licenceText: string;
  snapshotText: string;
  /** How long the provider keeps each log on this licence, and what that hides. */
  retention: string[];
  sources: ReportSourceLine[];
  /** Said instead of the table when no source statuses are known (imported files). */
  sourcesNote?: string;
}

export interface ReportLogSource {
  source: string;
  label: string;
  count: number;
  first?: string;
  last?: string;
  firstText: string;
  lastText: string;
}

export interface ReportCoverage {
  intro: string;
  /** `signIns`: how many of the records are sign-ins, when counted (0: sign-ins could not be checked). */
  window: { first?: string; last?: string; count: number; signIns?: number; text: string };
  bySource: ReportLogSource[];
  tenants: ReportTenantCoverage[];
  /** Sources that could not be read, over all tenants. */
  gaps: number;
}

/** Headings, column names and other fixed words, in the report's language. */
export interface ReportLabels {
  title: string;
  subtitle: string;
  generated: string;
  timesUtc: string;
  footer: string;
  verdictHeading: string;
  firstSteps: string;
  incidents: string;
  noIncidents: string;
  timeline: string;
  timelineCaption: string;
  steps: string;
  incidentFindings: string;
  otherFindings: string;
  /** Heading of the rules whose matches were more than the findings list. */
  omitted: string;
  noOtherFindings: string;
  coverage: string;
  sources: string;
  bySource: string;
  severity: string;
  when: string;
  rule: string;
  whatToDo: string;
  evidence: string;
  actors: string;
  targets: string;
  ips: string;
  changes: string;
  events: string;
  attack: string;
  timeNotExact: string;
  empty: string;
  col: Record<
    | 'time'
    | 'source'
    | 'action'
    | 'actor'
    | 'ip'
    | 'targets'
    | 'result'
    | 'id'
    | 'name'
    | 'before'
    | 'after'
    | 'status'
    | 'records'
    | 'first'
    | 'last'
    | 'severity'
    | 'title'
    | 'rule'
    | 'indicator'
    | 'tenant'
    | 'incident'
    | 'subject'
    | 'changes'
    | 'explanation'
    | 'nextSteps'
    | 'attack'
    | 'events'
    | 'finding'
    | 'step',
    string
  >;
}

/** A rule whose matches were more than the report lists (Sigma: `FINDINGS_PER_RULE`). */
export interface OmittedFindingsInput {
  ruleId: string;
  title: string;
  total: number;
  listed: number;
  first: string;
  last: string;
}

export interface ReportOmitted extends OmittedFindingsInput {
  /** The sentence saying so, in the report's language. */
  text: string;
}

export interface ReportModel {
  schema: 'takeback.report/1';
  lang: Lang;
  generatedAt: string;
  /** takeback's version. */
  version: string;
  labels: ReportLabels;
  tenants: ReportTenant[];
  verdict: ReportVerdict;
  incidents: ReportIncident[];
  /** Every finding: those of each incident in incident order (oldest first), then the rest, most severe first. */
  findings: ReportFinding[];
  /** Rules that matched more often than the findings list: how often, and how to see every match. */
  omitted?: ReportOmitted[];
  coverage: ReportCoverage;
  /** Posture checks of each tenant's latest snapshot, already in the report's language. */
  posture?: ReportPosture[];
}

export interface ReportPosture {
  tenantName: string;
  assessment: RenderedAssessment;
}
