// TB-AAD-003: the emergency accounts are left out of every Conditional Access policy that could lock
// them out (a policy that only asks them for phishing-resistant MFA is fine). A policy that blocks
// or demands a device the emergency account does not have defeats its purpose.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { appliesTo, enabledPolicies } from '../../../m365/conditional-access.ts';
import { roleHolders } from '../../../m365/directory.ts';
import { declaredEmergency, detectEmergency } from '../../../m365/emergency.ts';
import { configMissing, dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  // Recognising them by exclusion would be circular here: only declared or named accounts count.
  const accounts = declaredEmergency(s, ctx)?.found ?? detectEmergency(s).filter((d) => d.how === 'name').flatMap((d) => (d.holder.principal ? [d.holder.principal] : []));
  if (accounts.length === 0) return configMissing('breakGlass');
  const roles = new Map(roleHolders(s).map((h) => [h.id.toLowerCase(), h.roles]));
  const items: Item[] = [];
  const unknown: string[] = [];
  const toExclude = new Map<string, { policy: ReturnType<typeof enabledPolicies>[number]; ids: string[] }>();
  for (const policy of enabledPolicies(s.policies.conditionalAccess)) {
    if (policy.grant.phishingResistant && !policy.grant.block) continue;
    for (const p of accounts) {
      const applies = appliesTo(policy, { id: p.id, roles: roles.get(p.id.toLowerCase()) ?? [] });
      if (applies === 'unknown') unknown.push(policy.name);
      if (applies !== 'applies') continue;
      items.push(item('notExcluded', { account: p.upn ?? p.id, policy: policy.name }, { kind: 'user', id: p.id, name: p.upn ?? p.id }));
      const entry = toExclude.get(policy.id) ?? { policy, ids: [] };
      entry.ids.push(p.id);
      toExclude.set(policy.id, entry);
    }
  }
  if (items.length > 0) {
    const changes: FixChange[] = [...toExclude.values()].map(({ policy, ids }) => {
      const users = (policy.raw.conditions as { users?: { excludeUsers?: unknown } } | undefined)?.users;
      const current = Array.isArray(users?.excludeUsers) ? (users.excludeUsers as string[]) : [];
      const wanted = [...current, ...ids];
      return {
        target: `policies.conditionalAccess[${policy.id}].conditions.users.excludeUsers`,
        subject: { kind: 'conditionalAccessPolicy', id: policy.id, name: policy.name },
        current,
        wanted,
        graph: { method: 'PATCH', path: `/identity/conditionalAccess/policies/${policy.id}`, body: { conditions: { users: { excludeUsers: wanted } } } },
      };
    });
    return fail(items, changes);
  }
  if (unknown.length > 0) return dataMissing('groups', { policies: [...new Set(unknown)].join(', ') });
  return pass();
}
