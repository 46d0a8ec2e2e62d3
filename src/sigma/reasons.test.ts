// Every reason the Sigma loader can give has its sentence in locales/ (English and Japanese parity is
// checked in src/core/locales.test.ts): a code without text would print its bare key to the user.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkTexts } from './load.ts';

type Tree = { [key: string]: string | Tree };
const DIR = fileURLToPath(new URL('.', import.meta.url));
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8')) as Tree;
const has = (key: string): boolean => typeof key.split('.').reduce<Tree | string | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), en) === 'string';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  );
}

describe('Sigma load reasons', () => {
  it('have a sentence for every code the loader, compiler and regular expressions use', () => {
    const keys = new Set<string>();
    for (const file of sources(DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new (?:RuleError|RegexRejected)\('([a-z0-9_]+)'/g)) keys.add(`sigma.error.${m[1]!}`);
      for (const m of text.matchAll(/\bt\('(sigma\.[a-zA-Z0-9_.]+)'/g)) keys.add(m[1]!);
      if (file.endsWith(join('regex', 'parse.ts'))) for (const m of text.matchAll(/this\.fail\('([a-z0-9_]+)'/g)) keys.add(`sigma.regex.${m[1]!}`);
      if (file.endsWith(join('compile', 'condition.ts'))) for (const m of text.matchAll(/\bfail\('([a-z0-9_]+)'/g)) keys.add(`sigma.condition.${m[1]!}`);
    }
    assert.ok(keys.size > 80, `only ${keys.size} codes found: the patterns above no longer match the code`);
    // A sentence passed where a code belongs would print as a broken key: every call names a code.
    const sentences: string[] = [];
    for (const file of sources(DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:fail|RuleError|RegexRejected)\((?!'[a-z0-9_]+'|code|msg\b)[^)]{0,60}/g)) sentences.push(`${file.slice(DIR.length)}: ${m[0]}`);
    }
    assert.deepEqual(sentences, []);
    assert.deepEqual([...keys].filter((k) => !has(k)).sort(), []);
  });

  it('give the code and its values beside the sentence', () => {
    const entry = (yaml: string) => checkTexts([{ file: 'test.yml', text: yaml }]).entries[0]!;
    const e = entry(`title: Needs a placeholder
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        Initiatedby|expand: '%Approved_Admins%'
    condition: selection
`);
    assert.equal(e.loads, false);
    assert.equal(e.reasonCode, 'placeholder_unset');
    assert.deepEqual(e.reasonParams, { where: 'Initiatedby|expand', name: 'Approved_Admins' });
    assert.equal(e.reason, 'placeholder %Approved_Admins% (in Initiatedby|expand) has no configured value');
    const re = entry(`title: Backtracking
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        Target|re: '(a)\\1'
    condition: selection
`);
    assert.equal(re.reasonCode, 'regex_invalid');
    assert.match(re.reason!, /^regular expression \/\(a\)\\1\/: back-references are not regular/);
  });
});
