// What every command gets from the global options.
import type { Lang } from '../core/i18n.ts';

export interface GlobalOptions {
  lang: Lang;
  /** Resolved store path (--store, TAKEBACK_STORE or the per-user default). */
  store: string;
}

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };
