// Everything one simulated tenant holds. Scenarios fill it; operations change it; routes read it.
import { ChangeSequence } from './change-sequence.ts';
import type { DirectoryAuditRecord, SignInRecord } from './log-records.ts';
import type {
  DeletedUser,
  Licence,
  SimApplication,
  SimAuthorizationPolicy,
  SimConditionalAccessPolicy,
  SimDomain,
  SimOrganization,
  SimServicePrincipal,
  SimSku,
  SimSubscription,
  SimUser,
} from './model.ts';
import { RoleStore } from './role-store.ts';
import { TimeOrderedLog, type LazyRecords } from './time-ordered-log.ts';
import { UserStore, type LazyUsers } from './user-store.ts';
import { AuditQueryStore } from './audit-queries.ts';
import type { UalHint } from './ual-records.ts';
import { UnifiedAuditLog } from './unified-audit-log.ts';
import { guidFor } from '../util/ids.ts';
import { GUEST_USER_ROLE_ID } from './catalog.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The tenant's clock: scenario time that starts at `anchorMs` and runs with the wall clock. */
export class TenantClock {
  private readonly startedAt = Date.now();
  constructor(readonly anchorMs: number) {}
  now(): number {
    return this.anchorMs + (Date.now() - this.startedAt);
  }
}

export interface TenantStateInit {
  seed: number;
  tenantId: string;
  clock: TenantClock;
  licence: Licence;
  organization: SimOrganization;
  domains: SimDomain[];
  baseUsers: LazyUsers;
  /** Licences held by the generated population, per SKU id (so counting never walks it). */
  baseLicenceCounts: Map<string, number>;
  auditNoise?: LazyRecords<DirectoryAuditRecord>;
  signInNoise?: LazyRecords<SignInRecord>;
}

export class TenantState {
  readonly seed: number;
  readonly tenantId: string;
  readonly clock: TenantClock;
  licence: Licence;
  readonly sequence = new ChangeSequence();
  organization: SimOrganization;
  readonly domains: SimDomain[];
  readonly users: UserStore;
  readonly deletedUsers = new Map<string, DeletedUser>();
  readonly roles: RoleStore;
  readonly skus: SimSku[] = [];
  readonly subscriptions: SimSubscription[] = [];
  securityDefaultsEnabled = false;
  authorizationPolicy: SimAuthorizationPolicy;
  readonly conditionalAccessPolicies: SimConditionalAccessPolicy[] = [];
  readonly applications: SimApplication[] = [];
  readonly servicePrincipals: SimServicePrincipal[] = [];
  readonly auditLog: TimeOrderedLog<DirectoryAuditRecord>;
  readonly signInLog: TimeOrderedLog<SignInRecord>;
  /** The Unified Audit Log: both logs above as UAL records, kept 180 days whatever the licence. */
  readonly unifiedAuditLog: UnifiedAuditLog;
  readonly auditQueries = new AuditQueryStore();
  /** How long a delta link works (tenant clock): 7 days for directory objects, then 400 syncStateNotFound. */
  deltaTokenLifetimeMs = 7 * DAY_MS;
  private readonly baseLicenceCounts: Map<string, number>;

  constructor(init: TenantStateInit) {
    this.seed = init.seed;
    this.tenantId = init.tenantId;
    this.clock = init.clock;
    this.licence = init.licence;
    this.organization = init.organization;
    this.domains = init.domains;
    this.users = new UserStore(init.baseUsers, this.sequence);
    this.baseLicenceCounts = init.baseLicenceCounts;
    this.roles = new RoleStore(this.sequence, (templateId) => guidFor(init.seed, 'directoryRole', templateId));
    this.auditLog = new TimeOrderedLog(init.auditNoise);
    this.signInLog = new TimeOrderedLog(init.signInNoise);
    this.unifiedAuditLog = new UnifiedAuditLog(() => ({ seed: this.seed, tenantId: this.tenantId }), this.auditLog, this.signInLog);
    this.authorizationPolicy = {
      allowInvitesFrom: 'everyone',
      allowedToSignUpEmailBasedSubscriptions: true,
      allowedToUseSSPR: true,
      allowEmailVerifiedUsersToJoinOrganization: false,
      allowUserConsentForRiskyApps: null,
      blockMsolPowerShell: false,
      guestUserRoleId: GUEST_USER_ROLE_ID,
      defaultUserRolePermissions: {
        allowedToCreateApps: true,
        allowedToCreateSecurityGroups: true,
        allowedToCreateTenants: true,
        allowedToReadBitlockerKeysForOwnedDevice: true,
        allowedToReadOtherUsers: true,
        permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy'],
      },
    };
  }

  /** Per directory audit row id: what its UAL twin says that the row does not. */
  get ualHints(): Map<string, UalHint> {
    return this.unifiedAuditLog.hints;
  }

  get hasPremium(): boolean {
    return this.licence !== 'free';
  }

  /** Days of directory audit and sign-in history Graph returns (reference A.4). */
  get retentionDays(): number {
    return this.hasPremium ? 30 : 7;
  }

  /** Units of a SKU held by users: the population's count, corrected by the users that changed. */
  consumedUnits(skuId: string): number {
    const holds = (user: SimUser | undefined): number => (user?.assignedLicenses.some((l) => l.skuId === skuId) ? 1 : 0);
    let count = this.baseLicenceCounts.get(skuId) ?? 0;
    for (const [original, current] of this.users.differences()) count += holds(current) - holds(original);
    return count;
  }

  /** Purges soft-deleted users older than 30 days, as Entra does. */
  purgeExpiredDeletions(): void {
    const cutoff = this.clock.now() - 30 * DAY_MS;
    for (const [id, deleted] of this.deletedUsers) {
      if (Date.parse(deleted.deletedDateTime) < cutoff) this.deletedUsers.delete(id);
    }
  }
}
