// The storyline as a server-side SVG chart: one row per step, a dot at the time it happened on a shared
// time axis, so gaps (a week between the new admin and the lock-out) are visible at a glance.
//
// Hand-written rather than echarts' SSR renderer: a row chart is ~150 lines, echarts would add 62 MB
// to the install for it, and here every label goes through the same escaping template as the HTML,
// the output is deterministic for tests, and nothing runs when the report is opened.
import type { Lang } from '../core/i18n.ts';
import { minMax } from '../core/arrays.ts';
import type { Severity } from '../detect/finding.ts';
import { h, type Markup } from './markup.ts';
import type { ReportStep } from './types.ts';

export interface TimelineOptions {
  lang: Lang;
  /** Accessible name of the chart. */
  title: string;
}

export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  critical: '#b3001b',
  high: '#c2410c',
  medium: '#a16207',
  low: '#1d4ed8',
  info: '#4b5563',
};

/** Japanese first for Japanese, so kana and punctuation take Japanese shapes; sans-serif always last. */
export function fontFamily(lang: Lang): string {
  const cjk = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', Meiryo";
  const latin = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans'";
  return lang === 'ja' ? `${cjk}, ${latin}, sans-serif` : `${latin}, ${cjk}, sans-serif`;
}

const WIDTH = 960;
const LABEL_X = 12;
const PLOT_X0 = 320;
const PLOT_X1 = 900;
const AXIS_H = 36;
const ROW_H = 30;
const BOTTOM = 12;
const FONT = 13;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TICK_STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];
const MAX_TICKS = 9;

/** Rough width of text at FONT px: wide for CJK and full-width forms, narrow otherwise. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? FONT : FONT * 0.58;
  return w;
}

/** Cuts text to fit `max` px, marking the cut with an ellipsis; the full text stays in a tooltip. */
function fit(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch + '…') > max) break;
    out += ch;
  }
  return out + '…';
}

function tickLabel(ms: number, step: number): string {
  const iso = new Date(ms).toISOString();
  const day = iso.slice(5, 10);
  return step >= DAY ? day : `${day} ${iso.slice(11, 16)}`;
}

function ticks(t0: number, t1: number): { step: number; at: number[] } {
  const span = t1 - t0;
  const step = TICK_STEPS.find((s) => span / s <= MAX_TICKS) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const at: number[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) at.push(t);
  return { step, at };
}

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** The chart as SVG markup for embedding in the HTML report. */
export function timelineSvgMarkup(steps: readonly ReportStep[], options: TimelineOptions): Markup {
  const times = steps.map((s) => Date.parse(s.time)).map((ms) => (Number.isFinite(ms) ? ms : 0));
  let [t0, t1] = minMax(times);
  if (steps.length === 0) t0 = t1 = 0;
  if (t1 - t0 < HOUR) {
    t0 -= HOUR / 2;
    t1 += HOUR / 2;
  }
  const pad = (t1 - t0) * 0.04;
  t0 -= pad;
  t1 += pad;
  const x = (ms: number): number => PLOT_X0 + ((ms - t0) / (t1 - t0)) * (PLOT_X1 - PLOT_X0);
  const height = AXIS_H + steps.length * ROW_H + BOTTOM;
  const rowsBottom = AXIS_H + steps.length * ROW_H;
  const grid = ticks(t0, t1);

  const gridLines = grid.at.map(
    (t) => h`<line x1="${r1(x(t))}" y1="${AXIS_H - 6}" x2="${r1(x(t))}" y2="${rowsBottom}" class="tl-grid" stroke="#d1d5db" stroke-width="1"/><text x="${r1(x(t))}" y="${AXIS_H - 12}" text-anchor="middle" font-size="11" fill="#374151">${tickLabel(t, grid.step)}</text>`,
  );
  const rows = steps.map((s, i) => {
    const y = AXIS_H + i * ROW_H;
    const cy = y + ROW_H / 2;
    const band = i % 2 === 0 ? h`<rect x="0" y="${y}" width="${WIDTH}" height="${ROW_H}" fill="#f3f4f6"/>` : '';
    return h`${band}<text x="${LABEL_X}" y="${r1(cy + FONT * 0.36)}" font-size="${FONT}" fill="#111827" data-step="${s.kind}">${fit(`${s.number}. ${s.label}`, PLOT_X0 - LABEL_X - 16)}<title>${s.text}</title></text>`;
  });
  const points = steps.map((s, i) => ({ s, cx: x(times[i]!), cy: AXIS_H + i * ROW_H + ROW_H / 2 }));
  const path = points.length > 1 ? h`<polyline points="${points.map((p) => `${r1(p.cx)},${r1(p.cy)}`).join(' ')}" fill="none" stroke="#9ca3af" stroke-width="1.5" stroke-dasharray="3 3"/>` : '';
  const dots = points.map(({ s, cx, cy }) => {
    const colour = SEVERITY_COLOURS[s.severity];
    const right = cx < PLOT_X1 - 90;
    // The axis gives the date's place; the dot's label gives the minute (the year is in the list).
    const when = `${s.time.slice(5, 10)} ${s.time.slice(11, 16)}`;
    const label = s.timeExact ? when : `≈ ${when}`;
    return h`<g><title>${s.timeText} — ${s.text}</title><circle cx="${r1(cx)}" cy="${r1(cy)}" r="6" fill="${s.timeExact ? colour : '#ffffff'}" stroke="${colour}" stroke-width="2"/><text x="${r1(right ? cx + 10 : cx - 10)}" y="${r1(cy + 4)}" font-size="11" fill="#374151" text-anchor="${right ? 'start' : 'end'}">${label}</text></g>`;
  });
  return h`<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${options.title}" font-family="${fontFamily(options.lang)}"><title>${options.title}</title>${rows}${gridLines}<line x1="${PLOT_X0}" y1="${AXIS_H - 6}" x2="${PLOT_X1}" y2="${AXIS_H - 6}" stroke="#6b7280" stroke-width="1"/>${path}${dots}</svg>`;
}

/** The same chart as a standalone SVG document. */
export function renderTimelineSvg(steps: readonly ReportStep[], options: TimelineOptions): string {
  return timelineSvgMarkup(steps, options).text;
}
