// Connection profiles: where and as whom to reach a tenant. A profile never holds a secret: it
// names the environment variable or the key file that does, so nothing secret lands on disk in
// takeback's files, in logs or in the store.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { TakebackError } from '../core/errors.ts';

export type ProfileAuth =
  | { kind: 'secret'; secretEnv: string }
  | { kind: 'certificate'; certificatePath: string; keyPath: string }
  | { kind: 'deviceCode'; tokenCachePath: string };

export interface M365Profile {
  name: string;
  provider: 'm365';
  tenantId: string;
  clientId: string;
  authorityHost?: string;
  graphRoot?: string;
  auth: ProfileAuth;
  /** Accounts that must never be removed or disabled by a plan (break-glass). */
  breakGlass?: string[];
  createdAt: string;
}

export type Profile = M365Profile;

/**
 * A name an environment variable can have. A client secret pasted where the variable's name belongs
 * (Entra secrets hold '~' and '.') is not one, so it is refused before it is saved or echoed.
 */
export function isEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TAKEBACK_CONFIG_DIR || join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'takeback');
}

function profilesFile(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'profiles.json');
}

export function loadProfiles(env: NodeJS.ProcessEnv = process.env): Profile[] {
  const file = profilesFile(env);
  if (!existsSync(file)) return [];
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { profiles: Profile[] }).profiles;
  } catch (cause) {
    throw new TakebackError('profile.unreadable', { file, detail: (cause as Error).message }, { cause });
  }
}

export function saveProfile(profile: Profile, env: NodeJS.ProcessEnv = process.env): string {
  const file = profilesFile(env);
  const profiles = loadProfiles(env).filter((p) => p.name !== profile.name);
  profiles.push(profile);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Write then rename, so an interrupted save never leaves a half-written file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ profiles }, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  chmodSync(file, 0o600);
  return file;
}

/** The named profile, or the only one there is. */
export function findProfile(name: string | undefined, env: NodeJS.ProcessEnv = process.env): Profile {
  const profiles = loadProfiles(env);
  if (name !== undefined) {
    const found = profiles.find((p) => p.name === name || p.tenantId === name);
    if (!found) throw new TakebackError('profile.not_found', { name, known: profiles.map((p) => p.name).join(', ') || '-' }, { exitCode: 2 });
    return found;
  }
  if (profiles.length === 1) return profiles[0]!;
  if (profiles.length === 0) throw new TakebackError('profile.none', {}, { exitCode: 2 });
  throw new TakebackError('profile.ambiguous', { known: profiles.map((p) => p.name).join(', ') }, { exitCode: 2 });
}

export function defaultTokenCachePath(profileName: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(configDir(env), 'tokens', `${profileName.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}
