// Findings as CSV for a spreadsheet: one row a finding, headers in the report's language, every cell
// through csvCell (a cell starting with = + - @ gets a leading apostrophe, so it is never a formula)
// after control characters are made visible (a raw ESC would act when the file is printed to a terminal).
// A UTF-8 byte-order mark by default: without it Excel reads Japanese text as Shift_JIS.
import { csvRow } from '../core/sanitize.ts';
import type { ReportModel } from './types.ts';
import { visibleControls } from './visible.ts';

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

export function renderFindingsCsv(m: ReportModel, options: CsvOptions = {}): string {
  const c = m.labels.col;
  const incidentNumber = new Map(m.incidents.map((i) => [i.id, i.number]));
  const rows: unknown[][] = [
    [c.time, c.severity, c.title, c.step, c.incident, c.tenant, c.actor, c.subject, c.targets, c.ip, c.changes, c.explanation, c.nextSteps, c.rule, c.indicator, c.attack, c.events, c.finding],
  ];
  for (const f of m.findings) {
    rows.push([
      f.timeText,
      f.severityLabel,
      f.title,
      f.stepLabel ?? '',
      f.incidentId !== undefined ? (incidentNumber.get(f.incidentId) ?? '') : '',
      f.tenant,
      f.actors.join(', '),
      f.subject ?? '',
      f.targets.join(', '),
      f.ips.join(', '),
      f.changes.map((ch) => `${ch.name}: ${ch.before} → ${ch.after}`).join('\n'),
      [f.explanation, ...f.notes].join('\n'),
      f.nextSteps,
      f.ruleId,
      f.indicator ?? '',
      f.attack.map((a) => a.id).join(' '),
      f.eventIds.join(' '),
      f.id,
    ]);
  }
  const body = rows.map((r) => csvRow(r.map((v) => (typeof v === 'string' ? visibleControls(v) : v)))).join('\r\n') + '\r\n';
  return (options.bom ?? true) ? `\ufeff${body}` : body;
}
