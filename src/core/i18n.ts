// i18n: every user-facing string lives in locales/en.json and locales/ja.json.
// The language comes from --lang, else TAKEBACK_LANG, else the POSIX locale (LC_ALL, LC_MESSAGES, LANG).
import { readFileSync } from 'node:fs';
import i18next, { type i18n } from 'i18next';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

const localesDir = new URL('../../locales/', import.meta.url);

function loadLocale(lang: Lang): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${lang}.json`, localesDir), 'utf8')) as Record<string, unknown>;
}

export function detectLang(explicit?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const candidates = [explicit, env.TAKEBACK_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG];
  for (const c of candidates) {
    if (!c) continue;
    const v = c.toLowerCase();
    if (v.startsWith('ja')) return 'ja';
    if (v.startsWith('en') || v === 'c' || v.startsWith('c.') || v === 'posix') return 'en';
  }
  return 'en';
}

let instance: i18n | undefined;
let current: Lang = 'en';

export function initI18n(lang: Lang): void {
  const inst = i18next.createInstance();
  void inst.init({
    lng: lang,
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: loadLocale('en') }, ja: { translation: loadLocale('ja') } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = inst;
  current = lang;
}

export function currentLang(): Lang {
  return current;
}

/** Translate a key. Values are inserted as given: the caller escapes for its output (HTML, terminal). */
export function t(key: string, vars: Record<string, unknown> = {}): string {
  if (!instance) initI18n(detectLang());
  return instance!.t(key, vars);
}
