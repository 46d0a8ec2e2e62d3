// M18: a secret, certificate or federated credential was added to an app. The app can then sign in on
// its own, with whatever permissions it holds, and survives password resets of every admin.
import { touchedNames } from '../../event-values.ts';
import { ALICE, ATTACKER_IP, by, change, ev, OFFICE_IP } from '../../fixtures.ts';
import type { EventRule } from '../../rule.ts';

export const m18AppCredentialAdded: EventRule = {
  kind: 'event',
  id: 'TB-M18-app-credential-added',
  indicator: 'M18',
  provider: 'm365',
  severity: 'medium',
  attack: ['T1098.001'],
  actions: ['app.credential.added'],
  match(e) {
    const app = e.targets.find((t) => t.kind === 'application' || t.kind === 'serviceprincipal') ?? e.targets[0];
    const federated = touchedNames(e.changes).has('federatedidentitycredentials');
    const r: { subject?: { kind: string; id?: string; name?: string }; notes: string[]; step: 'app-credential-added' } = { notes: federated ? ['federated'] : [], step: 'app-credential-added' };
    if (app !== undefined) r.subject = { kind: app.kind, ...(app.id !== undefined ? { id: app.id } : {}), ...(app.name !== undefined ? { name: app.name } : {}) };
    return r;
  },
  text: {
    title: { en: 'Credential added to an app: {{subject}}', ja: 'アプリに資格情報が追加されました: {{subject}}' },
    explanation: {
      en: '{{actor}} added a secret or certificate to the app {{subject}} at {{when}}. Whoever has it can act as the app, with all its permissions.',
      ja: '{{actor}} が {{when}} にアプリ {{subject}} へシークレットまたは証明書を追加しました。これを持つ人は、そのアプリの全権限で操作できます。',
    },
    nextSteps: {
      en: 'Ask the app\'s owner whether the credential is expected. If not, delete it and review what the app has done and which permissions it holds.',
      ja: 'アプリの管理者に想定された資格情報か確認してください。違う場合は削除し、アプリが何をしたか、どの権限を持っているかを確認してください。',
    },
    notes: {
      federated: { en: 'It is a federated credential: tokens from an outside identity provider are accepted for the app.', ja: 'フェデレーション資格情報です。外部の認証基盤が発行したトークンでアプリとして操作できます。' },
    },
  },
  fixtures: {
    fires: [
      {
        name: 'client secret added (OTRF Golden SAML shape)',
        events: [ev({ action: 'app.credential.added', nativeAction: 'Update application – Certificates and secrets management ', actor: by(ALICE, ATTACKER_IP), targets: [{ kind: 'application', id: 'app-1', name: 'SimuLandApp' }], changes: [change('KeyDescription', '[]', '["[KeyIdentifier=59ea,KeyType=Password,KeyUsage=Verify,DisplayName=x]"]')] })],
        severity: 'medium',
      },
    ],
    nearMiss: [{ name: 'credential removed', events: [ev({ action: 'app.credential.removed', nativeAction: 'Remove service principal credentials', actor: by(ALICE, OFFICE_IP), targets: [{ kind: 'serviceprincipal', id: 'sp-1', name: 'Old app' }] })] }],
  },
};
