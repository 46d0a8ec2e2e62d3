// Runs the fake tenant on its own for poking by hand:
//   node --import tsx src/sim/m365/serve.ts --scenario seed-case [--seed 1] [--licence p1]
// Prints the URLs and credentials, then serves until Ctrl-C.
import { parseArgs } from 'node:util';
import { isScenarioId, SCENARIOS } from './scenarios/registry.ts';
import { startFakeM365 } from './start.ts';
import type { Licence } from './tenant/model.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'seed-case' },
    seed: { type: 'string', default: '1' },
    now: { type: 'string' },
    licence: { type: 'string' },
    users: { type: 'string' },
    'audit-events': { type: 'string' },
    'sign-ins': { type: 'string' },
    days: { type: 'string' },
    'latency-ms': { type: 'string' },
    'no-throttle': { type: 'boolean', default: false },
    'device-approval': { type: 'string', default: 'manual' },
    help: { type: 'boolean', default: false },
  },
});

const number = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

if (values.help || !isScenarioId(values.scenario)) {
  process.stdout.write(
    `usage: serve.ts --scenario ${Object.keys(SCENARIOS).join('|')} [--seed N] [--now ISO] [--licence free|p1|p2]\n` +
      '                [--users N] [--audit-events N] [--sign-ins N] [--days N] [--latency-ms N] [--no-throttle]\n' +
      '                [--device-approval manual|auto|decline]\n',
  );
  process.exit(values.help ? 0 : 2);
}

const licence = values.licence as Licence | undefined;
if (licence !== undefined && !['free', 'p1', 'p2'].includes(licence)) throw new Error(`--licence must be free, p1 or p2, not ${licence}`);

const fake = await startFakeM365({
  scenario: { id: values.scenario, users: number(values.users), auditEvents: number(values['audit-events']), signIns: number(values['sign-ins']), days: number(values.days) },
  seed: Number(values.seed),
  now: values.now,
  licence,
  latencyMs: number(values['latency-ms']),
  faults: values['no-throttle'] ? { reportingThrottle: false, conditionalAccessThrottle: false } : {},
  deviceCode: { approval: values['device-approval'] as 'manual' | 'auto' | 'decline' },
});

const lines = [
  `fake Microsoft 365 tenant: ${fake.scenario.title}`,
  `  scenario        ${fake.scenario.id} (seed ${values.seed}, licence ${fake.state.licence})`,
  `  tenant id       ${fake.tenantId}`,
  `  Graph           ${fake.graphBaseUrl}   (beta: ${fake.graphBetaUrl})`,
  `  authority       ${fake.authority}   (msal knownAuthorities: ['${fake.knownAuthority}'])`,
  `  client id       ${fake.clientId}`,
  `  client secret   ${fake.clientSecret}`,
  `  certificate     SHA-256 ${fake.clientCertificate.thumbprintSha256}`,
  `  device sign-in  ${fake.origin}/devicelogin`,
  `  CA file         ${fake.caFile}   (NODE_EXTRA_CA_CERTS / curl --cacert)`,
  '',
  'try:',
  `  TOKEN=$(curl -s --cacert ${fake.caFile} ${fake.authority}/oauth2/v2.0/token -d grant_type=client_credentials -d client_id=${fake.clientId} --data-urlencode 'client_secret=${fake.clientSecret}' -d scope=https://graph.microsoft.com/.default | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')`,
  `  curl -s --cacert ${fake.caFile} -H "Authorization: Bearer $TOKEN" '${fake.graphBaseUrl}/auditLogs/directoryAudits?$top=5'`,
  '',
  'story:',
  ...fake.scenario.storyline.map((s) => `  ${s.at}  ${s.malicious ? '!' : ' '} ${s.actor}: ${s.what}${s.auditActivity ? `  [${s.auditActivity}]` : ''}`),
  '',
  'Ctrl-C stops it.',
];
process.stdout.write(`${lines.join('\n')}\n`);

const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
