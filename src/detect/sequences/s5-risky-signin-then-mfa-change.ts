// S5: a risky or unusual sign-in, then the same account changes its own sign-in methods between 30
// minutes before and an hour after (catalogue sequence 5). The seed case: the intruder signed in as the
// admin and registered his Authenticator seven minutes later.
import { ALICE, ATTACKER_IP, BOB, by, change, ev, madeGlobalAdmin, OFFICE_IP, user } from '../fixtures.ts';
import type { FindingDraft, SequenceRule } from '../rule.ts';
import { byEvent, entitiesOf, findingsOf, HOUR_MS, MINUTE_MS, ms, withStep } from './helpers.ts';

export const s5RiskySigninThenMfaChange: SequenceRule = {
  kind: 'sequence',
  id: 'TB-S5-risky-signin-then-mfa-change',
  severity: 'high',
  attack: ['T1098.005', 'T1078.004'],
  evaluate(findings, ctx) {
    const index = byEvent(findings);
    const out: FindingDraft[] = [];
    const done = new Set<string>();
    for (const risky of withStep(findings, 'admin-signin-unusual', 'risky-signin')) {
      const key = ctx.facts.key(risky.subject);
      if (key === undefined || done.has(key)) continue;
      const t = ms(risky.time);
      const change = ctx.facts.marksOf(key, 'auth-method').find((m) => m.by === undefined && m.t >= t - 30 * MINUTE_MS && m.t <= t + HOUR_MS);
      if (change === undefined) continue;
      done.add(key);
      const members = [risky.id, ...findingsOf(index, [change.eventId])];
      out.push({
        time: risky.time,
        subject: ctx.facts.refOf(key),
        ...entitiesOf([risky]),
        events: [...risky.evidence.events, change.eventId],
        findings: [...new Set(members)],
        params: { minutes: Math.round((change.t - t) / MINUTE_MS) },
      });
    }
    return out;
  },
  text: {
    title: { en: 'Risky sign-in followed by a sign-in method change', ja: '危険なサインインの直後にサインイン方法が変更されました' },
    explanation: {
      en: '{{subject}} signed in in an unusual or risky way, and {{minutes}} {{minutes|minute|minutes}} later the account changed its own sign-in methods.',
      ja: '{{subject}} に普段と違う（または危険な）サインインがあり、その {{minutes}} 分後にアカウント自身がサインイン方法を変更しました。',
    },
    nextSteps: {
      en: 'Assume someone else now holds a second factor for {{subject}}: remove unknown methods, reset the password and sign the account out everywhere.',
      ja: '{{subject}} の2段階目の認証手段を第三者が持っていると考えてください。見覚えのない方法を削除し、パスワードを再設定して、すべての端末からサインアウトさせてください。',
    },
  },
  fixtures: {
    fires: [
      {
        name: 'unusual admin sign-in, then an Authenticator registered',
        events: [
          ev({ action: 'signin', source: 'entra.signin', time: '2026-10-01T00:15:00.000Z', actor: by(BOB, OFFICE_IP) }),
          madeGlobalAdmin(ALICE),
          ev({ action: 'signin', source: 'entra.signin', time: '2026-10-05T17:11:00.000Z', actor: by(ALICE, ATTACKER_IP), raw: { location: { countryOrRegion: 'NL' } } }),
          ev({ action: 'signin', source: 'entra.signin', time: '2026-10-01T00:20:00.000Z', actor: by(BOB, OFFICE_IP), raw: { location: { countryOrRegion: 'JP' } } }),
          ev({ action: 'auth.method.registered', time: '2026-10-05T17:16:00.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(ALICE)], changes: [change('StrongAuthenticationMethod', '[]', '[{"MethodType":6}]')] }),
        ],
        severity: 'high',
      },
    ],
    nearMiss: [
      {
        name: 'ordinary admin sign-in, then a new phone',
        events: [
          madeGlobalAdmin(ALICE),
          ev({ action: 'signin', source: 'entra.signin', time: '2026-10-01T00:15:00.000Z', actor: by(BOB, OFFICE_IP) }),
          ev({ action: 'signin', source: 'entra.signin', time: '2026-10-05T00:15:00.000Z', actor: by(ALICE, OFFICE_IP) }),
          ev({ action: 'auth.method.registered', time: '2026-10-05T00:20:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(ALICE)] }),
        ],
      },
    ],
  },
};
