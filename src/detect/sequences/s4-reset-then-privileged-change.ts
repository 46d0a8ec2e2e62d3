// S4: an account's password reset by someone else, then the account itself makes admin changes within
// 30 minutes (catalogue sequence 4): whoever reset it is now using it.
import { ALICE, ATTACKER_IP, BOB, by, CAROL, ev, MALLORY, OFFICE_IP, user } from '../fixtures.ts';
import type { FindingDraft, SequenceRule } from '../rule.ts';
import { byEvent, findingsOf, MINUTE_MS } from './helpers.ts';

export const s4ResetThenPrivilegedChange: SequenceRule = {
  kind: 'sequence',
  id: 'TB-S4-reset-then-privileged-change',
  severity: 'high',
  attack: ['T1098', 'T1078'],
  evaluate(findings, ctx) {
    const index = byEvent(findings);
    const out: FindingDraft[] = [];
    for (const [key, marks] of ctx.facts.allMarks()) {
      for (const reset of marks.filter((m) => m.what === 'password-reset' && m.by !== undefined)) {
        const op = marks.find((m) => m.what === 'privileged-op' && m.t >= reset.t && m.t - reset.t <= 30 * MINUTE_MS);
        if (op === undefined) continue;
        const subject = ctx.facts.refOf(key);
        out.push({
          time: reset.time,
          subject,
          targets: [subject],
          actors: [ctx.facts.refOf(reset.by!), subject],
          ips: [...new Set([reset.ip, op.ip].filter((x): x is string => x !== undefined))],
          events: [reset.eventId, op.eventId],
          findings: findingsOf(index, [reset.eventId, op.eventId]),
          params: { change: op.action },
        });
        break;
      }
    }
    return out;
  },
  text: {
    title: { en: 'Password reset, then admin changes by the same account', ja: 'パスワードのリセット直後に、同じアカウントで管理操作が行われました' },
    explanation: {
      en: "{{subject}}'s password was reset by {{actor}}, and within 30 minutes {{subject}} made an admin change ({{change}}).",
      ja: '{{actor}} が {{subject}} のパスワードをリセットし、その30分以内に {{subject}} が管理操作（{{change}}）を行いました。',
    },
    nextSteps: {
      en: 'Ask {{subject}} whether he made the change. If not, reset the password again, check sign-in methods and review the change.',
      ja: '{{subject}} 本人が操作したか確認してください。違う場合はパスワードを再設定し、サインイン方法と変更内容を確認してください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'reset, then the account creates a user',
        events: [
          ev({ action: 'password.reset', time: '2026-10-05T01:00:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(BOB)] }),
          ev({ action: 'user.created', time: '2026-10-05T01:10:00.000Z', actor: by(BOB, ATTACKER_IP), targets: [user(MALLORY)] }),
        ],
        severity: 'high',
      },
    ],
    nearMiss: [
      {
        name: 'reset, then the account only signs in',
        events: [
          ev({ action: 'password.reset', time: '2026-10-05T01:00:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(CAROL)] }),
          ev({ action: 'signin', time: '2026-10-05T01:10:00.000Z', actor: by(CAROL, OFFICE_IP) }),
        ],
      },
    ],
  },
};
