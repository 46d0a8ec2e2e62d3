// Short builders for check outcomes, so a check reads as its decision and nothing else.
import { fixOf } from './m365/fixes.ts';
import type { CheckOutcome, FixChange, Item, Param } from './types.ts';

export const pass = (...notes: Item[]): CheckOutcome => (notes.length > 0 ? { status: 'pass', notes } : { status: 'pass' });

export const fail = (items: Item[], changes: FixChange[]): CheckOutcome => ({ status: 'fail', items, fix: fixOf(changes) });

export const configMissing = (setting: string): CheckOutcome => ({ status: 'skipped', reason: { code: 'config-missing', setting } });

/** Part of the data is unknown; `what` is a message key of the check explaining which part. */
export const dataMissing = (what: string, params?: Record<string, Param>): CheckOutcome => ({
  status: 'skipped',
  reason: { code: 'data-missing', what, ...(params ? { params } : {}) },
});

export const item = (key: string, params?: Item['params'], subject?: Item['subject']): Item => ({
  key,
  ...(params ? { params } : {}),
  ...(subject ? { subject } : {}),
});
