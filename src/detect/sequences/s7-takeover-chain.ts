// S7: the seed case's chain. A new administrator appears; afterwards an original administrator is
// removed, disabled or deleted; the notification contacts change around the same time. New admin plus
// lock-out is already a takeover (critical); the contacts change and a licence bought (for or by the new
// admin, or for the tenant) complete the story.
// Works on log findings and on snapshot findings alike, so a first scan of a tenant taken over weeks ago
// still tells the story from creation dates and the recycle bin.
import { ALICE, ATTACKER_IP, BOB, by, change, ev, MALLORY, OFFICE_IP, role, user } from '../fixtures.ts';
import { DAY_MS } from '../facts.ts';
import type { Finding } from '../finding.ts';
import type { FindingDraft, SequenceRule } from '../rule.ts';
import { actorKeys, entitiesOf, ms, withStep } from './helpers.ts';

const WINDOW_MS = 30 * DAY_MS;

interface Timed {
  f: Finding;
  t: number;
  /** The subject's principal key. */
  who: string | undefined;
  /** The actors' principal keys. */
  actors: string[];
}

export const s7TakeoverChain: SequenceRule = {
  kind: 'sequence',
  id: 'TB-S7-takeover-chain',
  severity: 'critical',
  attack: ['T1098.003', 'T1531', 'T1562'],
  evaluate(findings, ctx) {
    const facts = ctx.facts;
    const newAdmins = withStep(findings, 'made-global-admin', 'made-admin', 'rogue-user-created').filter((f) => {
      const k = facts.key(f.subject);
      return k !== undefined && facts.adminOf(k) !== undefined && facts.isNewcomer(k, ms(f.time) + 1);
    });
    // Each candidate's time and subject worked out once: every new admin is checked against all of them,
    // and a month of a large tenant holds thousands of licence changes.
    const timed = (list: Finding[]): Timed[] => list.map((f) => ({ f, t: ms(f.time), who: facts.key(f.subject), actors: actorKeys(facts, f) }));
    const lockouts = timed(withStep(findings, 'original-admin-removed', 'original-admin-deleted', 'original-admin-disabled'));
    const contacts = timed(withStep(findings, 'contacts-changed'));
    const licences = timed(withStep(findings, 'licence-bought'));
    const byNewAdmin = new Map<string, Finding[]>();
    for (const f of newAdmins) {
      const k = facts.key(f.subject)!;
      const list = byNewAdmin.get(k);
      if (list) list.push(f);
      else byNewAdmin.set(k, [f]);
    }
    const out: FindingDraft[] = [];
    for (const [admin, made] of byNewAdmin) {
      made.sort((a, b) => ms(a.time) - ms(b.time));
      const t0 = ms(made[0]!.time);
      const ips = new Set(made.flatMap((f) => f.entities.ips));
      const makers = new Set(made.flatMap((f) => actorKeys(facts, f)));
      // The lock-out: an established admin, after the new one appeared, by the new admin, from the same
      // IP or by whoever made him; a snapshot finding has no actor and counts by time alone.
      const locked = lockouts.filter(({ f, t, who, actors }) => {
        if (who === undefined || who === admin || facts.isNewcomer(who, t)) return false;
        if (f.timeExact ? t < t0 || t > t0 + WINDOW_MS : t < t0) return false;
        if (actors.length === 0) return true;
        return actors.includes(admin) || actors.some((a) => makers.has(a)) || f.entities.ips.some((ip) => ips.has(ip));
      });
      if (locked.length === 0) continue;
      const near = ({ f, t }: Timed): boolean => !f.timeExact || (t >= t0 - DAY_MS && t <= t0 + WINDOW_MS);
      const contact = contacts.filter(near).map((x) => x.f);
      // A licence for or by this admin, or one the tenant bought (no account named: a snapshot's new
      // subscription). Another new admin's licences belong to his own chain.
      const licence = licences.filter((x) => near(x) && (x.f.subject === undefined || x.who === admin || x.f.kind === 'snapshot' || x.actors.includes(admin))).map((x) => x.f);
      const members = [...made, ...locked.map((x) => x.f), ...contact, ...licence];
      const notes = ['lockout'];
      if (contact.length > 0) notes.push('contacts');
      if (licence.length > 0) notes.push('licence');
      out.push({
        time: made[0]!.time,
        timeExact: made[0]!.timeExact,
        subject: facts.refOf(admin),
        ...entitiesOf(members),
        events: [],
        findings: members.map((f) => f.id),
        params: { original: [...new Set(locked.map(({ f }) => f.params.subject ?? '?'))].join(', ') },
        notes,
      });
    }
    return out;
  },
  text: {
    title: { en: 'Tenant takeover: a new administrator locked out the original one', ja: 'テナントの乗っ取り: 新しい管理者が元の管理者を締め出しました' },
    explanation: {
      en: 'A new administrator, {{subject}}, appeared, and afterwards the original administrator {{original}} was removed, disabled or deleted.',
      ja: '新しい管理者 {{subject}} が現れ、その後、元の管理者 {{original}} が外された・無効にされた・削除されました。',
    },
    nextSteps: {
      en: 'Follow the recovery steps now: restore the original administrator from the recycle bin if it still holds him (30 days after deletion; past that, create his account again), block {{subject}}, put the notification contacts back, and check billing for licences you did not buy.',
      ja: '今すぐ復旧の手順を進めてください。元の管理者がごみ箱に残っていれば復元し (削除から 30 日間。過ぎていればアカウントを作り直します)、{{subject}} をブロックし、通知の送信先を元に戻し、身に覚えのないライセンスの購入がないか請求を確認してください。',
    },
    notes: {
      lockout: { en: 'The original administrator lost his access after the new one appeared.', ja: '新しい管理者が現れた後、元の管理者がアクセスを失いました。' },
      contacts: { en: "The tenant's notification contacts were changed in the same period: warnings from Microsoft went elsewhere.", ja: '同じ時期にテナントの通知の送信先が変更され、Microsoft からの警告が別の宛先に届くようになりました。' },
      licence: { en: 'A licence was bought or assigned in the same period.', ja: '同じ時期にライセンスが購入または割り当てられました。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'the seed case in four records',
        events: [
          ev({ action: 'user.created', time: '2026-10-05T01:25:11.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] }),
          ev({ action: 'role.assigned', time: '2026-10-05T01:27:30.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY), role('Global Administrator')] }),
          ev({ action: 'tenant.contacts.changed', time: '2026-10-12T02:40:07.000Z', actor: by(MALLORY, ATTACKER_IP), changes: [change('TechnicalNotificationMails', '["alice@contoso.example"]', '["x@mail.example.net"]')] }),
          ev({ action: 'role.unassigned', time: '2026-10-19T03:05:44.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE), role('Global Administrator')] }),
          ev({ action: 'user.deleted', time: '2026-10-19T03:06:20.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] }),
        ],
        severity: 'critical',
      },
    ],
    nearMiss: [
      {
        name: 'a planned second admin; nobody removed',
        events: [
          ev({ action: 'user.created', time: '2026-10-05T01:25:11.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] }),
          ev({ action: 'role.assigned', time: '2026-10-05T01:27:30.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(BOB), role('Global Administrator')] }),
        ],
      },
    ],
  },
};
