// Unified Audit Log `Operation` (with its trailing "." for Entra workloads) → canonical action.
// STUB: the mapping work fills in the full table.
import type { Action } from '../../../core/actions.ts';
import type { Change } from '../../../core/event.ts';
import { entraAction } from './entra-actions.ts';

export function ualAction(operation: string, changes: readonly Change[] = []): Action {
  const op = operation.trim();
  if (op.endsWith('.')) return entraAction(op.slice(0, -1), changes);
  return 'other';
}
