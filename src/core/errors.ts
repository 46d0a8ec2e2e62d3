// Typed errors: thrown anywhere, caught once at the CLI edge (src/cli/main.ts), which prints the
// localised message for `code` and exits with `exitCode`. No stack trace for a user error.

export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  findings: 3,
  partial: 4,
} as const;

export class TakebackError extends Error {
  /** A stable code; also the i18n key under `errors.` for the message shown to the user. */
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly exitCode: number;

  constructor(
    code: string,
    params: Record<string, string | number> = {},
    options: { cause?: unknown; exitCode?: number } = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TakebackError';
    this.code = code;
    this.params = params;
    this.exitCode = options.exitCode ?? EXIT.error;
  }
}

export function isTakebackError(e: unknown): e is TakebackError {
  return e instanceof TakebackError;
}
