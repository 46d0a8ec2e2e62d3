// When and how long to wait before trying a request again. Retry-After is obeyed when the service
// sends it; otherwise exponential backoff with full jitter, so parallel clients do not retry in step.
import { header, TransportError, type HttpResponse } from './http.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff ceiling; doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it (a broken header must not stall a scan for hours). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 60_000, maxRetryAfterMs: 300_000 };

/** 429 throttling and the transient 5xx answers; 501 (not implemented) will not change on retry. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status <= 599);
}

export function isRetryable(outcome: unknown): boolean {
  if (outcome instanceof TransportError) return outcome.retryable;
  const status = (outcome as Partial<HttpResponse> | undefined)?.status;
  return typeof status === 'number' && isRetryableStatus(status);
}

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(response: HttpResponse | undefined, now = Date.now()): number | undefined {
  if (!response) return undefined;
  const value = header(response.headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1). With Retry-After: exactly that
 * (capped). Without: a uniform draw from [0, min(max, base * 2^(attempt-1))].
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, response: HttpResponse | undefined, random: () => number = Math.random): number {
  const told = retryAfterMs(response);
  if (told !== undefined) return Math.min(told, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
