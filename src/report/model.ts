import { renderAssessment } from '../assess/render.ts';
import type { AssessmentResult } from '../assess/types.ts';
// buildReport: findings, incidents, the evidence events and the data coverage → a ReportModel with
// every sentence rendered in one language. Detection text comes from DETECT_TEXT, the report's own
// words from locales (`report.*`). Pure: the same input gives the same model.
import { readFileSync } from 'node:fs';
import { appendAll } from '../core/arrays.ts';
import type { CanonicalEvent, Provider } from '../core/event.ts';
import type { Lang } from '../core/i18n.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { SEVERITIES, severityRank, type EntityRef, type Finding, type Severity } from '../detect/finding.ts';
import { DETECT_TEXT } from '../detect/registry.ts';
import type { Incident, StoryStep } from '../detect/storyline.ts';
import { attackTechnique } from './attack.ts';
import { buildCoverage, eventSourceLabel, type CoverageInput } from './coverage.ts';
import { clip, displayValue, formatTime } from './format.ts';
import { reportText, type ReportT } from './text.ts';
import type {
  ReportAttack,
  ReportChange,
  ReportCoverage,
  ReportEvent,
  ReportFinding,
  ReportIncident,
  OmittedFindingsInput,
  ReportLabels,
  ReportModel,
  ReportStep,
  ReportTenant,
  ReportVerdict,
} from './types.ts';

export type EvidenceLookup = ReadonlyMap<string, CanonicalEvent> | ((id: string) => CanonicalEvent | undefined);

export interface ReportTenantInput {
  tenant: string;
  displayName?: string;
  /** The newest snapshot: licence, source statuses, when the state was read. */
  snapshot?: Snapshot;
  /** The snapshot it was compared with, when there was one. */
  previous?: Snapshot;
}

export interface ReportInput {
  lang: Lang;
  /** ISO time the report is made. */
  generatedAt: string;
  tenants: ReportTenantInput[];
  findings: readonly Finding[];
  incidents: readonly Incident[];
  /** The events findings cite as evidence (window.ts `pickEvents` gathers them). */
  events: EvidenceLookup;
  coverage: CoverageInput;
  /** takeback's version; default: package.json's. */
  version?: string;
  /** Posture assessments (src/assess) to show with the findings. */
  posture?: readonly AssessmentResult[];
  /** Rules whose matches were more than `findings` holds. */
  omitted?: readonly OmittedFindingsInput[];
}

let packageVersion: string | undefined;

function defaultVersion(): string {
  packageVersion ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0.0.0';
  return packageVersion;
}

function labels(t: ReportT, generatedAt: string, version: string): ReportLabels {
  const c = (k: string): string => t(`col.${k}`);
  return {
    title: t('title'),
    subtitle: t('subtitle'),
    generated: t('generated', { when: formatTime(generatedAt) }),
    timesUtc: t('timesUtc'),
    footer: t('footer', { version }),
    verdictHeading: t('verdict.heading'),
    firstSteps: t('verdict.firstSteps'),
    incidents: t('section.incidents'),
    noIncidents: t('incident.none'),
    timeline: t('incident.timeline'),
    timelineCaption: t('incident.timelineCaption'),
    steps: t('incident.steps'),
    incidentFindings: t('incident.findings'),
    otherFindings: t('section.otherFindings'),
    omitted: t('omitted.heading'),
    noOtherFindings: t('finding.none'),
    coverage: t('section.coverage'),
    sources: t('coverage.sources'),
    bySource: t('coverage.bySource'),
    severity: t('finding.severity'),
    when: t('finding.when'),
    rule: t('finding.rule'),
    whatToDo: t('finding.whatToDo'),
    evidence: t('finding.evidence'),
    actors: t('finding.actors'),
    targets: t('finding.targets'),
    ips: t('finding.ips'),
    changes: t('finding.changes'),
    events: t('finding.events'),
    attack: t('finding.attack'),
    timeNotExact: t('finding.timeNotExact'),
    empty: t('value.empty'),
    col: {
      time: c('time'),
      source: c('source'),
      action: c('action'),
      actor: c('actor'),
      ip: c('ip'),
      targets: c('targets'),
      result: c('result'),
      id: c('id'),
      name: c('name'),
      before: c('before'),
      after: c('after'),
      status: c('status'),
      records: c('records'),
      first: c('first'),
      last: c('last'),
      severity: c('severity'),
      title: c('title'),
      rule: c('rule'),
      indicator: c('indicator'),
      tenant: c('tenant'),
      incident: c('incident'),
      subject: c('subject'),
      changes: c('changes'),
      explanation: c('explanation'),
      nextSteps: c('nextSteps'),
      attack: c('attack'),
      events: c('events'),
      finding: c('finding'),
      step: c('step'),
    },
  };
}

