// Directory role assignments (tenant-wide scope) and the directoryRole objects they activate.
// /directoryRoles lists only activated roles, and a role stays activated once used, as in Entra.
import type { ChangeSequence } from './change-sequence.ts';
import type { SimRoleAssignment } from './model.ts';
import { roleAssignmentId } from '../util/ids.ts';

export interface RoleMemberChange {
  seq: number;
  templateId: string;
  principalId: string;
  added: boolean;
}

export class RoleStore {
  private readonly assignments: SimRoleAssignment[] = [];
  /** templateId -> directoryRole object id, in activation order. */
  private readonly activated = new Map<string, string>();
  private readonly changes: RoleMemberChange[] = [];

  constructor(
    private readonly sequence: ChangeSequence,
    private readonly directoryRoleId: (templateId: string) => string,
  ) {}

  all(): SimRoleAssignment[] {
    return [...this.assignments];
  }

  get(assignmentId: string): SimRoleAssignment | undefined {
    return this.assignments.find((a) => a.id === assignmentId);
  }

  find(templateId: string, principalId: string): SimRoleAssignment | undefined {
    return this.assignments.find((a) => a.roleDefinitionId === templateId && a.principalId === principalId);
  }

  ofPrincipal(principalId: string): SimRoleAssignment[] {
    return this.assignments.filter((a) => a.principalId === principalId);
  }

  membersOf(templateId: string): string[] {
    return this.assignments.filter((a) => a.roleDefinitionId === templateId).map((a) => a.principalId);
  }

  add(templateId: string, principalId: string): SimRoleAssignment {
    const existing = this.find(templateId, principalId);
    if (existing) return existing;
    this.activate(templateId);
    const assignment = { id: roleAssignmentId(templateId, principalId), principalId, roleDefinitionId: templateId, directoryScopeId: '/' };
    this.assignments.push(assignment);
    this.changes.push({ seq: this.sequence.next(), templateId, principalId, added: true });
    return assignment;
  }

  remove(assignmentId: string): SimRoleAssignment | undefined {
    const index = this.assignments.findIndex((a) => a.id === assignmentId);
    if (index < 0) return undefined;
    const [removed] = this.assignments.splice(index, 1);
    if (removed) this.changes.push({ seq: this.sequence.next(), templateId: removed.roleDefinitionId, principalId: removed.principalId, added: false });
    return removed;
  }

  activate(templateId: string): string {
    let id = this.activated.get(templateId);
    if (!id) {
      id = this.directoryRoleId(templateId);
      this.activated.set(templateId, id);
    }
    return id;
  }

  /** Activated roles as [templateId, objectId]. */
  activatedRoles(): [string, string][] {
    return [...this.activated.entries()];
  }

  templateOfRoleObject(objectId: string): string | undefined {
    for (const [templateId, id] of this.activated) if (id === objectId) return templateId;
    return undefined;
  }

  changesBetween(afterSeq: number, uptoSeq: number): RoleMemberChange[] {
    return this.changes.filter((c) => c.seq > afterSeq && c.seq <= uptoSeq);
  }
}
