// Where the store lives: --store PATH, else TAKEBACK_STORE, else the per-user data directory.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EvidenceStore } from './store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'takeback', 'takeback.db');
}

export function resolveStorePath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(explicit || env.TAKEBACK_STORE || defaultStorePath(env));
}

export interface OpenStoreOptions {
  /**
   * Only open a store that exists (commands that read it): a mistyped path is an error, not a new
   * empty store that `events` finds nothing in and `verify` calls complete.
   */
  mustExist?: boolean;
}

export function openStore(path: string, options: OpenStoreOptions = {}): EvidenceStore {
  return new SqliteStore(path, options);
}
