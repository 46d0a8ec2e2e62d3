// A record of every request the fake answered, for tests and benchmarks to count.
import type { RequestClass } from './types.ts';

export interface LoggedRequest {
  time: string;
  method: string;
  /** Path and query as requested. */
  path: string;
  /** 0 when the connection was dropped on purpose. */
  status: number;
  class: RequestClass;
  /** The injected fault, if one answered instead of the real service. */
  fault?: string;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  clear(): void {
    this.entries.length = 0;
  }

  count(predicate: (e: LoggedRequest) => boolean = () => true): number {
    return this.entries.filter(predicate).length;
  }
}