function refText(ref: EntityRef | undefined): string | undefined {
  if (ref === undefined) return undefined;
  return ref.name ?? ref.id;
}

function lookup(events: EvidenceLookup, id: string): CanonicalEvent | undefined {
  return typeof events === 'function' ? events(id) : events.get(id);
}

function valueText(t: ReportT, raw: string | null | undefined): string {
  const shown = displayValue(raw);
  if (shown === '') return t('value.empty');
  const c = clip(shown);
  return c.rest > 0 ? `${c.text}${t('value.truncated', { count: c.rest })}` : c.text;
}

function attacks(ids: readonly string[]): ReportAttack[] {
  return ids.map((id) => {
    const known = attackTechnique(id);
    return known === undefined ? { id } : { id, name: known.name, tactic: { ...known.tactic } };
  });
}

function reportEvent(t: ReportT, ev: CanonicalEvent): ReportEvent {
  const out: ReportEvent = {
    id: ev.id,
    time: ev.time,
    timeText: formatTime(ev.time),
    source: ev.source,
    sourceLabel: eventSourceLabel(t, ev.source),
    action: ev.action,
    nativeAction: ev.nativeAction,
    actor: ev.actor.name ?? ev.actor.id ?? '',
    targets: ev.targets.map((x) => x.name ?? x.id ?? '').filter((x) => x !== ''),
    result: ev.result,
    resultLabel: t(`result.${ev.result}`),
  };
  if (ev.actor.id !== undefined) out.actorId = ev.actor.id;
  if (ev.actor.ip !== undefined) out.ip = ev.actor.ip;
  return out;
}

function reportFinding(t: ReportT, lang: Lang, f: Finding, events: EvidenceLookup, incidentId: string | undefined): ReportFinding {
  const found: ReportEvent[] = [];
  let missing = 0;
  for (const id of f.evidence.events) {
    const ev = lookup(events, id);
    if (ev === undefined) missing++;
    else found.push(reportEvent(t, ev));
  }
  found.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const changes: ReportChange[] = f.evidence.changes.map((c) => ({ name: c.name, before: valueText(t, c.old), after: valueText(t, c.new) }));
  const out: ReportFinding = {
    id: f.id,
    ruleId: f.ruleId,
    kind: f.kind,
    severity: f.severity,
    severityLabel: t(`severity.${f.severity}`),
    tenant: f.tenant,
    provider: f.provider,
    time: f.time,
    timeText: formatTime(f.time),
    timeExact: f.timeExact,
    title: DETECT_TEXT.render(f.text.title, lang, f.params),
    explanation: DETECT_TEXT.render(f.text.explanation, lang, f.params),
    notes: f.text.notes.map((k) => DETECT_TEXT.render(k, lang, f.params)),
    nextSteps: DETECT_TEXT.render(f.text.nextSteps, lang, f.params),
    attack: attacks(f.attack),
    actors: f.entities.actors.map(refText).filter((x): x is string => x !== undefined),
    targets: f.entities.targets.map(refText).filter((x): x is string => x !== undefined),
    ips: [...f.entities.ips],
    changes,
    eventIds: [...f.evidence.events],
    events: found,
    chainedFindings: [...f.evidence.findings],
  };
  if (f.indicator !== undefined) out.indicator = f.indicator;
  if (incidentId !== undefined) out.incidentId = incidentId;
  if (f.step !== undefined) {
    out.step = f.step;
    out.stepLabel = t(`step.${f.step}`);
  }
  const subject = refText(f.subject);
  if (subject !== undefined) out.subject = subject;
  if (missing > 0) out.missingEventsText = t('finding.eventsMissing', { count: missing });
  if (f.evidence.findings.length > 0) out.chainedText = t('finding.chained', { count: f.evidence.findings.length });
  const snap = f.evidence.snapshot;
  if (snap !== undefined) {
    out.snapshotText =
      snap.previousCollectedAt !== undefined
        ? t('finding.snapshotCompared', { previous: formatTime(snap.previousCollectedAt), current: formatTime(snap.collectedAt) })
        : t('finding.snapshot', { current: formatTime(snap.collectedAt) });
  }
  return out;
}

