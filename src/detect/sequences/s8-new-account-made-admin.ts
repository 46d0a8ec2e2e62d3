// S8: an account created and made a privileged admin within a day ("Add user" → "Add member to role",
// as in the seed case, two minutes apart).
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, role, user } from '../fixtures.ts';
import { DAY_MS } from '../facts.ts';
import type { FindingDraft, SequenceRule } from '../rule.ts';
import { byEvent, markPairDraft } from './helpers.ts';

export const s8NewAccountMadeAdmin: SequenceRule = {
  kind: 'sequence',
  id: 'TB-S8-new-account-made-admin',
  severity: 'high',
  attack: ['T1136.003', 'T1098.003'],
  evaluate(findings, ctx) {
    const index = byEvent(findings);
    const out: FindingDraft[] = [];
    for (const [key, marks] of ctx.facts.allMarks()) {
      const created = marks.find((m) => m.what === 'created');
      if (created === undefined) continue;
      const made = marks.find((m) => m.what === 'made-admin' && (m.tier === 'global' || m.tier === 'privileged') && m.t >= created.t && m.t - created.t <= DAY_MS);
      if (made === undefined) continue;
      out.push({ ...markPairDraft(ctx.facts, key, created, made, index), params: { minutes: Math.round((made.t - created.t) / 60_000) } });
    }
    return out;
  },
  text: {
    title: { en: 'New account made administrator right after creation', ja: '作成直後のアカウントが管理者にされました' },
    explanation: { en: '{{subject}} was created and, {{minutes}} {{minutes|minute|minutes}} later, given a privileged admin role by {{actor}}.', ja: '{{subject}} が作成され、その {{minutes}} 分後に {{actor}} によって強い権限の管理者ロールを付与されました。' },
    nextSteps: {
      en: 'Unless this is a planned new administrator, remove the role, block the account and check what it did.',
      ja: '予定された新しい管理者でなければ、ロールを外してアカウントをブロックし、何をしたかを確認してください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'created, Global Administrator two minutes later',
        events: [
          ev({ action: 'user.created', time: '2026-10-05T01:25:11.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] }),
          ev({ action: 'role.assigned', time: '2026-10-05T01:27:30.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY), role('Global Administrator')] }),
        ],
        severity: 'high',
      },
    ],
    nearMiss: [
      { name: 'an old account made Global Administrator', events: [madeGlobalAdmin(BOB)] },
      {
        name: 'a new hire given Helpdesk Administrator',
        events: [
          ev({ action: 'user.created', time: '2026-10-05T01:25:11.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY)] }),
          ev({ action: 'role.assigned', time: '2026-10-05T01:27:30.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY), role('Helpdesk Administrator')] }),
        ],
      },
    ],
  },
};
