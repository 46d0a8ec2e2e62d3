// Role names as the Entra admin center shows them in Japanese, so a finding names the role the way
// the owner will see it on screen. Unknown roles keep their English (or template id) name.
import { findRoleTemplate } from '../../providers/m365/map/roles.ts';
import type { Text } from '../types.ts';

const JA: Record<string, string> = {
  'Global Administrator': 'グローバル管理者',
  'Privileged Role Administrator': '特権ロール管理者',
  'Privileged Authentication Administrator': '特権認証管理者',
  'Security Administrator': 'セキュリティ管理者',
  'User Administrator': 'ユーザー管理者',
  'Application Administrator': 'アプリケーション管理者',
  'Cloud Application Administrator': 'クラウド アプリケーション管理者',
  'Conditional Access Administrator': '条件付きアクセス管理者',
  'Authentication Policy Administrator': '認証ポリシー管理者',
  'Hybrid Identity Administrator': 'ハイブリッド ID 管理者',
  'Domain Name Administrator': 'ドメイン名管理者',
  'External Identity Provider Administrator': '外部 ID プロバイダー管理者',
  'Directory Synchronization Accounts': 'ディレクトリ同期アカウント',
  'Partner Tier2 Support': 'パートナー レベル 2 サポート',
  'Partner Tier1 Support': 'パートナー レベル 1 サポート',
  'Intune Administrator': 'Intune 管理者',
  'Exchange Administrator': 'Exchange 管理者',
  'Helpdesk Administrator': 'ヘルプデスク管理者',
  'Password Administrator': 'パスワード管理者',
  'Authentication Administrator': '認証管理者',
  'Billing Administrator': '課金管理者',
  'License Administrator': 'ライセンス管理者',
  'SharePoint Administrator': 'SharePoint 管理者',
  'Teams Administrator': 'Teams 管理者',
  'Skype for Business Administrator': 'Skype for Business 管理者',
  'Groups Administrator': 'グループ管理者',
  'Compliance Administrator': 'コンプライアンス管理者',
  'Security Operator': 'セキュリティ オペレーター',
  'Directory Writers': 'ディレクトリ ライター',
};

/** The roles' names in both languages, joined. */
export function roleNames(roles: readonly string[]): Text {
  const en = roles.map((r) => findRoleTemplate(r)?.name ?? r);
  return { en: en.join(', '), ja: en.map((n) => JA[n] ?? n).join('、') };
}
