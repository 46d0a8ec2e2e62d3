// Entra directory audit `activityDisplayName` → canonical action.
// STUB: the mapping work fills in the full table and the refinement by modified properties.
import type { Action } from '../../../core/actions.ts';
import type { Change } from '../../../core/event.ts';

/**
 * @param activity the record's activityDisplayName (or LA `OperationName`), exactly as written
 * @param changes the record's modified properties (names and JSON-text values as in the source)
 */
export function entraAction(activity: string, _changes: readonly Change[] = []): Action {
  switch (activity.trim()) {
    case 'Add user':
      return 'user.created';
    case 'Add member to role':
      return 'role.assigned';
    default:
      return 'other';
  }
}
