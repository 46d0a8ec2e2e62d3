// S2: an account created and deleted again within a week (catalogue sequence 2): a throw-away account
// used for one job, then removed to hide it.
import { ALICE, ATTACKER_IP, by, ev, MALLORY, OFFICE_IP, user } from '../fixtures.ts';
import { DAY_MS } from '../facts.ts';
import type { FindingDraft, SequenceRule } from '../rule.ts';
import { byEvent, markPairDraft } from './helpers.ts';

export const s2AccountCreatedThenDeleted: SequenceRule = {
  kind: 'sequence',
  id: 'TB-S2-account-created-then-deleted',
  severity: 'medium',
  attack: ['T1136.003', 'T1070'],
  evaluate(findings, ctx) {
    const index = byEvent(findings);
    const out: FindingDraft[] = [];
    for (const [key, marks] of ctx.facts.allMarks()) {
      const created = marks.find((m) => m.what === 'created');
      if (created === undefined) continue;
      const deleted = marks.find((m) => m.what === 'deleted' && m.t >= created.t && m.t - created.t <= 7 * DAY_MS);
      if (deleted === undefined) continue;
      const hours = Math.max(1, Math.round((deleted.t - created.t) / 3_600_000));
      out.push({ ...markPairDraft(ctx.facts, key, created, deleted, index), severity: ctx.facts.adminOf(key) !== undefined ? 'high' : 'medium', params: { hours } });
    }
    return out;
  },
  text: {
    title: { en: 'Account created and deleted again within a week', ja: 'アカウントが作成後1週間以内に削除されました' },
    explanation: { en: 'The account {{subject}} existed for about {{hours}} {{hours|hour|hours}}.', ja: 'アカウント {{subject}} は約 {{hours}} 時間だけ存在しました。' },
    nextSteps: {
      en: 'Find out who created it and what it did while it existed (sign-ins, changes, mail).',
      ja: '誰が作成したのか、存在していた間に何をしたのか（サインイン、変更、メール）を確認してください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'created and deleted within two days',
        events: [
          ev({ action: 'user.created', time: '2026-10-05T01:00:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] }),
          ev({ action: 'user.deleted', time: '2026-10-07T01:00:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] }),
        ],
        severity: 'medium',
      },
    ],
    nearMiss: [
      {
        name: 'deleted after a month',
        events: [
          ev({ action: 'user.created', time: '2026-09-01T01:00:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY)] }),
          ev({ action: 'user.deleted', time: '2026-10-07T01:00:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY)] }),
        ],
      },
    ],
  },
};
