// OData query options as Graph reads them ($top, $select, $filter, $skiptoken, $expand, $orderby)
// and the collection envelope it answers with (@odata.context, value, @odata.nextLink).
import type { Reply } from '../../http/types.ts';
import { badRequest, SimError } from '../../tenant/sim-error.ts';
import type { GraphContext } from '../route.ts';
import { FilterSyntaxError, parseFilter, type FilterNode } from './filter-parse.ts';
import { pathsOf } from './filter-eval.ts';

export function readTop(ctx: GraphContext, defaultTop: number, maxTop: number): number {
  const raw = ctx.query.get('$top');
  if (raw === null) return defaultTop;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || top > maxTop) {
    throw new SimError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${raw}'. Must be between 1 and ${maxTop} inclusive.`);
  }
  return top;
}

export function readSelect(ctx: GraphContext): string[] | undefined {
  const raw = ctx.query.get('$select');
  if (raw === null || raw.trim() === '') return undefined;
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

export interface FilterSupport {
  /** Entity name for error messages, e.g. "User". */
  entity: string;
  /** Property paths (slash separated) a filter may touch. */
  properties: string[];
}

export function readFilter(ctx: GraphContext, support: FilterSupport): FilterNode | undefined {
  const raw = ctx.query.get('$filter');
  if (raw === null || raw.trim() === '') return undefined;
  let node: FilterNode;
  try {
    node = parseFilter(raw);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new SimError(400, 'BadRequest', `Invalid filter clause: ${error.message}`);
    throw error;
  }
  const allowed = new Set(support.properties.map((p) => p.toLowerCase()));
  for (const path of pathsOf(node)) {
    if (!allowed.has(path.toLowerCase())) {
      throw new SimError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${path}' of resource '${support.entity}'.`);
    }
  }
  return node;
}

/** Keeps only the selected properties (annotations such as @odata.type always stay). */
export function project<T extends object>(item: T, select: string[] | undefined): Record<string, unknown> {
  const source = item as Record<string, unknown>;
  if (!select) return { ...source };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) if (key.startsWith('@')) out[key] = value;
  for (const name of select) if (name in source) out[name] = source[name];
  return out;
}

export function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeToken<T>(ctx: GraphContext, name: '$skiptoken' | '$deltatoken'): T | undefined {
  const raw = ctx.query.get(name);
  if (raw === null) return undefined;
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as T;
  } catch {
    throw badRequest(`The ${name} value '${raw.slice(0, 20)}' is not valid.`, 'BadRequest');
  }
}

/** The request's own URL with one token replaced, keeping every other query option as sent. */
export function linkWith(ctx: GraphContext, path: string, token: { name: '$skiptoken' | '$deltatoken'; value: string }, keepQuery = true): string {
  const parts: string[] = [];
  if (keepQuery) {
    for (const [key, value] of ctx.query) if (key !== '$skiptoken' && key !== '$deltatoken') parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  parts.push(`${token.name}=${token.value}`);
  return `${ctx.serviceRoot}${path}?${parts.join('&')}`;
}

export function contextUrl(ctx: GraphContext, fragment: string): string {
  return `${ctx.serviceRoot}/$metadata#${fragment}`;
}

export function collectionReply(ctx: GraphContext, fragment: string, value: unknown[], nextSkipToken?: object): Reply {
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, fragment) };
  if (nextSkipToken) body['@odata.nextLink'] = linkWith(ctx, ctx.path, { name: '$skiptoken', value: encodeToken(nextSkipToken) });
  body.value = value;
  return { status: 200, body };
}

export function entityReply(ctx: GraphContext, fragment: string, entity: Record<string, unknown>): Reply {
  return { status: 200, body: { '@odata.context': contextUrl(ctx, fragment), ...entity } };
}

/** Pages an in-memory list by offset (small collections: roles, apps, policies...). */
export function pageList<T>(ctx: GraphContext, items: T[], defaultTop: number, maxTop: number): { page: T[]; next?: { offset: number } } {
  const top = readTop(ctx, defaultTop, maxTop);
  const offset = decodeToken<{ offset: number }>(ctx, '$skiptoken')?.offset ?? 0;
  const page = items.slice(offset, offset + top);
  return offset + top < items.length ? { page, next: { offset: offset + top } } : { page };
}
