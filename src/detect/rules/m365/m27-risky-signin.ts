// M27: Microsoft's own risk detection flagged an account (Identity Protection: leaked credentials,
// anonymous IP, unfamiliar sign-in properties…), or a sign-in record carries a medium or high risk.
import { actorRef, rawRecord, subjectOf, textOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, OFFICE_IP, user } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const RISKY = /^(medium|high)$/i;
const AT_RISK = /^(atrisk|confirmedcompromised)$/i;

export const m27RiskySignin: EventRule = {
  kind: 'event',
  id: 'TB-M27-risky-signin',
  indicator: 'M27',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1078.004'],
  actions: ['risk.detected', 'signin'],
  match(e) {
    let risk: string;
    if (e.action === 'signin') {
      // Graph and the portal spell the fields in camelCase, Log Analytics in PascalCase.
      const raw = rawRecord(e.raw);
      const level = textOf(raw?.riskLevelDuringSignIn) ?? textOf(raw?.RiskLevelDuringSignIn);
      const state = textOf(raw?.riskState) ?? textOf(raw?.RiskState);
      if (!(level !== undefined && RISKY.test(level)) && !(state !== undefined && AT_RISK.test(state))) return undefined;
      risk = `${level ?? '-'} / ${state ?? '-'}`;
    } else {
      risk = e.nativeAction;
    }
    const who = e.action === 'signin' ? actorRef(e) : (subjectOf(e) ?? actorRef(e));
    if (who === undefined) return undefined;
    return { subject: who, params: { risk }, admin: { who, required: false, severity: { global: 'high', privileged: 'high', admin: 'high', none: 'medium' } }, step: 'risky-signin' };
  },
  text: {
    title: { en: 'Risky sign-in or risk detection', ja: '危険なサインインまたはリスクの検出' },
    explanation: {
      en: "Microsoft's risk detection flagged {{subject}} at {{when}} ({{risk}}), from {{ip}}.",
      ja: 'Microsoft のリスク検出が {{when}} に {{subject}} を危険と判定しました（{{risk}}、接続元 {{ip}}）。',
    },
    nextSteps: {
      en: 'Ask {{subject}} whether he signed in at that time from that place. If not, reset the password, check the sign-in methods and sign the account out everywhere.',
      ja: '{{subject}} にその時刻・その場所からサインインしたか確認してください。覚えがなければパスワードを再設定し、サインイン方法を確認して、すべての端末からサインアウトさせてください。',
    },
  },
  fixtures: {
    fires: [
      { name: 'leaked credentials for an admin', events: [madeGlobalAdmin(ALICE), ev({ action: 'risk.detected', nativeAction: 'leakedCredentials', actor: { kind: 'system' }, targets: [user(ALICE)] })], severity: 'high' },
      { name: 'high-risk sign-in of a user', events: [ev({ action: 'signin', source: 'entra.signin', actor: by(BOB, ATTACKER_IP), raw: { riskLevelDuringSignIn: 'high', riskState: 'atRisk' } })], severity: 'medium' },
    ],
    nearMiss: [{ name: 'ordinary sign-in', events: [ev({ action: 'signin', source: 'entra.signin', actor: by(BOB, OFFICE_IP), raw: { riskLevelDuringSignIn: 'none', riskState: 'none' } })] }],
  },
};
