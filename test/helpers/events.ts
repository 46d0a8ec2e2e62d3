// Builds canonical events for tests that need a store but not an importer.
import type { Action } from '../../src/core/actions.ts';
import { stableEventId, type CanonicalEvent } from '../../src/core/event.ts';

let counter = 0;

export function makeEvent(overrides: Partial<CanonicalEvent> & { nativeId?: string } = {}): CanonicalEvent {
  const n = ++counter;
  const { nativeId, ...rest } = overrides;
  const action: Action = rest.action ?? 'user.created';
  return {
    id: stableEventId('m365', 'entra.audit', nativeId ?? `test-${n}`),
    tenant: 'tenant-a',
    provider: 'm365',
    source: 'entra.audit',
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    action,
    nativeAction: 'Add user',
    actor: { kind: 'user', name: `admin${n % 3}@contoso.com`, id: `actor-${n % 3}`, ip: `203.0.113.${n % 5}` },
    targets: [{ kind: 'user', name: `user${n}@contoso.com`, id: `target-${n}` }],
    changes: [],
    result: 'success',
    raw: { id: nativeId ?? `test-${n}`, note: `record ${n}` },
    ...rest,
  };
}
