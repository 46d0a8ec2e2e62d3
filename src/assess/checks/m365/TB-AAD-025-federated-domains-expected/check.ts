// TB-AAD-025: no domain is federated with an identity provider the owner did not declare. A federated
// domain trusts that provider's tokens: whoever controls it can sign in as any user of the domain.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { configMissing, dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  if (!s.info) return dataMissing('domainsMissing');
  const federated = s.info.domains.filter((d) => d.authentication === 'federated');
  if (federated.length === 0) return pass();
  const declared = ctx.expected?.federatedDomains;
  if (declared === undefined) return configMissing('expected.federatedDomains');
  const ok = new Set(declared.map((d) => d.trim().toLowerCase()));
  const unexpected = federated.filter((d) => !ok.has(d.name.toLowerCase()));
  if (unexpected.length === 0) return pass();
  return fail(
    unexpected.map((d) => item('unexpectedFederation', { domain: d.name }, { kind: 'domain', id: d.name })),
    unexpected.map((d) => ({ target: 'domains.authenticationType', subject: { kind: 'domain', id: d.name }, current: 'federated', wanted: 'managed' })),
  );
}
