// A source's outcome as the snapshot states it. Graph's two 403s mean different things: the token
// lacks a permission (Authorization_RequestDenied), or the tenant lacks a licence (the non-premium
// code); neither is an error, and neither is "nothing found".
import type { SourceStatus } from '../../core/snapshot.ts';
import { M365AuthError, GraphError } from './errors.ts';
import { ENTRA_P1, SOURCES, type SourceName } from './sources.ts';

const NON_PREMIUM = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

export function statusFromError(error: unknown, source: SourceName): SourceStatus {
  const needs: { permission: string; licence?: string } = SOURCES[source];
  if (error instanceof GraphError) {
    const detail = `${error.endpoint}: ${error.status} ${error.graphCode}${error.graphMessage ? ` ${error.graphMessage}` : ''}`;
    if (error.status === 403 && error.graphCode === NON_PREMIUM) return { state: 'unlicensed', licence: needs.licence ?? ENTRA_P1, detail };
    if (error.status === 403) return { state: 'denied', permission: needs.permission, detail };
    return { state: 'error', detail };
  }
  return { state: 'error', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs one source's collector and records its status. A sign-in failure is not a source's problem:
 * it is thrown on, since every other source would fail the same way.
 */
export async function runSource<T>(source: SourceName, statuses: Record<string, SourceStatus>, collect: () => Promise<T>): Promise<T | undefined> {
  try {
    const result = await collect();
    statuses[source] = { state: 'ok' };
    return result;
  } catch (error) {
    if (error instanceof M365AuthError) throw error;
    statuses[source] = statusFromError(error, source);
    return undefined;
  }
}
