// `takeback assess`: posture checks on the latest snapshot of each tenant, with drift and accepted risks.
import { formatAssessment } from '../../assess/index.ts';
import { EXIT } from '../../core/errors.ts';
import { currentLang, t } from '../../core/i18n.ts';
import { safeJson, terminalSafe } from '../../core/sanitize.ts';
import { openStore } from '../../store/open.ts';
import { assessTenant } from '../assessment.ts';
import type { GlobalOptions, Io } from '../context.ts';

export interface AssessCommandOptions {
  tenant?: string;
  accept?: string;
  json: boolean;
}

export async function assessCommand(opts: AssessCommandOptions, global: GlobalOptions, io: Io): Promise<number> {
  const store = openStore(global.store, { mustExist: true });
  const results = [];
  try {
    const tenants = opts.tenant ? [opts.tenant] : await store.snapshotTenants();
    if (tenants.length === 0) {
      io.stderr.write(t('assess_cmd.no_snapshot') + '\n');
      return EXIT.usage;
    }
    for (const tenant of tenants) {
      const run = await assessTenant(store, tenant, opts.accept);
      if (!run.result) {
        io.stderr.write(terminalSafe(t('assess_cmd.tenant_missing', { tenant })) + '\n');
        continue;
      }
      results.push(run.result);
      if (!opts.json) io.stdout.write(terminalSafe(t('scan.tenant', { name: tenant, id: tenant })) + '\n' + formatAssessment(run.result, currentLang()) + '\n');
    }
  } finally {
    await store.close();
  }
  if (opts.json) io.stdout.write(safeJson(results.length === 1 ? results[0] : results, 2) + '\n');
  return results.length > 0 ? EXIT.ok : EXIT.usage;
}
