// Detection semantics: values, wildcards, null and empty, keywords, every modifier, conditions, and the
// reasons a rule is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64Offsets } from './compile/encode.ts';
import { hits, rejection, ruleYaml } from './testing/harness.ts';

const sel = (body: string, condition = 'selection'): string => `    selection:\n${body}\n    condition: ${condition}`;

describe('values', () => {
  it('compares case-insensitively, numbers and booleans as text', () => {
    assert.ok(hits(sel('        Result: SUCCESS'), { Result: 'success' }));
    assert.ok(hits(sel('        Code: 50057'), { Code: '50057' }));
    assert.ok(hits(sel('        Code: 0'), { Code: 0 }));
    assert.ok(hits(sel("        Flag: 'false'"), { Flag: false }));
    assert.ok(!hits(sel('        Result: success'), { Result: 'successful' }));
  });

  it('treats a list of values as OR and a map as AND', () => {
    const d = sel('        A: x\n        B:\n            - y\n            - z');
    assert.ok(hits(d, { A: 'x', B: 'z' }));
    assert.ok(!hits(d, { A: 'x', B: 'w' }));
    assert.ok(!hits(d, { A: 'q', B: 'y' }));
  });

  it('treats a list of maps as OR of ANDs', () => {
    const d = `    selection:\n        - A: x\n          B: y\n        - C: z\n    condition: selection`;
    assert.ok(hits(d, { A: 'x', B: 'y' }));
    assert.ok(hits(d, { C: 'z' }));
    assert.ok(!hits(d, { A: 'x' }));
  });

  it('matches wildcards * and ?, with \\ escapes', () => {
    assert.ok(hits(sel("        A: 'ad*min'"), { A: 'ad-super-min' }));
    assert.ok(hits(sel("        A: 'a?c'"), { A: 'abc' }));
    assert.ok(!hits(sel("        A: 'a?c'"), { A: 'abbc' }));
    assert.ok(hits(sel("        A: 'a\\*c'"), { A: 'a*c' }));
    assert.ok(!hits(sel("        A: 'a\\*c'"), { A: 'abc' }));
    assert.ok(hits(sel("        A: 'C:\\Windows\\*'"), { A: 'C:\\Windows*' }), 'a backslash before a wildcard escapes it');
    assert.ok(hits(sel("        A: 'C:\\Windows\\\\\\*'"), { A: 'C:\\Windows\\*' }), 'three backslashes: a backslash and a literal star');
    assert.ok(hits(sel("        A: 'C:\\\\*'"), { A: 'C:\\anything' }));
    assert.ok(hits(sel("        A: 'x*y*z'"), { A: 'x-long-y-long-z' }));
    assert.ok(!hits(sel("        A: 'x*y*z'"), { A: 'x-long-z-long-y' }));
  });

  it('null matches an absent or null field, empty matches only an empty value', () => {
    assert.ok(hits(sel('        A: null'), {}));
    assert.ok(hits(sel('        A: null'), { A: null }));
    assert.ok(!hits(sel('        A: null'), { A: '' }));
    assert.ok(hits(sel("        A: ''"), { A: '' }));
    assert.ok(!hits(sel("        A: ''"), {}));
    assert.ok(!hits(sel("        A: ''"), { A: null }));
  });

  it('reaches into arrays and JSON text with dotted paths, any element', () => {
    const d = sel('        Targets.props.name: Role.DisplayName');
    assert.ok(hits(d, { Targets: [{ props: [{ name: 'x' }] }, { props: [{ name: 'Role.DisplayName' }] }] }));
    assert.ok(hits(d, { Targets: JSON.stringify([{ props: [{ name: 'Role.DisplayName' }] }]) }));
    assert.ok(!hits(d, { Targets: [{ props: [{ name: 'x' }] }] }));
    assert.ok(hits(sel('        targets.PROPS.Name: x'), { Targets: [{ props: [{ name: 'x' }] }] }), 'keys match whatever their case');
  });

  it('searches keywords in the whole event', () => {
    const d = "    keywords:\n        - 'roleAssignments/write'\n        - 'other'\n    condition: keywords";
    assert.ok(hits(d, { deep: { deeper: ['Microsoft.Authorization/roleAssignments/write'] } }));
    assert.ok(!hits(d, { deep: 'nothing' }));
    const all = "    keywords:\n        '|all':\n            - 'alpha'\n            - 'beta'\n    condition: keywords";
    assert.ok(hits(all, { a: 'ALPHA', b: 'x beta' }));
    assert.ok(!hits(all, { a: 'alpha' }));
  });
  it('matches a keyword within one value: wildcards and anchors do not span two values', () => {
    const star = "    keywords:\n        - 'foo*bar'\n    condition: keywords";
    assert.ok(hits(star, { X: 'foo and bar' }));
    assert.ok(!hits(star, { X: 'foo', Y: 'bar' }));
    assert.ok(!hits("    keywords:\n        - 'foo?bar'\n    condition: keywords", { X: 'foo', Y: 'bar' }));
    const anchored = "    keywords:\n        '|re': '^admin$'\n    condition: keywords";
    assert.ok(hits(anchored, { X: 'someone', Y: 'admin' }));
    assert.ok(!hits(anchored, { X: 'administrator' }));
  });
});

