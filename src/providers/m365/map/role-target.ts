// Role targets by template id: Entra and the UAL name the role of "Add member to role" only in modified
// properties (Role.TemplateId, Role.DisplayName, Role.WellKnownObjectName). The canonical role target
// carries the template id, never just a display name (names are localised and renamed).
import type { Change, Target } from '../../../core/event.ts';
import { plainText } from '../../common/json-text.ts';
import { findRoleTemplate } from './roles.ts';

/** The role named by a record's modified properties, or undefined if it names none. */
export function roleTargetFromChanges(changes: readonly Change[]): Target | undefined {
  let templateId: string | undefined;
  let displayName: string | undefined;
  let wellKnown: string | undefined;
  let objectId: string | undefined;
  for (const c of changes) {
    const name = c.name;
    if (name.charCodeAt(0) !== 82 /* R */ || !name.startsWith('Role.')) continue;
    const value = plainText(c.new) ?? plainText(c.old);
    if (value === undefined) continue;
    switch (name) {
      case 'Role.TemplateId':
        templateId = value.toLowerCase();
        break;
      case 'Role.DisplayName':
        displayName = value;
        break;
      case 'Role.WellKnownObjectName':
        wellKnown = value;
        break;
      case 'Role.ObjectID':
        objectId = value;
        break;
    }
  }
  if (templateId === undefined && displayName === undefined && wellKnown === undefined) return undefined;
  const template =
    (templateId !== undefined ? findRoleTemplate(templateId) : undefined) ??
    (wellKnown !== undefined ? findRoleTemplate(wellKnown) : undefined) ??
    (displayName !== undefined ? findRoleTemplate(displayName) : undefined);
  const id = templateId ?? template?.templateId ?? objectId;
  const name = displayName ?? template?.name ?? wellKnown;
  const t: Target = { kind: 'role' };
  if (id !== undefined) t.id = id;
  if (name !== undefined) t.name = name;
  return t;
}

/**
 * `targets` with the role target named by template id: an existing `role` target (Graph lists the role
 * object) gets the template id and name; otherwise the role is appended.
 */
export function withRoleTarget(targets: Target[], changes: readonly Change[]): Target[] {
  if (changes.length === 0) return targets;
  const role = roleTargetFromChanges(changes);
  if (role === undefined) return targets;
  const i = targets.findIndex((t) => t.kind === 'role');
  if (i < 0) {
    targets.push(role);
    return targets;
  }
  const existing = targets[i]!;
  const merged: Target = { kind: 'role' };
  const id = role.id ?? existing.id;
  const name = role.name ?? existing.name;
  if (id !== undefined) merged.id = id;
  if (name !== undefined) merged.name = name;
  targets[i] = merged;
  return targets;
}
