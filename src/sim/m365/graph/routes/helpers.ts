// Small pieces the route files share.
import type { Reply } from '../../http/types.ts';
import { badRequest } from '../../tenant/sim-error.ts';
import type { GraphContext } from '../route.ts';

export function bodyObject(ctx: GraphContext): Record<string, unknown> {
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) {
    throw badRequest('Empty Payload. JSON content expected.', 'BadRequest');
  }
  return ctx.body as Record<string, unknown>;
}

export const NO_CONTENT: Reply = { status: 204 };

export function now(ctx: GraphContext): number {
  return ctx.state.clock.now();
}