describe('modifiers', () => {
  it('contains, startswith, endswith, all, cased', () => {
    assert.ok(hits(sel('        A|contains: mid'), { A: 'a MID b' }));
    assert.ok(hits(sel('        A|startswith: pre'), { A: 'prefix' }));
    assert.ok(!hits(sel('        A|startswith: pre'), { A: 'xprefix' }));
    assert.ok(hits(sel('        A|endswith: fix'), { A: 'prefix' }));
    const all = sel('        A|contains|all:\n            - one\n            - two');
    assert.ok(hits(all, { A: 'two and one' }));
    assert.ok(!hits(all, { A: 'one only' }));
    assert.ok(hits(sel('        A|cased: Exact'), { A: 'Exact' }));
    assert.ok(!hits(sel('        A|cased: Exact'), { A: 'exact' }));
    assert.ok(!hits(sel('        A|contains|cased: MID'), { A: 'a mid b' }));
  });

  it('exists', () => {
    assert.ok(hits(sel('        A|exists: true'), { A: null }));
    assert.ok(!hits(sel('        A|exists: true'), {}));
    assert.ok(hits(sel('        A|exists: false'), {}));
  });

  it('neq: the field has a value and it differs from all given', () => {
    const d = sel('        A|neq:\n            - x\n            - y');
    assert.ok(hits(d, { A: 'z' }));
    assert.ok(!hits(d, { A: 'X' }));
    assert.ok(!hits(d, {}));
  });

  it('re with i, m, s', () => {
    assert.ok(hits(sel("        A|re: '^adm_[0-9]+$'"), { A: 'adm_42' }));
    assert.ok(!hits(sel("        A|re: '^adm_[0-9]+$'"), { A: 'ADM_42' }), 're is case-sensitive');
    assert.ok(hits(sel("        A|re|i: '^adm_[0-9]+$'"), { A: 'ADM_42' }));
    assert.ok(hits(sel("        A|re|m: '^second$'"), { A: 'first\nsecond' }));
    assert.ok(!hits(sel("        A|re: '^second$'"), { A: 'first\nsecond' }));
    assert.ok(hits(sel("        A|re|s: 'a.b'"), { A: 'a\nb' }));
    assert.ok(!hits(sel("        A|re: 'a.b'"), { A: 'a\nb' }));
  });

  it('re cannot hang the process', () => {
    const start = performance.now();
    assert.ok(!hits(sel("        A|re: '(a+)+$'"), { A: `${'a'.repeat(50_000)}!` }));
    assert.ok(!hits(sel("        A|re: '(x|x?)+y'"), { A: 'x'.repeat(50_000) }));
    assert.ok(performance.now() - start < 3000);
  });

  it('cidr, IPv4 and IPv6', () => {
    const d = sel("        Ip|cidr:\n            - '10.0.0.0/8'\n            - '2001:db8::/32'");
    assert.ok(hits(d, { Ip: '10.1.2.3' }));
    assert.ok(hits(d, { Ip: '2001:db8:0:1::5' }));
    assert.ok(hits(d, { Ip: '::ffff:10.9.9.9' }));
    assert.ok(!hits(d, { Ip: '11.0.0.1' }));
    assert.ok(!hits(d, { Ip: '2001:db9::1' }));
    assert.ok(!hits(d, { Ip: 'not an ip' }));
  });

  it('lt, lte, gt, gte on numbers', () => {
    assert.ok(hits(sel('        N|gt: 10'), { N: '11' }));
    assert.ok(!hits(sel('        N|gt: 10'), { N: 10 }));
    assert.ok(hits(sel('        N|gte: 10'), { N: 10 }));
    assert.ok(hits(sel('        N|lt: 10'), { N: 9.5 }));
    assert.ok(hits(sel('        N|lte: 10'), { N: '10' }));
    assert.ok(!hits(sel('        N|lt: 10'), { N: 'ten' }));
  });

  it('time parts, alone and with a comparison', () => {
    const f = { T: '2026-10-05T23:45:10Z' };
    assert.ok(hits(sel('        T|hour: 23'), f));
    assert.ok(hits(sel('        T|minute: 45'), f));
    assert.ok(hits(sel('        T|day: 5'), f));
    assert.ok(hits(sel('        T|month: 10'), f));
    assert.ok(hits(sel('        T|year: 2026'), f));
    assert.ok(hits(sel('        T|week: 41'), f));
    assert.ok(hits(sel('        T|hour|gte: 22'), f));
    assert.ok(!hits(sel('        T|hour|lt: 6'), f));
  });

  it('base64, base64offset, utf16le/be/utf16/wide', () => {
    assert.ok(hits(sel('        A|base64: admin'), { A: Buffer.from('admin').toString('base64') }));
    const long = Buffer.from('xxhello adminyy').toString('base64');
    assert.ok(hits(sel('        A|base64offset|contains: admin'), { A: long }));
    for (const shift of ['', 'a', 'ab']) assert.ok(hits(sel('        A|base64offset|contains: admin'), { A: Buffer.from(`${shift}admin!!`).toString('base64') }), `shift ${shift.length}`);
    assert.deepEqual(base64Offsets({ kind: 'text', text: 'http://' }), ['aHR0cDovL', 'h0dHA6Ly', 'odHRwOi8v']);
    const wide = Buffer.from('cmd', 'utf16le').toString('base64');
    assert.ok(hits(sel('        A|wide|base64: cmd'), { A: wide }));
    assert.ok(hits(sel('        A|utf16le|base64: cmd'), { A: wide }));
    const be = Buffer.from('cmd', 'utf16le').swap16().toString('base64');
    assert.ok(hits(sel('        A|utf16be|base64: cmd'), { A: be }));
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cmd', 'utf16le')]).toString('base64');
    assert.ok(hits(sel('        A|utf16|base64: cmd'), { A: bom }));
  });

  it('windash', () => {
    const d = sel("        A|windash|contains: ' -enc '");
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) assert.ok(hits(d, { A: `powershell ${dash}enc x` }), dash);
    assert.ok(!hits(d, { A: 'powershell +enc x' }));
  });

  it('all with windash, base64offset or expand: every value, in any of its forms', () => {
    const dash = sel("        A|windash|contains|all:\n            - ' -a '\n            - ' -b '");
    assert.ok(hits(dash, { A: 'cmd -a -b ' }));
    assert.ok(hits(dash, { A: 'cmd /a \u2013b ' }));
    assert.ok(!hits(dash, { A: 'cmd /a ' }), 'every value is still needed');
    const b64 = sel("        A|base64offset|contains|all:\n            - 'hello'\n            - 'world'");
    assert.ok(hits(b64, { A: Buffer.from('xx hello yy world').toString('base64') }));
    assert.ok(!hits(b64, { A: Buffer.from('xx hello yy').toString('base64') }));
    const placeholders = { Admins: ['root@example.com', 'adm_*'] };
    const expand = sel("        A|expand|contains|all:\n            - '%Admins%'\n            - 'reset'");
    assert.ok(hits(expand, { A: 'adm_7 did a reset' }, { placeholders }));
    assert.ok(!hits(expand, { A: 'guest did a reset' }, { placeholders }));
    const kw = "    keywords:\n        '|windash|all':\n            - ' -a '\n            - ' -b '\n    condition: keywords";
    assert.ok(hits(kw, { X: 'cmd /a x', Y: 'x -b y' }));
    assert.ok(!hits(kw, { X: 'cmd /a x' }));
  });

  it('expand from configured placeholders, and refusal without them', () => {
    const d = sel('        User|expand: "%Admins%"');
    const placeholders = { Admins: ['root@example.com', 'adm_*'] };
    assert.ok(hits(d, { User: 'adm_42' }, { placeholders }));
    assert.ok(hits(d, { User: 'ROOT@example.com' }, { placeholders }));
    assert.ok(!hits(d, { User: 'guest' }, { placeholders }));
    assert.equal(rejection(ruleYaml(d)), 'placeholder %Admins% (in User|expand) has no configured value');
    assert.ok(hits(sel('        User: "%Admins%"'), { User: '%Admins%' }), 'without expand a placeholder is literal text');
    assert.ok(hits(sel('        User|expand: "\\\\%x%Admins%"'), { User: '%xroot@example.com' }, { placeholders }), 'an escaped percent stays literal');
  });

  it('fieldref, with neq and startswith', () => {
    assert.ok(hits(sel('        Actor|fieldref: Ref'), { Actor: 'a@x', Ref: 'A@X' }));
    assert.ok(!hits(sel('        Actor|fieldref: Ref'), { Actor: 'a@x', Ref: 'b@x' }));
    assert.ok(hits(sel('        Actor|fieldref|neq: Ref'), { Actor: 'a@x', Ref: 'b@x' }));
    assert.ok(hits(sel('        Actor|fieldref|startswith: Prefix'), { Actor: 'adm_1', Prefix: 'adm_' }));
    assert.ok(!hits(sel('        Actor|fieldref: Ref'), { Actor: 'a@x' }));
  });
});

