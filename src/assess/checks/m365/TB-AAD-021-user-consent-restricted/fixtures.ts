import { authorization } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'group owners may still consent for their groups', patch: (s) => (authorization(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned = ['ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team']) }],
  fail: [
    { name: 'the legacy default (the seed case)', patch: (s) => (authorization(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned = ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy']), items: ['usersCanConsent'], automated: true },
    { name: 'low-risk apps from verified publishers', patch: (s) => (authorization(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned = ['ManagePermissionGrantsForSelf.microsoft-user-default-low']), items: ['usersCanConsent'] },
  ],
  skip: [
    { name: 'policy unreadable', patch: (s) => (s.sources.authorizationPolicy = { state: 'denied', permission: 'Policy.Read.All' }), reason: 'source-denied' },
    { name: 'setting absent', patch: (s) => delete authorization(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned, reason: 'data-missing' },
  ],
};
