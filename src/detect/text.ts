// Detection text lives beside each rule as `{ en, ja }` data (not in locales/*.json), under keys
// `detect.<ruleId>.<part>`. This module keeps the key → text table and fills `{{param}}` placeholders,
// the same syntax i18next uses, so the table can also be loaded into i18next as a resource bundle.
import type { Lang } from '../core/i18n.ts';
import type { Params } from './finding.ts';

export interface Localized {
  en: string;
  ja: string;
}

/** A rule's text: title, explanation, next steps, and optional named notes (extra reasons). */
export interface RuleText {
  title: Localized;
  explanation: Localized;
  nextSteps: Localized;
  notes?: Readonly<Record<string, Localized>>;
}

export function ruleTextKeys(ruleId: string): { title: string; explanation: string; nextSteps: string; note: (name: string) => string } {
  const base = `detect.${ruleId}`;
  return {
    title: `${base}.title`,
    explanation: `${base}.explanation`,
    nextSteps: `${base}.nextSteps`,
    note: (name) => `${base}.notes.${name}`,
  };
}

/** Flattens a rule's text into key → text entries. */
export function textEntries(ruleId: string, text: RuleText): Array<[string, Localized]> {
  const k = ruleTextKeys(ruleId);
  const out: Array<[string, Localized]> = [
    [k.title, text.title],
    [k.explanation, text.explanation],
    [k.nextSteps, text.nextSteps],
  ];
  for (const [name, l] of Object.entries(text.notes ?? {})) out.push([k.note(name), l]);
  return out;
}

/**
 * Fills `{{name}}` from params; an unknown placeholder stays visible rather than vanishing.
 * `{{name|one|other}}` is the English word for that count: `{{n}} {{n|minute|minutes}}` → "1 minute".
 */
export function interpolate(template: string, params: Params): string {
  return template.replace(/\{\{\s*([\w.]+)\s*(?:\|([^|{}]*)\|([^|{}]*))?\}\}/g, (whole, name: string, one?: string, other?: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (one !== undefined && other !== undefined) return Number(v) === 1 ? one : other;
    return String(v);
  });
}

export class TextTable {
  private readonly entries = new Map<string, Localized>();

  add(key: string, text: Localized): void {
    if (this.entries.has(key)) throw new Error(`detection text key "${key}" is defined twice`);
    this.entries.set(key, text);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): Localized | undefined {
    return this.entries.get(key);
  }

  /** The text for a key in one language, filled; the key itself when it is unknown. */
  render(key: string, lang: Lang, params: Params = {}): string {
    const l = this.entries.get(key);
    return l === undefined ? key : interpolate(l[lang], params);
  }

  /** Nested resources (`{detect: {<ruleId>: {title, …}}}`) per language, for i18next.addResourceBundle. */
  resources(lang: Lang): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    for (const [key, l] of this.entries) {
      const parts = key.split('.');
      let node = root;
      for (const p of parts.slice(0, -1)) {
        const next = node[p];
        if (next !== null && typeof next === 'object') node = next as Record<string, unknown>;
        else {
          const created: Record<string, unknown> = {};
          node[p] = created;
          node = created;
        }
      }
      node[parts[parts.length - 1]!] = l[lang];
    }
    return root;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }
}
