import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonScanner, type JsonScanHandler } from './scanner.ts';

type Event = [string, ...unknown[]];

function scan(text: string, chunkSizes: number[] | 'whole'): Event[] {
  const events: Event[] = [];
  const h: JsonScanHandler = {
    element: (t, line, key) => events.push(['element', JSON.parse(t), line, key]),
    objectStart: (line) => events.push(['objectStart', line]),
    member: (key, t, line) => events.push(['member', key, JSON.parse(t), line]),
    arrayStart: (key, line) => events.push(['arrayStart', key, line]),
    objectEnd: (streamed) => events.push(['objectEnd', streamed]),
    scalar: (t, line) => events.push(['scalar', JSON.parse(t), line]),
    tooLarge: (line, chars) => events.push(['tooLarge', line, chars]),
    syntaxError: (line, detail) => events.push(['syntaxError', line, detail]),
    truncated: (line) => events.push(['truncated', line]),
  };
  const s = new JsonScanner(h);
  if (chunkSizes === 'whole') s.feed(text);
  else {
    let i = 0;
    let k = 0;
    while (i < text.length) {
      const n = chunkSizes[k++ % chunkSizes.length]!;
      s.feed(text.slice(i, i + n));
      i += n;
    }
  }
  s.end();
  return events;
}

const TRICKY = [
  { a: 'quote " inside', b: 'backslash \\', c: '\\"', d: 'brace } and ] in a string', e: '\\\\\\', f: '' },
  { nested: [[1, 2, [3]], { x: { y: '}' } }], u: '日本\u2028テスト', n: -1.5e3, t: true, z: null },
  'a string element',
  42,
  [],
  {},
];

describe('JsonScanner', () => {
  const doc = JSON.stringify({ '@odata.context': 'ctx', value: TRICKY, '@odata.nextLink': 'next' }, null, 2);
  const expected = scan(doc, 'whole');

  it('streams the elements of `value` with their lines, and hands out the other members', () => {
    assert.deepEqual(expected[0], ['objectStart', 1]);
    assert.deepEqual(expected[1], ['member', '@odata.context', 'ctx', 2]);
    assert.deepEqual(expected[2], ['arrayStart', 'value', 3]);
    const elements = expected.filter((e) => e[0] === 'element');
    assert.deepEqual(
      elements.map((e) => e[1]),
      TRICKY,
    );
    // lines where the elements start (the line before their first member, for objects)
    const lines = doc.split('\n');
    const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    assert.deepEqual(
      elements.map((e) => e[2]),
      [lineOf('"a": "quote') - 1, lineOf('"nested"') - 1, lineOf('"a string element"'), lineOf('    42'), lineOf('    []'), lineOf('    {}')],
    );
    assert.deepEqual(expected.at(-2), ['member', '@odata.nextLink', 'next', lineOf('@odata.nextLink')]);
    assert.deepEqual(expected.at(-1), ['objectEnd', true]);
  });

  for (const sizes of [[1], [2], [3], [7], [64], [5, 1, 13, 2, 1, 1, 40]]) {
    it(`gives the same result fed in chunks of ${sizes.join(',')}`, () => {
      assert.deepEqual(scan(doc, sizes), expected);
    });
  }

  it('handles runs of backslashes split across chunks', () => {
    for (let n = 0; n < 8; n++) {
      const value = `${'\\'.repeat(n)}"x`;
      const text = JSON.stringify([value, 'after']);
      for (let cut = 1; cut < text.length; cut++) {
        const events = scan(text, [cut, 1000]);
        assert.deepEqual(
          events.filter((e) => e[0] === 'element').map((e) => e[1]),
          [value, 'after'],
          `n=${n} cut=${cut}`,
        );
      }
    }
  });

  it('reads top-level arrays, concatenated values and scalars', () => {
    assert.deepEqual(scan('[{"a":1},\n{"b":2}]', 'whole'), [
      ['arrayStart', undefined, 1],
      ['element', { a: 1 }, 1, undefined],
      ['element', { b: 2 }, 2, undefined],
    ]);
    assert.deepEqual(scan('{"a":1}\n{"b":[1,2]}\n7', [3]), [
      ['objectStart', 1],
      ['member', 'a', 1, 1],
      ['objectEnd', false],
      ['objectStart', 2],
      ['member', 'b', [1, 2], 2],
      ['objectEnd', false],
      ['scalar', 7, 3],
    ]);
  });

  it('reports truncation inside a record, and a broken structure', () => {
    assert.deepEqual(scan('[{"a":1},\n{"b":', [4]).slice(-1), [['truncated', 2]]);
    assert.deepEqual(scan('{"x": 1, "y"', 'whole').slice(-1), [['truncated', 1]]);
    assert.deepEqual(scan('{"value": [{"a":1},\n{"b":2},\n', 'whole').slice(-1), [['truncated', 3]]);
    assert.deepEqual(scan('[{"a":1}\n{"b":2}]', 'whole').slice(-1), [['syntaxError', 2, "expected ',' or ']', found '{'"]]);
  });
});
