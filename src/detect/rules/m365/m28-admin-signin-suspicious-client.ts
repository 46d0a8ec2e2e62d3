// M28: an admin signed in (or tried to) in a way people rarely do: a legacy protocol that skips MFA,
// the device-code flow phishing kits use, scripting tools, or a denied MFA prompt (push fatigue).
import { actorRef, rawRecord, textOf } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, ev, madeGlobalAdmin, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const TOOL_UA = /powershell|python|curl\/|wget|go-http|aadinternals|roadtools|okhttp|axios|node-fetch|libwww|httpclient/i;
const LEGACY = /^(exchange activesync|imap4?|pop3?|smtp|authenticated smtp|other clients|exchange web services|mapi over http|offline address book|autodiscover|exchange online powershell)$/i;
/** 500121: MFA denied or failed; 50088/50097-style codes are ordinary. */
const MFA_DENIED = new Set(['500121']);

// User agents repeat across millions of sign-ins: test each one once.
const agentCache = new Map<string, boolean>();
const DEVICE_CODE = /devicecode|ropc/i;

function isToolAgent(ua: string): boolean {
  let hit = agentCache.get(ua);
  if (hit === undefined) {
    hit = TOOL_UA.test(ua);
    if (agentCache.size > 10_000) agentCache.clear();
    agentCache.set(ua, hit);
  }
  return hit;
}

export const m28AdminSigninSuspiciousClient: EventRule = {
  kind: 'event',
  id: 'TB-M28-admin-signin-suspicious-client',
  indicator: 'M28',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1078.004', 'T1621', 'T1110'],
  actions: ['signin', 'signin.failed'],
  includeFailures: true,
  match(e) {
    // Most sign-ins are ordinary: read the signs first, make the list of notes only when there is one.
    const ua = e.actor.userAgent;
    const tool = ua !== undefined && isToolAgent(ua);
    // Graph and the portal spell the fields in camelCase, Log Analytics in PascalCase.
    const raw = rawRecord(e.raw);
    const client = textOf(raw?.clientAppUsed) ?? textOf(raw?.ClientAppUsed);
    const legacy = client !== undefined && LEGACY.test(client);
    const protocol = textOf(raw?.authenticationProtocol) ?? textOf(raw?.AuthenticationProtocol);
    const deviceCode = protocol !== undefined && DEVICE_CODE.test(protocol);
    let mfaDenied = false;
    if (e.action === 'signin.failed') {
      const status = rawRecord(raw?.status);
      const code = textOf(Array.isArray(status) ? undefined : status?.errorCode) ?? textOf(raw?.ResultType) ?? textOf(raw?.ErrorNumber);
      mfaDenied = code !== undefined && MFA_DENIED.has(code);
      // A failure of the other kinds says only that the attempt failed.
    }
    if (!tool && !legacy && !deviceCode && !mfaDenied) return undefined;
    const notes: string[] = [];
    if (tool) notes.push('tool');
    if (legacy) notes.push('legacy');
    if (deviceCode) notes.push('deviceCode');
    if (mfaDenied) notes.push('mfaDenied');
    const who = actorRef(e);
    if (who === undefined) return undefined;
    return { subject: who, targets: [], params: { client: client ?? ua ?? '-' }, notes, admin: { who, required: true, severity: { global: 'medium', privileged: 'medium', admin: 'medium' } }, step: 'risky-signin' };
  },
  text: {
    title: { en: 'Administrator sign-in with an unusual client', ja: '管理者が普段と違う方法でサインインしました' },
    explanation: {
      en: '{{subject}} ({{adminRole}}) signed in or tried to at {{when}} from {{ip}} using {{client}}.',
      ja: '{{subject}}（{{adminRole}}）が {{when}} に、接続元 {{ip}} から {{client}} でサインイン（または試行）しました。',
    },
    nextSteps: {
      en: 'Ask {{subject}} whether he used this tool or app. If not, reset the password and block legacy authentication with a Conditional Access policy or security defaults.',
      ja: '{{subject}} にこのツールやアプリを使ったか確認してください。覚えがなければパスワードを再設定し、条件付きアクセスまたはセキュリティの既定値群で旧式の認証をブロックしてください。',
    },
    notes: {
      tool: { en: 'The client is a scripting or hacking tool, not a browser or Office app.', ja: '接続に使われたのはブラウザーや Office アプリではなく、スクリプトや攻撃用のツールです。' },
      legacy: { en: 'A legacy protocol was used: it cannot ask for a second factor.', ja: '旧式のプロトコルが使われました。2段階目の認証を求めることができません。' },
      deviceCode: { en: 'The device-code or password-only flow was used, which phishing kits abuse.', ja: 'フィッシングで悪用されるデバイスコード（またはパスワードのみ）の方式が使われました。' },
      mfaDenied: { en: 'The second-factor prompt was denied or failed: someone who knows the password may be trying.', ja: '2段階目の認証が拒否または失敗しました。パスワードを知っている誰かが試している可能性があります。' },
    },
  },
  fixtures: {
    fires: [
      { name: 'admin signs in with PowerShell', events: [madeGlobalAdmin(ALICE), ev({ action: 'signin', source: 'entra.signin', actor: { ...by(ALICE, ATTACKER_IP), userAgent: 'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1' } })], severity: 'medium' },
      { name: 'MFA denied for an admin', events: [madeGlobalAdmin(ALICE), ev({ action: 'signin.failed', source: 'entra.signin', result: 'failure', actor: by(ALICE, ATTACKER_IP), raw: { status: { errorCode: 500121 } } })], severity: 'medium' },
    ],
    nearMiss: [
      { name: 'admin signs in with a browser', events: [madeGlobalAdmin(ALICE), ev({ action: 'signin', source: 'entra.signin', actor: { ...by(ALICE, OFFICE_IP), userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/140' }, raw: { clientAppUsed: 'Browser' } })] },
      { name: 'ordinary user with PowerShell', events: [ev({ action: 'signin', source: 'entra.signin', actor: { ...by(BOB, OFFICE_IP), userAgent: 'WindowsPowerShell/5.1' } })] },
    ],
  },
};
