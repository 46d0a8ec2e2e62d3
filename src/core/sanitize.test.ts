import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvRow, htmlEscape, safeJson, terminalSafe } from './sanitize.ts';

describe('terminalSafe', () => {
  it('shows escape sequences instead of obeying them', () => {
    assert.equal(terminalSafe('evil\u001b[2J\u001b]0;pwned\u0007name'), 'evil\\x1b[2J\\x1b]0;pwned\\x07name');
  });
  it('neutralises C1 controls and bidi overrides', () => {
    assert.equal(terminalSafe('a\u009b31mb'), 'a\\x9b31mb');
    assert.equal(terminalSafe('admin\u202egpj.exe'), 'admin\\u202egpj.exe');
  });
  it('shows the invisible formatting characters that can hide or reorder parts of a name', () => {
    // Arabic letter mark, word joiner and invisible operators, a deprecated formatting character,
    // Mongolian vowel separator, interlinear annotation anchor.
    assert.equal(terminalSafe('ad\u061cmin\u2060@\u2064x\u206a.jp\u180e\ufff9'), 'ad\\u061cmin\\u2060@\\u2064x\\u206a.jp\\u180e\\ufff9');
    const value = { name: 'a\u2063b\u061c' };
    assert.equal(safeJson(value), '{"name":"a\\u2063b\\u061c"}');
    assert.deepEqual(JSON.parse(safeJson(value)), value);
  });
  it('keeps ordinary and Japanese text', () => {
    assert.equal(terminalSafe('山田 太郎 <taro@example.jp>'), '山田 太郎 <taro@example.jp>');
  });
});

describe('csvCell', () => {
  it('neutralises formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil","x")'), `"'=HYPERLINK(""http://evil"",""x"")"`);
    assert.equal(csvCell('+1+2'), "'+1+2");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tcmd'), "'\tcmd");
  });
  it('quotes separators, quotes and newlines', () => {
    assert.equal(csvRow(['a,b', 'say "hi"', 'line\nbreak', 'plain']), '"a,b","say ""hi""","line\nbreak",plain');
  });
});

describe('safeJson', () => {
  it('escapes every control and bidi character, and stays valid JSON', () => {
    const value = { name: 'x\u001b[31m\u009b\u202e' };
    const text = safeJson(value);
    assert.equal(text, '{"name":"x\\u001b[31m\\u009b\\u202e"}');
    assert.deepEqual(JSON.parse(text), value);
  });
});

describe('htmlEscape', () => {
  it('escapes markup', () => {
    assert.equal(htmlEscape('<img src=x onerror=alert(1)>'), '&#60;img src=x onerror=alert(1)&#62;');
  });
});
