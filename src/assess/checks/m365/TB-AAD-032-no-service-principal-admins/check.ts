// TB-AAD-032: no app (service principal) holds a privileged directory role. An app signs in with a
// secret or certificate, without MFA or Conditional Access; a role on it is an admin nobody sees.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { nameOf, roleHolders, roleNames, subjectOf } from '../../../m365/directory.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const privileged = roleHolders(s).filter((h) => h.privileged);
  const apps = privileged.filter((h) => h.principal?.kind === 'servicePrincipal');
  if (apps.length > 0) {
    return fail(
      apps.map((h) => item('appAdmin', { app: nameOf(h), roles: roleNames(h.roles) }, subjectOf(h))),
      apps.map((h) => ({ target: 'roleAssignments', subject: subjectOf(h), current: h.roles, wanted: [] })),
    );
  }
  const unnamed = privileged.filter((h) => h.principal === undefined);
  if (unnamed.length > 0) return dataMissing('unknownHolders', { ids: unnamed.map((h) => h.id).join(', ') });
  return pass();
}
