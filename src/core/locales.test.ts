// Repo-wide invariant: every user-facing string exists in English and Japanese, and every code the
// importers can report has its text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ITEM_CODES } from '../importers/issues.ts';

type Tree = { [key: string]: string | Tree };
const load = (lang: string) => JSON.parse(readFileSync(new URL(`../../locales/${lang}.json`, import.meta.url), 'utf8')) as Tree;
const flat = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flat(v, `${prefix}${k}.`)));

describe('locales', () => {
  const en = load('en');
  const ja = load('ja');

  it('have the same keys in English and Japanese', () => {
    assert.deepEqual(flat(ja).sort(), flat(en).sort());
  });

  it('have no empty string', () => {
    for (const [lang, tree] of [['en', en], ['ja', ja]] as const) {
      const empty = flat(tree).filter((k) => k.split('.').reduce<Tree | string>((n, p) => (n as Tree)[p]!, tree) === '');
      assert.deepEqual(empty, [], `${lang} has empty strings`);
    }
  });

  it('have text for every importer issue code and file error', () => {
    const keys = new Set(flat(en));
    const codes = [...ITEM_CODES, 'import.unreadable', 'import.empty', 'import.binary', 'import.unknown_format'];
    assert.deepEqual(codes.filter((c) => !keys.has(`errors.${c}`)), []);
  });
});
