// Google Workspace Reports API (applicationName, event name) → canonical action.
// STUB: the mapping work fills in the full table.
import type { Action } from '../../../core/actions.ts';

export type GoogleParams = Readonly<Record<string, string | boolean | number | readonly string[] | undefined>>;

export function googleAction(_application: string, eventName: string, _params: GoogleParams = {}): Action {
  switch (eventName) {
    case 'CREATE_USER':
      return 'user.created';
    default:
      return 'other';
  }
}
