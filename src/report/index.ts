// The report's public surface: build the model once, render it in any format.
import { renderFindingsCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderOcsfJson, renderOcsfJsonLines } from './ocsf.ts';
import { renderTerminal } from './terminal.ts';
import type { ReportFormat } from './formats.ts';
import type { ReportModel } from './types.ts';

export { buildReport, type EvidenceLookup, type ReportInput, type ReportTenantInput } from './model.ts';
export type { CoverageInput, EventsWindow, LicenceInput, SourceCoverage, WindowCount } from './coverage.ts';
export { EventsWindowTally, evidenceEventIds, pickEvents, tallied } from './window.ts';
export { renderFindingsCsv, renderHtml, renderJson, renderOcsfJson, renderOcsfJsonLines, renderTerminal };
export { renderOcsf, ocsfFinding, OCSF_VERSION, type OcsfDetectionFinding } from './ocsf.ts';
export { renderTimelineSvg } from './timeline-svg.ts';
export type * from './types.ts';

export { REPORT_FORMATS, type ReportFormat } from './formats.ts';

/** File name extension for each format. */
export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = {
  html: 'html',
  json: 'json',
  csv: 'csv',
  ocsf: 'ocsf.json',
  'ocsf-jsonl': 'ocsf.jsonl',
  text: 'txt',
};

export function renderReport(m: ReportModel, format: ReportFormat): string {
  switch (format) {
    case 'html':
      return renderHtml(m);
    case 'json':
      return renderJson(m);
    case 'csv':
      return renderFindingsCsv(m);
    case 'ocsf':
      return renderOcsfJson(m);
    case 'ocsf-jsonl':
      return renderOcsfJsonLines(m);
    case 'text':
      return renderTerminal(m);
  }
}
