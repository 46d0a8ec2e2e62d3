// `takeback hunt --sigma DIR`: run Sigma rules (SigmaHQ's and takeback's own correlations) over the
// stored events; `takeback sigma check DIR`: say, rule by rule, whether it loads and why not.
import { relative } from 'node:path';
import { EXIT, TakebackError } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import { safeJson, terminalSafe } from '../../core/sanitize.ts';
import type { CanonicalEvent } from '../../core/event.ts';
import { severityRank, type Finding } from '../../detect/finding.ts';
import { EventsWindowTally, pickEvents, type ReportFormat } from '../../report/index.ts';
import type { EventsWindow } from '../../report/coverage.ts';
import { capMatchesPerRule, omittedMatches, ruleMetaById, severityOfLevel, sigmaFinding, type OmittedMatches } from '../../sigma/findings.ts';
import { BUILTIN_RULES_DIR, checkRules, createHunter, loadRules, type RuleMeta, type SigmaMatch } from '../../sigma/index.ts';
import { openStore } from '../../store/open.ts';
import { requireSigmaPaths, writeLoadWarnings } from '../sigma-rules.ts';
import type { EventFilter, EvidenceStore } from '../../store/store.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { renderDetectionReport, reportSubjects, writeReportFile } from '../report-writer.ts';
import { renderTable } from '../table.ts';

export interface HuntOptions {
  dirs: string[];
  rules: string[];
  builtin: boolean;
  filter: EventFilter;
  json: boolean;
  /** Also write the matches, as findings, to a report file. */
  report?: { path: string; format: ReportFormat };
}

export async function huntCommand(opts: HuntOptions, global: GlobalOptions, io: Io): Promise<number> {
  requireSigmaPaths(opts.dirs);
  const loaded = loadRules(opts.builtin ? [...opts.dirs, BUILTIN_RULES_DIR] : opts.dirs);
  // Nothing to run is an error, as on report and scan: "0 matches" would read as a clean result.
  if (loaded.rules.length + loaded.correlations.length === 0) throw new TakebackError('sigma.none', { paths: opts.dirs.join(', ') });
  // --rule selects what is reported; every rule still runs, since correlations refer to others.
  const wanted = new Set(opts.rules);
  const meta = ruleMetaById(loaded);
  // A --rule that names nothing loaded (a typo, or a refused rule) would report no matches, as if clean.
  for (const w of wanted) {
    const known = [...meta].some(([id, r]) => id === w || r.title === w || r.name === w);
    if (!known) throw new TakebackError('sigma.unknown_rule', { rule: w });
  }
  const selected = (m: SigmaMatch) => {
    if (wanted.size === 0) return true;
    const r = meta.get(m.ruleId);
    return wanted.has(m.ruleId) || wanted.has(m.title) || (r?.name !== undefined && wanted.has(r.name));
  };
  const matches: SigmaMatch[] = [];
  // A report needs the matched events themselves and the time the events cover; a plain hunt only
  // counts them. The matched events are fetched in a second pass: keeping every event would take
  // gigabytes at a million events.
  const tally = new EventsWindowTally();
  const tenants = new Set<string>();
  let events = 0;
  const store = openStore(global.store, { mustExist: true });
  try {
    // One hunter per tenant: a correlation counts one tenant's events, never two customers' together
    // (a finding names one tenant). The store yields events in time order, as correlations need.
    const limit = opts.filter.limit ?? Infinity;
    for (const tenant of opts.filter.tenant !== undefined ? [opts.filter.tenant] : await store.eventTenants()) {
      if (events >= limit) break;
      const hunter = createHunter(loaded);
      const filter = { ...opts.filter, tenant, ...(Number.isFinite(limit) ? { limit: limit - events } : {}) };
      for await (const e of store.queryEvents(filter)) {
        events++;
        if (opts.report) {
          tally.add(e);
          tenants.add(e.tenant);
        }
        for (const m of hunter.push(e)) if (selected(m)) matches.push(m);
      }
      for (const m of hunter.finish()) if (selected(m)) matches.push(m);
    }
    // Tenant after tenant, then in time order (a stable sort keeps each tenant's order for equal times).
    matches.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    if (opts.report) {
      // As in `report --sigma`: each rule's first matches become findings, the rest are counted.
      const { kept, perRule } = capMatchesPerRule(matches);
      const ids = new Set<string>();
      for (const m of kept) for (const id of m.eventIds) ids.add(id);
      const cited = await pickEvents(store.queryEvents({ ...opts.filter, ids }), ids);
      await writeHuntReport(store, kept, meta, cited, { window: tally.result(), tenants: [...tenants].sort(), omitted: omittedMatches([perRule]) }, opts.report);
    }
  } finally {
    await store.close();
  }
  const summary = { rules: loaded.rules.length, correlations: loaded.correlations.length, rejected: loaded.rejected.length, events };
  if (opts.json) {
    io.stdout.write(safeJson({ ...summary, matches, rejectedRules: loaded.rejected, warnings: loaded.warnings }, 2) + '\n');
  } else {
    io.stdout.write(t('hunt.summary', summary) + '\n\n');
    writeLoadWarnings(loaded, io);
    if (matches.length > 0) {
      // A hunt over a big store can match hundreds of thousands of times: then each rule's count
      // first, and the first matches in time order; --json lists them all.
      if (matches.length > SHOWN_MATCHES) io.stdout.write(renderTable(ruleCountHeaders(), ruleCounts(matches), io.stdout.columns ?? 160) + '\n');
      io.stdout.write(
        renderTable(
          [t('hunt.col.time'), t('hunt.col.level'), t('hunt.col.title'), t('hunt.col.events'), t('hunt.col.rule')],
          matches.slice(0, SHOWN_MATCHES).map((m) => [shortTime(m.time), m.level ?? '', m.title, m.eventIds.length, m.ruleId]),
          io.stdout.columns ?? 160,
        ),
      );
      if (matches.length > SHOWN_MATCHES) io.stdout.write(t('hunt.more', { count: matches.length - SHOWN_MATCHES }) + '\n');
      // Rules are others' work: show whose, under which licence (the DRL asks for attribution).
      const credits = [...new Set(matches.map((m) => m.attribution))].sort();
      io.stdout.write('\n' + t('hunt.credits') + '\n' + credits.map((c) => `  ${terminalSafe(c)}`).join('\n') + '\n');
    }
    io.stdout.write(t('hunt.matches', { count: matches.length }) + '\n');
    if (opts.report) io.stdout.write(terminalSafe(t('scan.report', { path: opts.report.path })) + '\n');
  }
  return matches.length > 0 ? EXIT.findings : EXIT.ok;
}

