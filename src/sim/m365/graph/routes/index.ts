// Every Graph route the fake serves, in match order (literal paths before {id} placeholders).
import type { GraphRoute } from '../route.ts';
import { applicationRoutes } from './applications.ts';
import { auditLogRoutes } from './audit-logs.ts';
import { authMethodRoutes } from './auth-methods.ts';
import { billingRoutes } from './billing.ts';
import { deletedItemRoutes } from './deleted-items.ts';
import { deltaRoutes } from './delta.ts';
import { domainRoutes } from './domains.ts';
import { organizationRoutes } from './organization.ts';
import { policyRoutes } from './policies.ts';
import { reportRoutes } from './reports.ts';
import { roleRoutes } from './roles.ts';
import { securityAuditRoutes } from './security-audit.ts';
import { userRoutes } from './users.ts';

export const GRAPH_ROUTES: readonly GraphRoute[] = [
  ...deltaRoutes,
  ...organizationRoutes,
  ...domainRoutes,
  ...authMethodRoutes,
  ...userRoutes,
  ...roleRoutes,
  ...deletedItemRoutes,
  ...billingRoutes,
  ...policyRoutes,
  ...applicationRoutes,
  ...auditLogRoutes,
  ...reportRoutes,
  ...securityAuditRoutes,
];
