// Microsoft 365 Defender advanced hunting rows (`Timestamp`, `ActionType`, …): DeviceEvents,
// IdentityDirectoryEvents, CloudAppEvents and the like. Only CloudAppEvents rows that carry the original
// UAL record in `RawEventData` become events (through the UAL normaliser, so they get the UAL record's
// id and meet the same record imported from Purview or Log Analytics); the rest is endpoint or on-premises
// directory telemetry, which takeback does not analyse, and is skipped with a reason.
import type { CanonicalEvent } from '../../../core/event.ts';
import { jsonObject } from '../../common/json-text.ts';
import { RecordError, type NormaliseOptions } from '../../common/normalise.ts';
import { str, type Obj } from '../../common/values.ts';
import { normaliseUalRecord } from './ual-record.ts';

export function isDefenderRow(o: Obj): boolean {
  return 'Timestamp' in o && 'ActionType' in o;
}

export function normaliseDefenderRow(row: Obj, opts: NormaliseOptions = {}): CanonicalEvent {
  const ual = jsonObject(row.RawEventData);
  if (ual !== undefined && str(ual.Operation) !== undefined && ual.CreationTime !== undefined) {
    return normaliseUalRecord(ual, { ...opts, raw: opts.raw ?? row });
  }
  throw new RecordError('import.skip.defender', { actionType: str(row.ActionType) ?? '?' }, true);
}
