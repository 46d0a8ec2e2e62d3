// Test helpers bound to one running fake: get a token the real way, call Graph paths.
import type { FakeM365 } from '../start.ts';
import { call, collectAll, type SimRequest, type SimResponse } from './https-client.ts';

export async function clientSecretToken(fake: FakeM365): Promise<string> {
  const res = await call(fake.caPem, `${fake.authority}/oauth2/v2.0/token`, {
    form: { grant_type: 'client_credentials', client_id: fake.clientId, client_secret: fake.clientSecret, scope: 'https://graph.microsoft.com/.default' },
  });
  const token = (res.json as { access_token?: unknown } | undefined)?.access_token;
  if (res.status !== 200 || typeof token !== 'string') throw new Error(`token request failed: ${res.status} ${res.text}`);
  return token;
}

/** Calls a Graph path ("/users?$top=5") on v1.0, or a full URL. */
export function graph(fake: FakeM365, pathOrUrl: string, token: string, options: SimRequest = {}): Promise<SimResponse> {
  const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${fake.graphBaseUrl}${pathOrUrl}`;
  return call(fake.caPem, url, { ...options, token });
}

export function graphAll(fake: FakeM365, path: string, token: string) {
  return collectAll(fake.caPem, path.startsWith('https://') ? path : `${fake.graphBaseUrl}${path}`, token);
}

export function errorOf(res: SimResponse): { code: string; message: string } {
  const error = (res.json as { error?: { code?: string; message?: string } } | undefined)?.error;
  return { code: error?.code ?? '', message: error?.message ?? '' };
}

export { call };