describe('conditions', () => {
  const two = `    selection_a:\n        A: x\n    selection_b:\n        B: y\n    filter_c:\n        C: z\n    _hidden:\n        D: w`;
  const with_ = (c: string): string => `${two}\n    condition: ${c}`;

  it('and, or, not and parentheses with Sigma precedence', () => {
    assert.ok(hits(with_('selection_a and not filter_c'), { A: 'x' }));
    assert.ok(!hits(with_('selection_a and not filter_c'), { A: 'x', C: 'z' }));
    assert.ok(hits(with_('selection_a or selection_b and filter_c'), { A: 'x' }), 'and binds tighter than or');
    assert.ok(!hits(with_('(selection_a or selection_b) and filter_c'), { A: 'x' }));
    assert.ok(hits(with_('not selection_a and selection_b'), { B: 'y' }), 'not binds tighter than and');
  });

  it('1 of / all of patterns and them (without _ identifiers)', () => {
    assert.ok(hits(with_('1 of selection_*'), { B: 'y' }));
    assert.ok(!hits(with_('all of selection_*'), { B: 'y' }));
    assert.ok(hits(with_('all of selection_*'), { A: 'x', B: 'y' }));
    assert.ok(hits(with_('all of them'), { A: 'x', B: 'y', C: 'z' }), '_hidden is not part of them');
    assert.ok(hits(with_('1 of selection_* and not 1 of filter_*'), { A: 'x' }));
    assert.ok(hits(with_('_hidden'), { D: 'w' }), 'an _identifier can be named explicitly');
  });

  it('nesting up to the limit still works', () => {
    assert.ok(hits(with_(`${'('.repeat(100)}selection_a${')'.repeat(100)}`), { A: 'x' }));
    assert.ok(hits(with_(`${'not '.repeat(100)}selection_a`), { A: 'x' }));
  });

  it('a list of conditions is OR', () => {
    assert.ok(hits(`${two}\n    condition:\n        - selection_a\n        - selection_b`, { B: 'y' }));
  });
});

