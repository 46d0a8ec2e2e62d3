// An assessment in one language, for the terminal, the report and the dashboard: per-check text from
// each check's meta.yaml, engine text from locales (assess.*). Results stay language-neutral data;
// only this step turns them into sentences.
import { t, type Lang } from '../core/i18n.ts';
import { CHECKS } from './registry.ts';
import { SEVERITIES } from './types.ts';
import type { AcceptanceRef, AssessmentResult, CheckDefinition, CheckMeta, CheckResult, ErrorReason, Item, Param, Severity, SkipReason } from './types.ts';

export interface RenderedCheck {
  id: string;
  severity: Severity;
  severityLabel: string;
  status: CheckResult['status'];
  statusLabel: string;
  title: string;
  rationale: string;
  portal: string;
  steps: string[];
  references: string[];
  baselines: string[];
  /** What is wrong (fail / accepted), one line each; accepted items say so. */
  findings: string[];
  /** How a pass was decided, when that matters. */
  notes: string[];
  /** Why it was skipped or could not be checked. */
  reason?: string;
  acceptance?: string;
  expiredAcceptance?: string;
  /** True when every change of the fix has a Graph request (a reviewed plan can apply it). */
  automatable?: boolean;
}

export interface RenderedAssessment {
  lang: Lang;
  tenant: string;
  snapshotAt: string;
  score: string;
  /** Failing checks, most severe first. */
  failing: RenderedCheck[];
  accepted: RenderedCheck[];
  skipped: RenderedCheck[];
  errors: RenderedCheck[];
  passed: RenderedCheck[];
  drift?: { heading: string; newFailing: string[]; fixed: string[]; newlyAccepted: string[] };
  /** Problems with the acceptance file. */
  notes: string[];
}

function fill(template: string, lang: Lang, params: Record<string, Param> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

function message(meta: CheckMeta, item: Item, lang: Lang): string {
  const text = meta.messages[item.key];
  return text ? fill(text[lang], lang, item.params) : item.key;
}

const keyOf = (code: string): string => code.replaceAll('-', '_');

function reasonText(meta: CheckMeta, reason: SkipReason | ErrorReason, lang: Lang): string {
  if (reason.code === 'data-missing') return message(meta, { key: reason.what, ...(reason.params ? { params: reason.params } : {}) }, lang);
  const vars: Record<string, unknown> = { ...reason, lng: lang };
  if (reason.code === 'licence-unknown') vars.detail = reason.detail ?? '-';
  return t(`assess.${reason.code === 'source-error' || reason.code === 'check-error' ? 'error' : 'skip'}.${keyOf(reason.code)}`, vars);
}

function acceptanceText(a: AcceptanceRef, lang: Lang, whole: boolean): string {
  const vars = { expires: a.expires, reason: a.reason, by: a.acceptedBy ?? '-', subjects: (a.subjects ?? []).join(', '), lng: lang };
  if (!whole) return t('assess.acceptance.partial', vars);
  return t(a.acceptedBy ? 'assess.acceptance.accepted_by' : 'assess.acceptance.accepted', vars);
}

export function renderCheck(result: CheckResult, meta: CheckMeta, lang: Lang): RenderedCheck {
  const accepted = t('assess.acceptance.item_accepted', { lng: lang });
  const r: RenderedCheck = {
    id: result.id,
    severity: result.severity,
    severityLabel: t(`assess.severity.${result.severity}`, { lng: lang }),
    status: result.status,
    statusLabel: t(`assess.status.${result.status}`, { lng: lang }),
    title: meta.title[lang],
    rationale: meta.rationale[lang],
    portal: meta.portal[lang],
    steps: meta.remediation[lang],
    references: meta.references,
    baselines: result.baselines.scuba,
    findings: (result.items ?? []).map((i) => (i.accepted ? `${message(meta, i, lang)} (${accepted})` : message(meta, i, lang))),
    notes: (result.notes ?? []).map((i) => message(meta, i, lang)),
  };
  if (result.reason) r.reason = reasonText(meta, result.reason, lang);
  if (result.acceptance) r.acceptance = acceptanceText(result.acceptance, lang, result.acceptance.subjects === undefined);
  if (result.expiredAcceptance) r.expiredAcceptance = t('assess.acceptance.expired', { expires: result.expiredAcceptance.expires, lng: lang });
  if (result.fix) r.automatable = !result.fix.manual;
  return r;
}

const bySeverity = (a: RenderedCheck, b: RenderedCheck): number => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id);

