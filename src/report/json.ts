// The report model as JSON: the same content as the HTML, for other tools. safeJson escapes the
// characters a terminal or editor could be tricked by (bidi overrides, C1 controls).
import { safeJson } from '../core/sanitize.ts';
import type { ReportModel } from './types.ts';

export function renderJson(m: ReportModel): string {
  return safeJson(m, 2) + '\n';
}
