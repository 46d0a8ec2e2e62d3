// The linear-time regular expressions behind `|re`: Sigma's PCRE subset, and refusals with reasons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRegex } from './index.ts';

describe('regular expressions', () => {
  const cases: Array<[string, string, boolean, { i?: boolean; m?: boolean; s?: boolean }?]> = [
    ['(^0oa.*|[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,10})', 'user@example.com', true],
    ['(^0oa.*|[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,10})', 'hunter2', false],
    ['^abc$', 'abc', true],
    ['^abc$', 'xabc', false],
    ['b', 'abc', true],
    ['ABC', 'xabcx', true, { i: true }],
    ['[^a-c]', 'abc', false],
    ['[^a-c]', 'abcd', true],
    ['[[:digit:]]{3}', 'a123', true],
    ['^b', 'a\nb', true, { m: true }],
    ['^b', 'a\nb', false],
    ['a.c', 'a\nc', false],
    ['a.c', 'a\nc', true, { s: true }],
    ['\\bfoo\\b', 'a foo b', true],
    ['\\bfoo\\b', 'afoob', false],
    ['x{2,3}y', 'xxy', true],
    ['x{2,3}y', 'xy', false],
    ['x{2,}', 'xxxx', true],
    ['(?i)hello', 'HELLO', true],
    ['a(?i:b)c', 'aBc', true],
    ['a(?i:b)c', 'aBC', false],
    ['(?:ab)+?$', 'ababab', true],
    ['(?<name>\\d+)-\\d+', '12-34', true],
    ['\\x41\\u0042', 'AB', true],
    ['\\d+\\.\\d+', 'v1.2', true],
    ['a|', 'zzz', true],
    ['', '', true],
  ];
  for (const [pattern, text, want, flags] of cases) {
    it(`/${pattern}/${Object.keys(flags ?? {}).join('')} on ${JSON.stringify(text)}`, () => {
      assert.equal(compileRegex(pattern, flags).test(text), want);
    });
  }

  it('runs in linear time on patterns that make backtracking engines hang', () => {
    const start = performance.now();
    for (const p of ['(a+)+$', '(a|aa)+$', '(a*)*b', '(.*a){20}$']) assert.equal(compileRegex(p).test(`${'a'.repeat(20_000)}!`), false, p);
    assert.ok(performance.now() - start < 5000);
  });

  const refused: Array<[string, RegExp]> = [
    ['(?=a)', /lookahead/],
    ['(?<!a)b', /lookbehind/],
    ['(?>a)', /atomic/],
    ['a++', /possessive/],
    ['(a)\\1', /back-references/],
    ['a{2000}', /above 1000/],
    ['a{3,2}', /wrong way round/],
    ['(', /missing \)/],
    ['a)', /unbalanced/],
    ['*a', /nothing to repeat/],
    ['\\q', /unsupported escape/],
    ['[b-a]', /out of order/],
    ['(a{1000}){1000}', /automaton states/],
  ];
  for (const [pattern, reason] of refused) {
    it(`refuses /${pattern}/`, () => {
      assert.throws(() => compileRegex(pattern), (e: Error) => reason.test(e.message) && e.message.startsWith(`regular expression /${pattern}/`));
    });
  }
});