function reportStep(t: ReportT, lang: Lang, s: StoryStep, number: number): ReportStep {
  let text = DETECT_TEXT.render(s.text, lang, s.params);
  if (!s.timeExact) text += ` — ${DETECT_TEXT.render('detect.incident.timeNotExact', lang, { when: formatTime(s.time) })}`;
  const out: ReportStep = {
    number,
    kind: s.kind,
    label: t(`step.${s.kind}`),
    text,
    time: s.time,
    timeText: formatTime(s.time),
    timeExact: s.timeExact,
    severity: s.severity,
    severityLabel: t(`severity.${s.severity}`),
    findingIds: [...s.findings],
  };
  const actor = refText(s.actor);
  if (actor !== undefined) out.actor = actor;
  const subject = refText(s.subject);
  if (subject !== undefined) out.subject = subject;
  if (s.ip !== undefined) out.ip = s.ip;
  return out;
}

function bySeverityThenTime(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
}

function verdict(t: ReportT, findings: readonly ReportFinding[], incidents: readonly ReportIncident[], coverage: ReportCoverage, hasSnapshot: boolean): ReportVerdict {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  const countsText = t('verdict.counts', {
    summary: [...SEVERITIES]
      .reverse()
      .filter((s) => counts[s] > 0)
      .map((s) => `${t(`severity.${s}`)} ${counts[s]}`)
      .join(' · ') || '0',
  });
  const notable = findings.filter((f) => severityRank(f.severity) >= severityRank('medium'));
  const w = coverage.window;
  const noData = w.count === 0 && !hasSnapshot;
  const kind: ReportVerdict['kind'] = incidents.length > 0 ? 'takeover' : notable.length > 0 ? 'review' : noData ? 'no-data' : 'clear';
  const details: string[] = [];
  let firstSteps: string[] = [];
  switch (kind) {
    case 'takeover':
      details.push(t('verdict.takeoverDetail', { count: incidents.length }));
      firstSteps = incidents.map((i) => i.nextSteps).filter((s): s is string => s !== undefined);
      break;
    case 'review':
      details.push(t('verdict.reviewDetail', { count: notable.length }));
      firstSteps = notable.slice(0, 3).map((f) => f.nextSteps);
      break;
    case 'clear':
      details.push(t('verdict.clearDetail'));
      break;
    case 'no-data':
      details.push(t('verdict.noDataDetail'));
      break;
  }
  if (kind !== 'no-data') {
    details.push(w.count > 0 && w.first !== undefined && w.last !== undefined ? t('verdict.window', { first: formatTime(w.first), last: formatTime(w.last) }) : t('verdict.noWindow'));
  }
  if (kind !== 'no-data' && w.count > 0 && w.signIns === 0) details.push(t('verdict.noSignIns'));
  if (coverage.gaps > 0) details.push(t('verdict.gaps', { count: coverage.gaps }));
  const headline = t(kind === 'no-data' ? 'verdict.noData' : `verdict.${kind}`);
  return { kind, headline, details, firstSteps: [...new Set(firstSteps)], counts, countsText };
}

/** A tenant's id as its name; records imported without one (tenant "") get words, not a blank heading. */
function tenantLabel(t: ReportT, tenant: string): string {
  return tenant.trim() === '' ? t('tenantUnnamed') : tenant;
}

