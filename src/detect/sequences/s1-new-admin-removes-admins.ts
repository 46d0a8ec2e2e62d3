// S1: a newly made admin removes two or more admins within an hour (catalogue sequence 1: the lock-out).
import { ALICE, ATTACKER_IP, BOB, by, CAROL, ev, MALLORY, OFFICE_IP, role, user } from '../fixtures.ts';
import type { FindingDraft, SequenceRule } from '../rule.ts';
import { actorKeys, entitiesOf, HOUR_MS, ms, withStep } from './helpers.ts';

export const s1NewAdminRemovesAdmins: SequenceRule = {
  kind: 'sequence',
  id: 'TB-S1-new-admin-removes-admins',
  severity: 'critical',
  attack: ['T1531'],
  evaluate(findings, ctx) {
    const removals = withStep(findings, 'original-admin-removed', 'admin-removed').filter((f) => f.kind === 'event');
    const byActor = new Map<string, typeof removals>();
    for (const f of removals) {
      for (const k of actorKeys(ctx.facts, f)) {
        if (!ctx.facts.isNewAdmin(k, ms(f.time))) continue;
        const list = byActor.get(k);
        if (list) list.push(f);
        else byActor.set(k, [f]);
      }
    }
    const out: FindingDraft[] = [];
    for (const [actor, list] of byActor) {
      for (let i = 0; i < list.length; i++) {
        const window = list.filter((f) => ms(f.time) >= ms(list[i]!.time) && ms(f.time) <= ms(list[i]!.time) + HOUR_MS);
        const subjects = new Set(window.map((f) => ctx.facts.key(f.subject)));
        if (subjects.size < 2) continue;
        const made = ctx.facts.madeAdmin(actor, ms(list[i]!.time));
        out.push({
          time: list[i]!.time,
          ...entitiesOf(window),
          subject: ctx.facts.refOf(actor),
          findings: window.map((f) => f.id),
          events: made !== undefined ? [made.eventId] : [],
          params: { count: subjects.size },
        });
        break;
      }
    }
    return out;
  },
  text: {
    title: { en: 'New administrator removed other administrators', ja: '新しい管理者が他の管理者を外しました' },
    explanation: {
      en: '{{subject}}, made an administrator shortly before, removed {{count}} administrators within an hour.',
      ja: '直前に管理者にされた {{subject}} が、1時間以内に {{count}} 人の管理者を外しました。',
    },
    nextSteps: {
      en: 'Treat the tenant as taken over: block {{subject}}, restore the removed administrators and follow the recovery steps.',
      ja: 'テナントが乗っ取られたものとして対応してください。{{subject}} をブロックし、外された管理者を元に戻して、復旧の手順に進んでください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'new Global Administrator removes two admins',
        events: [
          ev({ action: 'role.assigned', time: '2026-10-19T03:00:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY), role('Global Administrator')] }),
          ev({ action: 'role.unassigned', time: '2026-10-19T03:05:00.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE), role('Global Administrator')] }),
          ev({ action: 'role.unassigned', time: '2026-10-19T03:06:00.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(CAROL), role('Global Administrator')] }),
        ],
        severity: 'critical',
      },
    ],
    nearMiss: [
      {
        name: 'a long-standing admin removes two admins',
        events: [
          ev({ action: 'role.unassigned', time: '2026-10-19T03:05:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(BOB), role('Global Administrator')] }),
          ev({ action: 'role.unassigned', time: '2026-10-19T03:06:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(CAROL), role('Global Administrator')] }),
        ],
      },
    ],
  },
};
