// Typed failures of the Microsoft provider. Each names the endpoint (method and path, never the
// query or a token) so a user sees what failed; messages are redacted before they get here.
import { TakebackError } from '../../core/errors.ts';

export interface GraphFailure {
  /** e.g. `GET /v1.0/users/delta`. */
  endpoint: string;
  /** HTTP status; 0 when no response came (dropped connection, timeout). */
  status: number;
  /** Graph's `error.code`, or the transport error's code. */
  graphCode: string;
  message: string;
  attempts: number;
}

/** A Graph request that failed: a refusal (4xx), or a transient failure that outlasted the retries. */
export class GraphError extends TakebackError {
  readonly status: number;
  readonly graphCode: string;
  readonly endpoint: string;
  readonly graphMessage: string;

  constructor(failure: GraphFailure, options: { cause?: unknown } = {}) {
    const code = failure.attempts > 1 ? 'm365.graph.gave_up' : 'm365.graph.failed';
    super(
      code,
      { endpoint: failure.endpoint, status: failure.status, graphCode: failure.graphCode, message: failure.message, attempts: failure.attempts },
      options,
    );
    this.name = 'GraphError';
    this.status = failure.status;
    this.graphCode = failure.graphCode;
    this.endpoint = failure.endpoint;
    this.graphMessage = failure.message;
  }
}

/** Sign-in failed: wrong secret or certificate, declined device code, unknown tenant or app. */
export class M365AuthError extends TakebackError {
  constructor(reason: string, detail: string, options: { cause?: unknown } = {}) {
    super('m365.auth.failed', { reason, detail }, options);
    this.name = 'M365AuthError';
  }
}

export function isGraphError(e: unknown): e is GraphError {
  return e instanceof GraphError;
}
