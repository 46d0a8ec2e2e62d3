// Sigma `re` values → linear-time matchers. JavaScript's RegExp backtracks (`(a+)+$` on 27 characters
// takes seconds), and rule files are untrusted input, so patterns run on our own automaton instead.
import { compileAutomaton, RegexTooLargeError } from './nfa.ts';
import { parseRegex, RegexSyntaxError, type Flags } from './parse.ts';

export interface SafeRegex {
  test(text: string): boolean;
}

/** Longest pattern accepted, in characters. */
const MAX_PATTERN = 4096;

/** Compiles a pattern or throws an Error whose message says why it cannot be used. */
export function compileRegex(pattern: string, flags: Partial<Flags> = {}): SafeRegex {
  if (pattern.length > MAX_PATTERN) throw new Error(`regular expression longer than ${MAX_PATTERN} characters`);
  try {
    const node = parseRegex(pattern, { i: flags.i ?? false, m: flags.m ?? false, s: flags.s ?? false });
    return compileAutomaton(node);
  } catch (e) {
    if (e instanceof RegexSyntaxError || e instanceof RegexTooLargeError) throw new Error(`regular expression /${pattern}/: ${e.message}`, { cause: e });
    throw e;
  }
}
