// The HTML report: one self-contained file (inline CSS, inline SVG, no script) that opens offline.
// Every value goes through the escaping template (markup.ts), and the Content-Security-Policy forbids
// loading anything, so even a value that slipped through could neither run nor fetch.
import type { RenderedCheck } from '../assess/render.ts';
import { t } from '../core/i18n.ts';
import { reportCss } from './html-style.ts';
import { h, trusted, type Markup } from './markup.ts';
import { timelineSvgMarkup } from './timeline-svg.ts';
import type { ReportCoverage, ReportFinding, ReportIncident, ReportLabels, ReportModel } from './types.ts';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function list(items: readonly string[]): Markup | string {
  return items.length === 0 ? '' : items.join(', ');
}

function verdictSection(m: ReportModel): Markup {
  const v = m.verdict;
  const steps =
    v.firstSteps.length > 0
      ? h`<div class="first-steps"><h3>${m.labels.firstSteps}</h3><ol>${v.firstSteps.map((s) => h`<li>${s}</li>`)}</ol></div>`
      : '';
  return h`<section class="verdict verdict-${v.kind}" id="verdict" aria-labelledby="verdict-h">
<p class="verdict-label">${m.labels.verdictHeading}</p>
<h2 id="verdict-h">${v.headline}</h2>
${v.details.map((d) => h`<p>${d}</p>`)}
<p class="counts">${v.countsText}</p>
${steps}
</section>`;
}

function findingCard(f: ReportFinding, l: ReportLabels): Markup {
  const facts: Markup[] = [
    h`<dt>${l.when}</dt><dd>${f.timeText}${f.timeExact ? '' : ` (${l.timeNotExact})`}</dd>`,
    h`<dt>${l.rule}</dt><dd class="mono">${f.ruleId}${f.indicator !== undefined ? ` (${f.indicator})` : ''}</dd>`,
  ];
  if (f.actors.length > 0) facts.push(h`<dt>${l.actors}</dt><dd>${list(f.actors)}</dd>`);
  if (f.targets.length > 0) facts.push(h`<dt>${l.targets}</dt><dd>${list(f.targets)}</dd>`);
  if (f.ips.length > 0) facts.push(h`<dt>${l.ips}</dt><dd>${list(f.ips)}</dd>`);
  if (f.attack.length > 0) facts.push(h`<dt>${l.attack}</dt><dd>${list(f.attack.map((a) => (a.name !== undefined ? `${a.id} ${a.name}` : a.id)))}</dd>`);
  const changes =
    f.changes.length > 0
      ? h`<h5>${l.changes}</h5><div class="table-scroll"><table><thead><tr><th>${l.col.name}</th><th>${l.col.before}</th><th>${l.col.after}</th></tr></thead><tbody>${f.changes.map(
          (c) => h`<tr><td>${c.name}</td><td class="value">${c.before}</td><td class="value">${c.after}</td></tr>`,
        )}</tbody></table></div>`
      : '';
  const events =
    f.events.length > 0
      ? h`<h5>${l.events}</h5><div class="table-scroll"><table><thead><tr><th>${l.col.time}</th><th>${l.col.source}</th><th>${l.col.action}</th><th>${l.col.actor}</th><th>${l.col.ip}</th><th>${l.col.targets}</th><th>${l.col.result}</th><th>${l.col.id}</th></tr></thead><tbody>${f.events.map(
          (e) =>
            h`<tr><td>${e.timeText}</td><td>${e.sourceLabel}</td><td>${e.nativeAction}</td><td class="value">${e.actor}</td><td>${e.ip ?? ''}</td><td class="value">${list(e.targets)}</td><td>${e.resultLabel}</td><td class="id">${e.id}</td></tr>`,
        )}</tbody></table></div>`
      : '';
  const notes = [f.snapshotText, f.chainedText, f.missingEventsText].filter((x): x is string => x !== undefined);
  const evidence =
    changes !== '' || events !== '' || notes.length > 0
      ? h`<div class="evidence"><h5>${l.evidence}</h5>${notes.map((n) => h`<p class="note">${n}</p>`)}${changes}${events}</div>`
      : '';
  return h`<article class="finding sev-${f.severity}" id="finding-${f.id}" data-rule="${f.ruleId}">
<h4><span class="badge">${f.severityLabel}</span> ${f.title}</h4>
<dl>${facts}</dl>
<p>${f.explanation}</p>
${f.notes.length > 0 ? h`<ul class="notes">${f.notes.map((n) => h`<li>${n}</li>`)}</ul>` : ''}
<div class="next"><strong>${l.whatToDo}</strong>${f.nextSteps}</div>
${evidence}
</article>`;
}

