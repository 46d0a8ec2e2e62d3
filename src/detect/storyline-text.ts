// Text of storyline steps, by step kind, in English and Japanese. Params come from the step's findings:
// actor, subject, ip, when, role/adminRole, contacts, licence, restorableUntil, daysLeft.
import type { StepKind } from './finding.ts';
import type { Localized } from './text.ts';

export const STEP_TEXT: Readonly<Record<StepKind, Localized>> = {
  'admin-signin-unusual': {
    en: 'Unusual sign-in to the admin account {{subject}} from {{ip}}',
    ja: '管理者アカウント {{subject}} に、いつもと違う接続元（{{ip}}）からサインインがありました',
  },
  'risky-signin': {
    en: 'Risky sign-in to {{subject}} from {{ip}}',
    ja: '{{subject}} への危険なサインイン（接続元 {{ip}}）',
  },
  'security-info-registered': {
    en: 'A sign-in method (security info) was registered or changed for {{subject}}',
    ja: '{{subject}} のサインイン方法（セキュリティ情報）が登録・変更されました',
  },
  'mfa-weakened': {
    en: 'Multi-factor authentication was weakened for {{subject}}',
    ja: '{{subject}} の多要素認証が弱められました',
  },
  'recovery-contact-changed': {
    en: 'The recovery e-mail or phone of {{subject}} was changed',
    ja: '{{subject}} の回復用メールアドレスまたは電話番号が変更されました',
  },
  'password-reset': {
    en: 'The password of {{subject}} was reset by {{actor}}',
    ja: '{{actor}} が {{subject}} のパスワードをリセットしました',
  },
  'rogue-user-created': {
    en: 'A new account {{subject}} was created by {{actor}}',
    ja: '{{actor}} が新しいアカウント {{subject}} を作成しました',
  },
  'made-global-admin': {
    en: '{{subject}} was made {{role}} by {{actor}}',
    ja: '{{actor}} が {{subject}} を {{role}}（全権限の管理者）にしました',
  },
  'made-admin': {
    en: '{{subject}} was given the admin role {{role}} by {{actor}}',
    ja: '{{actor}} が {{subject}} に管理者ロール {{role}} を付与しました',
  },
  'contacts-changed': {
    en: 'The notification contacts were changed to {{contacts}}',
    ja: '通知の送信先が {{contacts}} に変更されました',
  },
  'original-admin-removed': {
    en: 'The original admin {{subject}} was removed from {{role}} by {{actor}}',
    ja: '{{actor}} が元の管理者 {{subject}} を {{role}} から外しました',
  },
  'original-admin-disabled': {
    en: 'The original admin {{subject}} was disabled by {{actor}}',
    ja: '{{actor}} が元の管理者 {{subject}} を無効にしました',
  },
  'original-admin-deleted': {
    en: 'The original admin {{subject}} was deleted by {{actor}} (restorable until {{restorableUntil}})',
    ja: '{{actor}} が元の管理者 {{subject}} を削除しました（{{restorableUntil}} まで復元できます）',
  },
  'admin-removed': {
    en: 'Admin rights were taken from {{subject}}',
    ja: '{{subject}} から管理者権限が外されました',
  },
  'licence-bought': {
    en: 'A licence was bought or assigned: {{licence}}',
    ja: 'ライセンスが購入または割り当てられました: {{licence}}',
  },
  'domain-added': {
    en: 'A domain was added: {{domain}}',
    ja: 'ドメインが追加されました: {{domain}}',
  },
  'domain-federated': {
    en: 'Sign-in for a domain was handed to another identity provider: {{domain}}',
    ja: 'ドメインのサインインが外部の認証基盤に切り替えられました: {{domain}}',
  },
  'app-credential-added': {
    en: 'A credential (secret or certificate) was added to the app {{subject}}',
    ja: 'アプリ {{subject}} に資格情報（シークレットまたは証明書）が追加されました',
  },
  'app-permissions-requested': {
    en: 'An app now asks for more permissions than before: {{subject}}',
    ja: 'アプリ {{subject}} が以前より多くの権限を要求するようになりました',
  },
  'app-consent': {
    en: 'An app was granted access to the organisation\'s data: {{subject}}',
    ja: 'アプリに組織のデータへのアクセスが許可されました: {{subject}}',
  },
  'policy-weakened': {
    en: 'A sign-in security policy was changed or turned off',
    ja: 'サインインのセキュリティポリシーが変更またはオフにされました',
  },
  'audit-disabled': {
    en: 'Audit logging was turned off',
    ja: '監査ログの記録がオフにされました',
  },
  'mail-forwarding': {
    en: 'Mail forwarding or a mail rule was set up by {{actor}}',
    ja: '{{actor}} がメールの転送またはルールを設定しました',
  },
  'partner-added': {
    en: 'An outside partner was given access to the tenant',
    ja: '外部のパートナーにテナントへのアクセスが与えられました',
  },
  'data-exported': {
    en: 'Data was exported by {{actor}}',
    ja: '{{actor}} がデータを書き出しました',
  },
  other: {
    en: '{{actor}}: {{subject}}',
    ja: '{{actor}}: {{subject}}',
  },
};

