// The report's own words (headings, verdicts, coverage sentences) come from the `report.` namespace of
// locales/*.json. The report picks its language per call, so it keeps its own i18next instance instead
// of switching the process-wide one the CLI uses.
import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../core/i18n.ts';

export type ReportT = (key: string, params?: Record<string, unknown>) => string;

const localesDir = new URL('../../locales/', import.meta.url);

function load(lang: Lang): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${lang}.json`, localesDir), 'utf8')) as Record<string, unknown>;
}

let fixed: Map<Lang, TFunction> | undefined;

function init(): Map<Lang, TFunction> {
  const inst = i18next.createInstance();
  void inst.init({
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: load('en') }, ja: { translation: load('ja') } },
    // Values are inserted as given; every renderer escapes for its own output.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return new Map<Lang, TFunction>([
    ['en', inst.getFixedT('en')],
    ['ja', inst.getFixedT('ja')],
  ]);
}

/** A translator for `report.*` keys in one language (pass keys without the `report.` prefix). */
export function reportText(lang: Lang): ReportT {
  fixed ??= init();
  const t = fixed.get(lang)!;
  return (key, params = {}) => t(`report.${key}`, params);
}

/** True when `report.<key>` exists (labels of sources and steps fall back to the raw name). */
export function hasReportText(lang: Lang, key: string): boolean {
  const t = reportText(lang);
  return t(key) !== `report.${key}`;
}
