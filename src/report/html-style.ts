// The report's stylesheet: inline (the file opens offline and the CSP allows inline styles only),
// readable on screen and on paper, severity shown by colour and by word.
import type { Lang } from '../core/i18n.ts';
import { fontFamily, SEVERITY_COLOURS } from './timeline-svg.ts';

export function reportCss(lang: Lang): string {
  const sev = Object.entries(SEVERITY_COLOURS)
    .map(([s, c]) => `.sev-${s} { --sev: ${c}; }`)
    .join('\n');
  return `
:root { color-scheme: light; --ink: #111827; --muted: #4b5563; --line: #d1d5db; --soft: #f3f4f6; --sev: #4b5563; }
${sev}
* { box-sizing: border-box; }
html { font-family: ${fontFamily(lang)}; color: var(--ink); background: #fff; line-height: 1.6; }
body { margin: 0; font-size: 15px; }
header.top { padding: 24px 32px 12px; border-bottom: 1px solid var(--line); }
header.top .brand { margin: 0; font-weight: 700; letter-spacing: .04em; color: var(--muted); font-size: 13px; }
header.top h1 { margin: 2px 0 0; font-size: 26px; }
header.top p { margin: 2px 0; color: var(--muted); }
main { max-width: 1040px; margin: 0 auto; padding: 16px 32px 32px; }
h2 { font-size: 21px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 18px; margin: 20px 0 8px; }
h4 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 6px 0; }
.verdict { margin-top: 16px; padding: 16px 20px; border-radius: 8px; border: 2px solid var(--v); background: var(--vbg); }
.verdict .verdict-label { margin: 0; font-size: 13px; font-weight: 700; color: var(--v); text-transform: uppercase; letter-spacing: .05em; }
.verdict h2 { margin: 2px 0 8px; border: 0; padding: 0; font-size: 26px; color: var(--v); }
.verdict-takeover { --v: #b3001b; --vbg: #fff1f2; }
.verdict-review { --v: #a16207; --vbg: #fffbeb; }
.verdict-clear { --v: #166534; --vbg: #f0fdf4; }
.verdict-no-data { --v: #374151; --vbg: #f3f4f6; }
.verdict .counts { color: var(--muted); }
.first-steps { margin-top: 12px; padding: 10px 14px; background: #fff; border-radius: 6px; border: 1px solid var(--line); }
.first-steps h3 { margin: 0 0 4px; font-size: 16px; }
.first-steps ol { margin: 0; padding-left: 1.4em; }
nav.toc { margin: 16px 0 0; font-size: 14px; }
nav.toc a { margin-right: 16px; color: #1d4ed8; }
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; background: var(--sev); color: #fff; font-size: 12px; font-weight: 700; line-height: 20px; vertical-align: 2px; white-space: nowrap; }
.incident { margin: 16px 0 32px; padding: 4px 20px 16px; border-left: 6px solid var(--sev); background: #fff; }
.incident .summary, .incident .tenant { color: var(--muted); }
figure.chart { margin: 12px 0; }
figure.chart figcaption { color: var(--muted); font-size: 13px; }
.chart-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
svg.timeline { display: block; width: 100%; min-width: 720px; height: auto; }
ol.steps { padding-left: 0; list-style: none; counter-reset: step; }
ol.steps li { display: grid; grid-template-columns: 2.2em 11.5em 1fr auto; gap: 8px; align-items: baseline; padding: 6px 0; border-bottom: 1px solid var(--soft); }
ol.steps .num { font-weight: 700; color: var(--sev); text-align: right; }
ol.steps time { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.next { margin: 10px 0; padding: 8px 12px; background: #eff6ff; border-left: 4px solid #1d4ed8; border-radius: 4px; }
.next h4, .next strong { margin: 0 0 2px; display: block; }
.finding { margin: 14px 0; padding: 10px 16px; border: 1px solid var(--line); border-left: 5px solid var(--sev); border-radius: 6px; break-inside: avoid; }
.finding h4, .finding h3 { margin: 2px 0 6px; font-size: 16px; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0; font-size: 14px; }
.finding dt { color: var(--muted); }
.finding dd { margin: 0; overflow-wrap: anywhere; }
.finding .notes { margin: 4px 0; padding-left: 1.2em; }
.evidence h5 { font-size: 14px; margin: 10px 0 4px; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.value, td.id { white-space: pre-wrap; overflow-wrap: anywhere; }
td.id, .mono { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK JP', monospace; font-size: 12px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: var(--muted); font-size: 14px; }
.state-ok td.status { color: #166534; }
.state-denied td.status, .state-unlicensed td.status, .state-skipped td.status { color: #a16207; font-weight: 600; }
.state-error td.status { color: #b3001b; font-weight: 600; }
.coverage-tenant { margin: 12px 0 20px; }
.coverage ul.retention { padding-left: 1.2em; }
footer { max-width: 1040px; margin: 0 auto; padding: 12px 32px 32px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
@media (max-width: 700px) {
  main, header.top, footer { padding-left: 14px; padding-right: 14px; }
  ol.steps li { grid-template-columns: 2em 1fr; }
  ol.steps li time, ol.steps li .badge { grid-column: 2; }
}
@page { margin: 14mm; }
@media print {
  body { font-size: 10.5pt; }
  nav.toc { display: none; }
  main, header.top, footer { max-width: none; padding-left: 0; padding-right: 0; }
  .verdict, .badge, .incident, .finding, th, .next { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .incident { break-before: auto; }
  .chart-scroll, .table-scroll { overflow: visible; }
  svg.timeline { min-width: 0; }
  h2, h3, h4 { break-after: avoid; }
}
`;
}
