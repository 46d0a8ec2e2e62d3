// G11: domain-wide delegation (an API client may act as any user) or an app trusted or authorised with
// admin scopes.
import { rawAt } from '../../event-values.ts';
import { by, gev, GWS_ADMIN, GWS_OTHER } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const ADMIN_SCOPE = /auth\/admin\.|mail\.google\.com|auth\/gmail\.|auth\/drive(\s|$|")|cloud-platform|auth\/apps\./i;

/** Scopes an OAuth `authorize` event names (a multi-value `scope` parameter in the raw activity). */
function scopes(raw: unknown): string {
  const events = rawAt(raw, 'events');
  return JSON.stringify(Array.isArray(events) ? events : []);
}

export const g11ApiAccessGranted: EventRule = {
  kind: 'event',
  id: 'TB-G11-api-access-granted',
  indicator: 'G11',
  provider: 'gws',
  severity: 'high',
  attack: ['T1098.001', 'T1098'],
  actions: ['consent.granted'],
  match(e) {
    const app = e.targets.find((t) => t.kind === 'application');
    const subject = app !== undefined ? { kind: 'application', ...(app.id !== undefined ? { id: app.id } : {}), ...(app.name !== undefined ? { name: app.name } : {}) } : undefined;
    const withSubject = subject !== undefined ? { subject } : {};
    if (/^authorize$/i.test(e.nativeAction)) {
      // A user letting an app read his own calendar is everyday; admin or mail-wide scopes are not.
      if (!ADMIN_SCOPE.test(scopes(e.raw))) return undefined;
      return { ...withSubject, notes: ['adminScopes'], step: 'app-consent' };
    }
    const delegation = /AUTHORIZE_API_CLIENT_ACCESS/i.test(e.nativeAction);
    return { ...withSubject, severity: delegation ? 'high' : 'medium', notes: delegation ? ['domainWide'] : [], step: 'app-consent' };
  },
  text: {
    title: { en: 'App given access to Google Workspace data', ja: 'アプリに Google Workspace のデータへのアクセスが許可されました' },
    explanation: { en: '{{actor}} gave the app {{subject}} access at {{when}}.', ja: '{{actor}} が {{when}} にアプリ {{subject}} へアクセスを許可しました。' },
    nextSteps: {
      en: 'Check the app in the Admin console (Security > API controls); remove the access unless you know the app.',
      ja: '管理コンソール（セキュリティ > API の制御）でアプリを確認し、心当たりのないアプリならアクセスを削除してください。',
    },
    notes: {
      domainWide: { en: 'Domain-wide delegation: the app can act as any user of the organisation.', ja: 'ドメイン全体の委任です。このアプリは組織のどのユーザーとしても操作できます。' },
      adminScopes: { en: 'The app was authorised with admin or mail-wide scopes.', ja: 'アプリに管理者向け、またはメール全体に及ぶ権限が許可されました。' },
    },
  },
  fixtures: {
    fires: [{ name: 'AUTHORIZE_API_CLIENT_ACCESS', events: [gev({ action: 'consent.granted', nativeAction: 'AUTHORIZE_API_CLIENT_ACCESS', actor: by(GWS_ADMIN, '203.0.113.9'), targets: [{ kind: 'application', name: '1234567890' }] })], severity: 'high' }],
    nearMiss: [{ name: 'a user authorises a calendar app', events: [gev({ action: 'consent.granted', nativeAction: 'authorize', source: 'gws.token', actor: by(GWS_OTHER), targets: [{ kind: 'application', name: 'Scheduler' }], raw: { events: [{ name: 'authorize', parameters: [{ name: 'scope', multiValue: ['https://www.googleapis.com/auth/calendar.readonly'] }] }] } })] }],
  },
};
