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

export function openStore(path: string): EvidenceStore {
  return new SqliteStore(path);
}
