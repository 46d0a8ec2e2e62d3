// `takeback verify`: walks every tenant's hash chain and reports edited, inserted or deleted events.
import { EXIT } from '../../core/errors.ts';
import { t } from '../../core/i18n.ts';
import { safeJson, terminalSafe } from '../../core/sanitize.ts';
import { openStore } from '../../store/open.ts';
import type { VerifyProblem } from '../../store/store.ts';
import type { GlobalOptions, Io } from '../context.ts';

export async function verifyCommand(opts: { json: boolean }, global: GlobalOptions, io: Io): Promise<number> {
  const store = openStore(global.store, { mustExist: true });
  let result;
  try {
    result = await store.verify();
  } finally {
    await store.close();
  }
  // A problem's sentence in the chosen language; JSON keeps its code and values beside it.
  const detail = (p: VerifyProblem): string => t(`verify.reason.${p.reason}`, p.params);
  if (opts.json) {
    const problems = result.problems.map((p) => ({ ...p, detail: detail(p) }));
    io.stdout.write(safeJson({ store: global.store, ...result, problems }, 2) + '\n');
  } else {
    for (const tenant of result.tenants) {
      const name = tenant.tenant === '' ? t('tenant.unnamed') : tenant.tenant;
      io.stdout.write(terminalSafe(t('verify.tenant', { tenant: name, count: tenant.events, head: tenant.head })) + '\n');
    }
    for (const p of result.problems) {
      if (p.reason === 'chain_gap_range') {
        io.stdout.write(terminalSafe(t('verify.problem.deleted_range', { tenant: p.tenant, ...p.params })) + '\n');
        continue;
      }
      io.stdout.write(
        terminalSafe(
          t(`verify.problem.${p.kind}`, {
            tenant: p.tenant,
            position: p.position,
            id: p.eventId ?? '?',
            time: p.time ?? '?',
            action: p.action ?? '?',
            detail: detail(p),
          }),
        ) + '\n',
      );
    }
    io.stdout.write((result.ok ? t('verify.ok') : t('verify.failed', { count: result.problems.length })) + '\n');
  }
  return result.ok ? EXIT.ok : EXIT.findings;
}
