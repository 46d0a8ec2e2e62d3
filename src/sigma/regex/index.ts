// Sigma `re` values → linear-time matchers. JavaScript's RegExp backtracks (`(a+)+$` on 27 characters
// takes seconds), and rule files are untrusted input, so patterns run on our own automaton instead.
import { compileAutomaton, RegexTooLargeError } from './nfa.ts';
import { parseRegex, RegexSyntaxError, type Flags } from './parse.ts';
import { t } from '../../core/i18n.ts';

/** A pattern that cannot be used: `code` names its sentence (`sigma.error.<code>`), `params` fill it. */
export class RegexRejected extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number>,
    cause?: Error,
  ) {
    super(t(`sigma.error.${code}`, params), cause !== undefined ? { cause } : undefined);
  }
}

export interface SafeRegex {
  test(text: string): boolean;
}

/** Longest pattern accepted, in characters. */
const MAX_PATTERN = 4096;

/** Compiles a pattern or throws a RegexRejected that says why it cannot be used. */
export function compileRegex(pattern: string, flags: Partial<Flags> = {}): SafeRegex {
  if (pattern.length > MAX_PATTERN) throw new RegexRejected('regex_too_long', { limit: MAX_PATTERN });
  try {
    const node = parseRegex(pattern, { i: flags.i ?? false, m: flags.m ?? false, s: flags.s ?? false });
    return compileAutomaton(node);
  } catch (e) {
    if (e instanceof RegexSyntaxError || e instanceof RegexTooLargeError) throw new RegexRejected('regex_invalid', { pattern, detail: e.message }, e);
    throw e;
  }
}
