// /reports/authenticationMethods/userRegistrationDetails (needs Entra ID P1/P2).
import { evaluate } from '../odata/filter-eval.ts';
import { collectionReply, decodeToken, project, readFilter, readSelect, readTop } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphRoute } from '../route.ts';
import { registrationDetailsJson } from '../shapes/reports.ts';

export const reportRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/reports/authenticationMethods/userRegistrationDetails',
    class: 'reports',
    permission: PERMISSIONS.auditLogRead,
    premium: true,
    handle: (ctx) => {
      const top = readTop(ctx, 100, 999);
      const filter = readFilter(ctx, {
        entity: 'userRegistrationDetails',
        properties: ['id', 'userPrincipalName', 'userDisplayName', 'userType', 'isAdmin', 'isMfaRegistered', 'isMfaCapable', 'isSsprRegistered', 'isPasswordlessCapable', 'methodsRegistered'],
      });
      const start = decodeToken<{ p: number }>(ctx, '$skiptoken')?.p ?? 0;
      const admins = new Set(ctx.state.roles.all().map((a) => a.principalId));
      const value: Record<string, unknown>[] = [];
      let next: { p: number } | undefined;
      for (const { position, user } of ctx.state.users.walk(start)) {
        if (value.length === top) {
          next = { p: position };
          break;
        }
        const json = registrationDetailsJson(user, admins.has(user.id));
        if (!filter || evaluate(filter, json)) value.push(project(json, readSelect(ctx)));
      }
      return collectionReply(ctx, 'reports/authenticationMethods/userRegistrationDetails', value, next);
    },
  },
];
