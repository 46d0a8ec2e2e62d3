// `takeback connect m365`: stores a connection profile after checking that it really signs in.
import { resolve } from 'node:path';
import { EXIT } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import { safeJson, terminalSafe } from '../../core/sanitize.ts';
import { GraphClient } from '../../providers/m365/index.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { connectionFromProfile } from '../m365-connection.ts';
import { defaultTokenCachePath, isEnvName, saveProfile, type M365Profile, type ProfileAuth } from '../profiles.ts';

/** Microsoft Graph Command Line Tools: Microsoft's public client for delegated device-code sign-in. */
export const DEFAULT_PUBLIC_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export interface ConnectM365Options {
  tenant: string;
  clientId?: string;
  name?: string;
  certificate?: string;
  key?: string;
  clientSecretEnv?: string;
  authorityHost?: string;
  graphRoot?: string;
  breakGlass?: string[];
  test: boolean;
  json: boolean;
}

export async function connectM365Command(opts: ConnectM365Options, _global: GlobalOptions, io: Io): Promise<number> {
  const name = opts.name ?? opts.tenant;
  let auth: ProfileAuth;
  if (opts.certificate || opts.key) {
    if (!opts.certificate || !opts.key) {
      io.stderr.write(t('connect.certificate_pair') + '\n');
      return EXIT.usage;
    }
    auth = { kind: 'certificate', certificatePath: resolve(opts.certificate), keyPath: resolve(opts.key) };
  } else if (opts.clientSecretEnv) {
    if (!isEnvName(opts.clientSecretEnv)) {
      // Never echoed: it is most likely the secret itself.
      io.stderr.write(t('connect.secret_env_invalid') + '\n');
      return EXIT.usage;
    }
    auth = { kind: 'secret', secretEnv: opts.clientSecretEnv };
  } else {
    auth = { kind: 'deviceCode', tokenCachePath: defaultTokenCachePath(name) };
  }
  if (auth.kind !== 'deviceCode' && !opts.clientId) {
    io.stderr.write(t('connect.client_id_required') + '\n');
    return EXIT.usage;
  }
  const profile: M365Profile = {
    name,
    provider: 'm365',
    tenantId: opts.tenant,
    clientId: opts.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
    ...(opts.authorityHost ? { authorityHost: opts.authorityHost } : {}),
    ...(opts.graphRoot ? { graphRoot: opts.graphRoot } : {}),
    auth,
    ...(opts.breakGlass?.length ? { breakGlass: opts.breakGlass } : {}),
    createdAt: new Date().toISOString(),
  };

  let organization: { id?: string; displayName?: string } | undefined;
  if (opts.test) {
    const graph = new GraphClient(connectionFromProfile(profile, (m) => io.stderr.write(terminalSafe(m) + '\n')));
    try {
      [organization] = await graph.all<{ id?: string; displayName?: string }>('/organization?$select=id,displayName');
    } finally {
      graph.close();
    }
  }
  const file = saveProfile(profile);
  if (opts.json) {
    io.stdout.write(safeJson({ profile, file, organization: organization ?? null }, 2) + '\n');
  } else {
    if (organization) io.stdout.write(terminalSafe(t('connect.connected', { name: organization.displayName ?? '?', id: organization.id ?? '?' })) + '\n');
    io.stdout.write(terminalSafe(t('connect.saved', { name, file })) + '\n');
    if (auth.kind === 'secret') io.stdout.write(terminalSafe(t('connect.secret_note', { env: auth.secretEnv })) + '\n');
  }
  return EXIT.ok;
}