function incidentSection(inc: ReportIncident, m: ReportModel, byId: ReadonlyMap<string, ReportFinding>): Markup {
  const l = m.labels;
  const members = inc.findingIds.map((id) => byId.get(id)).filter((f): f is ReportFinding => f !== undefined);
  const steps = inc.steps.map(
    (s) =>
      h`<li class="sev-${s.severity}" data-step="${s.kind}"><span class="num">${s.number}</span><time datetime="${s.time}">${s.timeExact ? '' : '≈ '}${s.timeText}</time><span class="step-text">${s.text}</span><span class="badge">${s.severityLabel}</span></li>`,
  );
  const tenant = m.tenants.length > 1 ? h`<p class="tenant">${inc.tenantName}</p>` : '';
  return h`<article class="incident sev-${inc.severity}" id="incident-${inc.number}" data-incident="${inc.id}">
<h3>${inc.heading} <span class="badge">${inc.severityLabel}</span></h3>
<p class="summary">${inc.summary}</p>
${inc.note !== undefined ? h`<p class="note">${inc.note}</p>` : ''}
${tenant}
<figure class="chart"><figcaption><strong>${l.timeline}</strong> — ${l.timelineCaption}</figcaption><div class="chart-scroll">${timelineSvgMarkup(inc.steps, { lang: m.lang, title: `${l.timeline}: ${inc.title}` })}</div></figure>
<h4>${l.steps}</h4>
<ol class="steps">${steps}</ol>
${inc.nextSteps !== undefined ? h`<div class="next"><h4>${l.whatToDo}</h4><p>${inc.nextSteps}</p></div>` : ''}
<h4>${l.incidentFindings}</h4>
${members.map((f) => findingCard(f, l))}
</article>`;
}

function coverageSection(c: ReportCoverage, l: ReportLabels): Markup {
  const bySource =
    c.bySource.length > 0
      ? h`<h3>${l.bySource}</h3><div class="table-scroll"><table><thead><tr><th>${l.col.source}</th><th>${l.col.records}</th><th>${l.col.first}</th><th>${l.col.last}</th></tr></thead><tbody>${c.bySource.map(
          (s) => h`<tr><td>${s.label}</td><td class="num">${s.count}</td><td>${s.firstText}</td><td>${s.lastText}</td></tr>`,
        )}</tbody></table></div>`
      : '';
  const tenants = c.tenants.map((tc) => {
    const sources =
      tc.sources.length > 0
        ? h`<h4>${l.sources}</h4><div class="table-scroll"><table><thead><tr><th>${l.col.source}</th><th>${l.col.status}</th><th>${l.col.records}</th></tr></thead><tbody>${tc.sources.map(
            (s) => h`<tr class="state-${s.state}" data-source="${s.source}"><td>${s.label}</td><td class="status">${s.text}</td><td class="num">${s.count ?? ''}</td></tr>`,
          )}</tbody></table></div>`
        : '';
    return h`<div class="coverage-tenant" data-tenant="${tc.tenant}">
<h3>${tc.name}</h3>
<p>${tc.licenceText}</p>
<p>${tc.snapshotText}</p>
<ul class="retention">${tc.retention.map((r) => h`<li>${r}</li>`)}</ul>
${tc.sourcesNote !== undefined ? h`<p class="note">${tc.sourcesNote}</p>` : ''}
${sources}
</div>`;
  });
  return h`<section class="coverage" id="coverage"><h2>${l.coverage}</h2>
<p class="note">${c.intro}</p>
<p>${c.window.text}</p>
${bySource}
${tenants}
</section>`;
}

