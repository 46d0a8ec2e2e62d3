/** A value that should be a string (from JSON or a token), or '' when it is not one. */
export function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}
