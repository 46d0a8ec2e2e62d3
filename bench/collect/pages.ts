// The fewest Graph pages a full snapshot can take: every collection at its largest page size, one
// page for single objects, one request per admin for authentication methods. Counted from the fake
// tenant's own state, so the benchmark's yardstick does not depend on the collector it measures.
import { isAdminRole } from '../../src/providers/m365/map/roles.ts';
import type { FakeM365 } from '../../src/sim/m365/start.ts';

const pagesOf = (items: number, pageSize: number): number => Math.max(1, Math.ceil(items / pageSize));

export function minimalSnapshotPages(fake: FakeM365): number {
  const s = fake.state;
  const assignments = s.roles.all();
  const admins = new Set(assignments.filter((a) => isAdminRole(a.roleDefinitionId) && s.users.get(a.principalId)).map((a) => a.principalId));
  const federated = s.domains.filter((d) => d.authenticationType === 'Federated').length;
  return (
    1 + // organization
    1 + federated + // domains and their federation settings
    pagesOf(s.users.count, 999) + // users (delta)
    pagesOf(assignments.length, 999) +
    pagesOf(s.deletedUsers.size, 999) +
    1 + // subscribedSkus
    1 + // directory subscriptions
    1 + // security defaults
    pagesOf(s.conditionalAccessPolicies.length, 999) +
    1 + // authorization policy
    pagesOf(s.applications.length, 999) +
    pagesOf(s.servicePrincipals.length, 999) +
    2 + // whether the audit and sign-in logs are readable
    admins.size // authentication methods, per admin
  );
}

/** Pages the audit logs take at 1000 records a page. */
export function minimalLogPages(records: number): number {
  return pagesOf(records, 1000);
}
