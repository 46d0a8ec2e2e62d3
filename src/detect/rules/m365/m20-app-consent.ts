// M20: an app was given access to the organisation's data. Consent for all users (admin consent,
// `AllPrincipals`) or an application permission is tenant-wide; one user consenting for himself is
// not. An app asking for new permissions (RequiredResourceAccess) is the step before.
import { findChange, plainValue, touchedNames } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, BOB, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

const WIDE = /allprincipals|isadminconsent"?\s*[:=]?\s*\[?"?true/i;
const SENSITIVE_SCOPE = /\b(mail\.|files\.readwrite|directory\.|rolemanagement\.|application\.readwrite|user\.readwrite\.all|full_access_as_app|sites\.fullcontrol|mailboxsettings)/i;

export const m20AppConsent: EventRule = {
  kind: 'event',
  id: 'TB-M20-app-consent',
  indicator: 'M20',
  provider: 'm365',
  severity: 'high',
  attack: ['T1098.003', 'T1528'],
  actions: ['consent.granted', 'app.updated'],
  match(e) {
    // "Add delegated permission grant" and "Add app role assignment to service principal" name the
    // resource (Microsoft Graph) first and the app that got in by ServicePrincipal.ObjectID: that app
    // is the subject, the resource is what it may read.
    const clientId = plainValue(findChange(e, 'ServicePrincipal.ObjectID')?.new)?.toLowerCase();
    const client = clientId !== undefined && clientId !== '' ? e.targets.find((t) => t.id?.toLowerCase() === clientId) ?? { kind: 'serviceprincipal' as const, id: clientId } : undefined;
    const resource = client !== undefined ? e.targets.find((t) => t !== client && t.id?.toLowerCase() !== clientId && (t.kind === 'serviceprincipal' || t.kind === 'application')) : undefined;
    const app = client ?? e.targets.find((t) => t.kind === 'serviceprincipal' || t.kind === 'application');
    const subject = app !== undefined ? { kind: app.kind, ...(app.id !== undefined ? { id: app.id } : {}), ...(app.name !== undefined ? { name: app.name } : {}) } : undefined;
    const withSubject = subject !== undefined ? { subject } : {};
    if (e.action === 'app.updated') {
      // Only a change of the permissions the app asks for.
      if (!touchedNames(e.changes).has('requiredresourceaccess')) return undefined;
      return { ...withSubject, severity: 'medium', notes: ['requested'], step: 'app-permissions-requested' };
    }
    const all = e.changes.map((c) => `${c.name}=${c.new ?? ''}`).join(' ');
    const scope = plainValue(findChange(e, 'DelegatedPermissionGrant.Scope')?.new) ?? (/Scope:\s*([^,\]]+)/i.exec(all)?.[1]?.trim() ?? '-');
    const tenantWide = WIDE.test(all) || /app role assignment/i.test(e.nativeAction);
    const notes = [tenantWide ? 'tenantWide' : 'userOnly'];
    if (SENSITIVE_SCOPE.test(scope)) notes.push('sensitive');
    const resourceName = resource?.name ?? resource?.id;
    if (resourceName !== undefined) notes.push('resource');
    return { ...withSubject, severity: tenantWide ? 'high' : 'low', params: { scope, ...(resourceName !== undefined ? { resource: resourceName } : {}) }, notes, step: 'app-consent' };
  },
  text: {
    title: { en: "App given access to the organisation's data", ja: 'アプリに組織のデータへのアクセスが許可されました' },
    explanation: {
      en: '{{actor}} granted or requested permissions for the app {{subject}} at {{when}}.',
      ja: '{{actor}} が {{when}} に、アプリ {{subject}} の権限を許可または要求しました。',
    },
    nextSteps: {
      en: 'Check the app and its permissions (Entra admin center > Enterprise applications > Permissions). Remove the consent if nobody in your organisation needs the app.',
      ja: 'アプリとその権限を確認してください（Entra 管理センター > エンタープライズ アプリケーション > アクセス許可）。社内で必要とされていなければ許可を取り消してください。',
    },
    notes: {
      tenantWide: { en: 'The consent covers every user of the tenant.', ja: 'この許可はテナントの全ユーザーに及びます。' },
      userOnly: { en: 'One user consented for himself.', ja: '1人のユーザーが自分の分だけを許可しました。' },
      sensitive: { en: 'The permissions include mail, files or directory access ({{scope}}).', ja: '許可にはメール、ファイル、ディレクトリへのアクセスが含まれます（{{scope}}）。' },
      resource: { en: 'The access is to data held by {{resource}}.', ja: 'アクセス先は {{resource}} が扱うデータです。' },
      requested: { en: 'The app now asks for more permissions than before.', ja: 'アプリが以前より多くの権限を要求するようになりました。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'delegated grant for all principals with Mail.ReadWrite (OTRF shape)',
        events: [ev({ action: 'consent.granted', nativeAction: 'Add delegated permission grant', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'serviceprincipal', id: 'sp-graph', name: 'Microsoft Graph' }, { kind: 'serviceprincipal', id: 'sp-client' }], changes: [change('DelegatedPermissionGrant.Scope', '"User.Read"', '"User.Read Mail.ReadWrite"'), change('DelegatedPermissionGrant.ConsentType', '"AllPrincipals"', '"AllPrincipals"'), change('ServicePrincipal.ObjectID', null, '"sp-client"')] })],
        severity: 'high',
      },
    ],
    nearMiss: [{ name: 'an app renamed (no permission change)', events: [ev({ action: 'app.updated', nativeAction: 'Update application', actor: by(BOB, OFFICE_IP), targets: [{ kind: 'application', id: 'app-1', name: 'Tool' }], changes: [change('DisplayName', '"Tool"', '"Tool 2"')] })] }],
  },
};
