// The report formats, apart from their renderers, so the CLI can list them without loading those.
export const REPORT_FORMATS = ['html', 'json', 'csv', 'ocsf', 'ocsf-jsonl', 'text'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
