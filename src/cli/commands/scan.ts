// `takeback scan`: collect the tenant's audit logs and state into the evidence store.
import { EXIT } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import { safeJson, terminalSafe } from '../../core/sanitize.ts';
import type { M365Connection } from '../../providers/m365/index.ts';
import { scanM365, type M365ScanResult } from '../../scan/m365.ts';
import { openStore } from '../../store/open.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { connectionFromProfile } from '../m365-connection.ts';
import { findProfile } from '../profiles.ts';
import { renderScanSummary, summarise, type ScanSummary } from '../scan-summary.ts';

export interface ScanCommandOptions {
  profile?: string;
  json: boolean;
}

/** Runs a scan into the store and prints its summary; also the body of `takeback demo`. */
export async function runScan(conn: M365Connection, scope: string, json: boolean, global: GlobalOptions, io: Io): Promise<{ result: M365ScanResult; summary: ScanSummary }> {
  const store = openStore(global.store);
  const progress = !json && io.stderr.isTTY;
  let result: M365ScanResult;
  try {
    result = await scanM365(conn, store, {
      scope,
      onProgress: (source, state, count) => {
        if (progress) io.stderr.write(`\r\x1b[K${terminalSafe(t('scan.progress', { source, state, count: count ?? '' }))}`);
      },
    });
  } finally {
    if (progress) io.stderr.write('\r\x1b[K');
    await store.close();
  }
  return { result, summary: summarise(result, global.store) };
}

export async function scanCommand(opts: ScanCommandOptions, global: GlobalOptions, io: Io): Promise<number> {
  const profile = findProfile(opts.profile);
  const conn = connectionFromProfile(profile, (message) => io.stderr.write(terminalSafe(message) + '\n'));
  const { summary } = await runScan(conn, profile.name, opts.json, global, io);
  io.stdout.write(opts.json ? safeJson(summary, 2) + '\n' : renderScanSummary(summary));
  return EXIT.ok;
}
