// `takeback timeline`: the incident storyline from what the store holds, in the terminal.
import { EXIT } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import type { Severity } from '../../detect/finding.ts';
import { safeJson } from '../../core/sanitize.ts';
import { openStore } from '../../store/open.ts';
import type { EventFilter } from '../../store/store.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { detectFromStore, renderTimeline } from '../detection.ts';
import { loadSigmaOption } from '../sigma-rules.ts';

export async function timelineCommand(opts: { filter: EventFilter; json: boolean; sigma?: string[] }, global: GlobalOptions, io: Io): Promise<number> {
  const sigma = opts.sigma?.length ? loadSigmaOption(opts.sigma, io) : undefined;
  const store = openStore(global.store, { mustExist: true });
  try {
    // The timeline names its steps; it shows no evidence events, so none are fetched.
    const { findings, incidents, window } = await detectFromStore(store, opts.filter, [], { evidence: false, ...(sigma ? { sigma } : {}) });
    if (opts.json) io.stdout.write(safeJson({ incidents, findings }, 2) + '\n');
    else io.stdout.write(renderTimeline({ findings, incidents }, timelineLabels(), window));
  } finally {
    await store.close();
  }
  return EXIT.ok;
}

export function timelineLabels() {
  return {
    incident: t('timeline.incident'),
    other: t('timeline.other'),
    none: t('timeline.none'),
    noData: t('timeline.noData'),
    utc: t('timeline.utc'),
    approx: t('timeline.approx'),
    // The report's words for severities, in the chosen language.
    severity: (s: Severity) => t(`report.severity.${s}`),
  };
}
