// The report as plain terminal text (for `takeback timeline` and the end of a scan): the verdict, each
// incident's storyline, the other findings in one line each, and the coverage. Every line goes
// through terminalSafe, so an escape sequence in a display name is shown, not obeyed.
import { terminalSafe } from '../core/sanitize.ts';
import type { ReportModel } from './types.ts';

export interface TerminalOptions {
  /** Also print each finding's explanation and next steps (default false). */
  details?: boolean;
}

export function renderTerminal(m: ReportModel, options: TerminalOptions = {}): string {
  const l = m.labels;
  const lines: string[] = [];
  const v = m.verdict;
  lines.push(`${l.verdictHeading}: ${v.headline}`);
  for (const d of v.details) lines.push(`  ${d}`);
  lines.push(`  ${v.countsText}`);
  if (v.firstSteps.length > 0) {
    lines.push('', `${l.firstSteps}:`);
    v.firstSteps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  }
  const byId = new Map(m.findings.map((f) => [f.id, f]));
  for (const inc of m.incidents) {
    lines.push('', `${inc.heading} [${inc.severityLabel}]`, `  ${inc.summary}`);
    if (inc.note !== undefined) lines.push(`  ${inc.note}`);
    for (const s of inc.steps) lines.push(`  ${String(s.number).padStart(2)}. ${s.timeText}  ${s.text}`);
    if (options.details === true) {
      for (const id of inc.findingIds) {
        const f = byId.get(id);
        if (f !== undefined) lines.push(`     - [${f.severityLabel}] ${f.title}: ${f.explanation}`, `       ${l.whatToDo}: ${f.nextSteps}`);
      }
    }
  }
  const others = m.findings.filter((f) => f.incidentId === undefined);
  if (others.length > 0) {
    lines.push('', `${l.otherFindings}:`);
    for (const f of others) {
      lines.push(`  [${f.severityLabel}] ${f.timeText}  ${f.title}`);
      if (options.details === true) lines.push(`       ${f.explanation}`, `       ${l.whatToDo}: ${f.nextSteps}`);
    }
  }
  if (m.omitted) {
    lines.push('', `${l.omitted}:`);
    for (const o of m.omitted) lines.push(`  ${o.text}`);
  }
  const c = m.coverage;
  lines.push('', `${l.coverage}:`, `  ${c.window.text}`);
  for (const tc of c.tenants) {
    lines.push(`  ${tc.name}: ${tc.licenceText}`, `    ${tc.snapshotText}`);
    for (const r of tc.retention) lines.push(`    ${r}`);
    for (const s of tc.sources) lines.push(`    ${s.label}: ${s.text}${s.count !== undefined ? ` (${s.count})` : ''}`);
  }
  return lines.map(terminalSafe).join('\n') + '\n';
}
