// `takeback import FILE…`: offline exports into the evidence store.
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { EXIT } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import { safeJson, terminalSafe } from '../../core/sanitize.ts';
import { importFile } from '../../importers/run.ts';
import type { FileImportSummary } from '../../importers/types.ts';
import { openStore } from '../../store/open.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { renderTable } from '../table.ts';

/** Encodings as people name them. */
const ENCODING_NAMES: Readonly<Record<string, string>> = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

export interface ImportCommandOptions {
  files: string[];
  tenant?: string;
  json: boolean;
}

export async function importCommand(opts: ImportCommandOptions, global: GlobalOptions, io: Io): Promise<number> {
  const store = openStore(global.store);
  const summaries: FileImportSummary[] = [];
  const bar =
    io.stderr.isTTY && !opts.json
      ? new cliProgress.SingleBar(
          { format: `{file} [{bar}] {percentage}%`, stream: io.stderr, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  try {
    for (const file of opts.files) {
      bar?.start(100, 0, { file: terminalSafe(basename(file)) });
      const summary = await importFile(store, file, {
        ...(opts.tenant !== undefined ? { tenant: opts.tenant } : {}),
        onProgress: (read, size) => bar?.update(size > 0 ? Math.floor((read / size) * 100) : 100),
      });
      bar?.stop();
      summaries.push(summary);
    }
  } finally {
    bar?.stop();
    await store.close();
  }
  if (opts.json) io.stdout.write(safeJson({ store: global.store, files: summaries }, 2) + '\n');
  else io.stdout.write(renderSummaries(summaries, global.store));
  const clean = summaries.every((s) => !s.error && s.rejected === 0 && !s.replacedChars);
  return clean ? EXIT.ok : EXIT.partial;
}

function renderSummaries(summaries: readonly FileImportSummary[], store: string): string {
  const rows = summaries.map((s) => [
    basename(s.file),
    s.error ? t('import.failed') : s.format,
    s.records,
    s.imported,
    s.duplicates,
    s.rejected,
    s.skipped,
    s.first && s.last ? `${s.first.slice(0, 19)}Z – ${s.last.slice(0, 19)}Z` : '',
    s.tenants.map((x) => (x === '' ? t('tenant.unnamed') : x)).join(' '),
  ]);
  let out = renderTable(
    [
      t('import.col.file'),
      t('import.col.format'),
      t('import.col.records'),
      t('import.col.imported'),
      t('import.col.duplicates'),
      t('import.col.rejected'),
      t('import.col.skipped'),
      t('import.col.range'),
      t('import.col.tenant'),
    ],
    rows,
  );
  for (const s of summaries) {
    // The import errors name their file already; others get it in front.
    if (s.error) out += `\n${terminalSafe(s.error.startsWith(s.file) ? s.error : t('import.file_error', { file: s.file, message: s.error }))}\n`;
    const shown = s.issues.slice(0, 20);
    for (const issue of shown) {
      const line = issue.endLine !== undefined ? `${issue.line}-${issue.endLine}` : issue.line;
      out += `${terminalSafe(t('import.issue', { file: s.file, line, record: issue.record, reason: issue.reason }))}\n`;
    }
    if (s.replacedChars) out += `${terminalSafe(t('import.replaced', { file: s.file, count: s.replacedChars, encoding: ENCODING_NAMES[s.encoding ?? ''] ?? s.encoding ?? '' }))}\n`;
    const hidden = s.rejected + s.skipped - shown.length;
    if (hidden > 0 && !s.error) out += `${t('import.more_issues', { count: hidden })}\n`;
  }
  // Graph exports do not name their tenant: say so, and how to name it, before a report shows none.
  if (summaries.some((s) => s.tenants.includes(''))) out += `\n${t('import.no_tenant')}\n`;
  out += `\n${terminalSafe(t('import.stored_in', { store }))}\n`;
  return out;
}
