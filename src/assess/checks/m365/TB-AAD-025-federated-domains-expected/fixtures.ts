import type { Snapshot } from '../../../../core/snapshot.ts';
import { DOMAIN } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

const federate = (s: Snapshot): void => {
  s.info!.domains.push({ name: `sso.${DOMAIN}`, verified: true, authentication: 'federated' });
};

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'a declared federation', patch: federate, ctx: (c) => (c.expected!.federatedDomains = [`sso.${DOMAIN}`]) },
    { name: 'nothing federated needs no list', ctx: (c) => delete c.expected!.federatedDomains },
    { name: 'domains read from the organisation', patch: (s) => (s.sources.domains = { state: 'denied', permission: 'Domain.Read.All' }) },
  ],
  fail: [{ name: 'a domain federated by an intruder', patch: federate, items: ['unexpectedFederation'], automated: false }],
  skip: [
    { name: 'federated, no list in the config', patch: federate, ctx: (c) => delete c.expected!.federatedDomains, reason: 'config-missing' },
    {
      name: 'neither domains nor organisation readable',
      patch: (s) => {
        s.sources.domains = { state: 'denied', permission: 'Domain.Read.All' };
        s.sources.organization = { state: 'denied', permission: 'Organization.Read.All' };
      },
      reason: 'source-denied',
    },
  ],
};
