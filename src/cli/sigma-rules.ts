// `--sigma DIR…` on the commands that run detections: load the user's Sigma rules once, say on
// standard error how many load, and stop with a clear error when a path is missing or nothing loads.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { TakebackError } from '../core/errors.ts';
import { t } from '../core/i18n.ts';
import { terminalSafe } from '../core/sanitize.ts';
import { loadRules, type LoadedRules } from '../sigma/index.ts';
import type { Io } from './context.ts';

/** Stops with a clear error when a file or folder of rules given on the command line does not exist. */
export function requireSigmaPaths(paths: readonly string[]): void {
  for (const p of paths) if (!existsSync(p)) throw new TakebackError('sigma.missing', { path: p });
}

export function loadSigmaOption(paths: readonly string[], io: Io): LoadedRules {
  requireSigmaPaths(paths);
  const loaded = loadRules(paths);
  if (loaded.rules.length + loaded.correlations.length === 0) throw new TakebackError('sigma.none', { paths: paths.join(', ') });
  io.stderr.write(
    terminalSafe(t('sigma.loaded', { rules: loaded.rules.length, correlations: loaded.correlations.length, rejected: loaded.rejected.length })) + '\n',
  );
  writeLoadWarnings(loaded, io);
  return loaded;
}

/** On standard error: what was loaded but not used as written (a filter that could not apply changes what matches). */
export function writeLoadWarnings(loaded: LoadedRules, io: Io): void {
  if (loaded.warnings.length === 0) return;
  io.stderr.write(t('hunt.warnings') + '\n');
  for (const w of loaded.warnings) {
    const where = `${relative(process.cwd(), w.file)}${w.line !== undefined ? `:${w.line}` : ''}`;
    io.stderr.write(terminalSafe(`  ${t('hunt.warning', { where, title: w.title ?? w.id ?? '', message: w.message })}`) + '\n');
  }
}
