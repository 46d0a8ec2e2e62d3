// `takeback report`: the report from everything the store holds (imports and scans alike).
import { EXIT } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import { terminalSafe, terminalSafeLines } from '../../core/sanitize.ts';
import type { ReportFormat } from '../../report/index.ts';
import { openStore } from '../../store/open.ts';
import type { EventFilter } from '../../store/store.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { detectFromStore } from '../detection.ts';
import { defaultReportPath, renderDetectionReport, reportSubjects, writeReportFile } from '../report-writer.ts';
import { loadSigmaOption } from '../sigma-rules.ts';

export interface ReportCommandOptions {
  filter: EventFilter;
  format: ReportFormat;
  out?: string;
  /** Sigma rule folders or files whose matches join the findings. */
  sigma?: string[];
}

export async function reportCommand(opts: ReportCommandOptions, global: GlobalOptions, io: Io): Promise<number> {
  const sigma = opts.sigma?.length ? loadSigmaOption(opts.sigma, io) : undefined;
  const store = openStore(global.store, { mustExist: true });
  let content: string;
  let tenants: string[];
  try {
    const detection = await detectFromStore(store, opts.filter, [], sigma ? { sigma } : {});
    tenants = detection.tenants;
    const { subjects, posture } = await reportSubjects(store, tenants);
    content = renderDetectionReport(detection, subjects, opts.format, posture);
  } finally {
    await store.close();
  }
  // HTML is a file to open; the other formats go to standard output unless --out says otherwise.
  const out = opts.out ?? (opts.format === 'html' ? defaultReportPath(global.store, tenants.length === 1 ? tenants[0]! : 'all') : undefined);
  if (out === undefined) {
    // On a terminal, CSV cells (attacker text) must not act as escape sequences; JSON is escaped already.
    io.stdout.write(io.stdout.isTTY === true && opts.format === 'csv' ? terminalSafeLines(content.replace(/^\ufeff/, '')) : content);
  } else {
    writeReportFile(out, content);
    io.stdout.write(terminalSafe(t('scan.report', { path: out })) + '\n');
  }
  return EXIT.ok;
}
