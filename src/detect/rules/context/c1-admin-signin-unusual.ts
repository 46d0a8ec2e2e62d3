// C1: an admin signed in from somewhere unusual. "Unusual" must be explainable, so it rests on plain
// facts from the data, each shown as a reason; a new address alone is not one (people travel):
//   - the address is new to the tenant (which has a day of sign-ins before it) and is also used by an
//     admin account created or made admin around then (the intruder's own new admin, same machine);
//   - the address is new and, within an hour, admin changes came from it;
//   - the address is new and failed sign-ins from it came just before (password guessing);
//   - nobody in the tenant had signed in from that country before.
// Two reasons, or the shared address, make it high; one makes it medium.
import type { CanonicalEvent } from '../../../core/event.ts';
import { ALICE, ATTACKER_IP, BOB, by, CAROL, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, role, user } from '../../fixtures.ts';
import { DAY_MS } from '../../facts.ts';
import type { ContextRule, FindingDraft } from '../../rule.ts';

const HOUR_MS = 3_600_000;

function signin(p: { time: string; who: typeof ALICE; ip: string; country?: string; failed?: boolean }): CanonicalEvent {
  return ev({
    action: p.failed === true ? 'signin.failed' : 'signin',
    nativeAction: 'Sign-in activity',
    source: 'entra.signin',
    result: p.failed === true ? 'failure' : 'success',
    time: p.time,
    actor: by(p.who, p.ip),
    raw: p.country !== undefined ? { location: { countryOrRegion: p.country } } : {},
  });
}

