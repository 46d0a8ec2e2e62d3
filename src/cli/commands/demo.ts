// `takeback demo`: replays the case takeback is built from against a simulated tenant on loopback,
// through the same scan path a real tenant takes (only the base URLs and the CA differ).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import { terminalSafe } from '../../core/sanitize.ts';
import { startFakeM365 } from '../../sim/m365/start.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { reportScan, runScan } from './scan.ts';

export interface DemoCommandOptions {
  json: boolean;
  /** Keep the default per-user store instead of a fresh one for the demo. */
  storeGiven: boolean;
}

export async function demoCommand(opts: DemoCommandOptions, global: GlobalOptions, io: Io): Promise<number> {
  const store = opts.storeGiven ? global.store : join(mkdtempSync(join(tmpdir(), 'takeback-demo-')), 'demo.db');
  const fake = await startFakeM365({ scenario: 'seed-case', seed: 1 });
  try {
    if (!opts.json) io.stdout.write(terminalSafe(t('demo.intro', { url: fake.origin })) + '\n\n');
    const outcome = await runScan(
      {
        tenantId: fake.tenantId,
        clientId: fake.clientId,
        authorityHost: fake.authorityHost,
        graphRoot: fake.graphRoot,
        auth: { kind: 'secret', secret: fake.clientSecret },
        ca: fake.caPem,
      },
      'demo',
      opts.json,
      { ...global, store },
      io,
    );
    // The demo shows what a scan finds; it succeeds when it ran, whatever it found.
    reportScan(outcome, { json: opts.json, failOn: 'critical', extra: { demo: true } }, io);
    if (!opts.json) io.stdout.write('\n' + terminalSafe(t('demo.next', { store })) + '\n');
  } finally {
    await fake.close();
  }
  return EXIT.ok;
}
