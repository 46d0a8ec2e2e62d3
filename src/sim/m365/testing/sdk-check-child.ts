// Run in a child process started with NODE_EXTRA_CA_CERTS (the only way Node trusts a CA for its
// global fetch): signs in with @azure/msal-node and calls Graph with @microsoft/microsoft-graph-client
// against the fake, then prints one JSON line of what happened. The packages are loaded by name
// at run time, so this file compiles without them (they are optional for the project).

interface Settings {
  authority: string;
  knownAuthority: string;
  graphRoot: string;
  clientId: string;
  clientSecret: string;
  thumbprintSha256: string;
  privateKeyPem: string;
  tenantId: string;
}

interface TokenResult {
  accessToken: string;
  account?: { username?: string } | null;
}
interface MsalModule {
  ConfidentialClientApplication: new (config: object) => { acquireTokenByClientCredential(request: object): Promise<TokenResult | null> };
  PublicClientApplication: new (config: object) => { acquireTokenByDeviceCode(request: object): Promise<TokenResult | null> };
}
interface GraphRequest {
  top(n: number): GraphRequest;
  select(fields: string): GraphRequest;
  filter(expr: string): GraphRequest;
  get(): Promise<Record<string, unknown>>;
  patch(body: object): Promise<unknown>;
}
interface GraphModule {
  Client: { init(options: object): { api(path: string): GraphRequest } };
  PageIterator: new (client: unknown, page: object, callback: (item: unknown) => boolean) => { iterate(): Promise<void> };
}

async function load<T>(name: string): Promise<T> {
  return (await import(name)) as T;
}

async function main(): Promise<void> {
  const s = JSON.parse(process.env.SDK_CHECK_SETTINGS ?? '{}') as Settings;
  const msal = await load<MsalModule>('@azure/msal-node');
  const graphSdk = await load<GraphModule>('@microsoft/microsoft-graph-client');
  const auth = { clientId: s.clientId, authority: s.authority, knownAuthorities: [s.knownAuthority] };
  const out: Record<string, unknown> = {};

  const bySecret = await new msal.ConfidentialClientApplication({ auth: { ...auth, clientSecret: s.clientSecret } }).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
  out.secretToken = !!bySecret?.accessToken;
  const byCertificate = await new msal.ConfidentialClientApplication({
    auth: { ...auth, clientCertificate: { thumbprintSha256: s.thumbprintSha256, privateKey: s.privateKeyPem } },
  }).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
  out.certificateToken = !!byCertificate?.accessToken;
  let deviceMessage = '';
  const byDevice = await new msal.PublicClientApplication({ auth }).acquireTokenByDeviceCode({
    scopes: ['https://graph.microsoft.com/AuditLog.Read.All'],
    deviceCodeCallback: (response: { message: string }) => {
      deviceMessage = response.message;
    },
  });
  out.deviceCode = { token: !!byDevice?.accessToken, username: byDevice?.account?.username ?? null, message: deviceMessage };

  const token = bySecret?.accessToken ?? '';
  const client = graphSdk.Client.init({
    baseUrl: s.graphRoot,
    customHosts: new Set(['127.0.0.1']),
    authProvider: (done: (error: unknown, token: string) => void) => done(null, token),
  });
  const firstPage = await client.api('/users').top(7).select('id,displayName').get();
  const ids: unknown[] = [];
  await new graphSdk.PageIterator(client, firstPage, (user) => {
    ids.push((user as { id: unknown }).id);
    return true;
  }).iterate();
  out.users = ids.length;
  out.uniqueUsers = new Set(ids).size;
  const audits = await client.api('/auditLogs/directoryAudits').filter("activityDisplayName eq 'Delete user'").get();
  out.deleteUserRows = (audits.value as unknown[]).length;
  await client.api(`/organization/${s.tenantId}`).patch({ technicalNotificationMails: ['owner@kitahama-design.example'] });
  const org = await client.api('/organization').select('technicalNotificationMails').get();
  out.technicalNotificationMails = (org.value as { technicalNotificationMails: string[] }[])[0]?.technicalNotificationMails;
  // The first /subscribedSkus call is throttled with Retry-After: 1; the SDK's retry handler waits and retries.
  const started = Date.now();
  const skus = await client.api('/subscribedSkus').get();
  out.retried = { skus: (skus.value as unknown[]).length, waitedMs: Date.now() - started };
  try {
    await client.api('/auditLogs/signIns').get();
    out.signIns = 'ok';
  } catch (error) {
    const e = error as { statusCode?: number; code?: string };
    out.signIns = { statusCode: e.statusCode, code: e.code };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
