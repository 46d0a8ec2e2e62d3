// Deterministic identifiers in the formats Entra uses, so generated data looks like the real thing.
import { Prng } from './prng.ts';

const hex = (n: number, width: number): string => (n >>> 0).toString(16).padStart(width, '0');

/** A version-4 shaped GUID drawn from a PRNG (formatted from four words: this runs per generated event). */
export function guidFrom(rng: Prng): string {
  const a = rng.nextUint32();
  const b = rng.nextUint32();
  const c = rng.nextUint32();
  const d = rng.nextUint32();
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex((b & 0x0fff) | 0x4000, 4)}-${hex(((c >>> 16) & 0x3fff) | 0x8000, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
}

export function guidFor(seed: number | string, ...labels: (string | number)[]): string {
  return guidFrom(Prng.for(seed, ...labels));
}

/**
 * A GUID whose last 8 hex digits carry an index: lazily generated users can then be found by id
 * without a lookup table, which keeps a 100,000-user tenant cheap.
 */
const indexedPrefixes = new Map<string, string>();

export function indexedGuid(seed: number | string, label: string, index: number): string {
  const key = `${seed}\u001f${label}`;
  let prefix = indexedPrefixes.get(key);
  if (prefix === undefined) {
    prefix = guidFor(seed, label, 'indexed').slice(0, 28);
    indexedPrefixes.set(key, prefix);
  }
  return prefix + (index >>> 0).toString(16).padStart(8, '0');
}

export function indexFromIndexedGuid(seed: number | string, label: string, id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined;
  const index = parseInt(id.slice(28), 16);
  return indexedGuid(seed, label, index) === id ? index : undefined;
}

/** The bytes of a GUID in .NET order (first three groups little-endian), as Entra encodes them. */
function guidBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, '');
  const b = Buffer.from(hex, 'hex');
  const swap = (start: number, length: number): void => {
    b.subarray(start, start + length).reverse();
  };
  swap(0, 4);
  swap(4, 2);
  swap(6, 2);
  return b;
}

/**
 * unifiedRoleAssignment ids for tenant-wide built-in role assignments are the base64url of the role
 * definition id's and the principal id's bytes together, followed by "-1" (see the Graph docs sample bodies).
 */
export function roleAssignmentId(roleDefinitionId: string, principalId: string): string {
  return `${Buffer.concat([guidBytes(roleDefinitionId), guidBytes(principalId)]).toString('base64url')}-1`;
}
