// Shared by the report tests: the seed case through the real importer and detection, and the same
// case with attacker-controlled names made hostile (markup, spreadsheet formulas, terminal escapes).
import type { CanonicalEvent } from '../core/event.ts';
import type { Lang } from '../core/i18n.ts';
import { detect } from '../detect/engine.ts';
import type { Finding } from '../detect/finding.ts';
import { EXAMPLES, importEvents } from '../detect/test-support.ts';
import type { CoverageInput } from './coverage.ts';
import { buildReport, type ReportInput } from './model.ts';
import type { ReportModel } from './types.ts';
import { EventsWindowTally } from './window.ts';

export const SEED_CSV = `${EXAMPLES}seed-case-purview.csv`;
export const SEED_TENANT = '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31';
export const SEED_NOW = '2026-10-21T09:00:00.000Z';

/** The seed case's storyline, in order. */
export const SEED_STORY = [
  'admin-signin-unusual',
  'security-info-registered',
  'rogue-user-created',
  'made-global-admin',
  'contacts-changed',
  'original-admin-removed',
  'original-admin-deleted',
  'licence-bought',
] as const;

export const HOSTILE_HTML = '<img src=x onerror=alert(1)>';
export const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example/","click me")';
export const ESC = '\u001b';
export const HOSTILE_ANSI = `${ESC}[31mRED${ESC}[0m`;

/** Replaces names everywhere in an event (actor, targets, changes, raw) so identities still link. */
function rename(ev: CanonicalEvent, from: string, to: string): CanonicalEvent {
  return JSON.parse(JSON.stringify(ev, (_k, v: unknown) => (typeof v === 'string' && v.includes(from) ? v.split(from).join(to) : v))) as CanonicalEvent;
}

/** The seed case with the rogue admin's UPN, display name and licence name made hostile. */
export async function hostileSeedEvents(): Promise<CanonicalEvent[]> {
  return (await importEvents(SEED_CSV)).map((ev) => {
    let e = rename(ev, 'support-admin@', `${HOSTILE_HTML}support-admin@`);
    e = rename(e, 'Support Admin', HOSTILE_FORMULA);
    e = rename(e, 'it-notice@mail.example.net', `${HOSTILE_ANSI}it-notice@mail.example.net`);
    return e;
  });
}

/** A finding whose every text field is hostile, citing one hostile event, for the renderers. */
export function hostileFinding(): { finding: Finding; event: CanonicalEvent } {
  const event: CanonicalEvent = {
    id: 'ev-hostile-1',
    tenant: SEED_TENANT,
    provider: 'm365',
    source: 'entra.audit',
    time: '2026-10-06T10:00:00.000Z',
    action: 'consent.granted',
    nativeAction: `Consent to application ${HOSTILE_HTML}`,
    actor: { kind: 'app', id: 'app-1', name: HOSTILE_FORMULA, ip: '198.51.100.7' },
    targets: [{ kind: 'servicePrincipal', id: 'sp-1', name: `${HOSTILE_ANSI} App <script>alert(2)</script>` }],
    changes: [],
    result: 'success',
    raw: {},
  };
  const finding: Finding = {
    id: 'f-hostile-1',
    ruleId: 'TB-M20-app-consent',
    indicator: 'M20',
    kind: 'event',
    severity: 'medium',
    attack: ['T1528'],
    tenant: SEED_TENANT,
    provider: 'm365',
    time: event.time,
    timeExact: true,
    text: { title: 'detect.TB-M20-app-consent.title', explanation: 'detect.TB-M20-app-consent.explanation', nextSteps: 'detect.TB-M20-app-consent.nextSteps', notes: [] },
    params: { actor: HOSTILE_FORMULA, subject: `${HOSTILE_ANSI} App <script>alert(2)</script>`, ip: '198.51.100.7', when: '2026-10-06 10:00 UTC', app: HOSTILE_HTML, permissions: HOSTILE_FORMULA },
    subject: { kind: 'servicePrincipal', id: 'sp-1', name: HOSTILE_FORMULA },
    entities: { actors: [{ kind: 'app', id: 'app-1', name: HOSTILE_FORMULA }], targets: [{ kind: 'servicePrincipal', id: 'sp-1', name: HOSTILE_HTML }], ips: ['198.51.100.7'] },
    evidence: { events: [event.id, 'ev-not-in-data'], findings: [], changes: [{ name: `Scope ${HOSTILE_HTML}`, old: HOSTILE_FORMULA, new: JSON.stringify([HOSTILE_ANSI, 'Mail.Read']) }] },
  };
  return { finding, event };
}

export function windowOf(events: readonly CanonicalEvent[]): CoverageInput['eventsWindow'] {
  const tally = new EventsWindowTally();
  for (const ev of events) tally.add(ev);
  return tally.result();
}

/** detect → buildReport over in-memory events, with optional extra findings and coverage. */
export async function reportOf(events: readonly CanonicalEvent[], lang: Lang, extra: Partial<ReportInput> & { extraFindings?: Finding[]; extraEvents?: CanonicalEvent[] } = {}): Promise<ReportModel> {
  const { findings, incidents } = await detect(events, {}, { now: SEED_NOW });
  const all = [...events, ...(extra.extraEvents ?? [])];
  return buildReport({
    lang,
    generatedAt: SEED_NOW,
    tenants: extra.tenants ?? [{ tenant: SEED_TENANT, displayName: 'Example KK' }],
    findings: [...findings, ...(extra.extraFindings ?? [])],
    incidents,
    events: new Map(all.map((e) => [e.id, e])),
    coverage: extra.coverage ?? { eventsWindow: windowOf(events) },
    version: '0.0.0-test',
  });
}