/** The whole report as one HTML document. */
/** The posture checks: score and drift, then failing and accepted checks with their steps, then what was skipped and why. */
function postureSection(m: ReportModel): Markup | string {
  if (!m.posture || m.posture.length === 0) return '';
  const p = (key: string) => t(`report.posture.${key}`, { lng: m.lang });
  const card = (c: RenderedCheck) =>
    h`<article class="finding sev-${c.severity.toLowerCase()}"><h4><span class="sev">${c.severityLabel}</span> ${c.title} <span class="mono">${c.id}</span></h4>
<p>${c.rationale}</p>${c.findings.length > 0 ? h`<ul>${c.findings.map((x) => h`<li>${x}</li>`)}</ul>` : ''}
${c.acceptance !== undefined ? h`<p class="note">${c.acceptance}</p>` : ''}
<p><strong>${p('where')}</strong> ${c.portal}</p>
<h5>${p('steps')}</h5><ol>${c.steps.map((x) => h`<li>${x}</li>`)}</ol></article>`;
  return h`<section id="posture"><h2>${p('heading')}</h2>
${m.posture.map(
  ({ tenantName, assessment: a }) => h`<h3>${tenantName}</h3><p class="verdict-line">${a.score}</p>
${a.drift ? h`<p>${a.drift.heading}</p>` : ''}
${a.failing.length > 0 ? h`<h4>${p('failing')}</h4>${a.failing.map(card)}` : ''}
${a.accepted.length > 0 ? h`<h4>${p('accepted')}</h4>${a.accepted.map(card)}` : ''}
${a.skipped.length > 0 ? h`<h4>${p('skipped')}</h4><ul>${a.skipped.map((c) => h`<li>${c.title} — ${c.reason ?? ''}</li>`)}</ul>` : ''}`,
)}
</section>`;
}

export function renderHtml(m: ReportModel): string {
  const l = m.labels;
  const byId = new Map(m.findings.map((f) => [f.id, f]));
  const others = m.findings.filter((f) => f.incidentId === undefined);
  const tenantLine = m.tenants.map((t) => (t.name !== t.tenant ? `${t.name} (${t.tenant})` : t.tenant)).join(', ');
  const doc = h`<!DOCTYPE html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="takeback ${m.version}">
<title>${l.title}${m.tenants.length > 0 ? ` — ${m.tenants.map((t) => t.name).join(', ')}` : ''}</title>
<link rel="icon" href="data:,">
<style>${trusted(reportCss(m.lang))}</style>
</head>
<body>
<header class="top">
<p class="brand">takeback</p>
<h1>${l.title}</h1>
<p>${l.subtitle}</p>
<p>${tenantLine}</p>
<p>${l.generated} · ${l.timesUtc}</p>
</header>
<main>
${verdictSection(m)}
<nav class="toc"><a href="#incidents">${l.incidents}</a><a href="#other-findings">${l.otherFindings}</a>${m.posture ? h`<a href="#posture">${t('report.posture.heading', { lng: m.lang })}</a>` : ''}<a href="#coverage">${l.coverage}</a></nav>
<section id="incidents"><h2>${l.incidents}</h2>
${m.incidents.length > 0 ? m.incidents.map((inc) => incidentSection(inc, m, byId)) : h`<p>${l.noIncidents}</p>`}
</section>
<section id="other-findings"><h2>${l.otherFindings}</h2>
${others.length > 0 ? others.map((f) => findingCard(f, l)) : h`<p>${l.noOtherFindings}</p>`}
${m.omitted ? h`<div class="omitted"><h3>${l.omitted}</h3><ul>${m.omitted.map((o) => h`<li>${o.text}</li>`)}</ul></div>` : ''}
</section>
${postureSection(m)}
${coverageSection(m.coverage, l)}
</main>
<footer><p>${l.footer}</p></footer>
</body>
</html>
`;
  return doc.text;
}