export const c1AdminSigninUnusual: ContextRule = {
  kind: 'context',
  id: 'TB-C1-admin-signin-unusual',
  severity: 'high',
  attack: ['T1078.004'],
  readsSignInHistory: true,
  evaluate(ctx) {
    const f = ctx.facts;
    const out: FindingDraft[] = [];
    const historyStart = f.tenantFirstSignIn;
    for (const [key, s] of f.signInAccounts()) {
      if (f.adminOf(key) === undefined) continue;
      // A brand-new admin has no normal to compare with; its own findings cover it.
      if (f.isNewcomer(key, s.first)) continue;
      for (const [ip, stat] of s.ips) {
        const t = stat.first;
        const reasons: string[] = [];
        const params: Record<string, string | number> = {};
        // New to the tenant, with a day of history to compare: an address the staff use every day is not
        // unusual for the admin either, even the first time he uses it.
        const warm = t - historyStart >= DAY_MS;
        const newIp = warm && f.tenantIps.get(ip)?.firstId === stat.firstId;

        // An office address is shared by everyone, new hires included: only a new address counts.
        const shared = newIp
          ? [...f.usersOfIp(ip)].filter((u) => {
              if (u === key || f.adminOf(u) === undefined) return false;
              const created = f.createdAt(u)?.t;
              const made = f.marksOf(u, 'made-admin').find((m) => m.tier === 'global' || m.tier === 'privileged')?.t;
              return [created, made].some((x) => x !== undefined && Math.abs(x - t) <= ctx.recentDays * DAY_MS);
            })
          : [];
        if (shared.length > 0) {
          reasons.push('sharedWithNewAccount');
          params.newAccount = f.refOf(shared[0]!).name ?? shared[0]!;
        }
        for (const [country, cs] of s.countries) {
          if (cs.firstId !== stat.firstId) continue;
          const tenantFirst = f.tenantCountries.get(country);
          if (tenantFirst !== undefined && tenantFirst.firstId === cs.firstId && cs.first - historyStart >= DAY_MS) {
            reasons.push('newCountry');
            params.country = country;
          }
        }
        if (newIp) {
          const after = (f.ipActions.get(ip) ?? []).filter((a) => a.t >= t && a.t <= t + HOUR_MS);
          if (after.length > 0) {
            reasons.push('newIpThenChanges');
            params.changes = [...new Set(after.map((a) => a.action))].join(', ');
          }
          const failures = (s.failures.get(ip) ?? []).filter((x) => x <= t && x >= t - HOUR_MS);
          if (failures.length >= 2) {
            reasons.push('afterFailures');
            params.failures = failures.length;
          }
        }
        if (reasons.length === 0) continue;
        const subject = f.refOf(key);
        out.push({
          time: stat.firstTime,
          severity: reasons.length >= 2 || reasons.includes('sharedWithNewAccount') ? 'high' : 'medium',
          subject,
          actors: [subject],
          targets: [],
          ips: [ip],
          events: [stat.firstId],
          changes: [],
          params: { ...params, signIns: stat.count },
          notes: reasons,
          step: 'admin-signin-unusual',
        });
      }
    }
    return out;
  },
  text: {
    title: { en: 'Unusual sign-in to an administrator account', ja: '管理者アカウントへの普段と違うサインイン' },
    explanation: {
      en: 'The administrator {{subject}} signed in from {{ip}} at {{when}} ({{signIns}} {{signIns|sign-in|sign-ins}} from there in the data). The reasons this is unusual:',
      ja: '管理者 {{subject}} が {{when}} に {{ip}} からサインインしました（このデータ内で同じ接続元から {{signIns}} 回）。普段と違うと判断した理由:',
    },
    nextSteps: {
      en: 'Ask {{subject}} whether he signed in at that time from that place. If not, reset his password and sign-in methods, sign him out everywhere and check what the IP did.',
      ja: '{{subject}} にその時刻・その場所からサインインしたか確認してください。覚えがなければパスワードとサインイン方法を設定し直し、すべての端末からサインアウトさせ、その接続元が何をしたか確認してください。',
    },
    notes: {
      sharedWithNewAccount: {
        en: 'The same IP was also used by {{newAccount}}, an account created or made administrator in this period.',
        ja: '同じ接続元は、この期間に作成（または管理者に）された {{newAccount}} にも使われています。',
      },
      newCountry: { en: 'Nobody in the tenant had signed in from {{country}} before.', ja: 'テナントの誰も、これまで {{country}} からサインインしたことがありません。' },
      newIpThenChanges: {
        en: 'The IP was new, and within an hour admin changes came from it: {{changes}}.',
        ja: 'これまで使われていない接続元で、その後1時間以内に管理操作が行われました: {{changes}}。',
      },
      afterFailures: { en: '{{failures}} failed {{failures|sign-in|sign-ins}} from the same IP came just before (password guessing).', ja: '直前に同じ接続元からサインインの失敗が {{failures}} 回ありました（パスワードの推測の可能性）。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'seed case: new IP, admin changes from it, and the new admin works from the same IP',
        events: [
          signin({ time: '2026-10-01T00:15:00.000Z', who: BOB, ip: OFFICE_IP }),
          signin({ time: '2026-10-05T01:12:40.000Z', who: ALICE, ip: ATTACKER_IP }),
          ev({ action: 'user.created', time: '2026-10-05T01:25:11.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] }),
          ev({ action: 'role.assigned', time: '2026-10-05T01:27:30.000Z', actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY), role('Global Administrator')] }),
          ev({ action: 'tenant.contacts.changed', time: '2026-10-12T02:40:07.000Z', actor: by(MALLORY, ATTACKER_IP) }),
        ],
        severity: 'high',
      },
      {
        name: 'password guessing from abroad, then success',
        events: [
          madeGlobalAdmin(ALICE),
          signin({ time: '2026-10-01T00:15:00.000Z', who: BOB, ip: OFFICE_IP, country: 'JP' }),
          signin({ time: '2026-10-05T17:02:00.000Z', who: ALICE, ip: ATTACKER_IP, country: 'NL', failed: true }),
          signin({ time: '2026-10-05T17:05:00.000Z', who: ALICE, ip: ATTACKER_IP, country: 'NL', failed: true }),
          signin({ time: '2026-10-05T17:11:00.000Z', who: ALICE, ip: ATTACKER_IP, country: 'NL' }),
        ],
        severity: 'high',
      },
    ],
    nearMiss: [
      {
        name: 'admin signs in at the office, where staff sign in too, and resets a password',
        events: [
          madeGlobalAdmin(ALICE),
          signin({ time: '2026-10-01T00:15:00.000Z', who: BOB, ip: OFFICE_IP, country: 'JP' }),
          signin({ time: '2026-10-03T00:35:00.000Z', who: ALICE, ip: OFFICE_IP, country: 'JP' }),
          ev({ action: 'password.reset', time: '2026-10-03T01:05:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(CAROL)] }),
        ],
      },
      {
        name: 'a user (not an admin) from abroad',
        events: [signin({ time: '2026-10-01T00:15:00.000Z', who: ALICE, ip: OFFICE_IP, country: 'JP' }), signin({ time: '2026-10-05T00:15:00.000Z', who: BOB, ip: ATTACKER_IP, country: 'NL' })],
      },
    ],
  },
};
