// S3: an account enabled and its password reset within two minutes (catalogue sequence 3): reviving a
// dormant account to use it.
import { ALICE, ATTACKER_IP, BOB, by, ev, OFFICE_IP, user } from '../fixtures.ts';
import type { FindingDraft, SequenceRule } from '../rule.ts';
import { byEvent, findingsOf, MINUTE_MS } from './helpers.ts';

export const s3EnabledThenPasswordReset: SequenceRule = {
  kind: 'sequence',
  id: 'TB-S3-enabled-then-password-reset',
  severity: 'medium',
  attack: ['T1078', 'T1098'],
  evaluate(findings, ctx) {
    const index = byEvent(findings);
    const out: FindingDraft[] = [];
    for (const [key, marks] of ctx.facts.allMarks()) {
      for (const enabled of marks.filter((m) => m.what === 'enabled' || m.what === 'restored')) {
        const reset = marks.find((m) => m.what === 'password-reset' && m.t >= enabled.t && m.t - enabled.t <= 2 * MINUTE_MS);
        if (reset === undefined) continue;
        const subject = ctx.facts.refOf(key);
        out.push({
          time: enabled.time,
          subject,
          targets: [subject],
          actors: [enabled.by, reset.by].filter((x): x is string => x !== undefined).map((k) => ctx.facts.refOf(k)),
          ips: [...new Set([enabled.ip, reset.ip].filter((x): x is string => x !== undefined))],
          events: [enabled.eventId, reset.eventId],
          findings: findingsOf(index, [enabled.eventId, reset.eventId]),
          severity: ctx.facts.adminOf(key) !== undefined ? 'high' : 'medium',
        });
        break;
      }
    }
    return out;
  },
  text: {
    title: { en: 'Account enabled and its password reset at once', ja: 'アカウントが有効化され、すぐにパスワードがリセットされました' },
    explanation: { en: '{{subject}} was enabled and had its password reset within two minutes, at {{when}}.', ja: '{{when}} に {{subject}} が有効化され、2分以内にパスワードがリセットされました。' },
    nextSteps: {
      en: 'Check why the account was revived; disable it again if nobody needs it.',
      ja: 'アカウントが再び使われるようになった理由を確認し、誰も必要としていなければ再び無効にしてください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'enable then reset',
        events: [
          ev({ action: 'user.enabled', time: '2026-10-05T01:00:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(BOB)] }),
          ev({ action: 'password.reset', time: '2026-10-05T01:01:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(BOB)] }),
        ],
        severity: 'medium',
      },
    ],
    nearMiss: [
      {
        name: 'reset the next day',
        events: [
          ev({ action: 'user.enabled', time: '2026-10-05T01:00:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] }),
          ev({ action: 'password.reset', time: '2026-10-06T01:00:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] }),
        ],
      },
    ],
  },
};