describe('refused rules say why', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['unknown modifier', sel('        A|startwith: x'), /unknown modifier 'startwith'/],
    ['legacy aggregation', sel('        A: x', 'selection | count() by B > 5'), /pipe aggregation/],
    ['undefined identifier', sel('        A: x', 'selection and filter'), /names 'filter', which is not a search identifier/],
    ['bad condition', sel('        A: x', 'selection and'), /ends too early/],
    ['2 of', sel('        A: x', '2 of selection*'), /only '1 of' and 'all of'/],
    ['pattern with no identifier', sel('        A: x', '1 of filter_*'), /matches no search identifier/],
    ['null in a list', sel('        A:\n            - x\n            - null'), /null cannot be part of a list/],
    ['all on one value', sel('        A|contains|all: x'), /'all' needs a list/],
    ['lookahead', sel("        A|re: 'a(?=b)'"), /lookahead is not in Sigma's regular expression subset/],
    ['back-reference', sel("        A|re: '(a)\\1'"), /back-references/],
    ['huge repetition', sel("        A|re: '(a{999}){999}'"), /automaton states/],
    ['re with contains', sel("        A|re|contains: 'x'"), /'re' cannot be combined with 'contains'/],
    ['numeric without number', sel('        A|gt: ten'), /gt needs a number/],
    ['bad cidr', sel("        A|cidr: '10.0.0.0/33'"), /bad prefix length/],
    ['base64 of a wildcard', sel("        A|base64: 'a*'"), /cannot encode a value with wildcards/],
    ['exists with a string', sel('        A|exists: maybe'), /'exists' takes true or false/],
    ['i without re', sel('        A|i: x'), /sub-modifier of 're'/],
    ['nested map', sel('        A:\n            B: x'), /cannot be a list or a map/],
    // Deep nesting is refused with a reason, not a stack overflow that names no file.
    ['deep parentheses', sel('        A: x', `${'('.repeat(5000)}selection${')'.repeat(5000)}`), /nests parentheses and 'not' more than 100 levels deep/],
    ['deep not', sel('        A: x', `${'not '.repeat(20000)}selection`), /nests parentheses and 'not' more than 100 levels deep/],
    ['deep groups in re', sel(`        A|re: '${'('.repeat(2000)}a${')'.repeat(2000)}'`), /nested more than 100 levels deep/],
    ['stacked quantifiers in re', sel(`        A|re: 'a${'*'.repeat(4000)}'`), /nested more than 100 levels deep/],
  ];
  for (const [name, detection, reason] of cases) {
    it(name, () => {
      const r = rejection(ruleYaml(detection));
      assert.ok(r !== undefined, 'rejected');
      assert.match(r, reason);
    });
  }

  it('quotes a long condition in part, not whole', () => {
    const r = rejection(ruleYaml(sel('        A: x', `${'not '.repeat(20000)}selection`))) ?? '';
    assert.match(r, /^condition 'not not .{100,}…': /);
    assert.ok(r.length < 400, `${r.length} characters`);
  });

  it('YAML errors carry a line and column', () => {
    assert.match(rejection('title: x\nlogsource: {product: azure\ndetection: [\n') ?? '', /^YAML error at line \d+, column \d+/);
  });

  it('a document that is not a rule', () => {
    assert.match(rejection('title: Just a title\n') ?? '', /no detection, correlation or filter section/);
  });

  it('a Sigma 1.0 collection', () => {
    assert.match(rejection('action: global\ntitle: x\n') ?? '', /Sigma 1.0 rule collection/);
  });
});