/** Matches listed one per row in the terminal; beyond this, each rule's count and the first ones. */
const SHOWN_MATCHES = 500;

const shortTime = (time: string): string => time.replace('T', ' ').slice(0, 19);

function ruleCountHeaders(): string[] {
  return [t('hunt.col.level'), t('hunt.col.title'), t('hunt.col.count'), t('hunt.col.first'), t('hunt.col.last'), t('hunt.col.rule')];
}

/** One row per rule: level, title, matches, first and last time; the most severe, then the most frequent first. */
function ruleCounts(matches: readonly SigmaMatch[]): unknown[][] {
  const byRule = new Map<string, { m: SigmaMatch; count: number; first: string; last: string }>();
  for (const m of matches) {
    const r = byRule.get(m.ruleId);
    if (r === undefined) byRule.set(m.ruleId, { m, count: 1, first: m.time, last: m.time });
    else {
      r.count++;
      if (m.time < r.first) r.first = m.time;
      if (m.time > r.last) r.last = m.time;
    }
  }
  // The same severity a rule's findings get from its level.
  const rank = (level: string | undefined): number => severityRank(severityOfLevel(level));
  return [...byRule.values()]
    .sort((a, b) => rank(b.m.level) - rank(a.m.level) || b.count - a.count || (a.m.title < b.m.title ? -1 : 1))
    .map((r) => [r.m.level ?? '', r.m.title, r.count, shortTime(r.first), shortTime(r.last), r.m.ruleId]);
}

/** The matches as findings, in the same report as `takeback report` writes (without posture). */
async function writeHuntReport(
  store: EvidenceStore,
  matches: readonly SigmaMatch[],
  meta: ReadonlyMap<string, RuleMeta>,
  events: Map<string, CanonicalEvent>,
  read: { window: EventsWindow; tenants: string[]; omitted: OmittedMatches[] },
  report: { path: string; format: ReportFormat },
): Promise<void> {
  const findings = matches.map((m) => sigmaFinding(m, events, meta.get(m.ruleId))).filter((f): f is Finding => f !== undefined);
  const { subjects } = await reportSubjects(store, read.tenants);
  const window = read.window;
  writeReportFile(report.path, renderDetectionReport({ findings, incidents: [], events, window, omitted: read.omitted }, subjects, report.format));
}

export function sigmaCheckCommand(opts: { dirs: string[]; json: boolean }, _global: GlobalOptions, io: Io): number {
  requireSigmaPaths(opts.dirs);
  const report = checkRules(opts.dirs);
  const entries = report.entries;
  if (opts.json) {
    io.stdout.write(safeJson({ entries }, 2) + '\n');
  } else {
    for (const e of entries) {
      const where = `${relative(process.cwd(), e.file)}:${e.line}`;
      const name = e.title ?? e.id ?? '';
      const state = !e.loads ? t('sigma.rejected', { reason: e.reason ?? '' }) : e.active === false ? t('sigma.inactive', { reason: e.reason ?? '' }) : t('sigma.loads');
      io.stdout.write(terminalSafe(`${where}  ${name}: ${state}`) + '\n');
      for (const s of e.schemaErrors) io.stdout.write(terminalSafe(`    ${t('sigma.schema', { detail: s })}`) + '\n');
      for (const w of e.warnings) io.stdout.write(terminalSafe(`    ${t('sigma.warning', { message: w })}`) + '\n');
    }
    const loads = entries.filter((e) => e.loads).length;
    io.stdout.write(t('sigma.totals', { total: entries.length, loads, rejected: entries.length - loads }) + '\n');
  }
  return entries.every((e) => e.loads) ? EXIT.ok : EXIT.partial;
}