export function renderAssessment(result: AssessmentResult, lang: Lang, checks: readonly CheckDefinition[] = CHECKS): RenderedAssessment {
  const metas = new Map(checks.map((c) => [c.meta.id, c.meta]));
  const rendered = result.results.flatMap((r) => {
    const meta = metas.get(r.id);
    return meta ? [renderCheck(r, meta, lang)] : [];
  });
  const pick = (status: CheckResult['status']): RenderedCheck[] => rendered.filter((r) => r.status === status).sort(bySeverity);
  const s = result.score;
  const counts = { passed: s.counts.pass, failed: s.counts.fail, accepted: s.counts.accepted, skipped: s.counts.skipped, errors: s.counts.error, lng: lang };
  const title = (id: string): string => `${id} ${metas.get(id)?.title[lang] ?? ''}`.trim();
  const out: RenderedAssessment = {
    lang,
    tenant: result.tenant,
    snapshotAt: result.snapshotAt,
    score: s.percent === null ? t('assess.score_none', counts) : t('assess.score', { ...counts, percent: s.percent }),
    failing: pick('fail'),
    accepted: pick('accepted'),
    skipped: pick('skipped'),
    errors: pick('error'),
    passed: pick('pass'),
    notes: result.acceptanceNotes.map((n) =>
      n.problem === 'expired' ? t('assess.acceptance.file_expired', { check: n.check, expires: n.expires ?? '-', lng: lang }) : t('assess.acceptance.unknown_check', { check: n.check, lng: lang }),
    ),
  };
  if (result.drift) {
    out.drift = {
      heading: t('assess.drift.since', { since: result.drift.since, lng: lang }),
      newFailing: result.drift.newFailing.map(title),
      fixed: result.drift.fixed.map(title),
      newlyAccepted: result.drift.newlyAccepted.map(title),
    };
  }
  return out;
}

/** Plain text for the terminal: score, drift, failing checks with their steps, then the rest in short. */
export function formatAssessment(result: AssessmentResult, lang: Lang, checks: readonly CheckDefinition[] = CHECKS): string {
  const v = renderAssessment(result, lang, checks);
  const h = (key: string): string => t(`assess.heading.${key}`, { lng: lang });
  const lines: string[] = [v.score, ''];
  if (v.drift) {
    lines.push(v.drift.heading);
    const list = (key: string, ids: string[]): void => {
      if (ids.length > 0) lines.push(`  ${t(`assess.drift.${key}`, { lng: lang })}: ${ids.join(', ')}`);
    };
    list('new_failing', v.drift.newFailing);
    list('fixed', v.drift.fixed);
    list('newly_accepted', v.drift.newlyAccepted);
    if (v.drift.newFailing.length + v.drift.fixed.length + v.drift.newlyAccepted.length === 0) lines.push(`  ${t('assess.drift.none', { lng: lang })}`);
    lines.push('');
  }
  const detailed = (r: RenderedCheck): void => {
    lines.push(t('assess.check_line', { severity: r.severityLabel, id: r.id, title: r.title, status: r.statusLabel, lng: lang }));
    for (const f of r.findings) lines.push(`  - ${f}`);
    if (r.acceptance) lines.push(`  ${r.acceptance}`);
    if (r.expiredAcceptance) lines.push(`  ${r.expiredAcceptance}`);
    lines.push(`  ${h('where')}: ${r.portal}`);
    lines.push(`  ${h('steps')}:`);
    r.steps.forEach((step, i) => lines.push(`    ${i + 1}. ${step}`));
    if (r.automatable !== undefined) lines.push(`  ${h(r.automatable ? 'automatable' : 'manual')}`);
    lines.push('');
  };
  const counted = (key: string, count: number): string => t('assess.heading_count', { heading: h(key), count, lng: lang });
  if (v.failing.length > 0) lines.push(counted('failing', v.failing.length), '');
  v.failing.forEach(detailed);
  if (v.accepted.length > 0) lines.push(counted('accepted', v.accepted.length), '');
  v.accepted.forEach(detailed);
  const brief = (key: string, list: RenderedCheck[]): void => {
    if (list.length === 0) return;
    lines.push(counted(key, list.length));
    for (const r of list) lines.push(`  ${r.id} ${r.title}: ${r.reason ?? ''}`);
    lines.push('');
  };
  brief('skipped', v.skipped);
  brief('errors', v.errors);
  for (const n of v.notes) lines.push(n);
  return lines.join('\n').trimEnd() + '\n';
}