/** The same steps when nothing says who did it (the change was seen in a snapshot, not in a log). */
export const STEP_TEXT_NO_ACTOR: Readonly<Partial<Record<StepKind, Localized>>> = {
  'password-reset': { en: 'The password of {{subject}} was reset', ja: '{{subject}} のパスワードがリセットされました' },
  'rogue-user-created': { en: 'A new account {{subject}} was created', ja: '新しいアカウント {{subject}} が作成されました' },
  'made-global-admin': { en: '{{subject}} was made {{role}}', ja: '{{subject}} が {{role}}（全権限の管理者）にされました' },
  'made-admin': { en: '{{subject}} was given the admin role {{role}}', ja: '{{subject}} に管理者ロール {{role}} が付与されました' },
  'original-admin-removed': { en: 'The original admin {{subject}} lost the role {{role}}', ja: '元の管理者 {{subject}} が {{role}} ロールを失いました' },
  'original-admin-disabled': { en: 'The original admin {{subject}} was disabled', ja: '元の管理者 {{subject}} が無効にされました' },
  'original-admin-deleted': {
    en: 'The original admin {{subject}} was deleted (restorable until {{restorableUntil}})',
    ja: '元の管理者 {{subject}} が削除されました（{{restorableUntil}} まで復元できます）',
  },
  'mail-forwarding': { en: 'Mail forwarding or a mail rule was set up', ja: 'メールの転送またはルールが設定されました' },
  'data-exported': { en: 'Data was exported', ja: 'データが書き出されました' },
};

/** The deleted admin's step once the date to restore him has passed (`daysLeft` 0): no "restorable until". */
export const STEP_TEXT_RESTORE_PASSED: Readonly<{ actor: Localized; noActor: Localized }> = {
  actor: {
    en: 'The original admin {{subject}} was deleted by {{actor}} (restorable only until {{restorableUntil}}: that date has passed)',
    ja: '{{actor}} が元の管理者 {{subject}} を削除しました（復元できる期限の {{restorableUntil}} は過ぎています）',
  },
  noActor: {
    en: 'The original admin {{subject}} was deleted (restorable only until {{restorableUntil}}: that date has passed)',
    ja: '元の管理者 {{subject}} が削除されました（復元できる期限の {{restorableUntil}} は過ぎています）',
  },
};

/** Text of incidents themselves (the title comes from their leading finding). */
export const INCIDENT_TEXT: Readonly<Record<string, Localized>> = {
  'detect.incident.summary': {
    en: '{{count}} related {{count|finding|findings}} between {{start}} and {{end}}',
    ja: '{{start}} から {{end}} までの関連する検出 {{count}} 件',
  },
  'detect.incident.timeNotExact': {
    en: 'noticed at {{when}} (the exact time is unknown)',
    ja: '{{when}} の時点で確認（正確な日時は不明）',
  },
};