export function buildReport(input: ReportInput): ReportModel {
  const { lang } = input;
  const t = reportText(lang);
  const version = input.version ?? defaultVersion();

  // Tenants: those given, then any a finding names that was not given.
  const tenants = new Map<string, ReportTenant & { snapshot?: Snapshot; previous?: Snapshot }>();
  for (const ti of input.tenants) {
    const entry: ReportTenant & { snapshot?: Snapshot; previous?: Snapshot } = { tenant: ti.tenant, name: ti.displayName ?? ti.snapshot?.info?.displayName ?? tenantLabel(t, ti.tenant) };
    const provider: Provider | undefined = ti.snapshot?.provider ?? input.findings.find((f) => f.tenant === ti.tenant)?.provider;
    if (provider !== undefined) entry.provider = provider;
    if (ti.snapshot !== undefined) entry.snapshot = ti.snapshot;
    if (ti.previous !== undefined) entry.previous = ti.previous;
    tenants.set(ti.tenant, entry);
  }
  for (const f of input.findings) if (!tenants.has(f.tenant)) tenants.set(f.tenant, { tenant: f.tenant, name: tenantLabel(t, f.tenant), provider: f.provider });
  const nameOf = (tenant: string): string => tenants.get(tenant)?.name ?? tenant;

  const byId = new Map(input.findings.map((f) => [f.id, f]));
  const incidentOf = new Map<string, string>();
  for (const inc of input.incidents) for (const id of inc.findings) if (!incidentOf.has(id)) incidentOf.set(id, inc.id);

  const incidents: ReportIncident[] = input.incidents.map((inc, i) => {
    const title = DETECT_TEXT.render(inc.title.key, lang, inc.title.params);
    const members = inc.findings.map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined);
    const lead = members.find((f) => f.text.title === inc.title.key);
    const out: ReportIncident = {
      id: inc.id,
      number: i + 1,
      tenant: inc.tenant,
      tenantName: nameOf(inc.tenant),
      provider: inc.provider,
      severity: inc.severity,
      severityLabel: t(`severity.${inc.severity}`),
      heading: t('incident.heading', { n: i + 1, title }),
      title,
      summary: DETECT_TEXT.render('detect.incident.summary', lang, { count: inc.findings.length, start: formatTime(inc.start), end: formatTime(inc.end) }),
      start: inc.start,
      end: inc.end,
      steps: inc.storyline.map((s, n) => reportStep(t, lang, s, n + 1)),
      findingIds: [...inc.findings],
    };
    if (lead !== undefined) out.nextSteps = DETECT_TEXT.render(lead.text.nextSteps, lang, lead.params);
    // A story older than the logs is probably missing its beginning (how the intruder got in).
    const first = input.coverage.eventsWindow.first;
    if (first !== undefined && inc.start < first) out.note = t('incident.beforeWindow', { first: formatTime(first) });
    return out;
  });

  // Findings: each incident's members in time order, then the rest, most severe first.
  const ordered: Finding[] = [];
  const placed = new Set<string>();
  for (const inc of input.incidents) {
    for (const id of inc.findings) {
      const f = byId.get(id);
      if (f !== undefined && !placed.has(id)) {
        ordered.push(f);
        placed.add(id);
      }
    }
  }
  appendAll(ordered, input.findings.filter((f) => !placed.has(f.id)).sort(bySeverityThenTime));
  const findings = ordered.map((f) => reportFinding(t, lang, f, input.events, incidentOf.get(f.id)));

  const tenantList = [...tenants.values()];
  const coverage = buildCoverage(
    lang,
    tenantList.map((x) => ({ ...x })),
    input.coverage,
  );
  // A snapshot counts as data unless every source it lists failed.
  const hasSnapshot = tenantList.some((x) => {
    const states = x.snapshot !== undefined ? Object.values(x.snapshot.sources) : undefined;
    return states !== undefined && (states.length === 0 || states.some((s) => s.state === 'ok'));
  });

  return {
    schema: 'takeback.report/1',
    lang,
    generatedAt: input.generatedAt,
    version,
    labels: labels(t, input.generatedAt, version),
    tenants: tenantList.map((x) => {
      const r: ReportTenant = { tenant: x.tenant, name: x.name };
      if (x.provider !== undefined) r.provider = x.provider;
      return r;
    }),
    verdict: verdict(t, findings, incidents, coverage, hasSnapshot),
    incidents,
    findings,
    ...(input.omitted && input.omitted.length > 0
      ? {
          omitted: input.omitted.map((o) => ({
            ...o,
            text: t('omitted.line', { title: o.title, total: o.total, listed: o.listed, first: formatTime(o.first), last: formatTime(o.last), ruleId: o.ruleId }),
          })),
        }
      : {}),
    coverage,
    ...(input.posture && input.posture.length > 0
      ? { posture: input.posture.map((a) => ({ tenantName: nameOf(a.tenant), assessment: renderAssessment(a, lang) })) }
      : {}),
  };
}
