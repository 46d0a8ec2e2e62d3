// Markup built with a tagged template that escapes every interpolated value unless it is markup made
// by this same template. Forgetting to escape a display name is then impossible by construction:
// plain strings are always text (control characters shown as visible escapes, then HTML-escaped).
import { htmlEscape } from '../core/sanitize.ts';
import { visibleControls } from './visible.ts';

export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Part = Markup | string | number | undefined | null | false | readonly Part[];

function emit(value: Part): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return (value as readonly Part[]).map(emit).join('');
  return htmlEscape(typeof value === 'string' ? visibleControls(value) : value);
}

/** `h\`<p>${name}</p>\`` → markup with `name` escaped (arrays are joined, false/undefined vanish). */
export function h(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += emit(v) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** Markup from text the caller has proven safe (a constant stylesheet); never for data. */
export function trusted(text: string): Markup {
  return new Markup(text);
}
