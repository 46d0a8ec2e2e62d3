// TB-AAD-002: at least two emergency access accounts: cloud-only Global Administrators on the initial
// *.onmicrosoft.com domain, enabled. They are the way back in when every normal admin is locked out;
// declared in config, else recognised (excluded from all Conditional Access, or named so).
import type { Principal, Snapshot } from '../../../../core/snapshot.ts';
import { adminUsers, domainOf, initialDomain } from '../../../m365/directory.ts';
import { declaredEmergency, detectEmergency } from '../../../m365/emergency.ts';
import { fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, Item } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const initial = initialDomain(s);
  const globalAdmins = new Set(adminUsers(s).filter((h) => h.globalAdmin).map((h) => h.id.toLowerCase()));
  const declared = declaredEmergency(s, ctx);
  const items: Item[] = [];
  const notes: Item[] = [];
  let accounts: Principal[];
  if (declared) {
    for (const missing of declared.missing) items.push(item('declaredMissing', { account: missing }, { kind: 'user', id: missing }));
    accounts = declared.found;
  } else {
    const detected = detectEmergency(s);
    accounts = detected.flatMap((d) => (d.holder.principal ? [d.holder.principal] : []));
    for (const d of detected) notes.push(item(d.how === 'name' ? 'detectedByName' : 'detectedByExclusion', { account: d.holder.principal?.upn ?? d.holder.id }));
  }
  let good = 0;
  for (const p of accounts) {
    const account = p.upn ?? p.id;
    const subject = { kind: 'user', id: p.id, name: account };
    const problems: Item[] = [];
    if (!globalAdmins.has(p.id.toLowerCase())) problems.push(item('notGlobalAdmin', { account }, subject));
    if (p.enabled === false) problems.push(item('disabled', { account }, subject));
    if (p.synced === true) problems.push(item('synced', { account }, subject));
    if (initial === undefined || (p.upn !== undefined && domainOf(p.upn) !== initial)) problems.push(item('notInitialDomain', { account, domain: initial ?? '*.onmicrosoft.com' }, subject));
    if (problems.length === 0) good++;
    items.push(...problems);
  }
  if (good >= 2 && items.length === 0) return pass(...notes);
  if (good < 2) items.unshift(item('tooFew', { count: good }));
  if (!declared) items.push(item('notDeclared'));
  return fail(items, [{ target: 'emergencyAccessAccounts', current: good, wanted: { count: 2, role: 'Global Administrator', domain: initial ?? '*.onmicrosoft.com', cloudOnly: true } }]);
}
