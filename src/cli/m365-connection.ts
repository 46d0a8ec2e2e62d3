// Turns a stored profile into a live connection: reads the secret from its environment variable
// or the key from its file at the moment it is needed, never from takeback's own files.
import { readFileSync } from 'node:fs';
import { TakebackError } from '../core/errors.ts';
import type { M365Connection } from '../providers/m365/index.ts';
import { isEnvName, type M365Profile } from './profiles.ts';

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new TakebackError('profile.file_unreadable', { what, path, detail: (cause as Error).message }, { cause });
  }
}

export function connectionFromProfile(
  profile: M365Profile,
  onPrompt: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): M365Connection {
  const base = {
    tenantId: profile.tenantId,
    clientId: profile.clientId,
    ...(profile.authorityHost ? { authorityHost: profile.authorityHost } : {}),
    ...(profile.graphRoot ? { graphRoot: profile.graphRoot } : {}),
  };
  const auth = profile.auth;
  if (auth.kind === 'secret') {
    // A profile saved before names were checked may hold the secret itself: never echo it.
    if (!isEnvName(auth.secretEnv)) throw new TakebackError('profile.secret_env_invalid', { profile: profile.name }, { exitCode: 2 });
    const secret = env[auth.secretEnv];
    if (!secret) throw new TakebackError('profile.secret_missing', { env: auth.secretEnv, profile: profile.name }, { exitCode: 2 });
    return { ...base, auth: { kind: 'secret', secret } };
  }
  if (auth.kind === 'certificate') {
    return {
      ...base,
      auth: { kind: 'certificate', certificatePem: readPem(auth.certificatePath, 'certificate'), privateKeyPem: readPem(auth.keyPath, 'private key') },
    };
  }
  return { ...base, auth: { kind: 'deviceCode', onPrompt, tokenCachePath: auth.tokenCachePath } };
}
